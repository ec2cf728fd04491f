// Publishing (billing-domain.md §2.2): keep exactly one current workbook per report identity
// attached to the Work Request's row on the target sheet, re-publishing only what changed.
// Order per group: upload the new file, then delete older attachments of the same identity (never
// another week's, variant's or claimer's), then record the hash. A crash between any two steps is
// repaired by the next run: an unrecorded upload is re-done and its twin cleaned up; a failed
// delete leaves a leftover that the next run's cleanup removes.
import { AppError } from '../domain/app-error.js';
import { parseReportFileName, reportIdentityKey } from '../domain/report-identity.js';
import type { ReportIdentity } from '../domain/report-identity.js';
import type { BillingSheets, RowAttachment } from '../ports/billing-sheets.js';
import type { PhaseProgress } from '../ports/progress.js';
import type { ReportStore } from '../ports/report-store.js';
import type { ReportArchive, WeeklyReport } from '../ports/report-writer.js';

export interface PlannedReport {
  identity: ReportIdentity;
  report: WeeklyReport;
}

export interface TargetRows {
  /** Row ids of the target sheet by normalised Work Request number. */
  rowsByWorkRequest: ReadonlyMap<string, readonly number[]>;
}

export type PublishFindingKind =
  'wr-missing-on-target' | 'wr-duplicated-on-target' | 'upload-failed' | 'delete-failed';

export interface PublishFinding {
  kind: PublishFindingKind;
  identityKey: string;
  workRequest: string;
  message: string;
}

export interface PublishSummary {
  groups: number;
  unchanged: number;
  generated: number;
  uploaded: number;
  deleted: number;
  /** With dry-run: what would have been uploaded / deleted. */
  wouldUpload: number;
  wouldDelete: number;
  /** Groups left for the next run because the phase ran out of time. */
  deferred: number;
  findings: PublishFinding[];
  /** Local copies written (file paths). */
  saved: string[];
}

export interface PublishDependencies {
  target: BillingSheets;
  reports: ReportStore;
  /** Renders many workbooks (in parallel where worthwhile), bytes in input order. */
  render: (reports: readonly WeeklyReport[]) => Promise<Uint8Array[]>;
  archive?: ReportArchive;
  progress?: PhaseProgress;
}

export interface PublishOptions {
  targetSheetId: number;
  targetRows: TargetRows;
  /** Every attachment currently on the target sheet's rows. */
  attachments: readonly RowAttachment[];
  dryRun: boolean;
  runId: string;
  now: () => Date;
  /** Stop starting new uploads after this instant; what is left is published by the next run. */
  deadline?: Date;
}

interface AttachmentWithIdentity extends RowAttachment {
  identityKey: string;
}

export async function publishWeeklyReports(
  deps: PublishDependencies,
  planned: readonly PlannedReport[],
  options: PublishOptions,
): Promise<PublishSummary> {
  const summary: PublishSummary = {
    groups: planned.length,
    unchanged: 0,
    generated: 0,
    uploaded: 0,
    deleted: 0,
    wouldUpload: 0,
    wouldDelete: 0,
    deferred: 0,
    findings: [],
    saved: [],
  };
  const byIdentity = groupAttachmentsByIdentity(options.attachments);
  const published = new Map((await deps.reports.listPublishedReports()).map((p) => [p.identityKey, p]));

  // Decide per group: skip, clean up leftovers, or (re)publish.
  const toPublish: { plan: PlannedReport; rowId: number; key: string }[] = [];
  const cleanups: { key: string; workRequest: string; remove: AttachmentWithIdentity[] }[] = [];
  for (const plan of planned) {
    const key = reportIdentityKey(plan.identity);
    const rowId = targetRowFor(plan, key, options.targetRows, summary.findings);
    if (rowId === undefined) continue;
    const record = published.get(key);
    const present = byIdentity.get(key) ?? [];
    const current = record && present.find((a) => a.id === record.attachmentId && a.rowId === rowId);
    if (record && current && record.contentHash === plan.report.contentHash) {
      summary.unchanged += 1;
      const leftovers = present.filter((a) => a.id !== current.id);
      if (leftovers.length > 0)
        cleanups.push({ key, workRequest: plan.report.workRequest, remove: leftovers });
      continue;
    }
    toPublish.push({ plan, rowId, key });
  }
  deps.progress?.total(toPublish.length + cleanups.length);

  if (options.dryRun) {
    summary.wouldUpload = toPublish.length;
    summary.wouldDelete =
      cleanups.reduce((n, c) => n + c.remove.length, 0) +
      toPublish.reduce((n, p) => n + (byIdentity.get(p.key)?.length ?? 0), 0);
    deps.progress?.done();
    return summary;
  }

  const bytes = await deps.render(toPublish.map((p) => p.plan.report));
  summary.generated = bytes.length;
  for (const [index, item] of toPublish.entries()) {
    if (options.deadline && options.now() > options.deadline) {
      summary.deferred = toPublish.length - index;
      break;
    }
    const file = bytes[index] as Uint8Array;
    if (deps.archive) summary.saved.push(await deps.archive.save(item.plan.report.fileName, file));
    const attempt = await uploadWithReconciliation(
      deps,
      options.targetSheetId,
      item.rowId,
      item.plan.report.fileName,
      file,
    );
    if (!attempt.ok) {
      summary.findings.push({
        kind: 'upload-failed',
        identityKey: item.key,
        workRequest: item.plan.report.workRequest,
        message: `Upload of ${item.plan.report.fileName} failed: ${attempt.error.message}`,
      });
      deps.progress?.advance(1, item.plan.report.fileName);
      continue;
    }
    const uploaded = attempt.attachment;
    summary.uploaded += 1;
    // The upload succeeded: from here the new file is the current one, whatever happens to the deletes.
    await deps.reports.recordPublished({
      identityKey: item.key,
      workRequest: item.plan.report.workRequest,
      weekEnding: item.plan.identity.weekEnding,
      variant: item.plan.identity.variant,
      claimer: item.plan.identity.claimer ?? null,
      contentHash: item.plan.report.contentHash,
      fileName: item.plan.report.fileName,
      targetRowId: item.rowId,
      attachmentId: uploaded.id,
      publishedAt: options.now().toISOString(),
      runId: options.runId,
    });
    // After an attempt whose outcome was unknown, a twin may have landed: look at the row again.
    const candidates = attempt.ambiguous
      ? (groupAttachmentsByIdentity(
          await deps.target.listAttachmentsOfRow(options.targetSheetId, item.rowId),
        ).get(item.key) ?? [])
      : (byIdentity.get(item.key) ?? []);
    const older = candidates.filter((a) => a.id !== uploaded.id);
    summary.deleted += await deleteAll(
      deps,
      options.targetSheetId,
      item.key,
      item.plan.report.workRequest,
      older,
      summary.findings,
    );
    deps.progress?.advance(1, item.plan.report.fileName);
  }
  for (const cleanup of cleanups) {
    summary.deleted += await deleteAll(
      deps,
      options.targetSheetId,
      cleanup.key,
      cleanup.workRequest,
      cleanup.remove,
      summary.findings,
    );
    deps.progress?.advance(1, `cleanup ${cleanup.key}`);
  }
  deps.progress?.done();
  return summary;
}

