import { beforeEach, describe, expect, it } from 'vitest';
import { rateCents, workKindOf } from '../seed/compatible-units.js';
import { generateSeed } from '../seed/generate-seed.js';
import type { CellValue, SeedData } from '../seed/seed-data.js';
import { SeededRandom } from '../seed/seeded-random.js';
import { isWeekClosed, zonedParts } from '../seed/zoned-time.js';
import { cleanFacts, moneyCents, quantityOf, unitKeyOf } from './billing-row-facts.js';
import type { PlanContext, PlannedEdit } from './edit-plan.js';
import { PLANNERS } from './edit-kinds.js';
import type { EditKind } from './ground-truth-label.js';
import type { SheetSnapshot } from './sheet-snapshot.js';
import { buildSnapshot } from './sheet-snapshot.js';
import { buildCast } from './simulation-cast.js';

const seed: SeedData = generateSeed('small');
const cast = buildCast(seed);
// Wednesday 10:30 in Chicago: the week ending 2026-09-13 is billed, the one ending 2026-09-20 is open.
const clockMs = Date.parse(seed.now) + 30 * 60_000;

function snapshotsOf(data: SeedData): SheetSnapshot[] {
  return data.sheets
    .filter((sheet) => sheet.role === 'source')
    .map((sheet) =>
      buildSnapshot({
        id: sheet.id,
        name: sheet.name,
        columns: sheet.columns.map((c) => ({
          id: c.id,
          title: c.title,
          type: c.type,
          ...(c.primary ? { primary: true } : {}),
        })),
        rows: sheet.rows.map((row) => ({
          id: row.id,
          values: new Map(
            row.cells.flatMap((c): [number, CellValue][] =>
              c.value === undefined ? [] : [[c.columnId, c.value]],
            ),
          ),
        })),
      }),
    );
}

let context: PlanContext;
beforeEach(() => {
  context = {
    sheets: snapshotsOf(seed),
    clockMs,
    random: new SeededRandom('planner-test'),
    cast,
    catalogue: seed.catalogue,
    touched: new Set(),
    unitKeys: new Set(),
  };
});

function plan(kind: EditKind): PlannedEdit {
  const planned = PLANNERS[kind](context);
  if (!planned) throw new Error(`no plan for ${kind}`);
  return planned;
}

function targetFacts(planned: PlannedEdit) {
  const sheet = context.sheets.find((s) => s.id === planned.sheetId)!;
  const rowId = planned.write.action === 'add' ? undefined : planned.write.rowId;
  return cleanFacts(
    sheet,
    sheet.rows.find((r) => r.id === rowId)!,
  )!;
}

