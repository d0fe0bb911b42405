/**
 * Hand-written type guards for the few shapes the widget reads without zod:
 * what the shell reads before any step loads (the session answers in
 * proxy-api.ts, problem details in spherepay/common.ts), and the QR code
 * answer, read by `<sphere-ramp-qr>`, which imports no zod.
 * The zod schemas stay the definition; these mirror them so the first
 * screen ships no zod, and test/contract/guards.test.ts holds each guard to
 * its schema. Read tolerantly, like the schemas: unknown fields are allowed.
 */
import type { ProxyHealth, QrCode, SessionInfo, SessionMinted, SessionPolicy } from './proxy-api.ts';
import type { ProblemDetails } from './spherepay/common.ts';

type Shape = Record<string, unknown>;
const isObject = (v: unknown): v is Shape => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);

const isNullableString = (v: unknown) => v === null || isString(v);
const isStringArray = (v: unknown) => Array.isArray(v) && v.every(isString);

/** The merchant's terms for the session, as `GET /api/session` carries them. */
export const isSessionPolicy = (v: unknown): v is SessionPolicy =>
  isObject(v) &&
  isString(v.integratorFeeBps) &&
  isString(v.integratorFixedFee) &&
  isNullableString(v.minAmount) &&
  isNullableString(v.maxAmount) &&
  isStringArray(v.directions) &&
  isStringArray(v.currencies);

/** 201 of `POST /api/sessions`, and what a merchant's `session-url` answers. */
export const isSessionMinted = (v: unknown): v is SessionMinted =>
  isObject(v) && isString(v.token) && optional(v.expiresAt, isString) && optional(v.customerId, (c) => c === null || isString(c)) && optional(v.policy, isSessionPolicy);

/** `GET /api/session`. */
export const isSessionInfo = (v: unknown): v is SessionInfo =>
  isObject(v) && isNullableString(v.customerId) && isString(v.expiresAt) && optional(v.policy, isSessionPolicy);

// An error item's `pointer` is not promised (D11).
const isFieldError = (v: unknown) => isObject(v) && isString(v.detail) && (v.pointer === undefined || isString(v.pointer));

/** The proxy's `GET /healthz` answer. */
export const isProxyHealth = (v: unknown): v is ProxyHealth => isObject(v) && v.status === 'ok' && v.service === 'sphere-ramp';

/** `GET /api/qr`: a positive whole `size` and a `path` string. */
export const isQrCode = (v: unknown): v is QrCode => isObject(v) && Number.isSafeInteger(v.size) && (v.size as number) > 0 && isString(v.path);

/** SpherePay's (and the proxy's) error body. */
export const isProblemDetails = (v: unknown): v is ProblemDetails =>
  isObject(v) &&
  typeof v.status === 'number' &&
  isString(v.detail) &&
  optional(v.code, isString) &&
  optional(v.correlationId, isString) &&
  optional(v.errors, (e) => Array.isArray(e) && e.every(isFieldError));
