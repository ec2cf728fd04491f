/**
 * Alerts the people who must know about stored audit events (DESIGN.md §2): each rule's matching
 * events become one digest per channel, recorded before it is sent so every event reaches a rule's
 * channel at most once, and a failed send is retried with backoff until it gives up.
 */
import { randomUUID } from 'node:crypto';
import type { ChainedAuditEvent, JsonObject } from '../domain/audit-chain.js';
import { alertDedupeKey } from '../domain/alerting/alert-digest.js';
import { composeAlertMessage } from '../domain/alerting/alert-message.js';
import {
  DEFAULT_ALERT_RETRY_POLICY,
  nextAlertAttemptAt,
  type AlertRetryPolicy,
} from '../domain/alerting/alert-retry.js';
import { checkAlertRules, matchAlertRules, type AlertRule } from '../domain/alerting/alert-rule.js';
import type { AlertMessage, AlertSender } from '../ports/alert-sender.js';
import type { AlertRecord, AlertStore } from '../ports/alert-store.js';

/** The channels an alert goes out on. */
export type AlertChannel = 'email' | 'chat';

export interface SendAlertsDeps {
  readonly alerts: AlertStore;
  /** A channel without a sender (mail transport `none`, no webhook) is not alerted on. */
  readonly senders: { readonly email?: AlertSender; readonly chat?: AlertSender };
  readonly now: () => Date;
  /** Ids for new alerts; random UUIDs unless a test fixes them. */
  readonly newId?: () => string;
}

export interface SendAlertsOptions {
  readonly rules: readonly AlertRule[];
  /** The organisation's IANA time zone, for the times shown in messages. */
  readonly timeZone: string;
  /** The audit chain's signed head, printed in the footer of every message. */
  readonly checkpointText?: string;
  readonly runId: string;
  readonly retryPolicy?: AlertRetryPolicy;
}

/** What became of one digest. */
export interface AlertOutcome {
  readonly alertId: string;
  readonly rule: string;
  readonly channel: AlertChannel;
  readonly eventIds: readonly string[];
  /** `retrying` has a next attempt; `failed` gave up. */
  readonly status: 'sent' | 'retrying' | 'failed';
  readonly error: string | null;
}

export interface SendAlertsResult {
  /** Alerts delivered now. */
  readonly sent: number;
  /** Event × rule × channel pairs left out because an earlier alert already covered them. */
  readonly skippedDuplicates: number;
  /** Alerts whose send failed now (retried later unless their outcome says they gave up). */
  readonly failed: number;
  readonly alerts: readonly AlertOutcome[];
}

export interface RetryPendingAlertsResult {
  readonly sent: number;
  /** Failed again and scheduled for another attempt. */
  readonly retrying: number;
  /** Failed for the last time: stay failed with their error. */
  readonly gaveUp: number;
}

/** What the alerts table keeps of a digest so a retry sends exactly the message first composed. */
interface AlertPayload extends JsonObject {
  readonly eventIds: readonly string[];
  readonly runId: string;
  readonly text: string;
  readonly html: string;
}

/**
 * How long a freshly recorded alert is hidden from retryPendingAlerts: long enough for the first
 * send to finish, so a scheduler retrying at the same moment does not send it a second time.
 * Should this process die mid-send, the retry picks the alert up once the time has passed.
 */
const FIRST_SEND_LEASE_MS = 5 * 60_000;

const MAX_ERROR_LENGTH = 500;

/**
 * A failure as it may be stored and shown: one line, bounded, and with URLs removed because a
 * webhook URL carries its token in the path.
 */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<url>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_ERROR_LENGTH);
}

function channelsFor(rule: AlertRule, senders: SendAlertsDeps['senders']): AlertChannel[] {
  const channels: AlertChannel[] = [];
  if (rule.recipients.length > 0 && senders.email) channels.push('email');
  if (rule.chat === true && senders.chat) channels.push('chat');
  return channels;
}

/**
 * Sends once, then records the outcome: sent, or failed with the next attempt per the policy
 * (`attempt` is 1-based) or none when it was the last.
 */
async function attemptSend(
  deps: SendAlertsDeps,
  alertId: string,
  sender: AlertSender | undefined,
  message: AlertMessage,
  attempt: number,
  policy: AlertRetryPolicy,
): Promise<{ status: AlertOutcome['status']; error: string | null }> {
  try {
    if (!sender) throw new Error('no sender is configured for this channel');
    await sender.send(message);
  } catch (error) {
    const description = describeFailure(error);
    const nextAttemptAt = nextAlertAttemptAt(attempt, deps.now(), policy);
    await deps.alerts.markAlertFailed(alertId, { error: description, nextAttemptAt });
    return { status: nextAttemptAt === null ? 'failed' : 'retrying', error: description };
  }
  await deps.alerts.markAlertSent(alertId, deps.now().toISOString());
  return { status: 'sent', error: null };
}

