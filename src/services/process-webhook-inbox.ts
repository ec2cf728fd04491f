// Drains the durable webhook inbox (DESIGN.md §2): for each sheet a batch of callbacks touched,
// read only the touched rows, then run the same audit pipeline as a cycle — events first, then
// snapshots. Callbacks caused by Ledgerline's own writes (its change agent) are ignored. The
// sheet's sync point is left alone, so the scheduled sync still sweeps up anything a lost callback hid.
import { defaultAuditContext } from '../domain/audit/audit-context.js';
import type { AuditContextOptions } from '../domain/audit/audit-context.js';
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import { mapColumns } from '../domain/column-mapping.js';
import type { ColumnSynonyms } from '../domain/column-mapping.js';
import type { SnapshotValues } from '../domain/row-fingerprint.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type { SheetStore, SnapshotStore } from '../ports/sheet-store.js';
import type { InboxItem, InboxStore } from '../ports/webhook-store.js';
import type { AccessReviewStore } from '../ports/access-review-store.js';
import type { RiskStore } from '../ports/risk-store.js';
import type { CorrectionStore } from '../ports/correction-store.js';
import { approvedCorrectionsFor } from './correction-audit-context.js';
import { lockKeys } from '../ports/work-lock.js';
import type { LockLease, WorkLock } from '../ports/work-lock.js';
import { auditSheetChanges } from './audit-sheet-changes.js';
import { flagRiskyChanges } from './flag-risky-changes.js';
import { createRiskScorer, loadReviewOverdue, loadRiskModel } from './score-changes.js';
import type { RiskScorer, RiskSettings } from './score-changes.js';
import { commitSheetSync, diffSheetRows } from './sync-source-sheets.js';
import type { RowChange, SheetSyncResult } from './sync-source-sheets.js';

export interface InboxDependencies {
  inbox: InboxStore;
  sheets: SheetStore;
  snapshots: SnapshotStore;
  audit: AuditStore;
  source: BillingSheets;
  /** With `InboxOptions.risk`, changes are scored and the batch's flags raised, as in a cycle. */
  risk?: RiskStore;
  accessReviews?: Pick<AccessReviewStore, 'latestReview'>;
  /** Approved correction requests (issue #12), judged as in a cycle. */
  corrections?: Pick<CorrectionStore, 'listApprovedSince'>;
  /** Held per sheet while its batch is read, audited and committed (see SyncDependencies.lock). */
  lock?: WorkLock;
  now: () => Date;
}

export interface InboxOptions {
  runId: string;
  /** Our Smartsheet-Change-Agent: events carrying it are our own writes. */
  changeAgent: string;
  audit: Omit<AuditContextOptions, 'now' | 'runId'>;
  isBillable: (values: SnapshotValues) => boolean;
  synonyms?: Partial<ColumnSynonyms>;
  batchSize?: number;
  leaseMs?: number;
  /** First retry delay; doubles per attempt. */
  retryBaseMs?: number;
  maxAttempts?: number;
  risk?: RiskSettings;
}

export interface InboxResult {
  items: number;
  sheets: number;
  rowsRead: number;
  events: ChainedAuditEvent[];
  failed: number;
}

interface Touched {
  items: InboxItem[];
  rowIds: Set<number>;
  deletedRowIds: Set<number>;
}

interface CallbackEvent {
  objectType?: string;
  eventType?: string;
  id?: number;
  rowId?: number;
  changeAgent?: string;
}

/** Which rows a callback touched, leaving out events our own writes caused. */
export function touchedRows(
  body: string,
  changeAgent: string,
): { sheetId: number; rowIds: number[]; deletedRowIds: number[] } | undefined {
  const parsed = JSON.parse(body) as { scopeObjectId?: number; events?: CallbackEvent[] };
  if (typeof parsed.scopeObjectId !== 'number' || !Array.isArray(parsed.events)) return undefined;
  const rowIds = new Set<number>();
  const deleted = new Set<number>();
  for (const event of parsed.events) {
    const agents = (event.changeAgent ?? '').split(',').map((a) => a.trim());
    if (agents.includes(changeAgent)) continue;
    const rowId =
      event.objectType === 'cell' ? event.rowId : event.objectType === 'row' ? event.id : undefined;
    if (typeof rowId !== 'number') continue;
    if (event.objectType === 'row' && event.eventType === 'deleted') deleted.add(rowId);
    else rowIds.add(rowId);
  }
  for (const id of deleted) rowIds.delete(id);
  return { sheetId: parsed.scopeObjectId, rowIds: [...rowIds], deletedRowIds: [...deleted] };
}

