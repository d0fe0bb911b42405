/** `/healthz`: the process answers (and is a sphere-ramp proxy, for the widget's first check). `/readyz`: the store and the upstream answer too. */
import { Router } from 'express';
import type { ProxyHealth } from '../contract/proxy-api.ts';
import type { Store } from './store/store.ts';
import type { Upstream } from './upstream.ts';

export function healthRouter(d: { store: Store; upstream: Upstream }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: 'sphere-ramp' } satisfies ProxyHealth);
  });
  router.get('/readyz', async (_req, res) => {
    const store = await d.store.ping().then(() => true, () => false);
    const upstream = await d.upstream.reachable();
    res.status(store && upstream ? 200 : 503).json({ status: store && upstream ? 'ready' : 'unavailable', store, upstream });
  });
  return router;
}
