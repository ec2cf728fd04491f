import { describe, expect, it } from 'vitest';
import { AppError, ERROR_TABLE, ErrorCode, ExitCode, toAppError } from './app-error.js';

describe('AppError', () => {
  it('maps every code to an HTTP status and an exit code through the one table', () => {
    for (const code of Object.values(ErrorCode)) {
      const error = new AppError(code, 'x');
      expect(error.httpStatus).toBe(ERROR_TABLE[code].httpStatus);
      expect(error.exitCode).toBe(ERROR_TABLE[code].exitCode);
    }
    expect(new AppError(ErrorCode.CONFIG_INVALID, 'x').exitCode).toBe(ExitCode.USAGE);
    expect(new AppError(ErrorCode.VIOLATIONS_FOUND, 'x').exitCode).toBe(ExitCode.VIOLATIONS);
    expect(new AppError(ErrorCode.FORBIDDEN, 'x').httpStatus).toBe(403);
  });

  it('tells the user what failed and what to do', () => {
    const error = new AppError(ErrorCode.DATABASE_UNAVAILABLE, 'Cannot open the database at /x.db', {
      hint: 'Check LEDGERLINE_DATABASE_URL.',
    });
    expect(error.toUserMessage()).toBe(
      'Cannot open the database at /x.db\n  → Check LEDGERLINE_DATABASE_URL.',
    );
  });

  it('wraps unknown failures as INTERNAL and keeps the cause', () => {
    const cause = new TypeError('boom');
    const wrapped = toAppError(cause);
    expect(wrapped.code).toBe(ErrorCode.INTERNAL);
    expect(wrapped.cause).toBe(cause);
    expect(toAppError(wrapped)).toBe(wrapped);
  });
});