export async function processWebhookInbox(
  deps: InboxDependencies,
  options: InboxOptions,
): Promise<InboxResult> {
  const now = deps.now();
  const items = await deps.inbox.claimNextBatch({
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + (options.leaseMs ?? 120_000)).toISOString(),
    limit: options.batchSize ?? 100,
  });
  const result: InboxResult = { items: items.length, sheets: 0, rowsRead: 0, events: [], failed: 0 };
  const bySheet = new Map<number, Touched>();
  for (const item of items) {
    let touched: ReturnType<typeof touchedRows>;
    try {
      touched = touchedRows(item.body, options.changeAgent);
    } catch {
      touched = undefined;
    }
    if (!touched) {
      // Status-change or unreadable callbacks carry no rows; nothing to fetch.
      await deps.inbox.markDone(item.key, now.toISOString());
      continue;
    }
    const entry = bySheet.get(touched.sheetId) ?? { items: [], rowIds: new Set(), deletedRowIds: new Set() };
    entry.items.push(item);
    touched.rowIds.forEach((id) => entry.rowIds.add(id));
    touched.deletedRowIds.forEach((id) => entry.deletedRowIds.add(id));
    bySheet.set(touched.sheetId, entry);
  }

  const context = defaultAuditContext({
    ...options.audit,
    ...(bySheet.size > 0 ? await approvedCorrectionsFor(deps.corrections, now, options.audit) : {}),
    now,
    runId: options.runId,
  });
  // The batch is scored with the newest stored model; training is left to cycles and `serve`'s
  // weekly job, so a callback is never held up by it.
  const scorer =
    deps.risk && options.risk && bySheet.size > 0
      ? createRiskScorer(
          { risk: deps.risk },
          {
            settings: options.risk,
            model: await loadRiskModel(deps.risk),
            now,
            reviewOverdue: await loadReviewOverdue(deps.accessReviews),
          },
        )
      : undefined;
  for (const [sheetId, touched] of bySheet) {
    try {
      const work = (lease?: LockLease) =>
        processSheet(deps, sheetId, touched, options, context, scorer, lease);
      const processed = deps.lock
        ? await deps.lock.withLock(lockKeys.sheetSync(sheetId), work)
        : await work();
      result.sheets += 1;
      result.rowsRead += processed.rowsRead;
      result.events.push(...processed.events);
      for (const item of touched.items) await deps.inbox.markDone(item.key, deps.now().toISOString());
    } catch (error) {
      for (const item of touched.items) {
        result.failed += 1;
        const giveUp = item.attempts >= (options.maxAttempts ?? 8);
        const delay = (options.retryBaseMs ?? 30_000) * 2 ** Math.max(0, item.attempts - 1);
        await deps.inbox.markFailed(item.key, {
          error: (error as Error).message.slice(0, 500),
          nextAttemptAt: giveUp ? null : new Date(deps.now().getTime() + delay).toISOString(),
        });
      }
    }
  }
  if (scorer && deps.risk && options.risk) {
    const flagged = await flagRiskyChanges({ risk: deps.risk, audit: deps.audit }, options.runId, {
      budget: options.risk.budget,
      context,
      weights: options.risk.weights,
    });
    result.events.push(...flagged.events);
  }
  return result;
}

async function processSheet(
  deps: InboxDependencies,
  sheetId: number,
  touched: Touched,
  options: InboxOptions,
  context: ReturnType<typeof defaultAuditContext>,
  scorer: RiskScorer | undefined,
  lease?: LockLease,
): Promise<{ rowsRead: number; events: ChainedAuditEvent[] }> {
  const known = await deps.sheets.getSheet(sheetId);
  // A sheet not yet synced (or not active) has no baseline to diff against: the cycle handles it.
  if (!known || known.status !== 'active' || !known.lastSyncedAt) return { rowsRead: 0, events: [] };
  const stored = new Map((await deps.snapshots.listSnapshots(sheetId)).map((s) => [s.rowId, s]));
  const wanted = [...touched.rowIds];
  const content = wanted.length > 0 ? await deps.source.readSheet(sheetId, { rowIds: wanted }) : undefined;
  if (wanted.length > 0 && !content) return { rowsRead: 0, events: [] };
  const mapping = content ? mapColumns(content.columns, options.synonyms) : undefined;
  if (content && mapping && mapping.missingRequired.length > 0) return { rowsRead: 0, events: [] };

  const diff =
    content && mapping
      ? diffSheetRows(sheetId, content.rows, stored, mapping, {
          isBillable: options.isBillable,
          runId: options.runId,
        })
      : { changes: [], writes: [] };
  // Rows asked for but not returned, and rows reported deleted, are gone if we knew them.
  const present = new Set(content?.rows.map((r) => r.rowId) ?? []);
  const gone = [...new Set([...touched.deletedRowIds, ...wanted.filter((id) => !present.has(id))])].filter(
    (id) => stored.has(id),
  );
  const at = deps.now().toISOString();
  const deletions: RowChange[] = gone.map((id) => {
    const s = stored.get(id)!;
    return {
      kind: 'deleted',
      sheetId,
      rowId: id,
      rowNumber: s.rowNumber,
      modifiedAt: s.modifiedAt,
      previousModifiedAt: s.modifiedAt,
      before: s.values as SnapshotValues,
      after: undefined,
    };
  });
  const result: SheetSyncResult = {
    sheetId,
    sheetName: known.name,
    outcome: 'incremental',
    rowsFetched: content?.rows.length ?? 0,
    changes: [...diff.changes, ...deletions],
    ...(mapping ? { mapping } : {}),
    ...(content?.permalink ? { permalink: content.permalink } : {}),
    writes: diff.writes,
    deletedRowIds: gone,
    isNew: false,
    at,
  };
  // As in a cycle's sync: a cluster lock lost while reading stops the batch before it audits or
  // commits, and the inbox items are retried.
  await lease?.confirm();
  const audited = await auditSheetChanges(
    { source: deps.source, audit: deps.audit, scorer },
    result,
    context,
  );
  await lease?.confirm();
  await commitSheetSync(deps, result, options.runId);
  return { rowsRead: result.rowsFetched, events: audited.events };
}
