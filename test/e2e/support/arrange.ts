/**
 * State a test starts from, arranged over HTTP the way a merchant backend
 * and the widget would: a session per user, an approved customer (identity
 * document, the sandbox's short review, then its approve control), and
 * instruments.
 */
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const OWNER = {
  accountHolderName: 'Ada Lovelace',
  address: { line1: '233 South Wacker Drive', city: 'Chicago', state: 'IL', postalCode: '60606', country: 'USA' },
};

export class Arranger {
  constructor(
    private readonly proxyUrl: string,
    private readonly serverSecret: string,
  ) {}

  async token(user: string): Promise<string> {
    const res = await fetch(`${this.proxyUrl}/api/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.serverSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ externalUserId: user }),
    });
    if (!res.ok) throw new Error(`session: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  }

  async call<T>(token: string, path: string, init: { method?: string; body?: unknown; form?: FormData } = {}): Promise<T> {
    const res = await fetch(`${this.proxyUrl}${path}`, {
      method: init.method ?? (init.body || init.form ? 'POST' : 'GET'),
      headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      body: init.form ?? (init.body ? JSON.stringify(init.body) : undefined),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  }

  /** An approved individual customer for `user`, with a session token for them. */
  async approvedCustomer(user: string): Promise<{ token: string; customerId: string }> {
    const token = await this.token(user);
    const customer = await this.call<{ id: string }>(token, '/api/v2/customer', {
      body: {
        type: 'individual',
        email: `${user}@example.com`,
        phone: '+14155550123',
        address: OWNER.address,
        personalInformation: { taxIdentificationNumber: '123456789', taxIdentificationNumberType: 'ssn', taxIdentificationNumberCountry: 'USA' },
        meta: { sandboxRequire: 'none' },
      },
    });
    const form = new FormData();
    form.set('targetId', customer.id);
    form.set('target', 'customer');
    form.set('documentType', 'passport');
    form.set('country', 'USA');
    form.set('file', new Blob([PNG_1PX], { type: 'image/png' }), 'passport.png');
    await this.call(token, '/api/v2/document', { form });
    const deadline = Date.now() + 15_000;
    for (;;) {
      const c = await this.call<{ verificationProfiles: { status: string }[] }>(token, `/api/v2/customer/${customer.id}`);
      if (c.verificationProfiles[0]?.status === 'pending') break;
      if (Date.now() > deadline) throw new Error('the customer never reached review');
      await new Promise((r) => setTimeout(r, 250));
    }
    await this.call(token, '/api/sandbox/customer/approve', { method: 'POST' });
    return { token, customerId: customer.id };
  }

  usdBankAccount(token: string, customerId: string) {
    return this.call<{ id: string }>(token, '/api/v2/bank-account', {
      body: {
        customerId, bankName: 'Chase', accountName: 'Main checking', currency: 'usd', networks: ['ach'], accountOwner: OWNER,
        accountDetails: { accountNumber: '1234567890', routingNumber: '021000021', accountType: 'checking' },
      },
    });
  }

  brlBankAccount(token: string, customerId: string) {
    return this.call<{ id: string }>(token, '/api/v2/bank-account', {
      body: {
        customerId, bankName: 'Banco do Brasil', accountName: 'Conta PIX', currency: 'brl', networks: ['pix'], accountOwner: OWNER,
        accountDetails: { pixKey: 'ada@example.com', pixKeyType: 'email' },
      },
    });
  }

  wallet(token: string, customerId: string, network: 'base' | 'polygon', address: string) {
    return this.call<{ id: string }>(token, '/api/v2/wallet', { body: { customerId, network, address } });
  }
}
