import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as z from 'zod/mini';
import {
  Amount, BankAccountCreate, BankAccountId, Bps, CustomerId, DocumentUploadFields, Email, IndividualCustomerCreate, IsoDate,
  Phone, QuoteCreate, QuoteId, TransferCreate, TransferId, WalletCreate, WalletId, fromPointer, issuesToErrors, sniffDocumentType,
  toPointer, validationProblem,
} from '../../contract/spherepay/index.ts';

const HEX24 = 'a1b2c3d4e5f60718293a4b5c';
const EVM = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const SOL = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
const TRON = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';

/** The JSON pointers of what a schema refuses ([] when it accepts). */
function pointers(schema: z.ZodMiniType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : issuesToErrors(result.error.issues).map((e) => e.pointer);
}
const accepts = (schema: z.ZodMiniType, value: unknown) => assert.deepEqual(pointers(schema, value), [], JSON.stringify(value));
const refuses = (schema: z.ZodMiniType, value: unknown, pointer = '/') =>
  assert.ok(pointers(schema, value).includes(pointer), `${JSON.stringify(value)} should be refused at ${pointer}: ${pointers(schema, value)}`);

describe('ids', () => {
  it('read by prefix, any length of lower-case letters and digits', () => {
    for (const [schema, prefix] of [[CustomerId, 'customer'], [BankAccountId, 'bankAccount'], [WalletId, 'wallet'], [QuoteId, 'quote']] as const) {
      for (const suffix of ['1', HEX24, `${HEX24}a1b2c3d4`, 'abc123xyz']) accepts(schema, `${prefix}_${suffix}`);
      for (const bad of [`${prefix}_`, `${prefix}_ABC`, `${prefix}-${HEX24}`, `x${prefix}_${HEX24}`, `${prefix}_${HEX24} `, HEX24, 42]) refuses(schema, bad);
    }
  });

  it('a transfer id is payout_ and hex', () => {
    accepts(TransferId, `payout_${HEX24}`);
    for (const bad of ['payout_', `transfer_${HEX24}`, `payout_${HEX24.toUpperCase()}`, `wallet_${HEX24}`]) refuses(TransferId, bad);
  });
});

describe('scalar request fields', () => {
  it('Amount: SpherePay\'s pattern and above zero', () => {
    for (const ok of ['1', '100', '100.00', '0.01', '123456789012.34']) accepts(Amount, ok);
    for (const bad of ['0', '0.00', '100.0', '100.000', '-1.00', '1e2', '.50', ' 1.00', '1,000.00', 100, 0.5, null]) refuses(Amount, bad);
  });

  it('Bps: a whole number of basis points up to 10000', () => {
    for (const ok of ['0', '1', '20', '10000']) accepts(Bps, ok);
    for (const bad of ['10001', '1.5', '-1', '', ' 1', '1e2', 20]) refuses(Bps, bad);
  });

  it('IsoDate: a real calendar date as YYYY-MM-DD', () => {
    for (const ok of ['1990-01-31', '2000-02-29', '2024-02-29', '1999-12-31', '2023-04-30']) accepts(IsoDate, ok);
    for (const bad of ['2023-02-29', '2023-02-30', '2023-04-31', '1900-02-29', '2023-13-01', '2023-00-10', '2023-01-32', '1990-1-1', '19900101', '1990-01-01T00:00:00Z', '']) {
      refuses(IsoDate, bad);
    }
  });

  it('Email and Phone', () => {
    for (const ok of ['ana@example.com', 'a.b+c@sub.example.co']) accepts(Email, ok);
    for (const bad of ['', 'ana', 'ana@example', 'ana @example.com', `${'a'.repeat(250)}@x.io`]) refuses(Email, bad);
    for (const ok of ['+14155550123', '+447911123456', '+5511999999999']) accepts(Phone, ok);
    for (const bad of ['4155550123', '+1 415 555 0123', '+1234', '+1234567890123456', '']) refuses(Phone, bad);
  });
});

