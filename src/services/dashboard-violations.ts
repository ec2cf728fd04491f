// The Violations page (issue #7): a filtered, sorted page of audit events as the dashboard shows
// them, and the drill-down to one event — its rule reasons, risk explanation, the cell's history
// from Smartsheet, its reviews and whether it can be reverted.
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { ChainedAuditEvent, JsonObject } from '../domain/audit-chain.js';
import type { ViolationQuerySpec } from '../domain/dashboard/violation-query.js';
import {
  recordedSheetName,
  violationViewOf,
  type ViolationView,
} from '../domain/dashboard/violation-view.js';
import { cellText } from '../domain/cell-value.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type {
  AuditStore,
  EventReview,
  EventReviewStore,
  ReviewedAuditEvent,
  SheetStore,
} from '../ports/store.js';

export interface ViolationReadDeps {
  readonly audit: AuditStore;
  readonly reviews: EventReviewStore;
  readonly sheets: SheetStore;
}

export interface ViolationPageView {
  readonly items: ViolationView[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * Views of stored events: the sheet name comes from the event (`details.sheetName`) or, for events
 * that carry none, from the sheet store (looked up once per sheet).
 */
export async function violationViewsOf(
  sheets: SheetStore,
  items: readonly ReviewedAuditEvent[],
): Promise<ViolationView[]> {
  const names = new Map<number, Promise<string | null>>();
  const nameOf = (sheetId: number | null) => {
    if (sheetId === null) return Promise.resolve(null);
    let name = names.get(sheetId);
    if (!name) {
      name = sheets.getSheet(sheetId).then((sheet) => sheet?.name ?? null);
      names.set(sheetId, name);
    }
    return name;
  };
  return Promise.all(
    items.map(async ({ event, latestReview }) =>
      violationViewOf(event, {
        sheetName: recordedSheetName(event) === null ? await nameOf(event.sheetId) : null,
        latestReview,
      }),
    ),
  );
}

/** One page of the Violations view. */
export async function queryViolations(
  deps: ViolationReadDeps,
  spec: ViolationQuerySpec,
): Promise<ViolationPageView> {
  const offset = (spec.page - 1) * spec.pageSize;
  const { items, total } = await deps.audit.queryEvents(spec.filter, spec.sort, {
    offset,
    limit: spec.pageSize,
  });
  return {
    items: await violationViewsOf(deps.sheets, items),
    total,
    page: spec.page,
    pageSize: spec.pageSize,
  };
}

/** The Smartsheet cell an event is about: a cell change on a column the sheet's mapping knows. */
export interface EventCell {
  readonly sheetId: number;
  readonly rowId: number;
  readonly columnId: number;
  /** The billing field the column maps to. */
  readonly field: string;
}

/**
 * The cell of a cell-change event, or why there is none. The column id is not stored with the
 * event: it is the sheet's current column for the event's billing field (`details.field`), as the
 * sync's column mapping recorded it (the same mapping attribution used to read cell history).
 */
export async function eventCellOf(
  sheets: SheetStore,
  event: ChainedAuditEvent,
): Promise<{ readonly cell: EventCell } | { readonly cell: null; readonly reason: string }> {
  const { changeKind, field } = event.details;
  if (changeKind !== 'cell' || typeof field !== 'string' || event.sheetId === null || event.rowId === null)
    return { cell: null, reason: 'This event is not about a single cell, so it has no cell history.' };
  const sheet = await sheets.getSheet(event.sheetId);
  const columnId = sheet?.columnMap[field];
  if (columnId === undefined)
    return {
      cell: null,
      reason: `The column of ${event.columnName ?? field} is not known for sheet ${event.sheetId} (no synced column mapping), so its history cannot be read.`,
    };
  return { cell: { sheetId: event.sheetId, rowId: event.rowId, columnId, field } };
}

export interface CellRevisionView {
  readonly value: string | null;
  readonly modifiedAt: string;
  readonly modifiedBy: string | null;
}

export interface ReviewView {
  readonly status: EventReview['status'];
  readonly comment: string;
  readonly by: string;
  readonly at: string;
}

export interface ViolationDetailView {
  readonly event: ViolationView;
  readonly reasons: string[];
  readonly risk: JsonObject | null;
  readonly cellHistory: CellRevisionView[];
  /** Why the history is empty when it is (not a cell change, unknown column, Smartsheet failed). */
  readonly cellHistoryNote: string | null;
  readonly reviews: ReviewView[];
  readonly revertible: boolean;
}

export function reviewViewOf(review: EventReview): ReviewView {
  return { status: review.status, comment: review.comment, by: review.reviewer, at: review.reviewedAt };
}

/** An event and its drill-down; AppError NOT_FOUND when no event has that id. */
export async function violationDetail(
  deps: ViolationReadDeps & { readonly source: Pick<BillingSheets, 'cellHistory'> },
  eventId: string,
): Promise<ViolationDetailView> {
  const stored = await deps.audit.getEvent(eventId);
  if (!stored)
    throw new AppError(ErrorCode.NOT_FOUND, `No audit event has the id ${JSON.stringify(eventId)}.`);
  const { event } = stored;
  const [view] = await violationViewsOf(deps.sheets, [stored]);
  const reviews = await deps.reviews.listReviews(eventId);
  const located = await eventCellOf(deps.sheets, event);

  let cellHistory: CellRevisionView[] = [];
  let cellHistoryNote: string | null = located.cell ? null : located.reason;
  if (located.cell) {
    const { sheetId, rowId, columnId } = located.cell;
    try {
      const revisions = await deps.source.cellHistory(sheetId, rowId, columnId);
      cellHistory = revisions.map((revision) => ({
        value: cellText(revision.value) ?? null,
        modifiedAt: revision.modifiedAt.toISOString(),
        modifiedBy: revision.editorEmail,
      }));
      if (cellHistory.length === 0) cellHistoryNote = 'Smartsheet returned no history for this cell.';
    } catch (error) {
      cellHistoryNote = `Smartsheet's history of this cell could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const reasons = event.details.reasons;
  const risk = event.details.risk;
  return {
    event: view as ViolationView,
    reasons: Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [],
    risk: typeof risk === 'object' && risk !== null && !Array.isArray(risk) ? (risk as JsonObject) : null,
    cellHistory,
    cellHistoryNote,
    reviews: reviews.map(reviewViewOf),
    revertible: located.cell !== null && stored.latestReview !== 'reverted',
  };
}
