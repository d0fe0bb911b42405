/**
 * The demo merchant site as one router: its backend under `/demo/*` and its
 * pages from `dist/demo` (built by `npm run build`). The composition root
 * (dev/) mounts it beside the proxy; in production a merchant serves their
 * own site.
 */
import express, { Router } from 'express';
import { join } from 'node:path';
import { problem } from '../../contract/spherepay/problem.ts';
import { demoRouter, demoUserCookie, type DemoOptions } from './demo-routes.ts';

const DIST = join(import.meta.dirname, '..', '..', 'dist', 'demo');
const YEAR = 'public, max-age=31536000, immutable';

export function demoSite(options: DemoOptions, dist = DIST): Router {
  const site = Router();
  site.use('/demo', demoRouter(options));
  site.use(
    demoUserCookie,
    express.static(dist, {
      extensions: ['html'],
      setHeaders: (res, path) => res.set('cache-control', path.includes(join(dist, 'assets')) ? YEAR : 'no-cache'),
    }),
  );
  site.get('/', (_req, res) => {
    const body = problem(503, 'site/not-built', 'The demo is not built yet: run `npm run build` (or `npm start`, which builds it)');
    res.status(503).type('application/problem+json').send(JSON.stringify(body));
  });
  return site;
}
