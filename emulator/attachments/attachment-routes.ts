// /sheets/{sheetId}/attachments and row attachments (smartsheet-api.md §5.5): upload (file or URL),
// list, get with a temporary download URL, delete, and versions.
import { apiErrors } from '../errors/api-error.js';
import type { ApiRequest, ApiResult, ApiRouteSpec } from '../http/api-request.js';
import { successResult } from '../http/result-envelope.js';
import { paginate, readOffsetPage } from '../paging/offset-paging.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { actorOf, commitSheetChange } from '../sheets/commit-change.js';
import { sheetFor } from '../sheets/sheet-access.js';
import type { AttachmentParentType, AttachmentRecord, SheetRecord } from '../state/state-types.js';
import type { SheetEvent } from '../webhooks/sheet-events.js';
import { isFileUpload, readUpload } from './read-upload.js';
import { currentAttachments, renderAttachment } from './render-attachment.js';

function parentEvents(attachment: AttachmentRecord, eventType: 'created' | 'deleted'): SheetEvent[] {
  const events: SheetEvent[] = [{ objectType: 'attachment', eventType, id: attachment.id }];
  if (attachment.parentType === 'ROW')
    events.push({ objectType: 'row', eventType: 'updated', id: attachment.parentId });
  return events;
}

async function attach(
  req: ApiRequest,
  rt: EmulatorRuntime,
  parentType: AttachmentParentType,
  chainOf?: AttachmentRecord,
): Promise<ApiResult> {
  const { sheet } = sheetFor(req, rt, 'EDITOR');
  let parentId = sheet.id;
  // A new version hangs where its first version hangs; otherwise the route names the parent.
  if (parentType === 'ROW' && !chainOf) {
    parentId = req.idParam('rowId');
    if (!sheet.rowsById.has(parentId)) throw apiErrors.notFound();
  }
  const upload = await readUpload(req, rt);
  if (chainOf && upload.kind !== 'file') throw apiErrors.versionOfNonFile();
  const id = rt.state.newId();
  const attachment: AttachmentRecord = {
    id,
    sheetId: sheet.id,
    parentType: chainOf?.parentType ?? parentType,
    parentId: chainOf?.parentId ?? parentId,
    chainId: chainOf?.chainId ?? id,
    name: upload.name,
    createdAt: req.at,
    createdBy: req.user.email,
    ...(upload.kind === 'file'
      ? {
          attachmentType: 'FILE',
          mimeType: upload.mimeType,
          sizeInKb: Math.ceil(upload.bytes.length / 1024),
          content: upload.bytes,
        }
      : {
          attachmentType: upload.attachmentType,
          url: upload.url,
          ...(upload.attachmentSubType !== undefined ? { attachmentSubType: upload.attachmentSubType } : {}),
          ...(upload.description !== undefined ? { description: upload.description } : {}),
        }),
  };
  sheet.attachments.push(attachment);
  commitSheetChange(rt, sheet, actorOf(req), parentEvents(attachment, 'created'));
  return { body: successResult(renderAttachment(rt.state, attachment, req.dates), sheet.version) };
}

function findAttachment(req: ApiRequest, sheet: SheetRecord): AttachmentRecord {
  const id = req.idParam('attachmentId');
  const attachment = sheet.attachments.find((a) => a.id === id);
  if (!attachment) throw apiErrors.notFound();
  return attachment;
}

function listSheetAttachments(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet } = sheetFor(req, rt);
  const all = currentAttachments(sheet.attachments);
  return { body: paginate(all, readOffsetPage(req.query), (a) => renderAttachment(rt.state, a, req.dates)) };
}

function listRowAttachments(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet } = sheetFor(req, rt);
  const rowId = req.idParam('rowId');
  if (!sheet.rowsById.has(rowId)) throw apiErrors.notFound();
  const rows = currentAttachments(
    sheet.attachments.filter((a) => a.parentType === 'ROW' && a.parentId === rowId),
  );
  return { body: paginate(rows, readOffsetPage(req.query), (a) => renderAttachment(rt.state, a, req.dates)) };
}