describe('bank account requests', () => {
  const owner = { accountHolderName: 'Ana Lima', address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'USA' } };
  const base = { customerId: `customer_${HEX24}`, bankName: 'Bank', accountName: 'Main', accountOwner: owner };
  const usd = (routingNumber: string) => ({
    ...base, currency: 'usd', networks: ['ach'], accountDetails: { accountNumber: '123456789', routingNumber, accountType: 'checking' },
  });
  const eur = (iban: string, bic = 'DEUTDEFF') => ({ ...base, currency: 'eur', networks: ['sepa'], accountDetails: { iban, bic } });
  const brl = (pixKeyType: string, pixKey: string) => ({ ...base, currency: 'brl', networks: ['pix'], accountDetails: { pixKeyType, pixKey } });

  it('checks the ABA routing number', () => {
    accepts(BankAccountCreate, usd('021000021'));
    refuses(BankAccountCreate, usd('021000022'), '/accountDetails/routingNumber');
    refuses(BankAccountCreate, usd('02100002'), '/accountDetails/routingNumber');
  });

  it('checks the IBAN and stores it without spaces, in capitals; the BIC in capitals', () => {
    const parsed = BankAccountCreate.parse(eur('de89 3704 0044 0532 0130 00', ' deutdeff '));
    assert.deepEqual(parsed.accountDetails, { iban: 'DE89370400440532013000', bic: 'DEUTDEFF' });
    refuses(BankAccountCreate, eur('DE89370400440532013001'), '/accountDetails/iban');
    refuses(BankAccountCreate, eur('DE89370400440532013000', 'DEUTDE'), '/accountDetails/bic');
  });

  it('checks each PIX key by its type', () => {
    for (const [type, key] of [['cpf', '12345678901'], ['cnpj', '12345678000195'], ['email', 'ana@example.com'], ['phone', '+5511999999999'], ['random', '123e4567-e89b-12d3-a456-426614174000']]) {
      accepts(BankAccountCreate, brl(type!, key!));
    }
    for (const [type, key] of [['cpf', '1234567890'], ['cnpj', '123'], ['email', 'ana'], ['phone', '+14155550123'], ['random', 'not-a-uuid']]) {
      refuses(BankAccountCreate, brl(type!, key!), '/accountDetails/pixKey');
    }
  });

  it('pairs each currency with its rails only', () => {
    refuses(BankAccountCreate, { ...eur('DE89370400440532013000'), networks: ['ach'] }, '/networks/0');
    refuses(BankAccountCreate, { ...usd('021000021'), networks: ['ach', 'ach'] }, '/networks');
    refuses(BankAccountCreate, { ...usd('021000021'), networks: [] }, '/networks');
  });
});

describe('wallet requests', () => {
  const wallet = (network: string, address: string) => ({ customerId: `customer_${HEX24}`, network, address });

  it('accept an address of the network\'s form', () => {
    for (const network of ['ethereum', 'polygon', 'base', 'arbitrum', 'avalanche', 'optimism']) accepts(WalletCreate, wallet(network, EVM));
    accepts(WalletCreate, wallet('ethereum', EVM.toLowerCase()));
    accepts(WalletCreate, wallet('sol', SOL));
    accepts(WalletCreate, wallet('tron', TRON));
    accepts(WalletCreate, wallet('starknet', '0x049d36570d4e46f48e99674bd3fcc84644ddd6b96f7c741b1562b82f9e004dc7'));
    accepts(WalletCreate, wallet('sol', ` ${SOL} `));
  });

  it('refuse an address of another network, or a broken checksum, at /address', () => {
    const flipped = EVM.replace('aA', 'Aa');
    for (const [network, address] of [['ethereum', SOL], ['ethereum', TRON], ['ethereum', flipped], ['sol', EVM], ['tron', SOL], ['tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u'], ['starknet', SOL]]) {
      refuses(WalletCreate, wallet(network!, address!), '/address');
    }
  });
});

