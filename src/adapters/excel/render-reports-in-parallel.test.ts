import { describe, expect, it } from 'vitest';
import { ExcelReportRenderer } from './excel-report-renderer.js';
import { MIN_REPORTS_PER_WORKER, renderReports } from './render-reports-in-parallel.js';
import {
  buildBranding,
  buildDayBlock,
  buildReportLine,
  buildWeeklyReport,
} from './testing/build-weekly-report.js';
import { tinyPng } from './testing/tiny-png.js';

// Enough reports for two workers, each of its own size so a mix-up in the order would show.
const reports = Array.from({ length: 2 * MIN_REPORTS_PER_WORKER + 3 }, (_, index) =>
  buildWeeklyReport({
    workRequest: String(90_000_000 + index),
    fileName: `WR_${90_000_000 + index}_WeekEnding_081725.xlsx`,
    blocks: [
      buildDayBlock(
        'Tuesday (08/12/2025)',
        Array.from({ length: 1 + (index % 7) }, (_, line) =>
          buildReportLine({ priceCents: 100 * index + line }),
        ),
      ),
    ],
  }),
);
const branding = buildBranding({ logo: { data: tinyPng(30, 10), extension: 'png' } });

// Starting workers under tsx and rendering a few hundred workbooks takes seconds on a busy 2-core box.
describe('renderReports', { timeout: 60_000 }, () => {
  it('returns, in input order, the same bytes on worker threads as rendering one by one', async () => {
    const renderer = new ExcelReportRenderer();
    const sequential: Uint8Array[] = [];
    for (const report of reports) sequential.push(await renderer.render(report, branding));

    const reported: number[] = [];
    const parallel = await renderReports(reports, branding, {
      concurrency: 2,
      onRendered: ({ index }) => reported.push(index),
    });

    expect(parallel).toHaveLength(reports.length);
    expect(reported.sort((a, b) => a - b)).toEqual(reports.map((_, index) => index));
    parallel.forEach((bytes, index) =>
      expect(Buffer.compare(bytes, sequential[index] ?? new Uint8Array())).toBe(0),
    );
  });

  it('renders a handful of reports in this thread with the same result', async () => {
    const few = reports.slice(0, 3);
    const renderer = new ExcelReportRenderer();
    const expected = await Promise.all(few.map((report) => renderer.render(report, branding)));

    const rendered = await renderReports(few, branding, { concurrency: 4 });

    rendered.forEach((bytes, index) =>
      expect(Buffer.compare(bytes, expected[index] ?? new Uint8Array())).toBe(0),
    );
  });

  it("passes a worker's AppError back with its code", async () => {
    const broken = [...reports];
    broken[70] = buildWeeklyReport({ fileName: 'WR_BROKEN_WeekEnding_081725.xlsx', totalCents: -1 });

    await expect(renderReports(broken, branding, { concurrency: 2 })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining('WR_BROKEN_WeekEnding_081725.xlsx') as unknown,
    });
  });

  it('refuses a concurrency below one', async () => {
    await expect(renderReports(reports, branding, { concurrency: 0 })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
