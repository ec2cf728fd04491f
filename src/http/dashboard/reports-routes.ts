// The Reports API (issue #7): published workbooks by Work Request and week, and the download of
// one by its id. The file is looked up through the store's record, never by a client path, and
// its name in content-disposition is the identity function's file-safe name.
import type { FastifyInstance } from 'fastify';
import { parseReportQuery } from '../../domain/dashboard/report-query.js';
import type { ReportFiles } from '../../ports/report-files.js';
import type { ReportStore } from '../../ports/store.js';
import { openReport, pageReports } from '../../services/dashboard-reports.js';
import type { ReportList } from './api-contract.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
    const query = parseReportQuery(request.query as Record<string, unknown>);
    const { items, total } = await pageReports(deps.reports, query);
    const body: ReportList = { reports: items, total, page: query.page, pageSize: query.pageSize };
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
