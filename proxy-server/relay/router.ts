/** `/api/v2/...`: the allowlisted relay. Mounted behind session authentication. */
import { Router } from 'express';
import { notFound } from '../errors.ts';
import { customerCreateHandler } from './customer.ts';
import { documentHandler } from './documents.ts';
import { relayHandler, type RelayDeps } from './handler.ts';
import { RELAY_ROUTES } from './routes.ts';

export function relayRouter(d: RelayDeps & { onLinked(externalUserId: string, customerId: string): void }): Router {
  const router = Router();
  router.post('/customer', customerCreateHandler(d));
  router.post('/document', documentHandler(d));
  for (const route of RELAY_ROUTES) {
    router[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](route.path, relayHandler(route, d));
  }
  router.use(() => {
    throw notFound();
  });
  return router;
}
