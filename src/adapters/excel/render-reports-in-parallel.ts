// Renders many reports at once on worker threads. ExcelJS and zip compression are CPU-bound and
// single-threaded, so a run publishing hundreds of Work Requests uses every core this way.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { ReportBranding, WeeklyReport } from '../../ports/report-writer.js';
import { ExcelReportRenderer } from './excel-report-renderer.js';
import { fromTransferredError } from './render-worker-protocol.js';
import type { RenderReply, RenderRequest, RenderWorkerData } from './render-worker-protocol.js';

export interface RenderReportsOptions {
  /** Most worker threads to use; defaults to the cores available. 1 renders in this thread. */
  concurrency?: number;
  /** Called as each report is done (in completion order), for progress bars and benchmarks. */
  onRendered?: (progress: RenderProgress) => void;
}

export interface RenderProgress {
  /** Position of the report in the input. */
  index: number;
  /** Milliseconds the render itself took, in whichever thread ran it. */
  renderMs: number;
}

/**
 * A worker takes 0.3–0.8 s to start (loading ExcelJS, and compiling with tsx in development) while
 * a typical report renders in 5–10 ms, so below this many reports per worker the threads cost more
 * than they save (measured on 2 cores; see bench/excel-throughput.ts).
 */
export const MIN_REPORTS_PER_WORKER = 64;

/** Renders every report with the same branding; the bytes come back in input order. */
export async function renderReports(
  reports: readonly WeeklyReport[],
  branding: ReportBranding,
  options: RenderReportsOptions = {},
): Promise<Uint8Array[]> {
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new AppError(
      ErrorCode.CONFIG_INVALID,
      `Report rendering concurrency must be a whole number ≥ 1, not ${concurrency}.`,
    );
  }
  const workerCount = Math.min(concurrency, Math.floor(reports.length / MIN_REPORTS_PER_WORKER));
  const onRendered = options.onRendered ?? (() => undefined);
  return workerCount >= 2
    ? renderOnWorkers(reports, branding, workerCount, onRendered)
    : renderInThread(reports, branding, onRendered);
}

async function renderInThread(
  reports: readonly WeeklyReport[],
  branding: ReportBranding,
  onRendered: (progress: RenderProgress) => void,
): Promise<Uint8Array[]> {
  const renderer = new ExcelReportRenderer();
  const results: Uint8Array[] = [];
  for (const [index, report] of reports.entries()) {
    const started = performance.now();
    results.push(await renderer.render(report, branding));
    onRendered({ index, renderMs: performance.now() - started });
  }
  return results;
}

async function renderOnWorkers(
  reports: readonly WeeklyReport[],
  branding: ReportBranding,
  workerCount: number,
  onRendered: (progress: RenderProgress) => void,
): Promise<Uint8Array[]> {
  const entry = workerEntry();
  const workerData: RenderWorkerData = { branding };
  const workers = Array.from(
    { length: workerCount },
    () => new Worker(entry.url, { workerData, ...(entry.execArgv ? { execArgv: entry.execArgv } : {}) }),
  );
  const results = new Array<Uint8Array>(reports.length);
  try {
    await new Promise<void>((resolve, reject) => {
      let nextIndex = 0;
      let finished = 0;
      // Each worker asks for the next report when it finishes one, so uneven sizes balance out.
      const sendNext = (worker: Worker): void => {
        const index = nextIndex++;
        const report = reports[index];
        if (report) worker.postMessage({ index, report } satisfies RenderRequest);
      };
      for (const worker of workers) {
        const receive = (reply: RenderReply): void => {
          if (reply.kind === 'failed') {
            reject(fromTransferredError(reply.error, reports[reply.index]?.fileName));
            return;
          }
          results[reply.index] = reply.bytes;
          onRendered({ index: reply.index, renderMs: reply.renderMs });
          finished += 1;
          if (finished === reports.length) resolve();
          else sendNext(worker);
        };
        // A throwing onRendered must fail this call, not escape as an uncaught exception.
        worker.on('message', (reply: RenderReply) => {
          try {
            receive(reply);
          } catch (error) {
            reject(error);
          }
        });
        worker.on('error', (error) =>
          reject(
            new AppError(ErrorCode.INTERNAL, `A report worker crashed: ${error.message}`, { cause: error }),
          ),
        );
        worker.on('exit', (exitCode) => {
          // After resolve or reject this is a no-op; before, the worker died mid-run.
          reject(new AppError(ErrorCode.INTERNAL, `A report worker exited early (exit code ${exitCode}).`));
        });
        sendNext(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/**
 * The worker file sits next to this module. From the TypeScript sources (tests, development) the
 * worker is the .ts file and needs tsx to load; from the compiled dist/ it is plain JavaScript.
 * tsx is named by its resolved URL because `--import tsx` would be looked up from the current
 * directory, which need not be inside this checkout.
 */
function workerEntry(): { url: URL; execArgv?: string[] } {
  if (import.meta.url.endsWith('.ts')) {
    return {
      url: new URL('./render-worker.ts', import.meta.url),
      execArgv: ['--import', import.meta.resolve('tsx')],
    };
  }
  return { url: new URL('./render-worker.js', import.meta.url) };
}