function getAttachment(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet } = sheetFor(req, rt);
  const attachment = findAttachment(req, sheet);
  const body = renderAttachment(rt.state, attachment, req.dates);
  if (attachment.attachmentType === 'FILE') {
    const ttl = rt.options.attachmentUrlTtlMs;
    const token = rt.downloads.issue(sheet.id, attachment.id, req.at + ttl, req.at);
    body['url'] = `${rt.origin}/files/${token}`;
    body['urlExpiresInMillis'] = ttl;
  }
  return { body };
}

function deleteAttachment(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet } = sheetFor(req, rt, 'EDITOR');
  const attachment = findAttachment(req, sheet);
  sheet.attachments = sheet.attachments.filter((a) => a !== attachment);
  commitSheetChange(rt, sheet, actorOf(req), parentEvents(attachment, 'deleted'));
  return { body: successResult(undefined, sheet.version) };
}

function listVersions(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet } = sheetFor(req, rt);
  const { chainId } = findAttachment(req, sheet);
  const versions = sheet.attachments.filter((a) => a.chainId === chainId).reverse();
  return {
    body: paginate(versions, readOffsetPage(req.query), (a) => renderAttachment(rt.state, a, req.dates)),
  };
}

async function attachNewVersion(req: ApiRequest, rt: EmulatorRuntime): Promise<ApiResult> {
  const { sheet } = sheetFor(req, rt, 'EDITOR');
  const base = findAttachment(req, sheet);
  if (base.attachmentType !== 'FILE') throw apiErrors.versionOfNonFile();
  return attach(req, rt, base.parentType, base);
}

function deleteAllVersions(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet } = sheetFor(req, rt, 'EDITOR');
  const base = findAttachment(req, sheet);
  const removed = sheet.attachments.filter((a) => a.chainId === base.chainId);
  sheet.attachments = sheet.attachments.filter((a) => a.chainId !== base.chainId);
  commitSheetChange(
    rt,
    sheet,
    actorOf(req),
    removed.flatMap((a) => parentEvents(a, 'deleted')),
  );
  return { body: successResult(undefined, sheet.version) };
}

const uploadWeight = (incoming: { headers: { 'content-type'?: string } }) =>
  isFileUpload(incoming.headers['content-type']);

export const attachmentRoutes: ApiRouteSpec[] = [
  {
    method: 'POST',
    pattern: '/sheets/{sheetId}/attachments',
    run: (req, rt) => attach(req, rt, 'SHEET'),
    heavy: uploadWeight,
    writesSheet: true,
  },
  {
    method: 'POST',
    pattern: '/sheets/{sheetId}/rows/{rowId}/attachments',
    run: (req, rt) => attach(req, rt, 'ROW'),
    heavy: uploadWeight,
    writesSheet: true,
  },
  { method: 'GET', pattern: '/sheets/{sheetId}/attachments', run: listSheetAttachments },
  { method: 'GET', pattern: '/sheets/{sheetId}/rows/{rowId}/attachments', run: listRowAttachments },
  { method: 'GET', pattern: '/sheets/{sheetId}/attachments/{attachmentId}', run: getAttachment },
  {
    method: 'DELETE',
    pattern: '/sheets/{sheetId}/attachments/{attachmentId}',
    run: deleteAttachment,
    writesSheet: true,
  },
  { method: 'GET', pattern: '/sheets/{sheetId}/attachments/{attachmentId}/versions', run: listVersions },
  {
    method: 'POST',
    pattern: '/sheets/{sheetId}/attachments/{attachmentId}/versions',
    run: attachNewVersion,
    heavy: true,
    writesSheet: true,
  },
  {
    method: 'DELETE',
    pattern: '/sheets/{sheetId}/attachments/{attachmentId}/versions',
    run: deleteAllVersions,
    writesSheet: true,
  },
];
