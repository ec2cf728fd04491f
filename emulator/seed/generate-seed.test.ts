import { beforeAll, describe, expect, it } from 'vitest';
import type { BillingField } from './billing-vocabulary.js';
import { AUDIT_SHEET_COLUMNS, mapColumnsToFields } from './billing-vocabulary.js';
import { rateCents, workKindOf } from './compatible-units.js';
import { generateSeed } from './generate-seed.js';
import type { CellValue, SeedData, SeedNoiseKind, SeedRow, SeedSheet } from './seed-data.js';
import { seedProblems } from './validate-seed.js';
import { isWeekClosed, weekdayOf } from './zoned-time.js';

interface BillingRecord {
  sheet: SeedSheet;
  row: SeedRow;
  values: Partial<Record<BillingField, CellValue>>;
}

function billingRecords(seed: SeedData): BillingRecord[] {
  return seed.sheets
    .filter((sheet) => sheet.role === 'source')
    .flatMap((sheet) => {
      const fields = Object.entries(mapColumnsToFields(sheet.columns)) as [BillingField, { id: number }][];
      return sheet.rows.map((row) => {
        const values: Partial<Record<BillingField, CellValue>> = {};
        for (const [field, column] of fields) {
          const value = row.cells.find((cell) => cell.columnId === column.id)?.value;
          if (value !== undefined) values[field] = value;
        }
        return { sheet, row, values };
      });
    });
}

const cents = (price: CellValue | undefined): number | undefined =>
  typeof price === 'number'
    ? Math.round(price * 100)
    : typeof price === 'string' && /^\$[\d,]+\.\d{2}$/.test(price)
      ? Math.round(Number(price.replace(/[$,]/g, '')) * 100)
      : undefined;
const quantity = (value: CellValue | undefined): number => Number.parseFloat(String(value));
const wrNumber = (value: CellValue | undefined): number => Number.parseFloat(String(value));

