// Alerting as configured: one rule (severity floor, recipients, chat) and the senders the mail
// transport names. Nothing configured means no alerts, never an error.
import path from 'node:path';
import { createChatWebhookSender } from '../adapters/chat/chat-webhook-sender.js';
import { createOutboxSender } from '../adapters/mail/outbox-sender.js';
import { createSmtpSender } from '../adapters/mail/smtp-sender.js';
import type { Config } from '../config/index.js';
import type { AlertRule } from '../domain/alerting/alert-rule.js';
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import type { AlertSender } from '../ports/alert-sender.js';
import type { AlertStore } from '../ports/alert-store.js';
import { retryPendingAlerts, sendAlerts } from '../services/send-alerts.js';
import type { SendAlertsResult } from '../services/send-alerts.js';

export interface Alerting {
  /** The e-mail sender and recipients, for operational alerts (webhook health). */
  readonly email: AlertSender | undefined;
  readonly recipients: readonly string[];
  send(
    events: readonly ChainedAuditEvent[],
    runId: string,
    checkpointText?: string,
  ): Promise<SendAlertsResult | undefined>;
  retry(): Promise<void>;
  close(): void;
}

export function alertingFor(config: Config, alerts: AlertStore): Alerting {
  const { mail } = config;
  let email: (AlertSender & { close?: () => void }) | undefined;
  if (mail.transport === 'outbox')
    email = createOutboxSender({ folder: path.resolve(config.dataDir, 'outbox'), from: mail.from });
  if (mail.transport === 'smtp' && mail.smtp.host)
    email = createSmtpSender({ ...mail.smtp, host: mail.smtp.host, from: mail.from });
  const chat = mail.chatWebhookUrl ? createChatWebhookSender({ url: mail.chatWebhookUrl }) : undefined;
  const rules: AlertRule[] =
    mail.alertRecipients.length > 0 || chat
      ? [
          {
            name: 'billing-changes',
            minSeverity: mail.alertMinSeverity.toUpperCase() as AlertRule['minSeverity'],
            recipients: mail.alertRecipients,
            chat: chat !== undefined,
          },
        ]
      : [];
  const senders = {
    ...(email && mail.alertRecipients.length > 0 ? { email } : {}),
    ...(chat ? { chat } : {}),
  };
  const deps = { alerts, senders, now: () => new Date() };
  return {
    email: mail.alertRecipients.length > 0 ? email : undefined,
    recipients: mail.alertRecipients,
    async send(events, runId, checkpointText) {
      if (rules.length === 0 || events.length === 0) return undefined;
      return sendAlerts(deps, events, {
        rules,
        timeZone: config.billing.timeZone,
        runId,
        ...(checkpointText ? { checkpointText } : {}),
      });
    },
    async retry() {
      if (rules.length > 0) await retryPendingAlerts(deps, {});
    },
    close: () => email?.close?.(),
  };
}
