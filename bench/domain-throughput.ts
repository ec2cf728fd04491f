// Throughput of the pure billing domain: parse → billable rule → group → content hash over
// 150,000 synthetic Smartsheet rows built in memory from a fixed seed. Prints figures only.
// Run: node --import tsx bench/domain-throughput.ts
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { billableRuleContext } from '../src/domain/billable-rule.js';
import { selectBillableRows } from '../src/domain/billable-selection.js';
import { BILLING_FIELDS } from '../src/domain/billing-field.js';
import { parseBillingRow } from '../src/domain/billing-row.js';
import type { SourceRow } from '../src/domain/billing-row.js';
import type { CellValue } from '../src/domain/cell-value.js';
import { DEFAULT_COLUMN_SYNONYMS, mapColumns } from '../src/domain/column-mapping.js';
import { contentHash } from '../src/domain/content-hash.js';
import { groupBillableRows } from '../src/domain/report-grouping.js';

const ROW_COUNT = 150_000;
const SHEET_COUNT = 12;
const WORK_REQUEST_COUNT = 2_500;
const RUNS = 3;

/** mulberry32: a small deterministic generator, so every run benches the same rows. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const columns = BILLING_FIELDS.map((field, index) => ({
  id: 5000 + index,
  title: DEFAULT_COLUMN_SYNONYMS[field][0] ?? field,
}));
const columnIdOf = new Map(BILLING_FIELDS.map((field, index) => [field, 5000 + index]));
const SUNDAYS = Array.from({ length: 12 }, (_, week) =>
  new Date(Date.UTC(2025, 5, 1 + week * 7)).toISOString().slice(0, 10),
);
const CUS = ['ALB-6-AUR1', 'ALB-C-S-1-F', 'ANC-SH-8-84', 'ARM-10-DBL', 'CNA-TFA', 'POLE-40-C2'];
const WORK_TYPES = ['Inst', 'Install', 'Rem', 'Removal', 'Trans', 'Xfr'];
const FOREMEN = ['Jane Roe', 'Joe Smart', 'Ana Ruiz', 'Lee Chen', 'Sam Ode'];

function buildRows(count: number, seed: number): SourceRow[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const rows: SourceRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const sunday = pick(SUNDAYS);
    const snapshotDay = new Date(Date.parse(`${sunday}T00:00:00Z`) - Math.floor(random() * 7) * 86_400_000);
    const cents = 500 + Math.floor(random() * 200_000);
    const roll = random();
    const values: Partial<Record<(typeof BILLING_FIELDS)[number], CellValue>> = {
      workRequest:
        roll < 0.01
          ? undefined
          : random() < 0.5
            ? 89_000_000 + Math.floor(random() * WORK_REQUEST_COUNT)
            : `${89_000_000 + Math.floor(random() * WORK_REQUEST_COUNT)}.0`,
      weekEnding: roll > 0.99 ? 'soon' : sunday,
      snapshotDate: random() < 0.02 ? undefined : snapshotDay.toISOString().slice(0, 10),
      completed: roll < 0.05 ? false : true,
      price:
        roll > 0.97
          ? '$0.00'
          : random() < 0.5
            ? cents / 100
            : `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
      quantity: random() < 0.3 ? `${1 + Math.floor(random() * 4)} EA` : 1 + Math.floor(random() * 8) / 2,
      cu: roll > 0.985 && roll <= 0.99 ? '#NO MATCH' : pick(CUS),
      workType: pick(WORK_TYPES),
      description: 'Synthetic compatible unit',
      uom: 'EA',
      pole: `P-${Math.floor(random() * 900)}`,
      foreman: random() < 0.01 ? undefined : pick(FOREMEN),
      dept: '500',
      scope: `SC-${Math.floor(random() * 90)}`,
      workOrder: `WO-${Math.floor(random() * 9000)}`,
      job: 'J-2025',
      customer: 'Northern Power Co',
      area: 'North Yard',
    };
    rows.push({
      sheetId: 1_000_000 + (i % SHEET_COUNT),
      rowId: 7_000_000_000 + i,
      rowNumber: 1 + Math.floor(i / SHEET_COUNT),
      modifiedAt: '2025-08-20T12:00:00Z',
      cells: BILLING_FIELDS.map((field) => ({ columnId: columnIdOf.get(field) ?? 0, value: values[field] })),
    });
  }
  return rows;
}

function runPipeline(rows: readonly SourceRow[]) {
  const mapping = mapColumns(columns);
  const context = billableRuleContext(new Date('2025-09-01T12:00:00Z'));
  const t0 = performance.now();
  const parsed = rows.map((row) => parseBillingRow(row, mapping));
  const t1 = performance.now();
  const selection = selectBillableRows(parsed, context);
  const t2 = performance.now();
  const grouping = groupBillableRows(selection.billable);
  const t3 = performance.now();
  const hashes = grouping.groups.map(contentHash);
  const t4 = performance.now();
  return {
    ms: { parse: t1 - t0, validate: t2 - t1, group: t3 - t2, hash: t4 - t3, total: t4 - t0 },
    billable: selection.billable.length,
    rejected: selection.rejections.total,
    groups: grouping.groups.length,
    hashes: hashes.length,
  };
}

const buildStart = performance.now();
const rows = buildRows(ROW_COUNT, 20250817);
const buildMs = performance.now() - buildStart;
runPipeline(buildRows(15_000, 1)); // warm-up: let the JIT compile the hot paths first

const results = Array.from({ length: RUNS }, () => runPipeline(rows));
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const rate = (ms: number) => Math.round(ROW_COUNT / (ms / 1000)).toLocaleString('en-US');
const last = results[results.length - 1];

console.log(
  `domain throughput — ${ROW_COUNT.toLocaleString('en-US')} rows, ${SHEET_COUNT} sheets, median of ${RUNS} runs`,
);
console.log(`node ${process.version}, ${os.availableParallelism()} cores available (this bench uses one)`);
console.log(
  `rows built in ${buildMs.toFixed(0)} ms; billable ${last?.billable}, rejected ${last?.rejected}, report groups ${last?.groups}`,
);
for (const stage of ['parse', 'validate', 'group', 'hash', 'total'] as const) {
  const ms = median(results.map((result) => result.ms[stage]));
  console.log(`${stage.padEnd(9)} ${ms.toFixed(1).padStart(8)} ms  ${rate(ms).padStart(12)} rows/s`);
}
