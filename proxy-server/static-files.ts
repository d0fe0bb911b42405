/**
 * Serves built files with the encoding the browser asks for: the build writes
 * `x.js.br` and `x.js.gz` beside `x.js` (scripts/build.mjs), and this picks
 * brotli, then gzip, then the plain file by `Accept-Encoding`, saying so in
 * `Content-Encoding` with `Vary: Accept-Encoding` so caches keep them apart.
 * Nothing is compressed per request.
 */
import type { NextFunction, Request, Response } from 'express';
import { createReadStream, statSync, type Stats } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** The encodings the client accepts (q > 0), best first among ours. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (e: string) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(ok);
}

const fileStat = (path: string): Stats | undefined => {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
};

export interface StaticOptions {
  cacheControl: string;
  /** Extra headers for every answer (CORS for public code). */
  headers?: (res: Response) => void;
}

/** Sends `file` (absolute) negotiated; false when it does not exist. */
export function sendNegotiated(req: Request, res: Response, file: string, options: StaticOptions): boolean {
  const plain = fileStat(file);
  if (!plain) return false;
  let path = file;
  let stat = plain;
  let encoding: Encoding | undefined;
  for (const candidate of acceptedEncodings(req.get('accept-encoding'))) {
    const found = fileStat(file + SUFFIX[candidate]);
    if (found) {
      [path, stat, encoding] = [file + SUFFIX[candidate], found, candidate];
      break;
    }
  }
  options.headers?.(res);
  res.set({
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': String(stat.size),
    'cache-control': options.cacheControl,
    vary: 'Accept-Encoding',
    etag: `"${plain.size.toString(36)}-${plain.mtimeMs.toString(36)}${encoding ? `-${encoding}` : ''}"`,
  });
  if (encoding) res.set('content-encoding', encoding);
  if (req.fresh) {
    res.status(304).end();
    return true;
  }
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}

/** Middleware serving files under `root` (GET and HEAD); anything else, or missing, falls through. */
export function negotiatedStatic(root: string, options: StaticOptions) {
  const base = normalize(root + sep);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = normalize(join(base, relative));
    // Never outside the root, never a dotfile (the build's .vite/ manifest), never the encoded twins by name.
    if (!file.startsWith(base) || /[\\/]\./.test(file.slice(base.length - 1)) || /\.(br|gz)$/.test(file)) return next();
    if (!sendNegotiated(req, res, file, options)) next();
  };
}
