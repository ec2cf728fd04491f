import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.js';
import type { AuditSeverity, ChainedAuditEvent } from '../../domain/audit-chain.js';
import { auditRunFigures } from '../../domain/audit-report/audit-run-figures.js';
import {
  buildAuditEventChain,
  TEST_RUN_ID,
} from '../../domain/audit-report/testing/build-audit-event-chain.js';
import { chartHasData } from '../../ports/chart-renderer.js';
import type { ChartRenderer, ChartSpec } from '../../ports/chart-renderer.js';
import { EchartsPngRenderer } from '../charts/echarts-png-renderer.js';
import { readPngHeader } from '../charts/testing/read-png-header.js';
import { CHANGES_SHEET, RISK_COLD_START_TEXT } from './changes-sheet.js';
import { CHARTS_SHEET } from './charts-sheet.js';
import { EDITORS_SHEET } from './editors-sheet.js';
import { renderAuditWorkbook } from './render-audit-workbook.js';
import type { AuditWorkbookOptions } from './render-audit-workbook.js';
import { RISK_COLD_START_NOTE, SUMMARY_LABELS, SUMMARY_SHEET } from './summary-sheet.js';
import { columnAText, openAuditWorkbook, tableBelow, valuesByLabel } from './testing/read-audit-workbook.js';
import type { OpenedAuditWorkbook } from './testing/read-audit-workbook.js';

const TIME_ZONE = 'America/Chicago';
const GENERATED_AT = '2025-08-21T15:00:00.000Z';
const renderer = new EchartsPngRenderer();

/** Records every spec it is asked to draw, and draws it with the real renderer. */
function recordingRenderer(): ChartRenderer & { specs: ChartSpec[] } {
  const specs: ChartSpec[] = [];
  return {
    specs,
    renderChartPng(spec) {
      specs.push(spec);
      return renderer.renderChartPng(spec);
    },
  };
}

async function render(
  events: readonly ChainedAuditEvent[],
  overrides: Partial<AuditWorkbookOptions> = {},
): Promise<Uint8Array> {
  const figures = auditRunFigures(events, {
    timeZone: TIME_ZONE,
    runId: TEST_RUN_ID,
    generatedAt: GENERATED_AT,
  });
  return renderAuditWorkbook(events, figures, {
    runId: TEST_RUN_ID,
    generatedAt: GENERATED_AT,
    timeZone: TIME_ZONE,
    companyName: 'Acme Line Services',
    chartRenderer: renderer,
    ...overrides,
  });
}

const RUN = buildAuditEventChain([
  {
    severity: 'CRITICAL',
    violationType: 'BILLED_ROW_DELETED',
    deltaCents: -1_250_000,
    changedBy: 'ann@example.com',
    // Monday 03:15 UTC is Sunday 22:15 in Chicago.
    changedAt: '2025-08-18T03:15:00Z',
    columnName: null,
    oldValue: '12500.00',
    newValue: null,
  },
  { severity: 'HIGH', deltaCents: 250_000, changedBy: 'bob@example.com', changedAt: '2025-08-19T14:00:00Z' },
  {
    severity: 'MEDIUM',
    violationType: 'PRICE_OVERRIDE',
    deltaCents: -4_550,
    changedBy: 'ann@example.com',
    changedAt: '2025-08-20T16:30:00Z',
  },
  { severity: 'LOW', violationType: 'DATA_QUALITY', deltaCents: null, changedBy: null, sheetReference: null },
  {
    severity: 'INFO',
    violationType: 'AUTHORIZED_CORRECTION',
    deltaCents: 1_000,
    changedBy: 'automation@smartsheet.com',
  },
]);

