import { createHash } from 'node:crypto';
import { parseCsv } from './csv.js';
import type { CsvRecord } from './csv.js';
import { exactDecimalFromText } from './exact-decimal.js';
import { parseMoney } from './money.js';
import type { Cents } from './money.js';

/** The columns of a contract rate table (billing-domain.md §5), by their header titles. */
export const RATE_TABLE_COLUMNS = {
  wbs: 'CU WBS #',
  cu: 'CU',
  unitOfMeasure: 'Unit Of Measure',
  description: 'Description',
  unitGroup: 'Compatible Unit Group',
  installHours: 'Install Hours',
  removalHours: 'Removal Hours',
  transferHours: 'Transfer Hours',
  installPrice: 'Install Price',
  removalPrice: 'Removal Price',
  transferPrice: 'Transfer Price',
} as const;

type RateColumn = keyof typeof RATE_TABLE_COLUMNS;

/** One compatible unit and its contract hours and prices; undefined where the table says N/A. */
export interface RateUnit {
  readonly wbs: string;
  readonly cu: string;
  readonly unitOfMeasure: string;
  readonly description: string;
  readonly unitGroup: string;
  readonly installHours: number | undefined;
  readonly removalHours: number | undefined;
  readonly transferHours: number | undefined;
  readonly installPriceCents: Cents | undefined;
  readonly removalPriceCents: Cents | undefined;
  readonly transferPriceCents: Cents | undefined;
  /** The line of the CSV the unit came from. */
  readonly line: number;
}

/** A parsed rate table. */
export interface RateTable {
  readonly units: readonly RateUnit[];
  /** Units by CU code, trimmed and upper-cased (see findRate). */
  readonly byCu: ReadonlyMap<string, RateUnit>;
  /** SHA-256 (hex) of the normalised units: equal tables, equal fingerprints (see rateTableFingerprint). */
  readonly fingerprint: string;
  /** Cells accepted but worth a look, such as `#NO MATCH` prices. */
  readonly warnings: readonly RateTableProblem[];
}

/** A problem located in the CSV: line (1-based, physical) and column title. */
export interface RateTableProblem {
  readonly line: number;
  readonly column: string | undefined;
  readonly message: string;
}

/** A rate table, or every problem that stops it from being one. */
export type RateTableParse =
  | { readonly ok: true; readonly table: RateTable }
  | { readonly ok: false; readonly errors: readonly RateTableProblem[] };

/** `line 12, column "Install Price": …`, the form problems are shown to people in. */
export function formatRateTableProblem(problem: RateTableProblem): string {
  const column = problem.column === undefined ? '' : `, column "${problem.column}"`;
  return `line ${problem.line}${column}: ${problem.message}`;
}

// "N/A" means the unit has no such price or hours; a failed lookup formula leaves "#NO MATCH".
const NOT_APPLICABLE = /^n\/?a$/i;
const NO_MATCH = /no match/i;

/**
 * Parses a contract rate table CSV (billing-domain.md §5): UTF-8 BOM, CRLF and quoted fields
 * allowed; columns found by header title in any order (extra columns ignored); prices to cents,
 * hours to numbers, `N/A` (and blank hours) to undefined. A `#NO MATCH` price is also undefined, with a warning.
 * Every bad cell, missing column, short row or duplicate CU is reported with its line and
 * column; a table with any error is refused as a whole rather than half-loaded.
 */
export function parseRateTable(text: string): RateTableParse {
  const csv = parseCsv(text);
  if (!csv.ok) {
    return {
      ok: false,
      errors: [
        {
          line: csv.error.line,
          column: undefined,
          message: `${csv.error.message} (field ${csv.error.fieldNumber})`,
        },
      ],
    };
  }
  const [header, ...records] = csv.records;
  if (!header) return { ok: false, errors: [{ line: 1, column: undefined, message: 'the file is empty' }] };
  const errors: RateTableProblem[] = [];
  const warnings: RateTableProblem[] = [];
  const positions = headerPositions(header, errors);
  if (errors.length > 0) return { ok: false, errors };

  const units: RateUnit[] = [];
  const byCu = new Map<string, RateUnit>();
  for (const record of records) {
    if (record.fields.length !== header.fields.length) {
      errors.push({
        line: record.line,
        column: undefined,
        message: `has ${record.fields.length} fields but the header has ${header.fields.length}`,
      });
      continue;
    }
    const unit = readUnit(record, positions, errors, warnings);
    if (!unit) continue;
    const key = unit.cu.toUpperCase();
    const earlier = byCu.get(key);
    if (earlier) {
      errors.push({
        line: record.line,
        column: RATE_TABLE_COLUMNS.cu,
        message: `CU "${unit.cu}" already appears on line ${earlier.line}`,
      });
      continue;
    }
    byCu.set(key, unit);
    units.push(unit);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, table: { units, byCu, fingerprint: rateTableFingerprint(units), warnings } };
}

