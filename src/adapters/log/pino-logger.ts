// The Logger port on pino: JSON by default, pretty on a terminal, every record scrubbed first.
import pino from 'pino';
import pretty from 'pino-pretty';
import type { Logger } from '../../ports/logger.js';
import { LogScrubber } from './scrub-log-value.js';

export interface LoggerOptions {
  level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  format: 'auto' | 'json' | 'pretty';
  /** Exact secret values to blank anywhere they appear (API token, SMTP password…). */
  knownSecrets?: readonly (string | undefined)[];
  /** Where lines go; defaults to stderr so stdout stays free for command output (JSON summaries). */
  destination?: NodeJS.WritableStream;
  /** Whether the destination is a terminal, for format 'auto'. */
  isTerminal?: boolean;
}

export function createLogger(options: LoggerOptions): Logger {
  const scrubber = new LogScrubber(options.knownSecrets);
  const destination = options.destination ?? process.stderr;
  const usePretty =
    options.format === 'pretty' || (options.format === 'auto' && (options.isTerminal ?? false));
  const stream = usePretty
    ? pretty({ destination, colorize: options.isTerminal ?? false, sync: true })
    : destination;
  const root = pino(
    {
      level: options.level,
      base: undefined,
      // The scrubber already turned errors into plain {type, message, stack}; keep that shape.
      serializers: { err: (value: unknown) => value },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => scrubber.scrub(bindings) as Record<string, unknown>,
        log: (record) => scrubber.scrub(record) as Record<string, unknown>,
      },
      hooks: {
        // Messages bypass formatters.log, so scrub every string argument here.
        logMethod(args, method) {
          const cleaned = args.map((arg) => scrubber.scrub(arg)) as Parameters<typeof method>;
          method.apply(this, cleaned);
        },
      },
    },
    stream,
  );
  return withScrubbedChildren(root, scrubber);
}

// pino applies child bindings without passing them through formatters, so scrub them on the way in.
function withScrubbedChildren(logger: pino.Logger, scrubber: LogScrubber): Logger {
  const child = logger.child.bind(logger);
  return Object.assign(logger, {
    child: (bindings: Record<string, unknown>) =>
      withScrubbedChildren(child(scrubber.scrub(bindings) as Record<string, unknown>), scrubber),
  }) as unknown as Logger;
}
