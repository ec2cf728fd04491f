/** A Logger that keeps every record in memory, so tests can check what was (not) logged. */
import type { Logger, LogMethod } from '../../src/ports/logger.js';

export interface LogRecord {
  readonly level: string;
  readonly fields: Record<string, unknown>;
  readonly message: string | undefined;
}

/** A recording logger and its records (children share them). */
export function recordingLogger(): { logger: Logger; records: LogRecord[] } {
  const records: LogRecord[] = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const method =
      (level: string): LogMethod =>
      (first: string | Record<string, unknown>, message?: string) => {
        if (typeof first === 'string') records.push({ level, fields: { ...bindings }, message: first });
        else records.push({ level, fields: { ...bindings, ...first }, message });
      };
    return {
      trace: method('trace'),
      debug: method('debug'),
      info: method('info'),
      warn: method('warn'),
      error: method('error'),
      fatal: method('fatal'),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return { logger: make({}), records };
}
