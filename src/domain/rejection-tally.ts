import { REJECTION_REASONS } from './rejection-reason.js';
import type { RejectionReason } from './rejection-reason.js';

/** How many rows were rejected for each reason. */
export type ReasonCounts = Readonly<Record<RejectionReason, number>>;

/**
 * Rejected rows counted by reason overall, per sheet and per Work Request, for the run summary
 * (billing-domain.md §1.4). Rows without a Work Request count in `bySheet` and `total` only.
 * The records have no prototype, so a Work Request typed as `__proto__` is just a key.
 */
export interface RejectionTally {
  readonly total: number;
  readonly byReason: ReasonCounts;
  /** Keyed by sheet id as text. */
  readonly bySheet: Readonly<Record<string, ReasonCounts>>;
  readonly byWorkRequest: Readonly<Record<string, ReasonCounts>>;
}

/** One rejected row as the tally needs it. */
export interface Rejection {
  readonly sheetId: number;
  readonly workRequest: string | undefined;
  readonly reason: RejectionReason;
}

function zeroCounts(): Record<RejectionReason, number> {
  return Object.fromEntries(REJECTION_REASONS.map((reason) => [reason, 0])) as Record<
    RejectionReason,
    number
  >;
}

function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function addTo(
  record: Record<string, Record<RejectionReason, number>>,
  key: string,
  reason: RejectionReason,
  n: number,
) {
  const counts = record[key] ?? (record[key] = zeroCounts());
  counts[reason] += n;
}

/** Counts rejections by reason, per sheet and per Work Request. */
export function tallyRejections(rejections: Iterable<Rejection>): RejectionTally {
  let total = 0;
  const byReason = zeroCounts();
  const bySheet = emptyRecord<Record<RejectionReason, number>>();
  const byWorkRequest = emptyRecord<Record<RejectionReason, number>>();
  for (const { sheetId, workRequest, reason } of rejections) {
    total += 1;
    byReason[reason] += 1;
    addTo(bySheet, String(sheetId), reason, 1);
    if (workRequest !== undefined) addTo(byWorkRequest, workRequest, reason, 1);
  }
  return { total, byReason, bySheet, byWorkRequest };
}

/** Adds tallies together, e.g. the per-sheet tallies of one run. */
export function mergeRejectionTallies(tallies: Iterable<RejectionTally>): RejectionTally {
  let total = 0;
  const byReason = zeroCounts();
  const bySheet = emptyRecord<Record<RejectionReason, number>>();
  const byWorkRequest = emptyRecord<Record<RejectionReason, number>>();
  for (const tally of tallies) {
    total += tally.total;
    for (const reason of REJECTION_REASONS) {
      byReason[reason] += tally.byReason[reason];
      for (const [sheet, counts] of Object.entries(tally.bySheet))
        addTo(bySheet, sheet, reason, counts[reason]);
      for (const [wr, counts] of Object.entries(tally.byWorkRequest))
        addTo(byWorkRequest, wr, reason, counts[reason]);
    }
  }
  return { total, byReason, bySheet, byWorkRequest };
}
