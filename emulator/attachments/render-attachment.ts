// Attachment objects (smartsheet-api.md §4.6). The temporary download URL is added only by
// GET /attachments/{id}; lists never carry it.
import type { EmulatorState } from '../state/emulator-state.js';
import type { AttachmentRecord } from '../state/state-types.js';
import type { TimestampFormat } from '../format/timestamps.js';
import { miniUser } from '../sheets/render-context.js';

export function renderAttachment(
  state: EmulatorState,
  attachment: AttachmentRecord,
  dates: TimestampFormat,
): Record<string, unknown> {
  return {
    id: attachment.id,
    name: attachment.name,
    ...(attachment.description !== undefined ? { description: attachment.description } : {}),
    ...(attachment.url !== undefined ? { url: attachment.url } : {}),
    attachmentType: attachment.attachmentType,
    ...(attachment.attachmentSubType !== undefined
      ? { attachmentSubType: attachment.attachmentSubType }
      : {}),
    ...(attachment.mimeType !== undefined ? { mimeType: attachment.mimeType } : {}),
    ...(attachment.sizeInKb !== undefined ? { sizeInKb: attachment.sizeInKb } : {}),
    parentType: attachment.parentType,
    parentId: attachment.parentId,
    createdBy: miniUser(state, attachment.createdBy),
    createdAt: dates(attachment.createdAt),
  };
}

/** The current version of each attachment (lists show one entry per attachment, not per version). */
export function currentAttachments(all: readonly AttachmentRecord[]): AttachmentRecord[] {
  const latest = new Map<number, AttachmentRecord>();
  for (const attachment of all) latest.set(attachment.chainId, attachment);
  return [...latest.values()];
}
