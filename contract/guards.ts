/**
 * Hand-written type guards for the few shapes the widget's shell reads before
 * any step loads: the session answers (proxy-api.ts) and problem details
 * (spherepay/common.ts). The zod schemas stay the definition; these mirror
 * them so the first screen ships no zod, and test/contract/guards.test.ts
 * holds each guard to its schema. Read tolerantly, like the schemas: unknown
 * fields are allowed.
 */
import type { SessionInfo, SessionMinted } from './proxy-api.ts';
import type { ProblemDetails } from './spherepay/common.ts';

type Shape = Record<string, unknown>;
const isObject = (v: unknown): v is Shape => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);

/** 201 of `POST /api/sessions`, and what a merchant's `session-url` answers. */
export const isSessionMinted = (v: unknown): v is SessionMinted =>
  isObject(v) && isString(v.token) && optional(v.expiresAt, isString) && optional(v.customerId, (c) => c === null || isString(c));

/** `GET /api/session`. */
export const isSessionInfo = (v: unknown): v is SessionInfo =>
  isObject(v) && (v.customerId === null || isString(v.customerId)) && isString(v.expiresAt);

const isFieldError = (v: unknown) => isObject(v) && isString(v.detail) && isString(v.pointer);

/** SpherePay's (and the proxy's) error body. */
export const isProblemDetails = (v: unknown): v is ProblemDetails =>
  isObject(v) &&
  typeof v.status === 'number' &&
  isString(v.detail) &&
  optional(v.code, isString) &&
  optional(v.correlationId, isString) &&
  optional(v.errors, (e) => Array.isArray(e) && e.every(isFieldError));
