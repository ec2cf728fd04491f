// The Reports API (issue #7): published workbooks by Work Request and week, and the download of
// one by its id. The file is looked up through the store's record, never by a client path, and
// its name in content-disposition is the identity function's file-safe name.
import type { FastifyInstance } from 'fastify';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { parseDate } from '../../domain/calendar-date.js';
import type { ReportFiles } from '../../ports/report-files.js';
import type { ReportStore } from '../../ports/store.js';
import { listReports, openReport } from '../../services/dashboard-reports.js';
import type { ReportList } from './api-contract.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function optionalText(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 100)
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Invalid ${name} ${JSON.stringify(String(value))}: expected text.`,
    );
  return value.trim();
}

/** `attachment; filename="…"` with anything outside plain ASCII name characters replaced. */
export function attachmentDisposition(fileName: string): string {
  const safe = fileName.replace(/[^A-Za-z0-9_.-]/g, '_');
  return `attachment; filename="${safe}"`;
}

export function reportsRoutes(
  server: FastifyInstance,
  deps: { readonly reports: ReportStore; readonly files: ReportFiles },
): void {
  server.get('/api/reports', { config: { permission: 'dashboard.read' } }, async (request) => {
    const query = request.query as Record<string, unknown>;
    const workRequest = optionalText(query, 'workRequest');
    const week = optionalText(query, 'week');
    if (week !== undefined && !parseDate(week).ok)
      throw new AppError(
        ErrorCode.INPUT_INVALID,
        `Invalid week ${JSON.stringify(week)}: expected YYYY-MM-DD.`,
      );
    const body: ReportList = {
      reports: await listReports(deps.reports, {
        ...(workRequest === undefined ? {} : { workRequest }),
        ...(week === undefined ? {} : { weekEnding: week }),
      }),
    };
    return body;
  });

  server.get<{ Params: { reportId: string } }>(
    '/api/reports/:reportId/download',
    { config: { permission: 'dashboard.read' } },
    async (request, reply) => {
      const { report, file } = await openReport(deps, request.params.reportId);
      return reply
        .header('content-type', XLSX)
        .header('content-length', String(file.sizeBytes))
        .header('content-disposition', attachmentDisposition(report.fileName))
        .send(file.stream);
    },
  );
}
