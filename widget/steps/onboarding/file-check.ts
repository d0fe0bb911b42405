/** A document file checked in the browser BEFORE any upload: size first (cheap), then its real type from magic bytes. */
import { MAX_DOCUMENT_BYTES, sniffDocumentType, type DocumentMimeType } from '../../../contract/spherepay/document.ts';

export type FileCheck = { ok: true; mimeType: DocumentMimeType } | { ok: false; reason: 'too-large' | 'wrong-type' | 'empty' };

export async function checkDocumentFile(file: Blob): Promise<FileCheck> {
  if (file.size === 0) return { ok: false, reason: 'empty' };
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'too-large' };
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const mimeType = sniffDocumentType(head);
  return mimeType ? { ok: true, mimeType } : { ok: false, reason: 'wrong-type' };
}

/** Megabytes with one decimal in the reader's digits ("16.3", "16,3"), for messages. */
export const megabytes = (bytes: number, locale: string) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
