// Messages between renderReports and its worker threads. Errors cross the thread boundary as plain
// data because structured cloning keeps an Error's message but drops AppError's code and hint.
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { ReportBranding, WeeklyReport } from '../../ports/report-writer.js';

/** Given once per worker at start-up: the branding is the same for every report of a run. */
export interface RenderWorkerData {
  branding: ReportBranding;
}

export interface RenderRequest {
  index: number;
  report: WeeklyReport;
}

export interface TransferredError {
  message: string;
  code?: string;
  hint?: string;
}

export type RenderReply =
  | { kind: 'rendered'; index: number; bytes: Uint8Array; renderMs: number }
  | { kind: 'failed'; index: number; error: TransferredError };

export function toTransferredError(error: unknown): TransferredError {
  if (error instanceof AppError) {
    return { message: error.message, code: error.code, ...(error.hint ? { hint: error.hint } : {}) };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The worker's failure as the AppError the caller would have seen rendering in its own thread. */
export function fromTransferredError(error: TransferredError, fileName: string | undefined): AppError {
  const code = Object.values(ErrorCode).find((known) => known === error.code);
  if (code) return new AppError(code, error.message, error.hint ? { hint: error.hint } : {});
  return new AppError(ErrorCode.INTERNAL, `Rendering ${fileName ?? 'a report'} failed: ${error.message}`);
}
