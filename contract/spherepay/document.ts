/** Document upload (API.md §2.1): the multipart fields, file rules, the response. */
import * as z from 'zod/mini';
import { Country, Text, Timestamp } from './common.ts';

export const MAX_DOCUMENT_BYTES = 15 * 1024 * 1024;

import { DOCUMENT_TYPES, IDENTITY_DOCUMENT_TYPES } from '../criteria.ts';

export { DOCUMENT_TYPES, IDENTITY_DOCUMENT_TYPES, TWO_SIDED_DOCUMENT_TYPES } from '../criteria.ts';

export const DocumentType = z.enum([
  ...DOCUMENT_TYPES.individual,
  ...DOCUMENT_TYPES.business,
]);
export type DocumentType = z.infer<typeof DocumentType>;


/** The form fields beside `file` in `multipart/form-data`. */
export const DocumentUploadFields = z
  .strictObject({
    targetId: z.string().check(z.regex(/^(customer|associatedPerson)_[a-z0-9]+$/, 'documentTargetId')),
    target: z.enum(['customer', 'business_representative', 'business-representative']),
    documentType: DocumentType,
    country: z.optional(Country),
    side: z.optional(z.enum(['front', 'back'])),
    description: z.optional(Text(500)),
  })
  .check(
    z.refine((v) => !(IDENTITY_DOCUMENT_TYPES as readonly string[]).includes(v.documentType) || v.country !== undefined, {
      message: 'documentCountryRequired',
      path: ['country'],
    }),
    z.refine((v) => (v.target === 'customer') === v.targetId.startsWith('customer_'), {
      message: 'documentTargetMismatch',
      path: ['targetId'],
    }),
  );
export type DocumentUploadFields = z.infer<typeof DocumentUploadFields>;

/** Which target kind may carry which document type. */
export function documentTypesFor(kind: 'individual' | 'business' | 'business_representative'): readonly string[] {
  return DOCUMENT_TYPES[kind];
}

export const ALLOWED_DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/tiff'] as const;
export type DocumentMimeType = (typeof ALLOWED_DOCUMENT_MIME_TYPES)[number];
export const DOCUMENT_FILE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.heic,.tif,.tiff,' + ALLOWED_DOCUMENT_MIME_TYPES.join(',');

const startsWith = (bytes: Uint8Array, sig: readonly number[], offset = 0) => sig.every((b, i) => bytes[offset + i] === b);

/**
 * The file's real type from its first bytes (at least 12 are needed), or
 * undefined when it is none of the allowed types. The declared type is not
 * trusted.
 */
export function sniffDocumentType(bytes: Uint8Array): DocumentMimeType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  // ISO-BMFF: "ftyp" at 4, then a HEIF brand.
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1', 'heim', 'heis'].includes(brand)) return 'image/heic';
  }
  return undefined;
}

export const Document = z.looseObject({
  targetId: z.string(),
  target: z.string(),
  documentType: z.string(),
  country: z.optional(z.nullable(z.string())),
  side: z.optional(z.nullable(z.string())),
  description: z.optional(z.nullable(z.string())),
  fileName: z.optional(z.string()),
  fileSize: z.optional(z.number()),
  mimeType: z.optional(z.string()),
  createdAt: z.optional(Timestamp),
});
export type Document = z.infer<typeof Document>;
