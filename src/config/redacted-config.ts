// A view of the effective configuration that is safe to print or show in the dashboard:
// secrets become "set"/"unset" and database credentials are masked.
import type { Config } from './config.js';
import { describeDatabase } from './env-value-parsers.js';

export function redactedConfig(config: Config): Record<string, unknown> {
  const secret = (value: string | undefined) => (value ? '(set)' : '(unset)');
  return {
    ...config,
    database: { location: describeDatabase(config.database.location) },
    smartsheet: { ...config.smartsheet, token: secret(config.smartsheet.token) },
    mail: {
      ...config.mail,
      smtp: { ...config.mail.smtp, password: secret(config.mail.smtp.password) },
      chatWebhookUrl: secret(config.mail.chatWebhookUrl),
    },
    audit: { ...config.audit, signingKey: secret(config.audit.signingKey) },
    backup: { ...config.backup, encryptionKey: secret(config.backup.encryptionKey) },
    http: { ...config.http, sessionSecret: secret(config.http.sessionSecret) },
  };
}
