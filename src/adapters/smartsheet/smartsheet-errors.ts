// Failed Smartsheet calls as AppErrors. Every message names the endpoint with its ids and carries
// Smartsheet's errorCode and refId (the occurrence id support asks for, §1.5); `details` holds the
// same facts for code: { status, errorCode, refId, endpoint, ids, retryable, ambiguous, attempts }.
import type { z } from 'zod';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { ApiRoute } from './api-route.js';
import type { AttemptFailure } from './retry-policy.js';

/** Codes that mean the token itself is wrong (§1.5); the run cannot go on without a new one. */
const TOKEN_PROBLEMS: Readonly<Record<number, string>> = {
  1001: 'no access token was sent',
  1002: 'the access token is invalid (a token only works on the instance that issued it: US, EU, Gov or AU)',
  1003: 'the access token has expired',
  1005: 'this account requires single sign-on',
};

/** Extra facts the HTTP layer knows about the call as a whole. */
export interface CallContext {
  attempts: number;
  /** An earlier attempt broke mid-way (reset, timeout, 5xx), so it may have been applied. */
  earlierAttemptUncertain: boolean;
}

export function describeFailure(failure: AttemptFailure): string {
  if (failure.kind === 'network') {
    return failure.reason === 'timeout'
      ? `no answer in time (${failure.code})`
      : `network error ${failure.code}`;
  }
  const parts = [`HTTP ${failure.status}`];
  if (failure.errorCode !== undefined) parts.push(`errorCode ${failure.errorCode}`);
  if (failure.refId !== undefined) parts.push(`refId ${failure.refId}`);
  return failure.message ? `${parts.join(', ')}: ${failure.message}` : parts.join(', ');
}

function baseDetails(
  route: ApiRoute,
  failure: AttemptFailure,
  context: CallContext,
): Record<string, unknown> {
  return {
    status: failure.kind === 'http' ? failure.status : undefined,
    errorCode: failure.kind === 'http' ? failure.errorCode : undefined,
    refId: failure.kind === 'http' ? failure.refId : undefined,
    networkCode: failure.kind === 'network' ? failure.code : undefined,
    endpoint: route.key,
    ids: route.ids,
    attempts: context.attempts,
  };
}

function isAuthFailure(failure: Extract<AttemptFailure, { kind: 'http' }>): boolean {
  return failure.status === 401 || (failure.errorCode !== undefined && failure.errorCode in TOKEN_PROBLEMS);
}

/** A failure retrying cannot fix: a 4xx (fix and resend), or a 5xx the policy chose not to repeat. */
export function permanentFailureError(
  route: ApiRoute,
  failure: AttemptFailure,
  context: CallContext,
): AppError {
  const details = { ...baseDetails(route, failure, context), retryable: false, ambiguous: false };
  const uncertain = context.earlierAttemptUncertain
    ? ' (an earlier attempt of this call broke off and may have been applied: re-read before acting on this error)'
    : '';
  if (failure.kind === 'http' && isAuthFailure(failure)) {
    const problem = failure.errorCode !== undefined ? TOKEN_PROBLEMS[failure.errorCode] : undefined;
    return new AppError(
      ErrorCode.SMARTSHEET_AUTH,
      `Smartsheet ${route.label} failed: ${describeFailure(failure)}${problem ? ` — ${problem}` : ''}`,
      {
        details,
        hint: 'Create a new API token in Smartsheet (Personal Settings → API Access) and configure it; check the base URL matches the token’s region.',
      },
    );
  }
  const server = failure.kind === 'network' || failure.status >= 500;
  return new AppError(
    server ? ErrorCode.SMARTSHEET_UNAVAILABLE : ErrorCode.SMARTSHEET_REQUEST,
    `Smartsheet ${route.label} failed: ${describeFailure(failure)}${uncertain}`,
    { details: { ...details, afterUncertainAttempt: context.earlierAttemptUncertain } },
  );
}

/** Transient failures that outlasted the retry window. Worth another try later, e.g. next run. */
export function retriesExhaustedError(
  route: ApiRoute,
  failure: AttemptFailure,
  context: CallContext & { elapsedMs: number },
): AppError {
  return new AppError(
    ErrorCode.SMARTSHEET_UNAVAILABLE,
    `Smartsheet ${route.label} still failing after ${context.attempts} attempts over ${Math.round(context.elapsedMs / 1000)} s: ${describeFailure(failure)}`,
    {
      details: { ...baseDetails(route, failure, context), retryable: true, ambiguous: false },
      hint: 'Smartsheet is unavailable or rate-limiting this token; try again later.',
    },
  );
}

/**
 * A non-idempotent POST (add rows, upload, create webhook) broke off after it may have reached
 * Smartsheet (§9.7). Repeating it blindly could duplicate rows or reports, so the caller must re-read
 * the target, find out whether it was applied, and only then repeat it.
 */
export function ambiguousOutcomeError(
  route: ApiRoute,
  failure: AttemptFailure,
  context: CallContext,
): AppError {
  return new AppError(
    ErrorCode.SMARTSHEET_UNAVAILABLE,
    `Smartsheet ${route.label} may or may not have been applied: ${describeFailure(failure)}`,
    {
      details: { ...baseDetails(route, failure, context), retryable: true, ambiguous: true },
      hint: 'Re-read the sheet and check whether the change is there before sending it again.',
    },
  );
}

/** A 2xx whose body is not what the contract says; retrying would get the same body. */
export function unexpectedBodyError(route: ApiRoute, problem: string, cause?: unknown): AppError {
  return new AppError(
    ErrorCode.SMARTSHEET_REQUEST,
    `Smartsheet ${route.label} answered unexpectedly: ${problem}`,
    {
      details: { endpoint: route.key, ids: route.ids, retryable: false, ambiguous: false },
      hint: 'Check the base URL points at the Smartsheet API (…/2.0).',
      cause,
    },
  );
}

/** The first few schema issues, as `path: message`, short enough for a log line. */
export function summariseIssues(error: z.ZodError): string {
  const shown = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}
