import { createLogger } from '../adapters/log/pino-logger.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../ports/logger.js';

/** The process logger, told every configured secret so none can reach a log line. */
export function loggerForConfig(config: Config, options: { isTerminal?: boolean } = {}): Logger {
  const dbUrl =
    config.database.location.kind === 'postgres' ? new URL(config.database.location.url) : undefined;
  return createLogger({
    level: config.log.level,
    format: config.log.format,
    isTerminal: options.isTerminal ?? process.stderr.isTTY === true,
    knownSecrets: [
      config.smartsheet.token,
      config.mail.smtp.password,
      config.http.sessionSecret,
      config.audit.signingKey,
      config.backup.encryptionKey,
      config.mail.chatWebhookUrl,
      dbUrl?.password ? decodeURIComponent(dbUrl.password) : undefined,
    ],
  });
}