/**
 * Alerts the rules' recipients about `events` (stored audit events): per rule and channel, the
 * matching events not alerted before become one digest, recorded (insert-or-ignore on its dedupe
 * key) and then sent. Throws AppError CONFIG_INVALID for bad rules or time zone before sending.
 */
export async function sendAlerts(
  deps: SendAlertsDeps,
  events: readonly ChainedAuditEvent[],
  options: SendAlertsOptions,
): Promise<SendAlertsResult> {
  checkAlertRules(options.rules);
  const policy = options.retryPolicy ?? DEFAULT_ALERT_RETRY_POLICY;
  const newId = deps.newId ?? randomUUID;
  let skippedDuplicates = 0;
  const outcomes: AlertOutcome[] = [];

  for (const match of matchAlertRules(events, options.rules)) {
    for (const channel of channelsFor(match.rule, deps.senders)) {
      const already = new Set(
        await deps.alerts.alertedEventIds({
          rule: match.rule.name,
          channel,
          eventIds: match.events.map((event) => event.eventId),
        }),
      );
      const fresh = match.events.filter((event) => !already.has(event.eventId));
      skippedDuplicates += match.events.length - fresh.length;
      if (fresh.length === 0) continue;

      const composed = composeAlertMessage(match.rule.name, fresh, options);
      const message: AlertMessage = {
        to: channel === 'email' ? match.rule.recipients : [],
        subject: composed.subject,
        text: composed.text,
        html: composed.html,
      };
      const alertId = newId();
      const now = deps.now();
      const payload: AlertPayload = {
        eventIds: composed.eventIds,
        runId: options.runId,
        text: composed.text,
        html: composed.html,
      };
      const recorded = await deps.alerts.recordAlert({
        id: alertId,
        dedupeKey: alertDedupeKey(match.rule.name, channel, composed.eventIds),
        rule: match.rule.name,
        channel,
        recipients: message.to,
        subject: message.subject,
        payload,
        nextAttemptAt: new Date(now.getTime() + FIRST_SEND_LEASE_MS).toISOString(),
        createdAt: now.toISOString(),
      });
      // A concurrent run recorded the same digest between our check and insert: it sends it.
      if (!recorded) {
        skippedDuplicates += fresh.length;
        continue;
      }
      const result = await attemptSend(deps, alertId, deps.senders[channel], message, 1, policy);
      outcomes.push({ alertId, rule: match.rule.name, channel, eventIds: composed.eventIds, ...result });
    }
  }

  return {
    sent: outcomes.filter((outcome) => outcome.status === 'sent').length,
    skippedDuplicates,
    failed: outcomes.filter((outcome) => outcome.status !== 'sent').length,
    alerts: outcomes,
  };
}

function payloadOf(alert: AlertRecord): AlertPayload | null {
  const { eventIds, runId, text, html } = alert.payload;
  const valid =
    Array.isArray(eventIds) &&
    eventIds.every((id) => typeof id === 'string') &&
    typeof runId === 'string' &&
    typeof text === 'string' &&
    typeof html === 'string';
  return valid ? { eventIds: eventIds as string[], runId, text, html } : null;
}

function isAlertChannel(channel: string): channel is AlertChannel {
  return channel === 'email' || channel === 'chat';
}

/**
 * Sends the alerts that are due (new ones a crashed run left behind, failed ones whose retry time
 * came), each exactly as first composed, with the same backoff. For the scheduler.
 */
export async function retryPendingAlerts(
  deps: SendAlertsDeps,
  options: { readonly limit?: number; readonly retryPolicy?: AlertRetryPolicy } = {},
): Promise<RetryPendingAlertsResult> {
  const policy = options.retryPolicy ?? DEFAULT_ALERT_RETRY_POLICY;
  const due = await deps.alerts.listPendingAlerts({
    now: deps.now().toISOString(),
    limit: options.limit ?? 100,
  });
  const counts = { sent: 0, retrying: 0, gaveUp: 0 };
  for (const alert of due) {
    const payload = payloadOf(alert);
    if (payload === null || !isAlertChannel(alert.channel)) {
      // Not something this version wrote: retrying cannot fix it, so it gives up with a reason.
      await deps.alerts.markAlertFailed(alert.id, {
        error: 'stored alert is unreadable (unknown channel or payload)',
        nextAttemptAt: null,
      });
      counts.gaveUp += 1;
      continue;
    }
    const message: AlertMessage = {
      to: alert.recipients,
      subject: alert.subject,
      text: payload.text,
      html: payload.html,
    };
    const sender = deps.senders[alert.channel];
    const result = await attemptSend(deps, alert.id, sender, message, alert.attempts + 1, policy);
    if (result.status === 'sent') counts.sent += 1;
    else if (result.status === 'retrying') counts.retrying += 1;
    else counts.gaveUp += 1;
  }
  return counts;
}