describe('quote and transfer requests', () => {
  const side = (currency: string, network: string) => ({ currency, network });

  it('a quote needs a positive amount and one of the three durations', () => {
    const quote = { amount: '100.00', customerId: `customer_${HEX24}`, source: side('usd', 'ach'), destination: side('usdc', 'ethereum') };
    accepts(QuoteCreate, quote);
    for (const d of [30, 60, 300]) accepts(QuoteCreate, { ...quote, quoteDurationSeconds: d });
    refuses(QuoteCreate, { ...quote, quoteDurationSeconds: 45 }, '/quoteDurationSeconds');
    refuses(QuoteCreate, { ...quote, amount: '0.00' }, '/amount');
    refuses(QuoteCreate, { ...quote, integratorBpsFeeRate: '10001' }, '/integratorBpsFeeRate');
    refuses(QuoteCreate, { ...quote, source: side('gbp', 'ach') }, '/source/currency');
  });

  const floating = {
    customer: `customer_${HEX24}`,
    amount: '100.00',
    source: { type: 'bank_account', id: `bankAccount_${HEX24}`, currency: 'usd', network: 'ach' },
    destination: { type: 'wallet', id: `wallet_${HEX24}`, currency: 'usdc', network: 'ethereum' },
  };

  it('a floating-rate transfer names amount, currencies and networks', () => {
    accepts(TransferCreate, floating);
    accepts(TransferCreate, { ...floating, destination: { ...floating.destination, network: 'fogo' } });
    const { amount: _amount, ...noAmount } = floating;
    refuses(TransferCreate, noAmount, '/amount');
    const { currency: _currency, ...noCurrency } = floating.destination;
    refuses(TransferCreate, { ...floating, destination: noCurrency }, '/destination/currency');
    refuses(TransferCreate, { ...floating, amount: '1e2' }, '/amount');
  });

  it('a quote transfer names the quote and its endpoints', () => {
    accepts(TransferCreate, {
      customer: `customer_${HEX24}`, quoteId: `quote_${HEX24}`,
      source: { type: 'bank_account', id: `bankAccount_${HEX24}` }, destination: { type: 'wallet', id: `wallet_${HEX24}` },
    });
  });

  it('moves money between a bank account and a wallet, each named by its own id', () => {
    refuses(TransferCreate, { ...floating, destination: { ...floating.destination, type: 'bank_account', id: `bankAccount_${HEX24}` } }, '/destination/type');
    refuses(TransferCreate, { ...floating, source: { ...floating.source, id: `wallet_${HEX24}` } }, '/source/id');
    refuses(TransferCreate, { ...floating, source: { ...floating.source, id: `customer_${HEX24}` } }, '/source/id');
  });

  it('puts a payment reference on the bank-account side only', () => {
    const offRamp = {
      ...floating,
      source: { type: 'wallet', id: `wallet_${HEX24}`, currency: 'usdc', network: 'ethereum' },
      destination: { type: 'bank_account', id: `bankAccount_${HEX24}`, currency: 'eur', network: 'sepa', sepaReference: 'INV-2026-001' },
    };
    accepts(TransferCreate, offRamp);
    refuses(TransferCreate, { ...offRamp, destination: { ...offRamp.destination, sepaReference: 'INV' } }, '/destination/sepaReference');
    refuses(TransferCreate, { ...floating, source: { ...floating.source, achReference: 'REF' } }, '/source/achReference');
  });

  it('refuses unknown fields by name', () => {
    refuses(TransferCreate, { ...floating, memo: 'x' }, '/memo');
  });
});

describe('customer requests: the tax rules', () => {
  const person = (personalInformation: Record<string, string>, country = 'GBR') => ({
    type: 'individual', email: 'ana@example.com', phone: '+447911123456',
    address: { line1: '1 High St', city: 'London', postalCode: 'N1 1AA', country, ...(country === 'USA' ? { state: 'NY' } : {}) },
    personalInformation,
  });
  const ssn = { taxIdentificationNumber: '123-45-6789', taxIdentificationNumberType: 'ssn', taxIdentificationNumberCountry: 'USA' };

  it('accepts a complete tax identification', () => {
    accepts(IndividualCustomerCreate, person(ssn, 'USA'));
    accepts(IndividualCustomerCreate, person({ ...ssn, taxIdentificationNumber: '123456789' }, 'USA'));
    accepts(IndividualCustomerCreate, person({ taxIdentificationNumber: 'AB123456C', taxIdentificationNumberType: 'national_id', taxIdentificationNumberCountry: 'GBR' }));
    accepts(IndividualCustomerCreate, person({ firstName: 'Ana' }));
  });

  it('wants all three tax fields together', () => {
    refuses(IndividualCustomerCreate, person({ taxIdentificationNumber: '123-45-6789' }), '/personalInformation/taxIdentificationNumberType');
    refuses(IndividualCustomerCreate, person({ taxIdentificationNumber: '123-45-6789' }), '/personalInformation/taxIdentificationNumberCountry');
  });

  it('wants nine digits for an SSN, an SSN or ITIN for US residents, a description for "other"', () => {
    refuses(IndividualCustomerCreate, person({ ...ssn, taxIdentificationNumber: '12-345-678' }, 'USA'), '/personalInformation/taxIdentificationNumber');
    refuses(IndividualCustomerCreate, person({ ...ssn, taxIdentificationNumberType: 'passport' }, 'USA'), '/personalInformation/taxIdentificationNumberType');
    refuses(IndividualCustomerCreate, person({ ...ssn, taxIdentificationNumberType: 'other', taxIdentificationNumberCountry: 'GBR' }), '/personalInformation/taxIdentificationNumberDescription');
  });
});

