// Classifies a fetch that threw: was the request never sent (safe to repeat, even a POST), or did it
// break off after Smartsheet may have received it (smartsheet-api.md §9.7)?
import type { AttemptFailure } from './retry-policy.js';

/** Connection never established: the request provably did not reach Smartsheet. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** An attempt that failed without a response, or whose response broke off. */
export function networkFailure(error: unknown): AttemptFailure {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { kind: 'network', reason: 'timeout', code: error.name };
  }
  const code = errorCode(error) ?? (error instanceof Error ? error.name : 'UNKNOWN');
  return { kind: 'network', reason: NOT_CONNECTED_CODES.has(code) ? 'refused' : 'broken', code };
}

/** undici puts the socket error in `cause` (an AggregateError when several addresses were tried). */
function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: unknown } | undefined)?.cause ?? error;
  const own = (cause as { code?: unknown } | undefined)?.code;
  if (typeof own === 'string') return own;
  const nested = (cause as { errors?: unknown } | undefined)?.errors;
  if (Array.isArray(nested)) {
    const codes = nested.map((inner) => (inner as { code?: unknown } | undefined)?.code);
    const first = codes.find((c): c is string => typeof c === 'string');
    return first;
  }
  return undefined;
}
