// The facts of one change that risk scoring learns from (billing-domain.md §3.5), worked out from
// the change itself — its own time, editor, values and the rules' findings — never from when it
// was processed. One observation is stored per watched change, flagged or not, so the model sees
// ordinary work as well as violations.
import { createHash } from 'node:crypto';
import type { AuditSeverity } from '../audit-chain.js';
import type { AttributedChange } from '../audit/attributed-change.js';
import type { AuditContext } from '../audit/audit-context.js';
import type { AuditFinding } from '../audit/audit-finding.js';
import { placementOf } from '../audit/audit-event.js';
import { changeFactsOf } from '../audit/change-facts.js';
import type { RowState } from '../audit/change-rows.js';
import { SEVERITY_ORDER } from '../audit/severity-band.js';
import { wallClockSlotOf } from '../audit-report/wall-clock-slot.js';
import type { IsoDate } from '../calendar-date.js';
import { unitPriceFor } from '../expected-price.js';
import { findRate } from '../rate-table.js';
import { weekClosesAt } from '../week-close.js';

/** What changed, as the model encodes it: a billing field, or a whole row appearing or going. */
export type ObservedField =
  | 'price'
  | 'quantity'
  | 'completed'
  | 'weekEnding'
  | 'snapshotDate'
  | 'workRequest'
  | 'cu'
  | 'workType'
  | 'pole'
  | 'row-created'
  | 'row-deleted'
  | 'other';

/** One watched change with everything its features and its category are computed from. */
export interface ChangeObservation {
  /** SHA-256 of the change's natural key (sheet, row, column, revision), UUID-shaped. */
  readonly changeId: string;
  readonly runId: string;
  readonly sheetId: number;
  readonly rowId: number;
  readonly columnName: string | null;
  readonly revision: string;
  readonly field: ObservedField;
  readonly sheetName: string;
  readonly rowNumber: number;
  /** The cell as text before and after (a one-line row summary for a row created or deleted). */
  readonly oldValue: string | null;
  readonly newValue: string | null;
  /** Link to the row in Smartsheet, when the sheet's permalink is known. */
  readonly sheetReference: string | null;
  /** Lower-cased e-mail; null when cell history did not say. */
  readonly editor: string | null;
  readonly editorHuman: boolean;
  readonly editorCorrector: boolean;
  /** On the sheet's authorised list; null when the sheet has none. */
  readonly editorAuthorised: boolean | null;
  readonly changeAgent: string | null;
  /** ISO-8601 instant of the change (cell history's time). */
  readonly changedAt: string;
  /** Local hour (0–23) and weekday (0 Monday … 6 Sunday) in the organisation's zone. */
  readonly localHour: number;
  readonly localWeekday: number;
  readonly deltaCents: number | null;
  /** The row's price before the change (after it for a created row). */
  readonly rowPriceCents: number | null;
  /** Price ÷ quantity of the row after the change (before it for a deleted row). */
  readonly unitPriceCents: number | null;
  /** The contract's unit price for the row's CU and work type, when a rate table knows it. */
  readonly contractUnitCents: number | null;
  /** The new value ÷ the old one for numeric cells (price, quantity); null otherwise. */
  readonly valueRatio: number | null;
  readonly cu: string | null;
  readonly workRequest: string | null;
  readonly weekEnding: IsoDate | null;
  /** Hours between the closing of the week the change touches and the change; 0 for an open week. */
  readonly hoursAfterClose: number;
  /** The rule codes that fired on the change, and the most severe of their severities. */
  readonly rules: readonly string[];
  readonly maxSeverity: AuditSeverity | null;
}