describe('document uploads', () => {
  const fields = { targetId: `customer_${HEX24}`, target: 'customer', documentType: 'passport', country: 'USA' };

  it('an identity document names its issuing country; the target id matches the target', () => {
    accepts(DocumentUploadFields, fields);
    accepts(DocumentUploadFields, { ...fields, documentType: 'id_card', side: 'front' });
    accepts(DocumentUploadFields, { targetId: `associatedPerson_${HEX24}`, target: 'business_representative', documentType: 'proof_of_address' });
    const { country: _country, ...noCountry } = fields;
    refuses(DocumentUploadFields, noCountry, '/country');
    refuses(DocumentUploadFields, { ...fields, target: 'business_representative' }, '/targetId');
    refuses(DocumentUploadFields, { ...fields, documentType: 'selfie' }, '/documentType');
  });

  it('knows a file by its first bytes, not by its name', () => {
    const bytes = (...b: number[]) => Uint8Array.from([...b, ...new Array(16).fill(0)]);
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    assert.equal(sniffDocumentType(bytes(...ascii('%PDF-1.7'))), 'application/pdf');
    assert.equal(sniffDocumentType(bytes(0xff, 0xd8, 0xff, 0xe0)), 'image/jpeg');
    assert.equal(sniffDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), 'image/png');
    assert.equal(sniffDocumentType(bytes(0x49, 0x49, 0x2a, 0x00)), 'image/tiff');
    assert.equal(sniffDocumentType(bytes(0x4d, 0x4d, 0x00, 0x2a)), 'image/tiff');
    assert.equal(sniffDocumentType(bytes(0, 0, 0, 0x18, ...ascii('ftypheic'))), 'image/heic');
    assert.equal(sniffDocumentType(bytes(0, 0, 0, 0x18, ...ascii('ftypmp42'))), undefined); // an MP4 video
    assert.equal(sniffDocumentType(bytes(...ascii('GIF89a'))), undefined);
    assert.equal(sniffDocumentType(bytes(...ascii('<html>'))), undefined);
    assert.equal(sniffDocumentType(new Uint8Array(0)), undefined);
    assert.equal(sniffDocumentType(Uint8Array.from(ascii('%PD'))), undefined);
  });
});

describe('problem details', () => {
  it('writes and reads RFC 6901 pointers, "~" and "/" escaped', () => {
    const paths: (string | number)[][] = [[], ['amount'], ['source', 'id'], ['networks', 0], ['meta', 'a/b'], ['meta', 'c~d'], ['meta', '~1']];
    for (const path of paths) assert.deepEqual(fromPointer(toPointer(path)), path.map(String), JSON.stringify(path));
    assert.equal(toPointer(['meta', 'a/b', 'c~d']), '/meta/a~1b/c~0d');
    assert.equal(toPointer(['meta', '~1']), '/meta/~01');
    assert.deepEqual(fromPointer('/meta/~01'), ['meta', '~1']);
  });

  it('reports each unknown field at its own pointer, with SpherePay\'s 422 shape', () => {
    const result = TransferCreate.safeParse({ customer: 'nobody', extra: 1, other: 2 });
    assert.equal(result.success, false);
    const body = validationProblem(result.error!.issues, 'corr-1');
    assert.equal(body.status, 422);
    assert.equal(body.code, 'validation/failed');
    assert.equal(body.correlationId, 'corr-1');
    const at = new Map(body.errors!.map((e) => [e.pointer, e.detail]));
    assert.equal(at.get('/extra'), 'Unknown field');
    assert.equal(at.get('/other'), 'Unknown field');
    assert.ok(at.get('/customer'));
    assert.equal(at.get('/source'), 'Required');
    for (const e of body.errors!) assert.ok(e.detail.length > 0 && e.pointer.startsWith('/'), JSON.stringify(e));
  });
});
