/**
 * A drifted SpherePay for tests: a forwarding server in front of our sandbox
 * that answers in the OTHER shapes SpherePay's docs show (API.md "What
 * changed on 2026-12-01", D2, D9-D11), so the proxy and the widget are tested
 * against what the real API may send, not only against our own reading:
 *
 * - payout ids with 24 hex characters (the sandbox issues 32; mapped both ways);
 * - fee objects without `bpsAmount`;
 * - an extra verification profile with no `criteria` (`kyc_profile_c`);
 * - an unknown transfer status (`processing` reads `settlementInProgress`);
 * - wallet lists with a wallet on an unknown network and one odd item;
 * - the lifecycle page's off-ramp deposit shape (`instructions.depositInstructions`);
 * - webhooks re-enveloped, alternately, in the 2025 naming (`payout.successful`)
 *   and the v1 envelope (`event_` id, `name`, `created`, `data.{payout|...}`),
 *   re-signed with the webhook secret over compact JSON.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const UNKNOWN_STATUS = 'settlementInProgress';
export const UNKNOWN_NETWORK = 'hyperevm';
const LEGACY_SUFFIX: Record<string, string> = { pendingFunding: 'pending', fundsReceived: 'funded', succeeded: 'successful', canceled: 'cancelled' };

type Json = Record<string, any>;

export interface DriftUpstream {
  url: string;
  /** Where the sandbox should send its webhooks. */
  webhookUrl: string;
  /** Where re-enveloped webhooks go (the proxy's `/webhooks/spherepay`). */
  setWebhookTarget(url: string): void;
  /** Webhook envelopes sent so far, for assertions. */
  sent: { envelope: '2025' | 'v1'; name: string }[];
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export async function startDriftUpstream(target: string, webhookSecret: string): Promise<DriftUpstream> {
  const longOf = new Map<string, string>();
  const shorten = (text: string) =>
    text.replace(/payout_([0-9a-f]{32})\b/g, (_m, hex: string) => {
      const short = `payout_${hex.slice(0, 24)}`;
      longOf.set(short, `payout_${hex}`);
      return short;
    });
  const lengthen = (text: string) => text.replace(/payout_[0-9a-f]{24}\b(?![0-9a-f])/g, (short) => longOf.get(short) ?? short);

  /** Rewrites one resource in place into the drifted shapes. */
  function drift(value: unknown, path: string): unknown {
    if (Array.isArray(value)) return value.map((v) => drift(v, path));
    if (typeof value !== 'object' || value === null) return value;
    const o = value as Json;
    delete o.bpsAmount;
    if (Array.isArray(o.verificationProfiles) && !o.verificationProfiles.some((p: Json) => p?.name === 'kyc_profile_c')) {
      o.verificationProfiles.push({ name: 'kyc_profile_c', status: 'incomplete' });
    }
    if (typeof o.id === 'string' && o.id.startsWith('payout_')) {
      if (o.status === 'processing') o.status = UNKNOWN_STATUS;
      const account = o.depositAccount as Json | undefined;
      if (account?.type === 'wallet' && account.walletDetails) {
        o.instructions = { depositInstructions: account.walletDetails };
        delete o.depositAccount;
      }
    }
    for (const [k, v] of Object.entries(o)) if (typeof v === 'object' && v !== null) o[k] = drift(v, path);
    return o;
  }

  function driftBody(method: string, path: string, json: unknown): unknown {
    const out = drift(json, path) as Json;
    if (method === 'GET' && /^\/v2\/wallet(\?|$)/.test(path) && Array.isArray(out?.data)) {
      const customerId = new URLSearchParams(path.split('?')[1] ?? '').get('customerId') ?? out.data[0]?.customerId;
      if (customerId) {
        const now = new Date().toISOString();
        out.data.push({ id: `wallet_${randomBytes(16).toString('hex')}`, address: '0x52908400098527886e0f7030069857d2e4169ee7', network: UNKNOWN_NETWORK, customerId, created: now, updated: now });
        out.data.push({ id: 42, network: null, customerId });
      }
    }
    return out;
  }

  let webhookTarget: string | undefined;
  let count = 0;
  const sent: DriftUpstream['sent'] = [];

  async function forwardWebhook(raw: Buffer) {
    const event = JSON.parse(shorten(raw.toString('utf8'))) as { id: string; type: string; createdAt: string; data: Json };
    const data = drift(event.data, '') as Json;
    const [group, suffix = ''] = event.type.split(/\.(.*)/s);
    const v1 = count++ % 2 === 1;
    let body: Json;
    if (group === 'transfer') {
      const name = `${v1 ? 'transfer' : 'payout'}.${LEGACY_SUFFIX[suffix] ?? suffix}`;
      if (v1) {
        // v1: the resource nested under its name, and no status on it: the name has to say it.
        const { status: _status, ...payout } = data;
        body = { id: `event_${randomBytes(12).toString('hex')}`, name, created: event.createdAt, data: { payout }, mock: false };
      } else {
        body = { id: event.id, type: name, createdAt: event.createdAt, data };
      }
      sent.push({ envelope: v1 ? 'v1' : '2025', name });
    } else if (v1) {
      const key = group === 'customer' ? 'customer' : group === 'wallet' ? 'wallet' : 'bankAccount';
      body = { id: `event_${randomBytes(12).toString('hex')}`, name: event.type, created: event.createdAt, data: { [key]: data } };
      sent.push({ envelope: 'v1', name: event.type });
    } else {
      body = { ...event, data };
      sent.push({ envelope: '2025', name: event.type });
    }
    if (!webhookTarget) return;
    const text = JSON.stringify(body);
    await fetch(webhookTarget, {
      method: 'POST',
      headers: { 'content-type': 'application/json', signature: createHmac('sha256', webhookSecret).update(text).digest('hex') },
      body: text,
    }).catch(() => undefined);
  }

  const base = new URL(target);
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (req.url === '/_drift/webhooks') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      void forwardWebhook(raw);
      return;
    }
    const path = lengthen(req.url ?? '/');
    const isJson = (req.headers['content-type'] ?? '').includes('application/json');
    const body = raw.length && isJson ? Buffer.from(lengthen(raw.toString('utf8'))) : raw;
    const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: base.host, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    const up = request({ host: base.hostname, port: base.port, method: req.method, path, headers }, (upRes) => {
      const chunks: Buffer[] = [];
      upRes.on('data', (c: Buffer) => chunks.push(c));
      upRes.on('end', () => {
        let text = Buffer.concat(chunks).toString('utf8');
        const type = upRes.headers['content-type'] ?? '';
        if (type.includes('json') && text) {
          try {
            text = JSON.stringify(driftBody(req.method ?? 'GET', path, JSON.parse(shorten(text))));
          } catch {
            // not JSON after all: passed on as it came
          }
        }
        const out = { ...upRes.headers, 'content-length': String(Buffer.byteLength(text)) };
        delete out['transfer-encoding'];
        res.writeHead(upRes.statusCode ?? 502, out).end(text);
      });
    });
    up.on('error', () => res.writeHead(502).end());
    up.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    webhookUrl: `${url}/_drift/webhooks`,
    setWebhookTarget: (u) => (webhookTarget = u),
    sent,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
