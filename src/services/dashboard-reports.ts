// The Reports page (issue #7): published weekly workbooks by Work Request and week, and the
// download of one. A download names the report by its id (the identity key the store records) and
// the file is found through the store's record, never through a path the client sends.
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { ReportQuerySpec } from '../domain/dashboard/report-query.js';
import type { ReportFile, ReportFiles } from '../ports/report-files.js';
import type { PublishedReport, ReportStore } from '../ports/store.js';

export interface ReportView {
  /** The report's identity key: pass it (URL-encoded) to the download route. */
  readonly reportId: string;
  readonly workRequest: string;
  readonly weekEnding: string;
  readonly variant: string;
  readonly claimer: string | null;
  readonly fileName: string;
  readonly publishedAt: string;
  readonly contentHash: string;
  readonly runId: string | null;
}

function reportViewOf(report: PublishedReport): ReportView {
  return {
    reportId: report.identityKey,
    workRequest: report.workRequest,
    weekEnding: report.weekEnding,
    variant: report.variant,
    claimer: report.claimer,
    fileName: report.fileName,
    publishedAt: report.publishedAt,
    contentHash: report.contentHash,
    runId: report.runId,
  };
}

/** One page of published reports, newest week first, then by Work Request; `total` counts them all. */
export async function pageReports(
  reports: ReportStore,
  query: ReportQuerySpec,
): Promise<{ readonly items: ReportView[]; readonly total: number }> {
  const { items, total } = await reports.pagePublishedReports({
    ...(query.workRequest === undefined ? {} : { workRequest: query.workRequest }),
    ...(query.weekEnding === undefined ? {} : { weekEnding: query.weekEnding }),
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: items.map(reportViewOf), total };
}

/** The workbook of a published report; AppError NOT_FOUND when unknown or not in the local folder. */
export async function openReport(
  deps: { readonly reports: ReportStore; readonly files: ReportFiles },
  reportId: string,
): Promise<{ readonly report: ReportView; readonly file: ReportFile }> {
  const report = await deps.reports.getPublishedReport(reportId);
  if (!report)
    throw new AppError(ErrorCode.NOT_FOUND, `No published report has the id ${JSON.stringify(reportId)}.`);
  const file = await deps.files.open(report.fileName, { attachmentId: report.attachmentId });
  if (!file)
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `${report.fileName} was published but neither the report folder nor Smartsheet has it any more.`,
    );
  return { report: reportViewOf(report), file };
}
