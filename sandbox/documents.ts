/**
 * `POST /v2/document` (API.md §2.1): multipart, streamed through busboy
 * without keeping the file; type checked by magic bytes; document type per
 * target; identity documents need a country; a two-sided one uploaded with
 * sides needs both, one uploaded without `side` counts as single-sided (D11).
 */
import busboy from 'busboy';
import { Router, type Request } from 'express';
import { Readable } from 'node:stream';
import { criterionOfDocument } from '../contract/criteria.ts';
import {
  DocumentUploadFields, MAX_DOCUMENT_BYTES, TWO_SIDED_DOCUMENT_TYPES, documentTypesFor, sniffDocumentType,
  type Document, type DocumentUploadFields as Fields,
} from '../contract/spherepay/document.ts';
import type { Context } from './context.ts';
import { startReview, type ProfileState } from './criteria.ts';
import { rawBodyOf } from './idempotency.ts';
import { findCustomer, findRepresentative } from './lookup.ts';
import { badRequest, invalid, parse } from './problems.ts';
import type { CustomerRecord, RepresentativeRecord } from './store.ts';
import { refreshCustomer } from './verification.ts';

const SNIFF_BYTES = 16;

interface Upload {
  fields: Record<string, string>;
  file?: { name: string; size: number; head: Uint8Array; truncated: boolean };
}

/** Reads the form, keeping only the fields, the file's first bytes and its size. */
function readUpload(req: Request): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 20, fieldSize: 1024 } });
    } catch {
      reject(badRequest('The body must be multipart/form-data'));
      return;
    }
    const upload: Upload = { fields: {} };
    parser.on('field', (name, value) => {
      upload.fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || upload.file) {
        stream.resume();
        return;
      }
      const file = { name: info.filename ?? 'document', size: 0, head: new Uint8Array(0), truncated: false };
      upload.file = file;
      stream.on('data', (chunk: Buffer) => {
        if (file.head.length < SNIFF_BYTES) file.head = Buffer.concat([file.head, chunk.subarray(0, SNIFF_BYTES - file.head.length)]);
        file.size += chunk.length;
      });
      stream.on('limit', () => {
        file.truncated = true;
      });
    });
    parser.on('close', () => resolve(upload));
    parser.on('error', () => reject(badRequest('The multipart body is malformed')));
    const raw = rawBodyOf(req);
    (raw ? Readable.from([raw]) : req).pipe(parser);
  });
}

const criterionFor = criterionOfDocument;

/** The sandbox's way to make a review fail: a file named blurry.* or the description "sandbox:blurry". */
const isBlurry = (fields: Fields, fileName: string) =>
  /^blurry\b/i.test(fileName) || (fields.description ?? '').includes('sandbox:blurry');

export function documentsRouter(ctx: Context): Router {
  const router = Router();

  router.post('/v2/document', async (req, res) => {
    if (!req.is('multipart/form-data')) throw badRequest('Documents are uploaded as multipart/form-data');
    const upload = await readUpload(req);
    const fields = parse(DocumentUploadFields, upload.fields);
    const file = upload.file;
    if (!file || file.size === 0) throw invalid('/file', 'Attach the document file');
    if (file.truncated) throw invalid('/file', 'Must be at most 15 MB');
    const mimeType = sniffDocumentType(file.head);
    if (!mimeType) throw invalid('/file', 'Must be a PDF, JPEG, PNG, HEIC or TIFF file');

    let holder: CustomerRecord | RepresentativeRecord;
    let customer: CustomerRecord;
    let kind: 'individual' | 'business' | 'business_representative';
    if (fields.target === 'customer') {
      customer = holder = findCustomer(ctx, fields.targetId, ['targetId']);
      kind = customer.type;
    } else {
      holder = findRepresentative(ctx, fields.targetId, ['targetId']);
      customer = ctx.store.customers.get(holder.customerId)!;
      kind = 'business_representative';
    }
    if (!documentTypesFor(kind).includes(fields.documentType)) {
      throw invalid('/documentType', `Must be one of: ${documentTypesFor(kind).join(', ')}`);
    }
    // `side` is optional for every type: "leave undefined for single-sided documents" (§2.1, D11).
    if (fields.documentType === 'passport' && fields.side === 'back') throw invalid('/side', 'A passport has one side');

    const document: Document = {
      targetId: fields.targetId,
      target: fields.target === 'customer' ? 'customer' : 'business_representative',
      documentType: fields.documentType,
      country: fields.country ?? null,
      side: fields.side ?? null,
      description: fields.description ?? null,
      fileName: file.name,
      fileSize: file.size,
      mimeType,
      createdAt: ctx.timestamp(),
    };
    holder.documents.push(document);
    review(ctx, holder.profile, holder.identitySides, fields, isBlurry(fields, file.name));
    refreshCustomer(ctx, customer);
    res.status(201).json(document);
  });

  return router;
}

function review(ctx: Context, profile: ProfileState, sides: Map<string, Set<string>>, fields: Fields, blurry: boolean) {
  const item = criterionFor(fields.documentType);
  if (!item || profile.status !== 'incomplete') return;
  if (TWO_SIDED_DOCUMENT_TYPES.includes(fields.documentType) && fields.side) {
    const seen = sides.get(fields.documentType) ?? new Set<string>();
    seen.add(fields.side!);
    sides.set(fields.documentType, seen);
    if (seen.size < 2) return;
    if (blurry) sides.delete(fields.documentType);
  }
  startReview(profile, item, ctx.clock.now().getTime(), blurry ? 'The document is blurry or unreadable; upload a clearer copy' : undefined);
}
