// Every secret the configuration holds, verbatim: what the log scrubber and the job-error scrubber
// replace wherever it appears. One list, so a new secret key is scrubbed everywhere at once.
import type { Config } from '../config/index.js';

export function configuredSecrets(config: Config): (string | undefined)[] {
  const location = config.database.location;
  const dbPassword = location.kind === 'postgres' ? new URL(location.url).password : '';
  return [
    config.smartsheet.token,
    config.mail.smtp.password,
    config.http.sessionSecret,
    config.audit.signingKey,
    config.backup.encryptionKey,
    config.mail.chatWebhookUrl,
    dbPassword ? decodeURIComponent(dbPassword) : undefined,
  ];
}
