/**
 * The proxy's own HTTP API (DESIGN.md "Proxy HTTP API"), beside the relayed
 * SpherePay v2 paths: what a merchant backend sends to mint a session, and
 * what the proxy answers to it and to the widget. Requests are strict,
 * answers are read tolerantly.
 */
import * as z from 'zod/mini';
import { compare } from './money.ts';
import { Amount, CryptoCurrency, CustomerId, FiatCurrency } from './spherepay/common.ts';

/** What a person may do: buy stablecoins with fiat, or sell them for fiat. */
export const RAMP_DIRECTIONS = ['on-ramp', 'off-ramp'] as const;
export const RampDirection = z.enum(RAMP_DIRECTIONS);
export type RampDirection = z.infer<typeof RampDirection>;

/** Every currency a policy may name: fiat and stablecoin codes as SpherePay writes them. */
export const POLICY_CURRENCIES = [...FiatCurrency.options, ...CryptoCurrency.options] as const;
export const PolicyCurrency = z.enum(POLICY_CURRENCIES);
export type PolicyCurrency = z.infer<typeof PolicyCurrency>;

/** Integrator fee in basis points: an integer string, 0 to 1000 (10 %). */
export const IntegratorFeeBps = z.string().check(
  z.regex(/^\d{1,4}$/, 'basisPoints'),
  z.refine((v) => !/^\d{1,4}$/.test(v) || Number(v) <= 1000, 'policyFeeMax'),
);
/** Integrator fixed fee in the source currency, two decimals (`"1.50"`). */
export const IntegratorFixedFee = z.string().check(z.regex(/^\d+\.\d{2}$/, 'amountFormat'));

/**
 * The merchant's terms for one user, given at mint time (`policy` of
 * `POST /api/sessions`). Fees replace the merchant's defaults
 * (RAMP_INTEGRATOR_FEE_BPS, RAMP_INTEGRATOR_FIXED_FEE); limits, directions
 * and currencies only narrow what is allowed. Amount limits are compared
 * with a request's `amount` (source currency).
 */
export const PolicyTerms = z
  .strictObject({
    integratorFeeBps: z.optional(IntegratorFeeBps),
    integratorFixedFee: z.optional(IntegratorFixedFee),
    minAmount: z.optional(Amount),
    maxAmount: z.optional(Amount),
    directions: z.optional(z.array(RampDirection).check(z.minLength(1, 'directionsRequired'))),
    currencies: z.optional(z.array(PolicyCurrency).check(z.minLength(1, 'currenciesRequired'))),
  })
  .check(
    z.superRefine((v, ctx) => {
      const ok = (a: string | undefined) => a !== undefined && /^\d+(\.\d{2})?$/.test(a);
      if (ok(v.minAmount) && ok(v.maxAmount) && compare(v.minAmount!, v.maxAmount!) > 0) {
        ctx.issues.push({ code: 'custom', input: v, path: ['maxAmount'], message: 'maxBelowMin' });
      }
    }),
  );
export type PolicyTerms = z.infer<typeof PolicyTerms>;

/**
 * A session's policy as the proxy resolved it at mint time, every field
 * filled in (`GET /api/session`): what the relay enforces and what the
 * widget shows before the person types. Read tolerantly by the widget.
 */
export const SessionPolicy = z.object({
  /** Basis points the proxy puts on every quote and transfer (`"0"` = none). */
  integratorFeeBps: z.string(),
  /** Fixed fee the proxy puts on floating-rate transfers (`"0.00"` = none; SpherePay allows none on BRL). */
  integratorFixedFee: z.string(),
  minAmount: z.nullable(z.string()),
  maxAmount: z.nullable(z.string()),
  directions: z.array(z.string()),
  currencies: z.array(z.string()),
});
export type SessionPolicy = z.infer<typeof SessionPolicy>;

/** The policy of a session minted with no terms and no merchant defaults: no fees, no limits, everything allowed. */
export const OPEN_POLICY: SessionPolicy = {
  integratorFeeBps: '0', integratorFixedFee: '0.00', minAmount: null, maxAmount: null,
  directions: [...RAMP_DIRECTIONS], currencies: [...POLICY_CURRENCIES],
};

/** `POST /api/sessions` (merchant backend -> proxy, `Authorization: Bearer RAMP_SERVER_SECRET`). */
export const SessionCreate = z.strictObject({
  externalUserId: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(255)),
  customerId: z.optional(CustomerId),
  ttlSeconds: z.optional(z.number().check(z.int('wholeSeconds'), z.gte(60), z.lte(86_400))),
  policy: z.optional(PolicyTerms),
});
export type SessionCreate = z.infer<typeof SessionCreate>;

/**
 * 201 answer to `POST /api/sessions`; also what a merchant's `session-url`
 * answers the widget. The proxy's answer also carries the session's
 * `policy` (all `GET /api/session` would say), so a widget handed the whole
 * answer starts without that round trip; a backend that passes on only the
 * token still works.
 */
export const SessionMinted = z.object({
  token: z.string(),
  expiresAt: z.optional(z.string()),
  customerId: z.optional(z.nullable(z.string())),
  policy: z.optional(SessionPolicy),
});
export type SessionMinted = z.infer<typeof SessionMinted>;

/**
 * `GET /healthz`: the process answers, and says it is a sphere-ramp proxy.
 * Asked without credentials (a simple request, no CORS preflight), it is how
 * the widget knows it can reach its proxy from this page before a form shows.
 */
export const ProxyHealth = z.object({
  status: z.literal('ok'),
  service: z.literal('sphere-ramp'),
});
export type ProxyHealth = z.infer<typeof ProxyHealth>;

/** `GET /api/session`: who the bearer is, and the merchant's terms for them. */
export const SessionInfo = z.object({
  customerId: z.nullable(z.string()),
  expiresAt: z.string(),
  policy: z.optional(SessionPolicy),
});

/** The longest text `GET /api/qr` encodes: a deposit address or a PIX BR code is far shorter. */
export const QR_TEXT_MAX = 512;

/**
 * `GET /api/qr?text=…` (widget -> proxy, session token; beyond DESIGN.md):
 * the text a QR code should carry. The proxy encodes it, so the browser
 * ships no QR encoder.
 */
export const QrQuery = z.strictObject({
  text: z.string().check(z.minLength(1, 'required'), z.maxLength(QR_TEXT_MAX)),
});
export type QrQuery = z.infer<typeof QrQuery>;

/**
 * 200 answer to `GET /api/qr`: the code as one SVG path. `size` is the side
 * of the square in modules, the 4-module quiet zone included (the SVG's
 * viewBox is `0 0 size size`); `path` is a path `d` drawing the dark modules.
 */
export const QrCode = z.object({
  size: z.number().check(z.int(), z.positive()),
  path: z.string(),
});
export type QrCode = z.infer<typeof QrCode>;

/** `DELETE /api/sessions` (merchant backend -> proxy): revokes every session of one user. */
export const SessionRevoke = z.strictObject({
  externalUserId: SessionCreate.shape.externalUserId,
});
export type SessionRevoke = z.infer<typeof SessionRevoke>;

/** 200 answer to `DELETE /api/sessions`: how many live sessions were revoked. */
export const SessionsRevoked = z.object({ revoked: z.number() });
export type SessionsRevoked = z.infer<typeof SessionsRevoked>;
export type SessionInfo = z.infer<typeof SessionInfo>;
