/**
 * `Idempotency-Key` on every POST (API.md D3): the same key with the same
 * request replays the stored response and status without doing anything
 * again; the same key with a different request is 422. A duplicate that
 * arrives while the first is still running waits for it and gets its answer.
 */
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { invalid } from './problems.ts';

interface Stored {
  status: number;
  body: unknown;
}

interface Entry {
  fingerprint: string;
  done: Promise<Stored>;
}

export const MAX_KEY_LENGTH = 255;

/** The raw bytes of the request body, kept by the body readers for fingerprinting. */
export const rawBodyOf = (req: Request): Buffer | undefined => (req as Request & { rawBody?: Buffer }).rawBody;
export const setRawBody = (req: Request, raw: Buffer) => {
  (req as Request & { rawBody?: Buffer }).rawBody = raw;
};

/** What identifies the body when its bytes vary harmlessly (a multipart boundary). */
const fingerprintBodyOf = (req: Request): Buffer | undefined => (req as Request & { fingerprintBody?: Buffer }).fingerprintBody;

export function idempotency(): RequestHandler {
  const entries = new Map<string, Entry>();
  return (req, res, next) => {
    const key = req.get('idempotency-key');
    if (req.method !== 'POST' || key === undefined) return next();
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      return next(invalid('/headers/idempotency-key', `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`));
    }
    const fingerprint = createHash('sha256')
      .update(`${req.method} ${req.path}\n`)
      .update(fingerprintBodyOf(req) ?? rawBodyOf(req) ?? Buffer.alloc(0))
      .digest('hex');
    const existing = entries.get(key);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        return next(invalid('/headers/idempotency-key', 'This Idempotency-Key was already used with a different request'));
      }
      existing.done.then((stored) => {
        res.set('idempotent-replayed', 'true').status(stored.status).json(stored.body);
      }, next);
      return;
    }
    let resolve!: (stored: Stored) => void;
    entries.set(key, { fingerprint, done: new Promise<Stored>((r) => (resolve = r)) });
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      resolve({ status: res.statusCode, body });
      return json(body);
    };
    next();
  };
}

/**
 * A multipart upload with an Idempotency-Key is read whole first (bounded),
 * so it can be fingerprinted like a JSON body; without a key it streams.
 */
export function bufferKeyedMultipart(maxBytes: number): RequestHandler {
  return (req, _res, next) => {
    if (req.method !== 'POST' || req.get('idempotency-key') === undefined || !req.is('multipart/form-data')) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) failed = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return next(invalid('/file', 'Must be at most 15 MB'));
      const raw = Buffer.concat(chunks);
      setRawBody(req, raw);
      // Each client picks a fresh boundary; the same form must still match itself.
      const boundary = /boundary="?([^";]+)"?/i.exec(req.get('content-type') ?? '')?.[1];
      const normalised = boundary ? raw.toString('latin1').split(boundary).join('') : raw.toString('latin1');
      (req as Request & { fingerprintBody?: Buffer }).fingerprintBody = Buffer.from(normalised, 'latin1');
      next();
    });
    req.on('error', next);
  };
}
