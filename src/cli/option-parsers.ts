// Parsers for command-line option values: a bad value stops the command with its name and the
// accepted range, before any work starts.
import { AppError, ErrorCode } from '../domain/app-error.js';

export function integerOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      throw new AppError(
        ErrorCode.INPUT_INVALID,
        `--${name} must be a whole number from ${min} to ${max}, got '${value}'`,
      );
    }
    return n;
  };
}
