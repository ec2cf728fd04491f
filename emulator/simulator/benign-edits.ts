// Ordinary work, which Ledgerline must not flag as suspicious: crews adding this week's completed units,
// authorised staff fixing a quantity while the week is still open, and units being checked off.
import type { BillingField } from '../seed/billing-vocabulary.js';
import type { WorkKind } from '../seed/compatible-units.js';
import { rateCents, WORK_TYPE_SPELLINGS, workKindOf } from '../seed/compatible-units.js';
import type { CellValue } from '../seed/seed-data.js';
import { sundayOnOrAfter, zonedParts } from '../seed/zoned-time.js';
import { isOpenWeek, unitKeyOf } from './billing-row-facts.js';
import type { CellWrite, EditPlanner } from './edit-plan.js';
import {
  candidateRows,
  dollars,
  draft,
  fieldUpdate,
  pickOrUndefined,
  quantityValue,
  valueIn,
} from './edit-plan.js';

/** Fields a new unit takes over from an earlier row of the same Work Request. */
const COPIED_FIELDS: readonly BillingField[] = [
  'workRequest',
  'customer',
  'job',
  'workOrder',
  'dept',
  'scope',
  'area',
  'foreman',
];

/** A foreman (or clerk) records a completed unit for today on a WR their sheet already works. */
export const planBenignAdd: EditPlanner = (context) => {
  const { random, clockMs } = context;
  const template = pickOrUndefined(
    random,
    candidateRows(context, () => true),
  );
  if (!template) return undefined;
  const { sheet, row } = template;
  const today = zonedParts(clockMs).date;
  const weekEnding = sundayOnOrAfter(today);

  const kind: WorkKind = random.chance(0.8) ? 'install' : 'removal';
  const poleDigits = Number(String(template.pole).replace(/\D/g, '')) || 100;
  let unit = random.pick(context.catalogue);
  let pole = poleDigits + random.int(1, 30);
  for (
    let tries = 0;
    tries < 30 && context.unitKeys.has(unitKeyOf(template.workRequest, weekEnding, pole, unit.cu));
    tries += 1
  ) {
    unit = random.pick(context.catalogue);
    pole = poleDigits + random.int(1, 200);
  }
  const rate = rateCents(unit, kind) ?? unit.installCents ?? 100;
  const workKind = rateCents(unit, kind) === undefined ? 'install' : kind;
  const quantity = unit.uom === 'EA' || unit.uom === 'SET' ? random.int(1, 3) : random.int(5, 80) * 5;
  const templateType = valueIn(row, sheet.fields.workType);
  const workType =
    workKindOf(templateType) === workKind
      ? (templateType as CellValue)
      : (WORK_TYPE_SPELLINGS[workKind][0] as string);

  const values: Partial<Record<BillingField, CellValue>> = {
    weekEnding,
    snapshotDate: today,
    completed: true,
    cu: unit.cu,
    description: unit.description,
    uom: unit.uom,
    workType,
    quantity,
    price: dollars(Math.round(rate * quantity)),
    pole: typeof template.pole === 'number' ? pole : `P-${pole}`,
  };
  for (const field of COPIED_FIELDS) {
    const value = valueIn(row, sheet.fields[field]);
    if (value !== undefined) values[field] = value;
  }
  const cells: CellWrite[] = [];
  for (const [field, value] of Object.entries(values) as [BillingField, CellValue][]) {
    const column = sheet.fields[field];
    if (column) cells.push({ columnId: column.id, value });
  }
  const primary = sheet.columns.find(
    (column) => column.primary && !Object.values(sheet.fields).includes(column),
  );
  if (primary)
    cells.push({ columnId: primary.id, value: `${unit.cu} ${String(workType)} @ ${String(values.pole)}` });

  const foreman = values.foreman;
  const editors = context.cast.nonCorrectors(sheet.id);
  const editor =
    typeof foreman === 'string' && editors.includes(foreman) ? foreman : pickOrUndefined(random, editors);
  const priceColumn = sheet.fields.price;
  if (!editor || !priceColumn) return undefined;
  return {
    kind: 'benign_add',
    planted: false,
    editor,
    sheetId: sheet.id,
    write: { action: 'add', cells },
    labels: [draft(priceColumn, undefined, values.price)],
    touches: [],
  };
};

/** Authorised staff correct a quantity (and the price with it) while the week is still open. */
export const planBenignCorrection: EditPlanner = (context) => {
  const { random, clockMs } = context;
  const facts = pickOrUndefined(
    random,
    candidateRows(context, (f) => isOpenWeek(f, clockMs)),
  );
  if (!facts) return undefined;
  const editor = pickOrUndefined(random, context.cast.authorised(facts.sheet.id));
  if (!editor) return undefined;
  const step = facts.quantity >= 20 ? random.int(1, 5) * 5 : 1;
  const quantity =
    facts.quantity > step && random.chance(0.5) ? facts.quantity - step : facts.quantity + step;
  const oldQuantity = valueIn(facts.row, facts.sheet.fields.quantity);
  const quantityChange = fieldUpdate(facts, 'quantity', quantityValue(oldQuantity, quantity));
  const priceChange = fieldUpdate(
    facts,
    'price',
    dollars(Math.round((facts.priceCents / facts.quantity) * quantity)),
  );
  if (!quantityChange || !priceChange) return undefined;
  return {
    kind: 'benign_correction',
    planted: false,
    editor,
    sheetId: facts.sheet.id,
    write: { action: 'update', rowId: facts.row.id, cells: [quantityChange.cell, priceChange.cell] },
    labels: [quantityChange.label, priceChange.label],
    touches: [facts.row.id],
  };
};

/** A unit of the open week gets checked as completed. */
export const planBenignCompletion: EditPlanner = (context) => {
  const { random, clockMs } = context;
  const facts = pickOrUndefined(
    random,
    candidateRows(context, (f) => !f.completed && isOpenWeek(f, clockMs)),
  );
  if (!facts) return undefined;
  const editor = pickOrUndefined(random, context.cast.authorised(facts.sheet.id));
  const change = fieldUpdate(facts, 'completed', true);
  if (!editor || !change) return undefined;
  return {
    kind: 'benign_completion',
    planted: false,
    editor,
    sheetId: facts.sheet.id,
    write: { action: 'update', rowId: facts.row.id, cells: [change.cell] },
    labels: [change.label],
    touches: [facts.row.id],
  };
};