describe('renderAuditWorkbook', () => {
  let opened: OpenedAuditWorkbook;
  beforeAll(async () => {
    opened = await openAuditWorkbook(await render(RUN, { checkpointText: 'seq=5 head=abc\nsignature=xyz' }));
  });

  it('summarises the counts per severity and the totals of the events', () => {
    const summary = opened.sheet(SUMMARY_SHEET);
    const values = valuesByLabel(summary);
    const netCents = RUN.reduce((sum, event) => sum + (event.deltaCents ?? 0), 0);
    const absoluteCents = RUN.reduce((sum, event) => sum + Math.abs(event.deltaCents ?? 0), 0);

    expect(values.get(SUMMARY_LABELS.status)).toBe('CHANGES DETECTED');
    expect(values.get(SUMMARY_LABELS.runId)).toBe(TEST_RUN_ID);
    expect(values.get(SUMMARY_LABELS.changes)).toBe(RUN.length);
    expect(values.get(SUMMARY_LABELS.netImpact)).toBeCloseTo(netCents / 100, 2);
    expect(values.get(SUMMARY_LABELS.absoluteImpact)).toBeCloseTo(absoluteCents / 100, 2);
    expect(values.get(SUMMARY_LABELS.riskScores)).toBe(RISK_COLD_START_NOTE);
    const severityRows = tableBelow(summary, 'Severity');
    for (const severity of ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] as AuditSeverity[]) {
      const row = severityRows.find((cells) => cells[0] === severity);
      expect(row?.[1]).toBe(RUN.filter((event) => event.severity === severity).length);
    }
    expect(severityRows.find((cells) => cells[0] === 'TOTAL')?.[1]).toBe(RUN.length);
  });

  it('prints the signed checkpoint verbatim, line by line', () => {
    const texts = columnAText(opened.sheet(SUMMARY_SHEET));
    const label = texts.indexOf(SUMMARY_LABELS.checkpoint);
    expect(texts.slice(label + 1, label + 3)).toEqual(['seq=5 head=abc', 'signature=xyz']);
  });

  it('lists one Changes row per event with its values, under a frozen, filtered header', () => {
    const sheet = opened.sheet(CHANGES_SHEET);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (header: string): number => headers.indexOf(header) + 1;

    expect(sheet.rowCount).toBe(RUN.length + 1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    RUN.forEach((event, index) => {
      const row = sheet.getRow(index + 2);
      expect(row.getCell(column('Seq')).value).toBe(event.seq);
      expect(row.getCell(column('Work Request #')).value).toBe(event.workRequest);
      expect(row.getCell(column('Delta')).value).toBe(
        event.deltaCents === null ? null : event.deltaCents / 100,
      );
      expect(row.getCell(column('Changed By')).value).toBe(event.changedBy);
      expect(row.getCell(column('Severity')).value).toBe(event.severity);
      expect(row.getCell(column('Violation')).value).toBe(event.violationType);
      expect(row.getCell(column('Risk Score')).value).toBe(RISK_COLD_START_TEXT);
      expect(row.getCell(column('Row ID')).value).toBe(String(event.rowId));
      expect(row.getCell(column('Event Hash')).value).toBe(event.hash);
    });
    const first = sheet.getRow(2);
    expect(first.getCell(column(`Changed At (${TIME_ZONE})`)).value).toEqual(
      new Date('2025-08-17T22:15:00Z'),
    );
    expect(first.getCell(column('Week Ending')).value).toEqual(new Date('2025-08-17T00:00:00Z'));
    expect(first.getCell(column('Sheet Reference')).value).toMatchObject({
      text: 'Open row',
      hyperlink: RUN[0]?.sheetReference,
    });
    expect(sheet.getRow(5).getCell(column('Sheet Reference')).value).toBeNull();
  });

  it('lists each editor with changes and absolute impact, biggest first', () => {
    const sheet = opened.sheet(EDITORS_SHEET);
    const rows = [2, 3, 4, 5].map((index) => (sheet.getRow(index).values as unknown[]).slice(1, 5));
    expect(rows).toEqual([
      ['ann@example.com', 2, -12_545.5, 12_545.5],
      ['bob@example.com', 1, 2_500, 2_500],
      ['automation@smartsheet.com', 1, 10, 10],
      ['(unknown editor)', 1, 0, 0],
    ]);
  });

  it('embeds the four charts as non-empty PNGs of sane size', () => {
    const pngs = [...opened.media.values()];
    expect(pngs).toHaveLength(4);
    for (const png of pngs) {
      expect(readPngHeader(png)).toMatchObject({ width: 900, height: 480 });
      expect(png.length).toBeGreaterThan(2_000);
    }
    expect(opened.sheet(CHARTS_SHEET).getImages()).toHaveLength(4);
    expect(columnAText(opened.sheet(CHARTS_SHEET))).toEqual([
      'Charts',
      'Impact by editor and hour of day',
      'Impact by weekday',
      'Findings by severity',
      'Risk over time',
      'No data: Risk scores: cold start (rules only)',
    ]);
  });

  it('gives byte-identical files for the same input', async () => {
    const [first, second] = await Promise.all([render(RUN), render(RUN)]);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('refuses figures computed from other events', async () => {
    const figures = auditRunFigures(RUN.slice(1), {
      timeZone: TIME_ZONE,
      runId: TEST_RUN_ID,
      generatedAt: GENERATED_AT,
    });
    await expect(
      renderAuditWorkbook(RUN, figures, {
        runId: TEST_RUN_ID,
        generatedAt: GENERATED_AT,
        timeZone: TIME_ZONE,
        companyName: 'Acme',
        chartRenderer: renderer,
      }),
    ).rejects.toThrow(AppError);
  });
});

describe('renderAuditWorkbook on a quiet run', () => {
  it('says SECURE, lists no changes and draws every chart as "No data"', async () => {
    const recording = recordingRenderer();
    const opened = await openAuditWorkbook(await render([], { chartRenderer: recording }));

    const values = valuesByLabel(opened.sheet(SUMMARY_SHEET));
    expect(values.get(SUMMARY_LABELS.status)).toBe('SECURE');
    expect(values.get(SUMMARY_LABELS.changes)).toBe(0);
    expect(values.get(SUMMARY_LABELS.netImpact)).toBe(0);
    expect(values.has(SUMMARY_LABELS.checkpoint)).toBe(false);
    expect(opened.sheet(CHANGES_SHEET).getCell('A2').value).toBe('No changes were found in this run.');
    expect(recording.specs).toHaveLength(4);
    expect(recording.specs.some(chartHasData)).toBe(false);
    expect(columnAText(opened.sheet(CHARTS_SHEET)).filter((text) => text.startsWith('No data'))).toHaveLength(
      4,
    );
    for (const png of opened.media.values())
      expect(readPngHeader(png)).toMatchObject({ width: 900, height: 480 });
  });
});
