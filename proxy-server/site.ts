/**
 * The pages the proxy serves besides its API, all from `dist/` (built by
 * `npm run build`; `npm start` builds it when missing or stale):
 *
 * - `/sphere-ramp.js`: the script-tag loader (revalidated on every load), and
 *   `/sphere-ramp/*`: the hashed module chunks it imports (cached forever).
 *   Public code, so any origin may load it as a module. Both are sent
 *   precompressed (brotli or gzip, by Accept-Encoding; static-files.ts).
 * - `/embed`: the iframe page, with the embed allowlist injected as JSON
 *   (its frame-ancestors CSP comes from `embedHeaders` in security.ts).
 */
import express, { type Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problem } from '../contract/spherepay/problem.ts';
import type { Config } from './config.ts';
import { sendProblem } from './errors.ts';
import { negotiatedStatic, sendNegotiated } from './static-files.ts';

const DIST = join(import.meta.dirname, '..', 'dist');
const YEAR = 'public, max-age=31536000, immutable';

const notBuilt = (res: Response) =>
  sendProblem(res, problem(503, 'site/not-built', 'The widget is not built yet: run `npm run build` (or `npm start`, which builds it)'));

/** Public code: any page may import it as a module (the API itself stays behind CORS). */
const publicCode = (res: Response) => {
  if (!res.get('access-control-allow-origin')) res.set('access-control-allow-origin', '*');
};

/** JSON for an inline `<script type="application/json">`: nothing in it can close the tag. */
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function mountSite(app: express.Express, config: Config, dist = DIST): void {
  app.get('/sphere-ramp.js', (req, res) => {
    // Not hashed: revalidated on every load, so a new release is picked up at once.
    if (!sendNegotiated(req, res, join(dist, 'sphere-ramp.js'), { cacheControl: 'no-cache', headers: publicCode })) notBuilt(res);
  });

  // Hashed names: a name's content never changes, so browsers keep them for a year without asking.
  app.use('/sphere-ramp', negotiatedStatic(join(dist, 'sphere-ramp'), { cacheControl: YEAR, headers: publicCode }));

  app.get('/embed', (_req, res) => {
    const file = join(dist, 'embed', 'index.html');
    if (!existsSync(file)) return notBuilt(res);
    const page = readFileSync(file, 'utf8').replace('%EMBED_CONFIG%', inlineJson({ allowedOrigins: config.allowedOrigins }));
    res.set('cache-control', 'no-store').type('html').send(page);
  });
}
