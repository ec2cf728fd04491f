// "Billed this week" on the Overview (issue #7): the billable total of the current week over every
// live row of the source sheets. Evaluating 150,000 rows takes seconds, so each sheet's subtotal is
// kept with the state it was computed from (SnapshotStore.liveRowStates, one grouped read) and
// recomputed only for sheets whose rows, mapping, week or day changed since (issue #10).
import { billableRuleContext, evaluateBillable } from '../domain/billable-rule.js';
import { parseBillingFields } from '../domain/billing-row.js';
import type { Weekday } from '../domain/calendar-date.js';
import type { SnapshotValues } from '../domain/row-fingerprint.js';
import { calendarDateIn } from '../domain/time-zone.js';
import type { SheetStore, SnapshotStore } from '../ports/store.js';
import { billingRowOf } from './plan-weekly-reports.js';

/** Per sheet: the subtotal and the state key it was computed for. */
export type BilledWeekCache = Map<number, { readonly key: string; readonly cents: number }>;

export function createBilledWeekCache(): BilledWeekCache {
  return new Map();
}

/**
 * The billable total of the week ending `weekEnding`: every stored live row of the source sheets
 * that the billable rule accepts for that week (regrouped to the week-end day, billing-domain.md
 * §1.5). With a cache, sheets whose live rows did not change are not read again.
 */
export async function billedInWeek(
  deps: { readonly sheets: SheetStore; readonly snapshots: SnapshotStore },
  weekEnding: string,
  now: Date,
  settings: { readonly timeZone: string; readonly weekEndDay: Weekday },
  cache: BilledWeekCache = createBilledWeekCache(),
): Promise<number> {
  const context = billableRuleContext(now, settings);
  const today = calendarDateIn(now, settings.timeZone);
  const [sheets, states] = await Promise.all([
    deps.sheets.listSheets({ role: 'source' }),
    deps.snapshots.liveRowStates(),
  ]);
  let total = 0;
  for (const sheet of sheets) {
    const state = states.get(sheet.id);
    if (!state) continue;
    // The rule reads the date (future snapshot dates) and the mapping decides which cell is which.
    const key = JSON.stringify([weekEnding, today, sheet.version, sheet.columnMap, state]);
    const cached = cache.get(sheet.id);
    if (cached?.key === key) {
      total += cached.cents;
      continue;
    }
    let cents = 0;
    for (const snapshot of await deps.snapshots.listSnapshots(sheet.id)) {
      if (!snapshot.billable) continue;
      const row = billingRowOf({ ...snapshot, values: snapshot.values as SnapshotValues });
      const outcome = evaluateBillable(parseBillingFields(row), context);
      if (outcome.billable && outcome.row.weekEnding === weekEnding) cents += outcome.row.priceCents;
    }
    cache.set(sheet.id, { key, cents });
    total += cents;
  }
  return total;
}