const UPLOAD_ATTEMPTS = 3;

type UploadOutcome =
  { ok: true; attachment: RowAttachment; ambiguous: boolean } | { ok: false; error: Error };

/**
 * Uploads, retrying failures the client marks retryable. The client never silently re-sends a
 * POST whose fate is unknown (smartsheet-api.md §9.7); here a repeat is safe because any twin it
 * creates has the same identity and is removed with the older files.
 */
async function uploadWithReconciliation(
  deps: PublishDependencies,
  sheetId: number,
  rowId: number,
  fileName: string,
  bytes: Uint8Array,
): Promise<UploadOutcome> {
  let ambiguous = false;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return {
        ok: true,
        attachment: await deps.target.uploadRowAttachment(sheetId, rowId, fileName, bytes),
        ambiguous,
      };
    } catch (error) {
      const details =
        error instanceof AppError
          ? ((error.details ?? {}) as { retryable?: boolean; ambiguous?: boolean })
          : {};
      ambiguous ||= details.ambiguous === true;
      if (details.retryable !== true || attempt >= UPLOAD_ATTEMPTS)
        return { ok: false, error: error as Error };
    }
  }
}

function targetRowFor(
  plan: PlannedReport,
  key: string,
  target: TargetRows,
  findings: PublishFinding[],
): number | undefined {
  const rows = target.rowsByWorkRequest.get(plan.report.workRequest) ?? [];
  if (rows.length === 1) return rows[0];
  findings.push(
    rows.length === 0
      ? {
          kind: 'wr-missing-on-target',
          identityKey: key,
          workRequest: plan.report.workRequest,
          message: `Work Request ${plan.report.workRequest} has no row on the target sheet; ${plan.report.fileName} was not uploaded`,
        }
      : {
          kind: 'wr-duplicated-on-target',
          identityKey: key,
          workRequest: plan.report.workRequest,
          message: `Work Request ${plan.report.workRequest} is on ${rows.length} target rows; ${plan.report.fileName} is quarantined until one remains`,
        },
  );
  return undefined;
}

/** Attachments whose file names parse to a report identity, by identity key; others are never touched. */
function groupAttachmentsByIdentity(
  attachments: readonly RowAttachment[],
): Map<string, AttachmentWithIdentity[]> {
  const byIdentity = new Map<string, AttachmentWithIdentity[]>();
  for (const attachment of attachments) {
    const identity = parseReportFileName(attachment.name);
    if (!identity.ok) continue;
    const key = reportIdentityKey(identity.value);
    const list = byIdentity.get(key) ?? [];
    list.push({ ...attachment, identityKey: key });
    byIdentity.set(key, list);
  }
  return byIdentity;
}

async function deleteAll(
  deps: PublishDependencies,
  sheetId: number,
  key: string,
  workRequest: string,
  attachments: readonly RowAttachment[],
  findings: PublishFinding[],
): Promise<number> {
  let deleted = 0;
  for (const attachment of attachments) {
    try {
      await deps.target.deleteAttachment(sheetId, attachment.id);
      deleted += 1;
    } catch (error) {
      findings.push({
        kind: 'delete-failed',
        identityKey: key,
        workRequest,
        message: `Could not delete the older ${attachment.name} (${attachment.id}); the next run retries: ${(error as Error).message}`,
      });
    }
  }
  return deleted;
}
