// An audit event together with the facts every aggregation needs: who, when on the organisation's
// wall clock, and how much money it moved. Worked out once per event so that every table and chart
// of the workbook agrees on them.
import { AppError, ErrorCode } from '../app-error.js';
import type { ChainedAuditEvent } from '../audit-chain.js';
import { wallClockSlotOf } from './wall-clock-slot.js';
import type { WallClockSlot } from './wall-clock-slot.js';

/** The editor shown for an event whose cell history named nobody. */
export const UNKNOWN_EDITOR = '(unknown editor)';

/** An event with its editor, instant and impact resolved. */
export interface PlacedAuditEvent {
  readonly event: ChainedAuditEvent;
  readonly editor: string;
  /** When the change happened: `changedAt`, or when Ledgerline detected it if that is unknown. */
  readonly instantMs: number;
  readonly slot: WallClockSlot;
  /** True when `changedAt` was missing and the detection time stands in for it. */
  readonly timedByDetection: boolean;
  /** deltaCents, 0 when the event carries no financial impact (a data-quality finding). */
  readonly netImpactCents: number;
  readonly absoluteImpactCents: number;
}

/**
 * Resolves an event's editor, instant and impact. A change without `changedAt` (a deleted row
 * whose history is gone) is placed at its detection `timestamp` rather than dropped, so the
 * charts' totals still add up to the summary's.
 */
export function placeAuditEvent(event: ChainedAuditEvent, timeZone: string): PlacedAuditEvent {
  const timedByDetection = event.changedAt === null;
  const text = event.changedAt ?? event.timestamp;
  const instantMs = Date.parse(text);
  if (Number.isNaN(instantMs)) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Audit event #${event.seq} has an unreadable time ${JSON.stringify(text)}.`,
      { details: { seq: event.seq } },
    );
  }
  const editor = event.changedBy?.trim() || UNKNOWN_EDITOR;
  const netImpactCents = event.deltaCents ?? 0;
  return {
    event,
    editor,
    instantMs,
    slot: wallClockSlotOf(new Date(instantMs), timeZone),
    timedByDetection,
    netImpactCents,
    absoluteImpactCents: Math.abs(netImpactCents),
  };
}
