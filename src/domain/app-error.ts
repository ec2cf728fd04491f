/**
 * The one error type of Ledgerline. Every failure a user can meet carries a code from ErrorCode;
 * ERROR_TABLE maps each code to its HTTP status and CLI exit code in one place (STYLE.md: one error
 * type, one mapping table). `message` says what failed; `hint` says what to do about it.
 */
export const ErrorCode = {
  CONFIG_INVALID: 'CONFIG_INVALID',
  INPUT_INVALID: 'INPUT_INVALID',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  MIGRATION_FAILED: 'MIGRATION_FAILED',
  SMARTSHEET_AUTH: 'SMARTSHEET_AUTH',
  SMARTSHEET_REQUEST: 'SMARTSHEET_REQUEST',
  SMARTSHEET_UNAVAILABLE: 'SMARTSHEET_UNAVAILABLE',
  MAIL_FAILED: 'MAIL_FAILED',
  CHECKS_FAILED: 'CHECKS_FAILED',
  VIOLATIONS_FOUND: 'VIOLATIONS_FOUND',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Process exit codes: 0 clean, 1 failure, 2 configuration or usage, 3 violations found. */
export const ExitCode = { OK: 0, FAILURE: 1, USAGE: 2, VIOLATIONS: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

interface ErrorMapping {
  httpStatus: number;
  exitCode: ExitCode;
}

/** The single mapping from error code to HTTP status and process exit code. */
export const ERROR_TABLE: Readonly<Record<ErrorCode, ErrorMapping>> = {
  CONFIG_INVALID: { httpStatus: 500, exitCode: ExitCode.USAGE },
  INPUT_INVALID: { httpStatus: 400, exitCode: ExitCode.USAGE },
  NOT_FOUND: { httpStatus: 404, exitCode: ExitCode.FAILURE },
  CONFLICT: { httpStatus: 409, exitCode: ExitCode.FAILURE },
  UNAUTHENTICATED: { httpStatus: 401, exitCode: ExitCode.FAILURE },
  FORBIDDEN: { httpStatus: 403, exitCode: ExitCode.FAILURE },
  RATE_LIMITED: { httpStatus: 429, exitCode: ExitCode.FAILURE },
  DATABASE_UNAVAILABLE: { httpStatus: 503, exitCode: ExitCode.FAILURE },
  MIGRATION_FAILED: { httpStatus: 500, exitCode: ExitCode.FAILURE },
  SMARTSHEET_AUTH: { httpStatus: 502, exitCode: ExitCode.FAILURE },
  SMARTSHEET_REQUEST: { httpStatus: 502, exitCode: ExitCode.FAILURE },
  SMARTSHEET_UNAVAILABLE: { httpStatus: 503, exitCode: ExitCode.FAILURE },
  MAIL_FAILED: { httpStatus: 502, exitCode: ExitCode.FAILURE },
  CHECKS_FAILED: { httpStatus: 500, exitCode: ExitCode.FAILURE },
  VIOLATIONS_FOUND: { httpStatus: 200, exitCode: ExitCode.VIOLATIONS },
  INTERNAL: { httpStatus: 500, exitCode: ExitCode.FAILURE },
};

export interface AppErrorOptions {
  /** What the user can do about it, shown after the message. */
  hint?: string;
  /** Structured detail safe to show (never secrets). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }

  get httpStatus(): number {
    return ERROR_TABLE[this.code].httpStatus;
  }

  get exitCode(): ExitCode {
    return ERROR_TABLE[this.code].exitCode;
  }

  /** One line for a terminal: the message, then what to do. */
  toUserMessage(): string {
    return this.hint ? `${this.message}\n  → ${this.hint}` : this.message;
  }
}

/** Any thrown value as an AppError; unknown failures become INTERNAL with the original as cause. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(ErrorCode.INTERNAL, `Unexpected failure: ${message}`, { cause: error });
}