function headerPositions(header: CsvRecord, errors: RateTableProblem[]): Record<RateColumn, number> {
  const titles = header.fields.map((title) => title.trim().toLowerCase());
  const positions = {} as Record<RateColumn, number>;
  for (const [column, title] of Object.entries(RATE_TABLE_COLUMNS) as [RateColumn, string][]) {
    const matches = titles.flatMap((candidate, position) =>
      candidate === title.toLowerCase() ? [position] : [],
    );
    if (matches.length === 0)
      errors.push({
        line: header.line,
        column: title,
        message: 'required column is missing from the header',
      });
    else if (matches.length > 1)
      errors.push({
        line: header.line,
        column: title,
        message: 'column appears more than once in the header',
      });
    positions[column] = matches[0] ?? -1;
  }
  return positions;
}

function readUnit(
  record: CsvRecord,
  positions: Record<RateColumn, number>,
  errors: RateTableProblem[],
  warnings: RateTableProblem[],
): RateUnit | undefined {
  const errorCount = errors.length;
  const cell = (column: RateColumn) => (record.fields[positions[column]] ?? '').trim();
  const problem = (column: RateColumn, message: string) => ({
    line: record.line,
    column: RATE_TABLE_COLUMNS[column],
    message,
  });

  const hours = (column: RateColumn): number | undefined => {
    const value = cell(column);
    // Hours are informational; the real contract table leaves them blank for some units.
    if (value === '' || NOT_APPLICABLE.test(value)) return undefined;
    const decimal = exactDecimalFromText(value);
    if (!decimal || decimal.negative) {
      errors.push(problem(column, `${JSON.stringify(value)} is not a number of hours or N/A`));
      return undefined;
    }
    return Number(value);
  };
  const price = (column: RateColumn): Cents | undefined => {
    const value = cell(column);
    if (NOT_APPLICABLE.test(value)) return undefined;
    if (NO_MATCH.test(value)) {
      warnings.push(
        problem(column, `${JSON.stringify(value)} (a failed lookup in the source) is treated as no price`),
      );
      return undefined;
    }
    const cents = parseMoney(value);
    if (!cents.ok || cents.value < 0) {
      errors.push(problem(column, `${JSON.stringify(value)} is not a price such as $45.95 or N/A`));
      return undefined;
    }
    return cents.value;
  };

  const cu = cell('cu');
  if (cu === '') errors.push(problem('cu', 'CU code is empty'));
  const unit: RateUnit = {
    wbs: cell('wbs'),
    cu,
    unitOfMeasure: cell('unitOfMeasure'),
    description: cell('description'),
    unitGroup: cell('unitGroup'),
    installHours: hours('installHours'),
    removalHours: hours('removalHours'),
    transferHours: hours('transferHours'),
    installPriceCents: price('installPrice'),
    removalPriceCents: price('removalPrice'),
    transferPriceCents: price('transferPrice'),
    line: record.line,
  };
  return errors.length === errorCount ? unit : undefined;
}

/**
 * SHA-256 (hex) of the units in a normal form: sorted by CU, every value as read (text trimmed,
 * hours as numbers, prices in cents, N/A as null), line numbers left out. Row order, BOM, line
 * endings, quoting and `$45.9` vs `$45.90` do not change it; any changed rate does.
 */
export function rateTableFingerprint(units: readonly RateUnit[]): string {
  const normalised = [...units]
    .sort((a, b) =>
      a.cu.toUpperCase() < b.cu.toUpperCase() ? -1 : a.cu.toUpperCase() > b.cu.toUpperCase() ? 1 : 0,
    )
    .map((unit) => [
      unit.wbs,
      unit.cu,
      unit.unitOfMeasure,
      unit.description,
      unit.unitGroup,
      unit.installHours ?? null,
      unit.removalHours ?? null,
      unit.transferHours ?? null,
      unit.installPriceCents ?? null,
      unit.removalPriceCents ?? null,
      unit.transferPriceCents ?? null,
    ]);
  return createHash('sha256')
    .update(JSON.stringify(['ledgerline.rate-table.v1', normalised]), 'utf8')
    .digest('hex');
}

/** The unit for a CU code as a billing row spells it (case and surrounding spaces ignored). */
export function findRate(table: RateTable, cu: string): RateUnit | undefined {
  return table.byCu.get(cu.trim().toUpperCase());
}
