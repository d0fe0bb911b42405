/**
 * `GET /api/qr?text=…`: a QR code as one SVG path, encoded here so the
 * browser ships no QR encoder (issue 15: the script-tag budget). The answer
 * is a pure function of the text, so the browser may keep it for a day.
 */
import type { RequestHandler } from 'express';
import { correction, generate } from 'lean-qr';
import { QrQuery, type QrCode } from '../contract/proxy-api.ts';
import { invalid } from './errors.ts';
import { REPORT_INPUT } from '../contract/spherepay/problem.ts';

/** Light modules around the code on every side: the margin ISO/IEC 18004 asks scanners to get. */
export const QUIET_ZONE = 4;

/**
 * The code for `text` at error correction level M, its dark modules drawn as
 * one path: each horizontal run of dark modules is one rectangle,
 * `M{x} {y}h{run}v1h-{run}z`, in module units with the quiet zone included.
 */
export function qrCode(text: string): QrCode {
  const code = generate(text, { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M });
  const n = code.size;
  let path = '';
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!code.get(x, y)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < n && code.get(x + run, y)) run++;
      path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run;
    }
  }
  return { size: n + 2 * QUIET_ZONE, path };
}

/** Mounted behind the session check, like `GET /api/session`; a bad query is 422 `validation/failed` at `/text`. */
export const qrHandler: RequestHandler = (req, res) => {
  const parsed = QrQuery.safeParse({ ...(req.query as Record<string, unknown>) }, REPORT_INPUT);
  if (!parsed.success) throw invalid(parsed.error.issues);
  // Kept for a day by the browser alone, and per session token: another token is asked again (and checked).
  res.set('cache-control', 'private, max-age=86400').vary('Authorization').json(qrCode(parsed.data.text) satisfies QrCode);
};
