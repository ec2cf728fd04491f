// Operational alerts (a backup failed, a drill failed, backups went stale): one e-mail per episode.
// The dedupe key names the episode, so a check that keeps finding the same problem alerts once; a
// failed send stays in the alert store for the alert retries, as billing alerts do.
import { escapeHtml } from '../domain/alerting/alert-format.js';
import type { AlertSender } from '../ports/alert-sender.js';
import type { AlertStore } from '../ports/alert-store.js';

export interface OperationalAlertDeps {
  readonly alerts: AlertStore;
  /** Undefined when no e-mail transport or recipients are configured: the alert is only recorded. */
  readonly email: AlertSender | undefined;
  readonly recipients: readonly string[];
  readonly newId: () => string;
  readonly now: () => Date;
}

export interface OperationalAlert {
  /** The alert rule, e.g. `backup-failed`. */
  readonly rule: string;
  readonly dedupeKey: string;
  readonly subject: string;
  readonly message: string;
}

/** What happened to the alert: sent, already sent for this episode, failed (to be retried), not sent. */
export type OperationalAlertOutcome = 'sent' | 'duplicate' | 'failed' | 'not-configured';

export async function sendOperationalAlert(
  deps: OperationalAlertDeps,
  alert: OperationalAlert,
): Promise<OperationalAlertOutcome> {
  if (!deps.email || deps.recipients.length === 0) return 'not-configured';
  const id = deps.newId();
  const now = deps.now();
  const subject = `[Ledgerline] ${alert.subject}`;
  const text = `${alert.message}\n`;
  const html = `<p>${escapeHtml(alert.message)}</p>`;
  const fresh = await deps.alerts.recordAlert({
    id,
    dedupeKey: alert.dedupeKey,
    rule: alert.rule,
    channel: 'email',
    recipients: [...deps.recipients],
    subject,
    payload: { eventIds: [], runId: alert.rule, text, html },
    nextAttemptAt: null,
    createdAt: now.toISOString(),
  });
  if (!fresh) return 'duplicate';
  try {
    await deps.email.send({ to: [...deps.recipients], subject, text, html });
    await deps.alerts.markAlertSent(id, now.toISOString());
    return 'sent';
  } catch (error) {
    await deps.alerts.markAlertFailed(id, {
      error: (error as Error).message.slice(0, 300),
      nextAttemptAt: new Date(now.getTime() + 60_000).toISOString(),
    });
    return 'failed';
  }
}
