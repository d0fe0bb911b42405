/**
 * `/api/v2/...`: the allowlisted relay, each route with its handler (served
 * from the app's route table, route-table.ts). Anything not listed here is
 * not the relay's (the app answers it, 404 behind authentication).
 */
import type { RequestHandler } from 'express';
import { customerCreateHandler } from './customer.ts';
import { documentHandler } from './documents.ts';
import { relayHandler, type RelayDeps } from './handler.ts';
import { RELAY_ROUTES, type Method } from './routes.ts';

export const RELAY_PREFIX = '/api/v2';

export interface RelayEntry {
  method: Method;
  /** Under RELAY_PREFIX; `:id` is the only parameter. */
  path: string;
  handler: RequestHandler;
  /** Takes a JSON body (parsed before authentication, like every /api body). */
  json: boolean;
}

export function relayEntries(d: RelayDeps & { onLinked(externalUserId: string, customerId: string): void }): RelayEntry[] {
  return [
    { method: 'POST', path: '/customer', handler: customerCreateHandler(d), json: true },
    { method: 'POST', path: '/document', handler: documentHandler(d), json: false },
    ...RELAY_ROUTES.map((route) => ({ method: route.method, path: route.path, handler: relayHandler(route, d), json: route.body !== undefined })),
  ];
}
