// The three ways to attach something (smartsheet-api.md §5.5): a simple upload (raw bytes with
// Content-Disposition and an exact Content-Length), multipart/form-data with a `file` part, or a JSON
// body describing a URL attachment. Files are capped at 30 MB (1074); a body shorter than its
// Content-Length is 1075.
import { apiErrors } from '../errors/api-error.js';
import { isJsonContentType, type ApiRequest } from '../http/api-request.js';
import { BodyCutShort, readBody } from '../http/read-body.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { parseDisposition } from './content-disposition.js';
import { boundaryOf, parseMultipart } from './multipart-parser.js';

export const MAX_FILE_BYTES = 30 * 1024 * 1024;
/** Room for multipart headers and boundaries around a maximal file. */
const MULTIPART_OVERHEAD = 64 * 1024;

export const URL_ATTACHMENT_TYPES = [
  'LINK',
  'BOX_COM',
  'DROPBOX',
  'EGNYTE',
  'EVERNOTE',
  'GOOGLE_DRIVE',
  'ONEDRIVE',
  'TRELLO',
] as const;

export type Upload =
  | { kind: 'file'; name: string; mimeType: string; bytes: Buffer }
  | {
      kind: 'url';
      name: string;
      url: string;
      attachmentType: string;
      attachmentSubType?: string;
      description?: string;
    };

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  csv: 'text/csv',
  txt: 'text/plain',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  zip: 'application/zip',
};

/** Smartsheet guesses the type from the extension when the client sends none (or a generic one). */
function mimeTypeFor(name: string, declared: string | undefined): string {
  const clean = declared?.split(';')[0]?.trim().toLowerCase();
  if (clean && clean !== 'application/octet-stream') return clean;
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

function urlAttachment(body: unknown): Upload {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw apiErrors.unparsable('the request body must be a JSON object.');
  }
  const fields = body as Record<string, unknown>;
  const type = fields['attachmentType'];
  if (type === 'FILE') throw apiErrors.fileViaJson();
  if (type === undefined || type === null) throw apiErrors.missingAttribute('attachmentType');
  if (typeof type !== 'string' || !(URL_ATTACHMENT_TYPES as readonly string[]).includes(type)) {
    throw apiErrors.invalidValue(JSON.stringify(type), 'attachmentType');
  }
  const url = fields['url'];
  if (typeof url !== 'string' || url === '') throw apiErrors.missingAttribute('url');
  const name = typeof fields['name'] === 'string' && fields['name'] !== '' ? fields['name'] : url;
  return {
    kind: 'url',
    name,
    url,
    attachmentType: type,
    ...(typeof fields['attachmentSubType'] === 'string'
      ? { attachmentSubType: fields['attachmentSubType'] }
      : {}),
    ...(typeof fields['description'] === 'string' ? { description: fields['description'] } : {}),
  };
}

async function multipartUpload(req: ApiRequest, boundary: string): Promise<Upload> {
  const body = await readBody(req.incoming, MAX_FILE_BYTES + MULTIPART_OVERHEAD);
  let parts;
  try {
    parts = parseMultipart(body, boundary);
  } catch (error) {
    throw apiErrors.unparsable(error instanceof Error ? error.message : 'malformed multipart body');
  }
  const file = parts.find((part) => part.name === 'file');
  if (!file) throw apiErrors.missingParameter('file');
  if (file.data.length > MAX_FILE_BYTES) throw apiErrors.fileTooLarge(file.data.length, MAX_FILE_BYTES);
  const name = file.filename ?? 'file';
  return { kind: 'file', name, mimeType: mimeTypeFor(name, file.contentType), bytes: file.data };
}

async function simpleUpload(req: ApiRequest, rt: EmulatorRuntime): Promise<Upload> {
  const { incoming } = req;
  const disposition = incoming.headers['content-disposition'];
  const name = disposition === undefined ? undefined : parseDisposition(disposition).filename;
  const lengthHeader = incoming.headers['content-length'];
  if (lengthHeader === undefined) throw apiErrors.missingParameter('Content-Length');
  const declared = Number(lengthHeader);
  if (declared > MAX_FILE_BYTES) throw apiErrors.fileTooLarge(declared, MAX_FILE_BYTES);
  if (name === undefined)
    throw apiErrors.unparsable('a Content-Disposition header with a filename is required.');
  // While the body streams in, a connection that ends early is answered with 1075 (see http-server).
  rt.uploadsInProgress.add(incoming.socket);
  let bytes: Buffer;
  try {
    bytes = await readBody(incoming, MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof BodyCutShort) throw apiErrors.contentSizeMismatch();
    throw error;
  } finally {
    rt.uploadsInProgress.delete(incoming.socket);
  }
  if (bytes.length !== declared) throw apiErrors.contentSizeMismatch();
  return { kind: 'file', name, mimeType: mimeTypeFor(name, incoming.headers['content-type']), bytes };
}

export async function readUpload(req: ApiRequest, rt: EmulatorRuntime): Promise<Upload> {
  const contentType = req.incoming.headers['content-type'] ?? '';
  if (isJsonContentType(req.incoming)) return urlAttachment(await req.jsonBody());
  if (/^multipart\/form-data/i.test(contentType)) {
    const boundary = boundaryOf(contentType);
    if (!boundary) throw apiErrors.unparsable('multipart/form-data without a boundary.');
    return multipartUpload(req, boundary);
  }
  return simpleUpload(req, rt);
}

/** File uploads weigh heavyWeight against the budget; JSON (URL) attachments weigh 1. */
export function isFileUpload(contentType: string | undefined): boolean {
  return !/^application\/json\b/i.test((contentType ?? '').trim());
}
