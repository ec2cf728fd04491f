// The Result object every POST/PUT/DELETE answers with (smartsheet-api.md §1.4).
import type { ApiError } from '../errors/api-error.js';
import { newRefId } from './send-response.js';

export interface BulkFailure {
  index: number;
  rowId?: number;
  error: ApiError;
}

export function successResult(result: unknown, version?: number): Record<string, unknown> {
  return {
    message: 'SUCCESS',
    resultCode: 0,
    ...(result !== undefined ? { result } : {}),
    ...(version !== undefined ? { version } : {}),
  };
}

/** SUCCESS, or PARTIAL_SUCCESS (resultCode 3) with failedItems when some items of a bulk request failed. */
export function bulkResult(
  result: unknown,
  version: number,
  failures: readonly BulkFailure[],
): Record<string, unknown> {
  if (failures.length === 0) return successResult(result, version);
  return {
    message: 'PARTIAL_SUCCESS',
    resultCode: 3,
    result,
    version,
    failedItems: failures.map((failure) => ({
      index: failure.index,
      ...(failure.rowId !== undefined ? { rowId: failure.rowId } : {}),
      error: { errorCode: failure.error.errorCode, message: failure.error.message, refId: newRefId() },
    })),
  };
}
