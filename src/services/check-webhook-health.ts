// Webhooks fail quietly: Smartsheet disables one after failed deliveries or a lost share and never
// replays what happened meanwhile. This check alerts once per episode when a registered webhook is
// no longer ENABLED, has disappeared, or has been silent too long during working hours.
import { escapeHtml } from '../domain/alerting/alert-format.js';
import { wallClockSlotOf } from '../domain/audit-report/wall-clock-slot.js';
import type { AlertSender } from '../ports/alert-sender.js';
import type { AlertStore } from '../ports/alert-store.js';
import type { WebhookAdmin } from '../ports/webhook-admin.js';
import type { WebhookStore } from '../ports/webhook-store.js';

export type WebhookProblemKind = 'not-enabled' | 'missing' | 'silent';

export interface WebhookProblem {
  kind: WebhookProblemKind;
  webhookId: number;
  sheetId: number;
  message: string;
  /** Same episode, same key: an episode is alerted once. */
  dedupeKey: string;
}

export interface WebhookHealthOptions {
  now: Date;
  timeZone: string;
  /** Silence longer than this during working hours is a problem. */
  silenceMinutes: number;
  /** Local hours [start, end) on Monday–Friday. */
  workingHours: { startHour: number; endHour: number };
  recipients: readonly string[];
}

function inWorkingHours(now: Date, options: WebhookHealthOptions): boolean {
  const slot = wallClockSlotOf(now, options.timeZone);
  return (
    slot.weekdayIndex < 5 &&
    slot.hour >= options.workingHours.startHour &&
    slot.hour < options.workingHours.endHour
  );
}

export async function findWebhookProblems(
  deps: { admin: WebhookAdmin; webhooks: WebhookStore },
  options: WebhookHealthOptions,
): Promise<WebhookProblem[]> {
  const current = new Map((await deps.admin.list()).map((w) => [w.id, w]));
  const problems: WebhookProblem[] = [];
  for (const stored of await deps.webhooks.listWebhooks()) {
    const live = current.get(stored.id);
    if (!live) {
      problems.push({
        kind: 'missing',
        webhookId: stored.id,
        sheetId: stored.sheetId,
        message: `Webhook ${stored.id} for sheet ${stored.sheetId} no longer exists in Smartsheet; run \`ledgerline webhooks ensure\`.`,
        dedupeKey: `webhook-missing:${stored.id}`,
      });
      continue;
    }
    if (live.status !== 'ENABLED') {
      problems.push({
        kind: 'not-enabled',
        webhookId: stored.id,
        sheetId: stored.sheetId,
        message: `Webhook ${stored.id} for sheet ${stored.sheetId} is ${live.status}${live.disabledDetails ? ` (${live.disabledDetails})` : ''}; changes are only caught by the scheduled sweep until \`ledgerline webhooks ensure\` re-enables it.`,
        dedupeKey: `webhook-status:${stored.id}:${live.status}:${live.disabledDetails ?? ''}`,
      });
      continue;
    }
    // A webhook that never delivered anything gives no baseline for silence.
    if (!stored.lastCallbackAt || !inWorkingHours(options.now, options)) continue;
    const silentForMs = options.now.getTime() - Date.parse(stored.lastCallbackAt);
    if (silentForMs > options.silenceMinutes * 60_000) {
      problems.push({
        kind: 'silent',
        webhookId: stored.id,
        sheetId: stored.sheetId,
        message: `No callback from webhook ${stored.id} (sheet ${stored.sheetId}) for ${Math.round(silentForMs / 60_000)} minutes during working hours; last at ${stored.lastCallbackAt}.`,
        dedupeKey: `webhook-silent:${stored.id}:${stored.lastCallbackAt}`,
      });
    }
  }
  return problems;
}

/** Find problems and e-mail each new one once (failed sends are retried by the alert retries). */
export async function checkWebhookHealth(
  deps: {
    admin: WebhookAdmin;
    webhooks: WebhookStore;
    alerts: AlertStore;
    email?: AlertSender;
    newId: () => string;
  },
  options: WebhookHealthOptions,
): Promise<{ problems: WebhookProblem[]; alerted: number }> {
  const problems = await findWebhookProblems(deps, options);
  let alerted = 0;
  if (!deps.email || options.recipients.length === 0) return { problems, alerted };
  for (const problem of problems) {
    const id = deps.newId();
    const subject = `[Ledgerline] Webhook problem: ${problem.kind} (sheet ${problem.sheetId})`;
    const text = `${problem.message}\n`;
    const html = `<p>${escapeHtml(problem.message)}</p>`;
    const fresh = await deps.alerts.recordAlert({
      id,
      dedupeKey: problem.dedupeKey,
      rule: 'webhook-health',
      channel: 'email',
      recipients: [...options.recipients],
      subject,
      payload: { eventIds: [], runId: 'webhook-health', text, html },
      nextAttemptAt: null,
      createdAt: options.now.toISOString(),
    });
    if (!fresh) continue;
    try {
      await deps.email.send({ to: [...options.recipients], subject, text, html });
      await deps.alerts.markAlertSent(id, options.now.toISOString());
      alerted += 1;
    } catch (error) {
      await deps.alerts.markAlertFailed(id, {
        error: (error as Error).message.slice(0, 300),
        nextAttemptAt: new Date(options.now.getTime() + 60_000).toISOString(),
      });
    }
  }
  return { problems, alerted };
}
