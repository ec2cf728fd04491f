import { createLogger } from '../adapters/log/pino-logger.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../ports/logger.js';
import { configuredSecrets } from './configured-secrets.js';

/** The process logger, told every configured secret so none can reach a log line. */
export function loggerForConfig(config: Config, options: { isTerminal?: boolean } = {}): Logger {
  return createLogger({
    level: config.log.level,
    format: config.log.format,
    isTerminal: options.isTerminal ?? process.stderr.isTTY === true,
    knownSecrets: configuredSecrets(config),
  });
}
