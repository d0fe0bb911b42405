/**
 * The pages the proxy serves besides its API: `/sphere-ramp.js`, `/embed`
 * and the demo at `/`. Called by createApp after the API routes; the embed
 * and demo work fills it in. `/embed` already gets its frame-ancestors CSP
 * from `embedHeaders` in security.ts.
 */
import type express from 'express';
import type { Config } from './config.ts';

export function mountSite(_app: express.Express, _config: Config): void {}
