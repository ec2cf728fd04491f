// Test builders for the report a renderer receives: realistic defaults, consistent totals, and
// any field overridable. Totals are derived from the lines unless a test overrides them on purpose.
import type {
  ReportBranding,
  ReportDayBlock,
  ReportLine,
  WeeklyReport,
} from '../../../ports/report-writer.js';

export function buildReportLine(overrides: Partial<ReportLine> = {}): ReportLine {
  return {
    pointNumber: 'P-101',
    cu: 'ALB-6-AUR1',
    workType: 'Install',
    description: 'Aluminium bare conductor, 6 AWG',
    uom: 'FT',
    quantity: 120,
    scope: 'SC-4471',
    priceCents: 48_250,
    ...overrides,
  };
}

/** A day block whose total is the sum of its lines. */
export function buildDayBlock(label: string, lines: ReportLine[], date?: string): ReportDayBlock {
  return {
    label,
    ...(date === undefined ? {} : { date }),
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.priceCents, 0),
  };
}

function defaultBlocks(): ReportDayBlock[] {
  return [
    buildDayBlock(
      'Monday (08/11/2025)',
      [
        buildReportLine(),
        buildReportLine({
          pointNumber: 'P-102',
          cu: 'POLE-40-C3',
          workType: 'Rem',
          description: 'Wood pole 40 ft class 3',
          uom: 'EA',
          quantity: 1,
          priceCents: 125_000,
        }),
        buildReportLine({
          pointNumber: 'P-103',
          cu: 'GUY-ANCH-8',
          description: 'Guy anchor 8 in',
          uom: 'EA',
          quantity: 2,
          priceCents: 19_999,
        }),
      ],
      '2025-08-11',
    ),
    buildDayBlock(
      'Wednesday (08/13/2025)',
      [
        buildReportLine({
          pointNumber: 'P-210',
          cu: 'UG-COND-2',
          workType: 'Trans',
          description: 'Underground conductor 2/0',
          quantity: 1.5,
          priceCents: 3_333,
        }),
        buildReportLine({
          pointNumber: 'P-211',
          cu: 'XFMR-25-1P',
          workType: 'Xfr',
          description: 'Transformer 25 kVA single phase',
          uom: 'EA',
          quantity: undefined,
          priceCents: 210_001,
        }),
      ],
      '2025-08-13',
    ),
    buildDayBlock('Other dates', [
      buildReportLine({
        pointNumber: '',
        cu: 'SVC-DROP-1',
        description: 'Service drop',
        uom: 'EA',
        quantity: 3,
        priceCents: 7,
      }),
    ]),
  ];
}

/** A report for WR 89708709, week ending Sunday 2025-08-17: two day blocks and `Other dates`. */
export function buildWeeklyReport(overrides: Partial<WeeklyReport> = {}): WeeklyReport {
  const blocks = overrides.blocks ?? defaultBlocks();
  return {
    fileName: 'WR_89708709_WeekEnding_081725.xlsx',
    workRequest: '89708709',
    weekEnding: '2025-08-17',
    variant: 'primary',
    periodStart: '2025-08-11',
    periodEnd: '2025-08-17',
    foreman: 'Dana Whitfield',
    scopeId: 'SC-4471',
    workOrder: 'WO-330118',
    customer: 'Prairie Electric Cooperative',
    job: 'J-2025-0815',
    dept: '410',
    // 19:05 UTC is 02:05 PM in Chicago (CDT) on the Monday after the week ends.
    generatedAt: '2025-08-18T19:05:00Z',
    contentHash: '3f5a0c9e7b1d2468ace0135792468ace0135792468ace0135792468ace01357',
    ...overrides,
    blocks,
    totalCents: overrides.totalCents ?? blocks.reduce((sum, block) => sum + block.totalCents, 0),
    lineCount: overrides.lineCount ?? blocks.reduce((sum, block) => sum + block.lines.length, 0),
  };
}

export function buildBranding(overrides: Partial<ReportBranding> = {}): ReportBranding {
  return { companyName: 'Linewise Utility Contractors', timeZone: 'America/Chicago', ...overrides };
}
