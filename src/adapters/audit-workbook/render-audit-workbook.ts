// A run's audit workbook (billing-domain.md §3.6) on ExcelJS: Summary, Changes, Editors and
// Charts sheets, every number from the stored events via AuditRunFigures. Charts are drawn by
// whatever ChartRenderer the caller passes; this adapter never imports the charts adapter.
import ExcelJS from 'exceljs';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { ChainedAuditEvent } from '../../domain/audit-chain.js';
import type { AuditRunFigures } from '../../domain/audit-report/audit-run-figures.js';
import type { ChartRenderer } from '../../ports/chart-renderer.js';
import { auditCharts } from './audit-chart-specs.js';
import { writeChangesSheet } from './changes-sheet.js';
import { writeChartsSheet } from './charts-sheet.js';
import { writeEditorsSheet } from './editors-sheet.js';
import { repackReproducibly } from './reproducible-package.js';
import { writeSummarySheet } from './summary-sheet.js';

/** Written as the workbook's author; a person's name would vary with who ran the cycle. */
export const AUDIT_WORKBOOK_CREATOR = 'Ledgerline';

/** What the workbook says about its run, and how it draws charts. */
export interface AuditWorkbookOptions {
  readonly runId: string;
  /** ISO-8601 instant of the run; also the workbook's created/modified date. */
  readonly generatedAt: string;
  /** IANA zone of the organisation; must be the zone the figures were computed in. */
  readonly timeZone: string;
  readonly companyName: string;
  /** The signed audit-chain checkpoint, printed verbatim on the Summary when given. */
  readonly checkpointText?: string;
  readonly chartRenderer: ChartRenderer;
}

/**
 * The .xlsx bytes of a run's audit workbook. The same events, figures and options give the same
 * bytes (pinned document dates, repacked zip), given a renderer that is itself deterministic.
 * Throws AppError(INPUT_INVALID) when the figures were not computed from these events and options.
 */
export async function renderAuditWorkbook(
  events: readonly ChainedAuditEvent[],
  figures: AuditRunFigures,
  options: AuditWorkbookOptions,
): Promise<Uint8Array> {
  checkFiguresMatch(events, figures, options);
  const workbook = new ExcelJS.Workbook();
  // ExcelJS stamps the wall clock into docProps/core.xml; the run's own instant keeps it stable.
  const generatedAt = new Date(options.generatedAt);
  workbook.creator = AUDIT_WORKBOOK_CREATOR;
  workbook.lastModifiedBy = AUDIT_WORKBOOK_CREATOR;
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.company = options.companyName;
  workbook.title = `Audit run ${options.runId}`;

  writeSummarySheet(workbook, figures, {
    companyName: options.companyName,
    checkpointText: options.checkpointText,
  });
  writeChangesSheet(workbook, events, { timeZone: figures.timeZone, riskColdStart: figures.riskColdStart });
  writeEditorsSheet(workbook, figures);
  await writeChartsSheet(workbook, auditCharts(figures), options.chartRenderer);

  // Stored uncompressed first: the package is deflated once, when it is repacked.
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return repackReproducibly(new Uint8Array(stored));
}

/**
 * The workbook prints the events and the figures side by side; if they came from different
 * runs, zones or event lists, its totals would contradict its rows (DESIGN.md invariant 5).
 */
function checkFiguresMatch(
  events: readonly ChainedAuditEvent[],
  figures: AuditRunFigures,
  options: AuditWorkbookOptions,
): void {
  const problems: string[] = [];
  if (Number.isNaN(Date.parse(options.generatedAt)))
    problems.push(`generatedAt "${options.generatedAt}" is not a date-time`);
  if (figures.runId !== options.runId)
    problems.push(`figures are for run ${figures.runId}, not ${options.runId}`);
  if (figures.timeZone !== options.timeZone) {
    problems.push(`figures were computed in ${figures.timeZone}, not ${options.timeZone}`);
  }
  if (figures.eventCount !== events.length) {
    problems.push(`figures count ${figures.eventCount} events but ${events.length} were given`);
  }
  const netCents = events.reduce((sum, event) => sum + (event.deltaCents ?? 0), 0);
  if (figures.netImpactCents !== netCents) {
    problems.push(`figures total ${figures.netImpactCents} cents but the events sum to ${netCents}`);
  }
  if (problems.length > 0) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Refusing to render the audit workbook: ${problems.join('; ')}.`,
      {
        details: { runId: options.runId },
      },
    );
  }
}
