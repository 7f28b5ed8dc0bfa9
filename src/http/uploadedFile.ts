import type { Request } from 'express';
import { badInput } from '../domain/errors';

/**
 * The file of a multipart/form-data body: the part named `field` (what a browser's FormData sends), or null.
 * Enough of RFC 7578 for one file field, so the console can post a form without another dependency.
 */
export function multipartPart(body: Buffer, contentType: string, field: string): Buffer | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const named = new RegExp(`^content-disposition:.*;\\s*name="${field}"`, 'im');
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) return null;
    // A part runs from after the delimiter's CRLF to the CRLF before the next delimiter.
    const part = body.subarray(at + delimiter.length + 2, next - 2);
    const headersEnd = part.indexOf('\r\n\r\n');
    if (headersEnd >= 0 && named.test(part.subarray(0, headersEnd).toString('utf8'))) return part.subarray(headersEnd + 4);
    at = next;
  }
  return null;
}

/** The uploaded bytes: the raw body, or the form's `file` field; BAD_USER_INPUT naming `file` when there are none. */
export function uploadedFile(req: Request): Buffer {
  const body: unknown = req.body;
  const contentType = req.headers['content-type'] ?? '';
  const bytes = Buffer.isBuffer(body) ? (/^multipart\/form-data/i.test(contentType) ? multipartPart(body, contentType, 'file') : body) : null;
  if (!bytes || bytes.length === 0) {
    throw badInput(
      'file',
      'send the .xlsx file as the request body (Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) or as the form field "file"',
    );
  }
  return bytes;
}
