/**
 * The proxy's own HTTP API (DESIGN.md "Proxy HTTP API"), beside the relayed
 * SpherePay v2 paths: what a merchant backend sends to mint a session, and
 * what the proxy answers to it and to the widget. Requests are strict,
 * answers are read tolerantly.
 */
import * as z from 'zod/mini';
import { CustomerId } from './spherepay/common.ts';

/** `POST /api/sessions` (merchant backend -> proxy, `Authorization: Bearer RAMP_SERVER_SECRET`). */
export const SessionCreate = z.strictObject({
  externalUserId: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(255)),
  customerId: z.optional(CustomerId),
  ttlSeconds: z.optional(z.number().check(z.int('wholeSeconds'), z.gte(60), z.lte(86_400))),
});
export type SessionCreate = z.infer<typeof SessionCreate>;

/** 201 answer to `POST /api/sessions`; also what a merchant's `session-url` answers the widget. */
export const SessionMinted = z.object({
  token: z.string(),
  expiresAt: z.optional(z.string()),
  customerId: z.optional(z.nullable(z.string())),
});
export type SessionMinted = z.infer<typeof SessionMinted>;

/** `GET /api/session`: who the bearer is. */
export const SessionInfo = z.object({
  customerId: z.nullable(z.string()),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
