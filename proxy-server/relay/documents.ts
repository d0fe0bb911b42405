/**
 * `POST /api/v2/document`: the multipart upload is parsed as it arrives and
 * streamed on upstream. Fields come first (so they are checked before any
 * byte goes upstream), the file's type is read from its first bytes, and
 * more than 15 MB aborts the upstream request.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request, RequestHandler } from 'express';
import { ALLOWED_DOCUMENT_MIME_TYPES, DocumentUploadFields, MAX_DOCUMENT_BYTES, sniffDocumentType } from '../../contract/spherepay/document.ts';
import { problem, REPORT_INPUT } from '../../contract/spherepay/problem.ts';
import { HttpProblem, invalid, invalidAt, notFound } from '../errors.ts';
import type { Upstream } from '../upstream.ts';
import type { Ownership } from './ownership.ts';
import { requireCustomer } from './handler.ts';
import { send } from './respond.ts';

const SNIFF_BYTES = 12;
const tooLarge = () => invalidAt('/file', `Must be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);

export function documentHandler(d: { upstream: Upstream; ownership: Ownership }): RequestHandler {
  return async (req, res) => {
    const customerId = requireCustomer(req);
    if (!req.is('multipart/form-data')) throw invalidAt('/', 'Send the document as multipart/form-data');
    const result = await upload(req, customerId, d);
    send(res, result);
  };
}

function upload(req: Request, customerId: string, d: { upstream: Upstream; ownership: Ownership }) {
  return new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 2048, parts: 11 } });
    } catch {
      return reject(invalidAt('/', 'Malformed multipart body'));
    }
    const fields: Record<string, string> = {};
    let fileSeen = false;
    let late: HttpProblem | undefined;
    let finished!: () => void;
    const parsed = new Promise<void>((r) => (finished = r));
    const fail = (err: unknown) => {
      req.unpipe(bb);
      req.resume();
      reject(err);
    };

    bb.on('field', (name, value) => {
      if (fileSeen) late ??= invalidAt(`/${name}`, 'Send every field before the file');
      else fields[name] = value;
    });
    bb.on('filesLimit', () => (late ??= invalidAt('/file', 'Send one file')));
    bb.on('fieldsLimit', () => (late ??= invalidAt('/', 'Too many fields')));
    bb.on('partsLimit', () => (late ??= invalidAt('/', 'Too many parts')));
    bb.on('file', (name, file, info) => {
      if (fileSeen || name !== 'file') {
        file.resume();
        late ??= invalidAt(`/${name}`, name === 'file' ? 'Send one file' : 'Unknown field');
        return;
      }
      fileSeen = true;
      forward(fields, file, info.filename, customerId, d, parsed, () => late, req.id).then(resolve, fail);
    });
    bb.on('close', () => {
      finished();
      if (!fileSeen) fail(late ?? invalidAt('/file', 'Required'));
    });
    bb.on('error', () => fail(invalidAt('/', 'Malformed multipart body')));
    req.pipe(bb);
  });
}

async function forward(
  rawFields: Record<string, string>,
  file: Readable & { truncated?: boolean },
  filename: string | undefined,
  customerId: string,
  d: { upstream: Upstream; ownership: Ownership },
  parsed: Promise<void>,
  late: () => HttpProblem | undefined,
  requestId: string,
) {
  const chunks = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const drain = () => file.resume();
  const fields: Record<string, string> = { ...rawFields };
  if (fields.target === 'customer' && fields.targetId === undefined) fields.targetId = customerId;
  const checked = DocumentUploadFields.safeParse(fields, REPORT_INPUT);
  if (!checked.success) {
    drain();
    throw invalid(checked.error.issues);
  }
  const v = checked.data;
  try {
    if (v.target === 'customer') {
      if (v.targetId !== customerId) throw notFound();
    } else {
      await d.ownership.assert('representative', v.targetId, customerId, requestId);
    }
  } catch (err) {
    drain();
    throw err;
  }

  // The first bytes decide the type; the declared one is not trusted.
  let head = Buffer.alloc(0);
  while (head.length < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
  }
  const mimeType = sniffDocumentType(head);
  if (!mimeType) {
    drain();
    throw invalidAt('/file', `Must be one of ${ALLOWED_DOCUMENT_MIME_TYPES.join(', ')} (checked by content)`);
  }

  const boundary = '----sphere-ramp-' + randomBytes(12).toString('hex');
  const enc = new TextEncoder();
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const safeName = (filename ?? 'document').replace(/[^\w.\- ]/g, '_').slice(0, 100) || 'document';
  const preamble =
    Object.entries(v).filter(([, value]) => value !== undefined).map(([k, value]) => part(k, String(value))).join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${mimeType}\r\n\r\n`;

  let aborted: HttpProblem | undefined;
  let stage: 'head' | 'file' | 'end' = 'head';
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === 'head') {
        controller.enqueue(enc.encode(preamble));
        if (head.length) controller.enqueue(head);
        stage = 'file';
        return;
      }
      if (stage === 'file') {
        const next = await chunks.next();
        if (!next.done) return controller.enqueue(next.value);
        stage = 'end';
        await parsed;
        aborted = file.truncated ? tooLarge() : late();
        // Erroring the stream aborts the upstream request: nothing half-sent is accepted.
        if (aborted) return controller.error(aborted);
        controller.enqueue(enc.encode(`\r\n--${boundary}--\r\n`));
        controller.close();
      }
    },
    cancel() {
      drain();
    },
  });

  try {
    const up = await d.upstream.request({
      method: 'POST', path: '/v2/document', requestId,
      stream: { body, contentType: `multipart/form-data; boundary=${boundary}` },
    });
    if (aborted) throw aborted;
    return { status: up.status, contentType: up.headers.get('content-type') ?? 'application/json', body: up.text };
  } catch (err) {
    drain();
    if (aborted) throw aborted;
    throw err instanceof HttpProblem ? err : new HttpProblem(problem(502, 'upstream/unavailable', 'SpherePay could not be reached'));
  }
}
