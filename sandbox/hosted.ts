/**
 * The hosted pages the TOS, KYC and face-verification links open: small
 * "SpherePay sandbox" pages for a person's browser. No API key; an opaque
 * random token in the URL, valid about an hour by the sandbox clock and once.
 * Confirming is a plain form POST (no script needed); the done page tells a
 * window opener and closes itself when it can. Pages speak English, Spanish
 * or Brazilian Portuguese (`lang` in the link, else Accept-Language).
 */
import express, { Router, type Request } from 'express';
import { randomBytes } from 'node:crypto';
import type { Context } from './context.ts';
import { fulfil, type ProfileState } from './criteria.ts';
import type { CustomerRecord, HostedToken } from './store.ts';
import { refreshCustomer } from './verification.ts';
import { viewCustomer } from './views.ts';
import { HOSTED_LANGUAGES, hostedLanguage, type HostedLanguage } from './hosted-words.ts';

export const LINK_LIFETIME_SECONDS = 3600;
export type HostedKind = HostedToken['kind'];

/** Creates a link to a hosted page for a customer or representative. */
export function hostedLink(ctx: Context, req: Request, kind: HostedKind, targetId: string) {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = ctx.clock.now().getTime() + LINK_LIFETIME_SECONDS * 1000;
  ctx.store.hostedTokens.set(token, { kind, targetId, expiresAt, used: false });
  const origin = ctx.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  return { url: `${origin}/_sandbox/hosted/${kind}?token=${token}`, expiresAt: new Date(expiresAt).toISOString() };
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(nonce: string, lang: HostedLanguage, title: string, body: string, script = '') {
  const words = HOSTED_LANGUAGES[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · ${escape(words.titleSuffix)}</title>
<style nonce="${nonce}">
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1f24}
main{max-width:32rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:12px;box-shadow:0 1px 4px #0002}
.badge{display:inline-block;background:#fff4ce;color:#5c4400;border:1px solid #e0c060;border-radius:4px;padding:0 .5rem;font-size:.85rem;font-weight:600}
button{font:inherit;background:#1f4fd1;color:#fff;border:0;border-radius:8px;padding:.75rem 1.25rem;cursor:pointer}
button:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
</style>
</head>
<body>
<main>
<p class="badge">${escape(words.badge)}</p>
<h1>${escape(title)}</h1>
${body}
</main>
${script ? `<script nonce="${nonce}">${script}</script>` : ''}
</body>
</html>`;
}

export function hostedRouter(ctx: Context): Router {
  const router = Router();
  router.use('/_sandbox/hosted', express.urlencoded({ extended: false, limit: '4kb' }));

  router.all('/_sandbox/hosted/:kind', (req, res) => {
    const nonce = randomBytes(16).toString('base64');
    res.set({
      'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'`,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'content-type': 'text/html; charset=utf-8',
    });
    const lang = hostedLanguage(req.method === 'POST' ? (req.body?.lang ?? req.query.lang) : req.query.lang, req.get('accept-language'));
    const words = HOSTED_LANGUAGES[lang];
    const show = (status: number, title: string, body: string, script?: string) => res.status(status).send(page(nonce, lang, title, body, script));
    const notice = (status: number, w: { title: string; body: string }) => show(status, w.title, `<p>${escape(w.body)}</p>`);
    if (req.method !== 'GET' && req.method !== 'POST') return notice(405, words.notAllowed);

    const kind = req.params.kind as HostedKind;
    const token = String(req.method === 'POST' ? (req.body?.token ?? req.query.token ?? '') : (req.query.token ?? ''));
    const grant = ctx.store.hostedTokens.get(token);
    if (!(kind in words.kinds) || !grant || grant.kind !== kind) return notice(404, words.invalid);
    const text = words.kinds[kind];
    if (grant.used) return notice(410, words.used);
    if (grant.expiresAt <= ctx.clock.now().getTime()) return notice(410, words.expired);
    if (req.method === 'GET') {
      return show(
        200,
        text.title,
        `<p>${escape(text.explain)} ${escape(words.confirmNote)}</p>
<form method="post" action="/_sandbox/hosted/${kind}"><input type="hidden" name="token" value="${escape(token)}"><input type="hidden" name="lang" value="${lang}"><button type="submit">${escape(text.button)}</button></form>`,
      );
    }
    grant.used = true;
    complete(ctx, kind, grant.targetId);
    const message = JSON.stringify({ source: 'spherepay-sandbox', type: 'hosted-complete', kind });
    show(
      200,
      words.closeNote,
      `<p role="status">${escape(text.done)} ${escape(words.closeNote)}</p>`,
      `if (window.opener) { try { window.opener.postMessage(${message}, '*'); } catch (e) {} window.close(); }`,
    );
  });
  return router;
}

const DOCUMENT_ITEMS = [
  'identity_document', 'liveness_check', 'liveness_report_document', 'incorporation_cert_document', 'shareholder_registry_document',
  'proof_of_address_document',
];

function complete(ctx: Context, kind: HostedKind, targetId: string) {
  const rep = ctx.store.representatives.get(targetId);
  const customer = ctx.store.customers.get(rep ? rep.customerId : targetId);
  if (!customer) return;
  const fulfilAll = (profile: ProfileState, items: string[]) => items.forEach((item) => fulfil(profile, item));
  if (kind === 'face') fulfil((rep ?? customer).profile, 'liveness_check');
  if (kind === 'kyc') {
    fulfilAll(customer.profile, DOCUMENT_ITEMS);
    if (customer.type === 'business') {
      for (const id of customer.representatives) fulfilAll(ctx.store.representatives.get(id)!.profile, DOCUMENT_ITEMS);
    }
  }
  if (kind === 'tos') acceptTerms(ctx, customer);
  customer.updatedAt = ctx.timestamp();
  refreshCustomer(ctx, customer);
}

function acceptTerms(ctx: Context, customer: CustomerRecord) {
  fulfil(customer.profile, 'terms_of_service');
  fulfil(customer.profile, 'master_service_agreement');
  if (customer.tosAccepted) return;
  customer.tosAccepted = true;
  ctx.webhooks.send('customer.tos.successful', viewCustomer(ctx, customer));
}
