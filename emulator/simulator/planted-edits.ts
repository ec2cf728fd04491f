// Suspicious changes planted for Ledgerline to catch (billing-domain.md §3.3): money raised or
// quantities bumped on billed weeks, billed rows deleted, weeks re-stamped by an automation, the same
// unit billed on two sheets, edits by people outside the authorised list, and edits at 2–4 AM.
import type { BillingField } from '../seed/billing-vocabulary.js';
import type { CellValue } from '../seed/seed-data.js';
import { sundayOnOrAfter, zonedParts } from '../seed/zoned-time.js';
import type { RowFacts } from './billing-row-facts.js';
import { isBilled, isOpenWeek } from './billing-row-facts.js';
import type { CellWrite, EditPlanner, PlanContext, PlannedEdit } from './edit-plan.js';
import {
  candidateRows,
  dollars,
  draft,
  fieldUpdate,
  pickOrUndefined,
  quantityValue,
  scaledCents,
  valueIn,
} from './edit-plan.js';
import type { PlantedKind } from './ground-truth-label.js';

function billedRow(context: PlanContext): RowFacts | undefined {
  return pickOrUndefined(
    context.random,
    candidateRows(context, (facts) => isBilled(facts, context.clockMs)),
  );
}

function openWeekRow(context: PlanContext, completedOnly = false): RowFacts | undefined {
  return pickOrUndefined(
    context.random,
    candidateRows(
      context,
      (facts) => isOpenWeek(facts, context.clockMs) && (!completedOnly || facts.completed),
    ),
  );
}

function singleUpdate(
  kind: PlantedKind,
  facts: RowFacts,
  editor: string | undefined,
  field: BillingField,
  value: CellValue,
): PlannedEdit | undefined {
  const change = fieldUpdate(facts, field, value);
  if (!editor || !change) return undefined;
  return {
    kind,
    planted: true,
    editor,
    sheetId: facts.sheet.id,
    write: { action: 'update', rowId: facts.row.id, cells: [change.cell] },
    labels: [change.label],
    touches: [facts.row.id],
  };
}

/** Someone without `billing.correct` raises the price of a unit in a billed week. */
export const planPostClosePriceIncrease: EditPlanner = (context) => {
  const facts = billedRow(context);
  if (!facts) return undefined;
  const editor = pickOrUndefined(context.random, context.cast.nonCorrectors(facts.sheet.id));
  const price = dollars(scaledCents(facts.priceCents, 1.1 + context.random.next() * 0.5));
  return singleUpdate('post_close_price_increase', facts, editor, 'price', price);
};

/** The quantity of a billed unit goes up; the price cell is left as it was. */
export const planPostCloseQuantityBump: EditPlanner = (context) => {
  const facts = billedRow(context);
  if (!facts) return undefined;
  const editor = pickOrUndefined(context.random, context.cast.nonCorrectors(facts.sheet.id));
  const bump = facts.quantity >= 20 ? context.random.int(2, 20) * 5 : context.random.int(1, 3);
  const value = quantityValue(valueIn(facts.row, facts.sheet.fields.quantity), facts.quantity + bump);
  return singleUpdate('post_close_quantity_bump', facts, editor, 'quantity', value);
};

/** A billed row disappears. */
export const planBilledRowDeleted: EditPlanner = (context) => {
  const facts = billedRow(context);
  const priceColumn = facts?.sheet.fields.price;
  if (!facts || !priceColumn) return undefined;
  const editor = pickOrUndefined(context.random, context.cast.nonCorrectors(facts.sheet.id));
  if (!editor) return undefined;
  return {
    kind: 'billed_row_deleted',
    planted: true,
    editor,
    sheetId: facts.sheet.id,
    write: { action: 'delete', rowId: facts.row.id },
    labels: [draft(priceColumn, valueIn(facts.row, priceColumn), undefined)],
    touches: [facts.row.id],
  };
};

/** An automation re-stamps a billed row with the current week ending, moving its money out of a closed week. */
export const planWeekRestamp: EditPlanner = (context) => {
  const automation = context.cast.automation;
  const facts = billedRow(context);
  if (!automation || !facts) return undefined;
  const currentWeek = sundayOnOrAfter(zonedParts(context.clockMs).date);
  return singleUpdate('week_restamp', facts, automation.email, 'weekEnding', currentWeek);
};

/** A crew types into its own sheet a unit another crew's sheet already has (same WR, week, pole, CU). */
export const planDuplicateUnit: EditPlanner = (context) => {
  const { random } = context;
  const original = openWeekRow(context, true);
  if (!original) return undefined;
  const others = context.sheets.filter((sheet) => sheet.id !== original.sheet.id && sheet.fields.price);
  const target = pickOrUndefined(random, others);
  if (!target) return undefined;
  const editor = pickOrUndefined(random, context.cast.nonCorrectors(target.id));
  const priceColumn = target.fields.price;
  if (!editor || !priceColumn) return undefined;

  const cells: CellWrite[] = [];
  for (const [field, column] of Object.entries(original.sheet.fields) as [BillingField, { id: number }][]) {
    const targetColumn = target.fields[field];
    let value = original.row.values.get(column.id);
    if (!targetColumn || value === undefined) continue;
    if (field === 'foreman') value = foremanFor(context, targetColumn.type, value);
    if (value !== undefined) cells.push({ columnId: targetColumn.id, value });
  }
  const price = valueIn(original.row, original.sheet.fields.price);
  return {
    kind: 'duplicate_unit',
    planted: true,
    editor,
    sheetId: target.id,
    write: { action: 'add', cells },
    labels: [draft(priceColumn, undefined, price)],
    touches: [original.row.id],
  };
};

/** The Foreman cell as the target sheet holds it: an e-mail in contact columns, a name in text columns. */
function foremanFor(context: PlanContext, columnType: string, value: CellValue): CellValue | undefined {
  const text = String(value);
  if (columnType === 'CONTACT_LIST') return text.includes('@') ? text : undefined;
  const user = context.cast.userOf(text);
  return user ? `${user.firstName} ${user.lastName}` : text;
}

/** Someone who can edit the sheet but is not on its authorised list changes a price in the open week. */
export const planUnauthorizedEdit: EditPlanner = (context) => {
  const facts = openWeekRow(context);
  if (!facts) return undefined;
  const editor = pickOrUndefined(context.random, context.cast.outsiders(facts.sheet.id));
  const price = dollars(scaledCents(facts.priceCents, 0.85 + context.random.next() * 0.35));
  return singleUpdate('unauthorized_editor', facts, editor, 'price', price);
};

/** An authorised editor changes a price of the open week in the middle of the night. */
export const planOffHoursEdit: EditPlanner = (context) => {
  const facts = openWeekRow(context);
  if (!facts) return undefined;
  const editor = pickOrUndefined(context.random, context.cast.nonCorrectors(facts.sheet.id));
  const price = dollars(scaledCents(facts.priceCents, 0.9 + context.random.next() * 0.25));
  return singleUpdate('off_hours_edit', facts, editor, 'price', price);
};
