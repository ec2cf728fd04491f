// Attachments (smartsheet-api.md §5 #11–#15, §5.5): list, simple upload to a row, metadata with a
// temporary download URL, download, delete. Uploads and deletes hold the sheet's write slot.
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { apiRoute } from './api-route.js';
import { attachmentSchema } from './attachment-schemas.js';
import type { Attachment } from './attachment-schemas.js';
import type { EndpointContext } from './endpoint-context.js';
import { emptyResultSchema, indexResultSchema, resultSchema } from './envelope-schemas.js';
import { collectPages, offsetPages } from './paging.js';
import { REQUEST_WEIGHT } from './request-budget.js';

const LIST_PAGE_SIZE = 500;
/** Smartsheet refuses larger files (1074); failing here saves 10 budget units and the upload. */
export const MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024;

/** Smartsheet guesses a type from the extension when unsure; these are the files we produce. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv',
  png: 'image/png',
  txt: 'text/plain',
  json: 'application/json',
};

export function contentTypeFor(fileName: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (extension && CONTENT_TYPES[extension]) || 'application/octet-stream';
}

export interface FileUpload {
  fileName: string;
  bytes: Uint8Array;
  /** Default: from the file name's extension, else application/octet-stream. */
  contentType?: string;
}

const attachmentListSchema = indexResultSchema(attachmentSchema);

/** The row's attachments, including those on its discussions (parentType COMMENT). */
export function listRowAttachments(
  ctx: EndpointContext,
  sheetId: number,
  rowId: number,
): Promise<Attachment[]> {
  const route = apiRoute('GET', '/sheets/{sheetId}/rows/{rowId}/attachments', { sheetId, rowId });
  return collectPages(
    offsetPages((page) =>
      ctx.http.call({ route, query: { page, pageSize: LIST_PAGE_SIZE }, schema: attachmentListSchema }),
    ),
  );
}

/** Every attachment in the sheet: sheet-level, row-level and discussion-level. */
export function listSheetAttachments(ctx: EndpointContext, sheetId: number): Promise<Attachment[]> {
  const route = apiRoute('GET', '/sheets/{sheetId}/attachments', { sheetId });
  return collectPages(
    offsetPages((page) =>
      ctx.http.call({ route, query: { page, pageSize: LIST_PAGE_SIZE }, schema: attachmentListSchema }),
    ),
  );
}

/**
 * Attaches a file to a row (simple upload). Not retried after a broken connection: an AppError with
 * details.ambiguous tells the caller to list the row's attachments before uploading again.
 */
export async function uploadRowAttachment(
  ctx: EndpointContext,
  sheetId: number,
  rowId: number,
  file: FileUpload,
): Promise<Attachment> {
  const route = apiRoute('POST', '/sheets/{sheetId}/rows/{rowId}/attachments', { sheetId, rowId });
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Smartsheet ${route.label}: ${file.fileName} is ${file.bytes.byteLength} bytes, above the 30 MB upload limit`,
    );
  }
  const body = {
    kind: 'file' as const,
    bytes: file.bytes,
    fileName: file.fileName,
    contentType: file.contentType ?? contentTypeFor(file.fileName),
  };
  const result = await ctx.writes.run(sheetId, () =>
    ctx.http.call({ route, body, schema: resultSchema(attachmentSchema), weight: REQUEST_WEIGHT.heavy }),
  );
  return result.result;
}

/** Attachment metadata; for files also a temporary `url` (valid `urlExpiresInMillis`). */
export function getAttachment(
  ctx: EndpointContext,
  sheetId: number,
  attachmentId: number,
): Promise<Attachment> {
  const route = apiRoute('GET', '/sheets/{sheetId}/attachments/{attachmentId}', { sheetId, attachmentId });
  return ctx.http.call({ route, schema: attachmentSchema });
}

/** The file's bytes: fresh metadata for a temporary URL, then a GET of that URL without our token. */
export async function downloadAttachment(
  ctx: EndpointContext,
  sheetId: number,
  attachmentId: number,
): Promise<Uint8Array> {
  const attachment = await getAttachment(ctx, sheetId, attachmentId);
  const route = apiRoute('GET', '/sheets/{sheetId}/attachments/{attachmentId}', { sheetId, attachmentId });
  if (attachment.attachmentType !== 'FILE' || !attachment.url) {
    throw new AppError(
      ErrorCode.SMARTSHEET_REQUEST,
      `Smartsheet ${route.label} is a ${attachment.attachmentType} attachment without a download URL`,
      { details: { endpoint: route.key, ids: route.ids, attachmentType: attachment.attachmentType } },
    );
  }
  return ctx.http.download(attachment.url, route);
}

export async function deleteAttachment(
  ctx: EndpointContext,
  sheetId: number,
  attachmentId: number,
): Promise<void> {
  const route = apiRoute('DELETE', '/sheets/{sheetId}/attachments/{attachmentId}', { sheetId, attachmentId });
  await ctx.writes.run(sheetId, () => ctx.http.call({ route, schema: emptyResultSchema }));
}