/** The change's id, from the same natural key its events use (without the rule code). */
export function changeIdOf(key: {
  sheetId: number;
  rowId: number;
  columnName: string | null;
  revision: string;
}): string {
  const hex = createHash('sha256')
    .update(
      `ledgerline.change.v1\n${key.sheetId}\n${key.rowId}\n${key.columnName ?? ''}\n${key.revision}`,
      'utf8',
    )
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function observedField(change: AttributedChange): ObservedField {
  if (change.kind === 'row-created') return 'row-created';
  if (change.kind === 'row-deleted') return 'row-deleted';
  switch (change.field) {
    case 'price':
    case 'quantity':
    case 'completed':
    case 'weekEnding':
    case 'snapshotDate':
    case 'workRequest':
    case 'cu':
    case 'workType':
    case 'pole':
      return change.field;
    default:
      return 'other';
  }
}

function unitPrice(state: RowState | undefined): number | null {
  const price = state?.parsed.priceCents;
  const quantity = state?.parsed.quantity;
  if (price === undefined || quantity === undefined || quantity <= 0) return null;
  return Math.round(price / quantity);
}

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const parsed = Number(value.replace(/[$,\s]/g, ''));
  return value.trim() !== '' && Number.isFinite(parsed) ? parsed : undefined;
}

function valueRatioOf(change: AttributedChange): number | null {
  if (change.kind !== 'cell' || (change.field !== 'price' && change.field !== 'quantity')) return null;
  const before = numeric(change.oldValue);
  const after = numeric(change.newValue);
  if (before === undefined || after === undefined || before === 0) return null;
  return after / before;
}

/** The most severe of the findings' severities; null without findings. */
export function maxSeverityOf(findings: readonly Pick<AuditFinding, 'severity'>[]): AuditSeverity | null {
  let worst: AuditSeverity | null = null;
  for (const { severity } of findings) {
    if (worst === null || SEVERITY_ORDER.indexOf(severity) > SEVERITY_ORDER.indexOf(worst)) worst = severity;
  }
  return worst;
}

/** The observation of a change the rules have judged. */
export function observeChange(
  change: AttributedChange,
  findings: readonly AuditFinding[],
  context: AuditContext,
): ChangeObservation {
  const facts = changeFactsOf(change, context);
  const placement = placementOf(change, context);
  const columnName = change.kind === 'cell' ? (change.columnName ?? change.field ?? null) : null;
  const slot = wallClockSlotOf(change.changedAt, context.weekClose.timeZone);
  const subject = facts.after ?? facts.before;
  const rate =
    context.rateTable && subject?.parsed.cu ? findRate(context.rateTable, subject.parsed.cu) : undefined;
  const workType = subject?.parsed.workType;
  const contractUnit = rate && workType ? unitPriceFor(rate, workType) : undefined;
  let hoursAfterClose = 0;
  if (facts.closedWeek !== undefined) {
    const closedAt = weekClosesAt(facts.closedWeek, context.weekClose.timeZone, context.weekClose.graceHours);
    hoursAfterClose = Math.max(0, (change.changedAt.getTime() - closedAt.getTime()) / 3_600_000);
  }
  return {
    changeId: changeIdOf({
      sheetId: change.sheetId,
      rowId: change.rowId,
      columnName,
      revision: change.revision,
    }),
    runId: context.runId,
    sheetId: change.sheetId,
    rowId: change.rowId,
    columnName,
    revision: change.revision,
    field: observedField(change),
    sheetName: change.sheetName,
    rowNumber: change.rowNumber,
    oldValue: placement.oldValue,
    newValue: placement.newValue,
    sheetReference: placement.sheetReference,
    editor: facts.editor.email,
    editorHuman: facts.editor.human,
    editorCorrector: facts.editor.corrector,
    editorAuthorised: facts.editor.authorised,
    changeAgent: change.changeAgent ?? null,
    changedAt: change.changedAt.toISOString(),
    localHour: slot.hour,
    localWeekday: slot.weekdayIndex,
    deltaCents: facts.impact.deltaCents,
    rowPriceCents: (facts.before ?? facts.after)?.parsed.priceCents ?? null,
    unitPriceCents: unitPrice(facts.after ?? facts.before),
    contractUnitCents: contractUnit ?? null,
    valueRatio: valueRatioOf(change),
    cu: subject?.parsed.cu ?? null,
    workRequest: facts.workRequest ?? null,
    weekEnding: facts.weekEnding ?? null,
    hoursAfterClose,
    rules: findings.map((f) => f.code),
    maxSeverity: maxSeverityOf(findings),
  };
}