describe('generateSeed', () => {
  let demo: SeedData;
  let records: BillingRecord[];
  beforeAll(() => {
    demo = generateSeed('demo');
    records = billingRecords(demo);
  });

  it('is deterministic: the same name gives byte-identical JSON, another name another seed', () => {
    expect(JSON.stringify(generateSeed('demo'))).toBe(JSON.stringify(demo));
    expect(JSON.stringify(generateSeed('small'))).toBe(JSON.stringify(generateSeed('small')));
    expect(JSON.stringify(generateSeed('crew-a', { preset: 'tiny' }))).not.toBe(
      JSON.stringify(generateSeed('crew-b', { preset: 'tiny' })),
    );
  });

  it('gives the demo its size: 10,000+ rows over 8+ sheets, ~600 WRs, 20 closed weeks, 30 foremen', () => {
    expect(demo.now).toBe('2026-09-16T15:00:00Z');
    expect(demo.sheets.filter((sheet) => sheet.role === 'source').length).toBeGreaterThanOrEqual(8);
    expect(records.length).toBeGreaterThanOrEqual(10_000);
    const workRequests = new Set(records.map((r) => wrNumber(r.values.workRequest)).filter(Number.isFinite));
    expect(workRequests.size).toBeGreaterThanOrEqual(590);
    expect(workRequests.size).toBeLessThanOrEqual(600);
    const sundays = new Set(
      records
        .map((r) => String(r.values.weekEnding))
        .filter((date) => date >= '2026-01-01' && weekdayOf(date) === 0),
    );
    const closed = [...sundays].filter((date) => isWeekClosed(date, Date.parse(demo.now)));
    expect(closed).toHaveLength(20);
    expect(Math.max(...closed.map((date) => Date.parse(date)))).toBe(Date.parse('2026-09-13'));
    expect(sundays.has('2026-09-20')).toBe(true); // the open week
    const byEmailOrName = new Map(
      demo.users.flatMap((u) => [
        [u.email, u.email] as const,
        [`${u.firstName} ${u.lastName}`, u.email] as const,
      ]),
    );
    const foremen = new Set(records.map((r) => byEmailOrName.get(String(r.values.foreman))).filter(Boolean));
    expect(foremen.size).toBe(30);
  });

  it('gives every source sheet the required and most optional columns, some under synonyms', () => {
    const titles = new Set<string>();
    for (const sheet of demo.sheets.filter((s) => s.role === 'source')) {
      const mapped = mapColumnsToFields(sheet.columns);
      for (const field of [
        'workRequest',
        'weekEnding',
        'snapshotDate',
        'completed',
        'price',
        'quantity',
        'cu',
      ] as const) {
        expect(mapped[field], `${sheet.name} ${field}`).toBeDefined();
      }
      expect(mapped.weekEnding?.type).toBe('DATE');
      expect(mapped.completed?.type).toBe('CHECKBOX');
      expect(mapped.price?.currency).toBe(true);
      for (const column of sheet.columns) titles.add(column.title);
    }
    for (const synonym of [
      'Qty',
      'Total Price',
      'Billable Unit Code',
      'Point #',
      'Scope ID',
      'Quantity',
      'CU',
    ]) {
      expect(titles).toContain(synonym);
    }
    const columns = demo.sheets.flatMap((s) => s.columns);
    expect(columns.some((c) => c.systemColumnType === 'MODIFIED_DATE')).toBe(true);
    expect(columns.some((c) => c.systemColumnType === 'AUTO_NUMBER')).toBe(true);
    expect(columns.some((c) => c.title === 'Foreman' && c.type === 'CONTACT_LIST')).toBe(true);
    expect(columns.some((c) => c.title === 'Foreman' && c.type === 'TEXT_NUMBER')).toBe(true);
  });

  it('prices clean rows at the contract rate × quantity', () => {
    const noisy = new Set((demo.noise ?? []).map((n) => n.rowId));
    const catalogue = new Map(demo.catalogue.map((unit) => [unit.cu, unit]));
    const clean = records.filter((r) => !noisy.has(r.row.id));
    expect(clean.length).toBeGreaterThan(records.length * 0.99);
    for (const { values } of clean) {
      const unit = catalogue.get(String(values.cu));
      const kind = workKindOf(values.workType);
      expect(unit && kind).toBeTruthy();
      const rate = rateCents(unit!, kind!);
      expect(cents(values.price)).toBe(Math.round(rate! * quantity(values.quantity)));
    }
    expect(
      clean.some((r) => typeof r.values.quantity === 'string' && /^\d+ [A-Z]+$/.test(r.values.quantity)),
    ).toBe(true);
    expect(clean.some((r) => typeof r.values.workRequest === 'string')).toBe(true);
    expect(clean.some((r) => typeof r.values.workRequest === 'number')).toBe(true);
  });

  it('plants every kind of noise, each visible in the row', () => {
    const byRow = new Map(records.map((r) => [r.row.id, r]));
    const kinds = new Set((demo.noise ?? []).map((n) => n.kind));
    const expected: SeedNoiseKind[] = [
      'unparseable_price',
      'zero_price',
      'price_rate_mismatch',
      'missing_foreman',
      'missing_work_request',
      'non_sunday_week_ending',
      'cu_no_match',
      'not_completed',
      'blank_snapshot_date',
      'very_old_date',
      'future_date',
      'duplicate_unit',
    ];
    expect([...kinds].sort()).toEqual([...expected].sort());
    for (const noise of demo.noise ?? []) {
      const values = byRow.get(noise.rowId)?.values;
      expect(values, noise.kind).toBeDefined();
      if (noise.kind === 'unparseable_price') expect(cents(values?.price)).toBeUndefined();
      if (noise.kind === 'zero_price') expect(values?.price).toBe(0);
      if (noise.kind === 'missing_foreman') expect(values?.foreman).toBeUndefined();
      if (noise.kind === 'cu_no_match') expect(String(values?.cu)).toContain('NO MATCH');
      if (noise.kind === 'not_completed') expect(values?.completed).toBe(false);
      if (noise.kind === 'non_sunday_week_ending') expect(weekdayOf(String(values?.weekEnding))).not.toBe(0);
      if (noise.kind === 'very_old_date') expect(String(values?.weekEnding) < '2016-01-01').toBe(true);
      if (noise.kind === 'future_date') expect(String(values?.snapshotDate) > demo.now).toBe(true);
      if (noise.kind === 'duplicate_unit') {
        const original = byRow.get(noise.relatedRowId ?? 0);
        expect(original?.sheet.id).not.toBe(noise.sheetId);
        const key = (v: Partial<Record<BillingField, CellValue>> | undefined) =>
          [wrNumber(v?.workRequest), v?.weekEnding, v?.pole, v?.cu].join('|');
        expect(key(values)).toBe(key(original?.values));
      }
    }
  });

  it('uses unique safe-integer ids in [10^15, 2^53) and passes the structural checks', () => {
    expect(seedProblems(demo)).toEqual([]);
    const ids = [
      ...demo.users.map((u) => u.id),
      ...demo.workspaces.map((w) => w.id),
      ...demo.folders.map((f) => f.id),
      ...demo.sheets.flatMap((s) => [s.id, ...s.columns.map((c) => c.id), ...s.rows.map((r) => r.id)]),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => Number.isSafeInteger(id) && id >= 1e15)).toBe(true);
  });

  it('adds a target row per WR, an empty audit sheet with the §3.6 columns, and an archive to skip', () => {
    const target = demo.sheets.find((s) => s.role === 'target');
    expect(target?.rows).toHaveLength(600);
    expect(target?.columns[0]).toMatchObject({ title: 'Work Request #', primary: true });
    const audit = demo.sheets.find((s) => s.role === 'audit');
    expect(audit?.columns.map((c) => c.title)).toEqual([...AUDIT_SHEET_COLUMNS]);
    expect(audit?.rows).toEqual([]);
    const archive = demo.sheets.find((s) => s.name.includes('Archive'));
    expect(archive?.role).toBe('other');
    expect(archive?.folderId ?? archive?.workspaceId).toBeDefined();
    expect(demo.folders.some((f) => f.parentFolderId !== undefined)).toBe(true);
  });

  it('seeds the people and access the audit rules need', () => {
    const tokens = demo.users.map((u) => u.token);
    expect(tokens.every((t) => /^tok_[0-9a-f]{32}$/.test(t))).toBe(true);
    expect(demo.users.filter((u) => u.expired)).toHaveLength(1);
    expect(demo.users.find((u) => u.email === 'automation@smartsheet.com')?.automation).toBe(true);
    expect(demo.users.filter((u) => u.admin)).toHaveLength(1);
    const shared = new Set(demo.sheets.flatMap((s) => s.shares.map((share) => share.email)));
    expect(demo.users.some((u) => !shared.has(u.email) && !u.expired)).toBe(true);
    const source = demo.sheets.find((s) => s.role === 'source')!;
    const authorised = new Set(demo.authorizedEditors?.[String(source.id)]);
    const unauthorisedEditors = source.shares.filter(
      (s) =>
        s.accessLevel === 'EDITOR' && !authorised.has(s.email) && s.email !== 'automation@smartsheet.com',
    );
    expect(unauthorisedEditors.length).toBeGreaterThan(0);
    expect(demo.billingCorrectors?.every((email) => authorised.has(email))).toBe(true);
    expect(demo.users.some((u) => u.email === demo.ledgerlineUserEmail)).toBe(true);
  });

  it('scales to explicit sizes and keeps every row timestamp at or before now', () => {
    const seed = generateSeed('scaled', { sourceSheets: 5, rowsPerSheet: 40, workRequests: 30, weeks: 6 });
    const sources = seed.sheets.filter((s) => s.role === 'source');
    expect(sources).toHaveLength(5);
    expect(billingRecords(seed).length).toBeGreaterThanOrEqual(200);
    expect(seedProblems(seed)).toEqual([]);
    const rows = seed.sheets.flatMap((s) => s.rows);
    expect(rows.every((r) => r.createdAt <= r.modifiedAt && r.modifiedAt <= seed.now)).toBe(true);
  });

  it('rejects sizes it cannot fill', () => {
    expect(() => generateSeed('x', { sourceSheets: 1 })).toThrow(/sourceSheets/);
    expect(() => generateSeed('x', { sourceSheets: 5, workRequests: 3 })).toThrow(/workRequests/);
    expect(() => generateSeed('x', { preset: 'tiny', rowsPerSheet: 0 })).toThrow(/rowsPerSheet/);
  });

  it('offers small and tiny presets for tests', () => {
    const small = billingRecords(generateSeed('small'));
    const tiny = generateSeed('tiny');
    expect(small.length).toBeGreaterThanOrEqual(300);
    expect(tiny.sheets.filter((s) => s.role === 'source')).toHaveLength(2);
    expect(billingRecords(tiny).length).toBeGreaterThanOrEqual(40);
  });
});