describe('planted edits', () => {
  it('raises a billed price as someone without billing.correct', () => {
    const planned = plan('post_close_price_increase');
    const facts = targetFacts(planned);
    expect(isWeekClosed(facts.weekEnding, clockMs) && facts.completed).toBe(true);
    const [label] = planned.labels;
    expect(moneyCents(label?.newValue ?? undefined)! > moneyCents(label?.oldValue ?? undefined)!).toBe(true);
    expect(cast.nonCorrectors(planned.sheetId)).toContain(planned.editor);
    expect(seed.billingCorrectors).not.toContain(planned.editor);
    expect(planned.planted).toBe(true);
  });

  it('bumps a billed quantity and deletes billed rows', () => {
    const bump = plan('post_close_quantity_bump');
    const [label] = bump.labels;
    expect(quantityOf(label?.newValue ?? undefined)! > quantityOf(label?.oldValue ?? undefined)!).toBe(true);
    const deletion = plan('billed_row_deleted');
    expect(deletion.write.action).toBe('delete');
    expect(deletion.labels[0]).toMatchObject({ newValue: null });
    expect(isWeekClosed(targetFacts(deletion).weekEnding, clockMs)).toBe(true);
  });

  it('re-stamps a billed row into the current week as the automation user', () => {
    const planned = plan('week_restamp');
    expect(planned.editor).toBe('automation@smartsheet.com');
    expect(planned.labels[0]).toMatchObject({
      columnTitle: 'Weekly Reference Logged Date',
      newValue: '2026-09-20',
    });
    expect(isWeekClosed(String(planned.labels[0]?.oldValue), clockMs)).toBe(true);
  });

  it('adds to another sheet a row with the same WR, week, pole and CU', () => {
    const planned = plan('duplicate_unit');
    expect(planned.write.action).toBe('add');
    const target = context.sheets.find((s) => s.id === planned.sheetId)!;
    const cells = planned.write.action === 'add' ? planned.write.cells : [];
    const added = cleanFacts(target, { id: 0, values: new Map(cells.map((c) => [c.columnId, c.value])) })!;
    const originalId = planned.touches[0];
    const original = context.sheets
      .flatMap((s) => s.rows.map((r) => cleanFacts(s, r)))
      .find((f) => f?.row.id === originalId)!;
    expect(original.sheet.id).not.toBe(planned.sheetId);
    expect(unitKeyOf(added.workRequest, added.weekEnding, added.pole, added.cu)).toBe(
      unitKeyOf(original.workRequest, original.weekEnding, original.pole, original.cu),
    );
  });

  it('has outsiders edit prices and insiders edit at night, in the open week', () => {
    const outsider = plan('unauthorized_editor');
    expect(cast.outsiders(outsider.sheetId)).toContain(outsider.editor);
    expect(cast.authorised(outsider.sheetId)).not.toContain(outsider.editor);
    expect(isWeekClosed(targetFacts(outsider).weekEnding, clockMs)).toBe(false);
    const night = plan('off_hours_edit');
    expect(cast.authorised(night.sheetId)).toContain(night.editor);
    expect(isWeekClosed(targetFacts(night).weekEnding, clockMs)).toBe(false);
  });

  it('never picks a row already touched in the run', () => {
    const first = plan('post_close_price_increase');
    const billedIds = context.sheets.flatMap((s) =>
      s.rows.filter((r) => r.id !== (first.write as { rowId: number }).rowId).map((r) => r.id),
    );
    context = { ...context, touched: new Set(billedIds) };
    const again = PLANNERS.post_close_price_increase(context);
    expect(again?.write).toMatchObject({ rowId: (first.write as { rowId: number }).rowId });
    context = { ...context, touched: new Set([...billedIds, (first.write as { rowId: number }).rowId]) };
    expect(PLANNERS.post_close_price_increase(context)).toBeUndefined();
  });
});

describe('benign edits', () => {
  it('adds a completed unit for today, priced at the contract rate, without duplicating any unit', () => {
    const planned = plan('benign_add');
    const sheet = context.sheets.find((s) => s.id === planned.sheetId)!;
    const cells = planned.write.action === 'add' ? planned.write.cells : [];
    const added = cleanFacts(sheet, { id: 0, values: new Map(cells.map((c) => [c.columnId, c.value])) })!;
    expect(added.weekEnding).toBe('2026-09-20');
    expect(added.completed).toBe(true);
    const valueOf = (field: 'workType' | 'snapshotDate') =>
      cells.find((c) => c.columnId === sheet.fields[field]?.id)?.value;
    expect(valueOf('snapshotDate')).toBe(zonedParts(clockMs).date);
    const unit = seed.catalogue.find((u) => u.cu === added.cu)!;
    expect(added.priceCents).toBe(
      Math.round(rateCents(unit, workKindOf(valueOf('workType'))!)! * added.quantity),
    );
    expect(planned).toMatchObject({ kind: 'benign_add', planted: false });
    expect(cast.nonCorrectors(sheet.id)).toContain(planned.editor);
  });

  it('corrects quantity and price together in the open week', () => {
    const planned = plan('benign_correction');
    const facts = targetFacts(planned);
    expect(isWeekClosed(facts.weekEnding, clockMs)).toBe(false);
    const [quantity, price] = planned.labels;
    const newQuantity = quantityOf(quantity?.newValue ?? undefined)!;
    expect(moneyCents(price?.newValue ?? undefined)).toBe(
      Math.round((facts.priceCents / facts.quantity) * newQuantity),
    );
    expect(cast.authorised(planned.sheetId)).toContain(planned.editor);
  });

  it('checks off an unchecked unit of the open week', () => {
    const planned = plan('benign_completion');
    expect(planned.labels[0]).toMatchObject({ oldValue: false, newValue: true });
    expect(isWeekClosed(targetFacts(planned).weekEnding, clockMs)).toBe(false);
  });
});
