import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRate, formatRateTableProblem, parseRateTable, RATE_TABLE_COLUMNS } from './rate-table.js';
import type { RateTable } from './rate-table.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
// The real contract table lives outside the repository and is never copied in (billing-domain.md §5).
const contractCsv = readFileSync(path.resolve(repoRoot, '../shared/data/cu-rates-contract.csv'), 'utf8');
const HEADER = Object.values(RATE_TABLE_COLUMNS).join(',');

function table(text: string): RateTable {
  const result = parseRateTable(text);
  if (!result.ok) throw new Error(result.errors.map(formatRateTableProblem).join('\n'));
  return result.table;
}

function errorsOf(text: string): string[] {
  const result = parseRateTable(text);
  return result.ok ? [] : result.errors.map(formatRateTableProblem);
}

describe('parseRateTable on the real contract table', () => {
  const contract = table(contractCsv);

  it('reads all 4,848 units', () => {
    expect(contract.units).toHaveLength(4848);
    expect(contract.byCu.size).toBe(4848);
  });

  it('holds prices in cents and quoted descriptions intact', () => {
    expect(findRate(contract, ' alb-6-aur1 ')).toMatchObject({
      wbs: 'CU-2',
      description: 'ALB,6ft Alum Upsweep,Round 1 1/4" Dia',
      installHours: 0.32,
      installPriceCents: 4595,
      removalPriceCents: 3333,
      transferPriceCents: 10654,
    });
  });

  it('turns N/A into no price or no hours', () => {
    const notApplicable = contract.units.filter((unit) => unit.installPriceCents === undefined);
    expect(notApplicable.length).toBeGreaterThan(0);
    expect(findRate(contract, 'ADDITEM-ROW-PURCHASE')).toMatchObject({
      installHours: undefined,
      installPriceCents: 0,
    });
    expect(findRate(contract, 'CNA-TJ')).toMatchObject({
      installHours: undefined,
      installPriceCents: undefined,
    });
  });

  it('accepts #NO MATCH prices as no price, each with a warning naming line and column', () => {
    expect(findRate(contract, 'AMI-SS-ANTENNA')?.installPriceCents).toBeUndefined();
    expect(contract.warnings).toHaveLength(21);
    expect(
      formatRateTableProblem(contract.warnings[0] ?? { line: 0, column: undefined, message: '' }),
    ).toMatch(/^line 204, column "Install Price": "#NO MATCH"/);
  });

  it('fingerprints the normalised rows: same with LF endings, reordered rows or no BOM', () => {
    expect(contract.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const [header, ...lines] = contractCsv.replace(/^\uFEFF/, '').split('\r\n');
    const reshaped = [header, ...lines.filter(Boolean).reverse()].join('\n');
    expect(table(reshaped).fingerprint).toBe(contract.fingerprint);
  });

  it('changes the fingerprint when one rate changes by a cent', () => {
    const edited = contractCsv.replace(
      'CU-2,ALB-6-AUR1,EA,"ALB,6ft Alum Upsweep,Round 1 1/4"" Dia",LB,0.3200,0.1760,0.5760,$45.95',
      'CU-2,ALB-6-AUR1,EA,"ALB,6ft Alum Upsweep,Round 1 1/4"" Dia",LB,0.3200,0.1760,0.5760,$45.96',
    );
    expect(edited).not.toBe(contractCsv);
    expect(table(edited).fingerprint).not.toBe(contract.fingerprint);
  });
});

describe('parseRateTable errors name the line and column', () => {
  const row = 'CU-1,ABC,EA,"A, B",G,1,1,1,$1.00,$2.00,$3.00';

  it('reads a minimal table', () => {
    expect(table(`${HEADER}\n${row}\n`).units[0]).toMatchObject({
      cu: 'ABC',
      description: 'A, B',
      transferPriceCents: 300,
    });
  });

  it.each([
    [
      `${HEADER}\n${row.replace('$2.00', 'two dollars')}`,
      'line 2, column "Removal Price": "two dollars" is not a price',
    ],
    [`${HEADER}\n${row.replace('$2.00', '-$2.00')}`, 'line 2, column "Removal Price"'],
    [
      `${HEADER}\n${row.replace(',1,1,1,', ',1,x,1,')}`,
      'line 2, column "Removal Hours": "x" is not a number of hours',
    ],
    [`${HEADER}\n${row.replace('ABC', '')}`, 'line 2, column "CU": CU code is empty'],
    [
      `${HEADER}\n${row}\n${row.replace('CU-1', 'CU-9').replace('ABC', 'abc')}`,
      'line 3, column "CU": CU "abc" already appears on line 2',
    ],
    [`${HEADER}\nCU-1,ABC`, 'line 2: has 2 fields but the header has 11'],
    [
      `${HEADER.replace('Install Price', 'Install Cost')}\n${row}`,
      'line 1, column "Install Price": required column is missing',
    ],
    [`${HEADER},CU\n${row},x`, 'line 1, column "CU": column appears more than once'],
    [`${HEADER}\n${row}\nCU-2,"unclosed`, 'line 3: quoted field is never closed'],
    ['', 'line 1: the file is empty'],
  ])('%#: %s', (text, expected) => {
    expect(errorsOf(text).join('\n')).toContain(expected);
  });

  it('reports every bad cell, not only the first', () => {
    const bad = `${HEADER}\n${row.replace('$1.00', 'x')}\n${row.replace('ABC', 'DEF').replace('$3.00', 'y')}`;
    expect(errorsOf(bad)).toHaveLength(2);
  });

  it('finds columns by title in any order and ignores extra columns', () => {
    const reordered = `Notes,${[...Object.values(RATE_TABLE_COLUMNS)].reverse().join(',')}\nhello,$3.00,$2.00,$1.00,1,1,1,G,"A, B",EA,ABC,CU-1`;
    expect(table(reordered).units[0]).toMatchObject({
      cu: 'ABC',
      installPriceCents: 100,
      transferPriceCents: 300,
    });
  });
});
