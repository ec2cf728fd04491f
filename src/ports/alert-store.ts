import type { JsonObject } from '../domain/audit-chain.js';

export type AlertStatus = 'pending' | 'sent' | 'failed';

/** A notification to send once: the dedupe key makes a repeated detection one alert. */
export interface AlertRecord {
  readonly id: string;
  /** What makes two alerts the same alert, e.g. rule + event id. */
  readonly dedupeKey: string;
  readonly rule: string;
  /** e.g. `email`. */
  readonly channel: string;
  readonly recipients: readonly string[];
  readonly subject: string;
  /** What the message is rendered from (event ids, figures). */
  readonly payload: JsonObject;
  readonly status: AlertStatus;
  readonly attempts: number;
  /** When the alert is due: null for a pending alert means at once, for a failed one never again. */
  readonly nextAttemptAt: string | null;
  readonly sentAt: string | null;
  readonly error: string | null;
  readonly createdAt: string;
}

/** Alerts waiting for or done with delivery. */
export interface AlertStore {
  /** Stores a new pending alert; false when one with the same dedupe key exists. */
  recordAlert(alert: Omit<AlertRecord, 'status' | 'attempts' | 'sentAt' | 'error'>): Promise<boolean>;
  markAlertSent(id: string, sentAt: string): Promise<void>;
  /** Counts the attempt; retried at `nextAttemptAt`, or never again when it is null. */
  markAlertFailed(
    id: string,
    failure: { readonly error: string; readonly nextAttemptAt: string | null },
  ): Promise<void>;
  /**
   * Of `eventIds`, those an alert of this rule and channel already covers (its payload's
   * `eventIds`), whatever that alert's status: an event is alerted at most once per rule and
   * channel, even when its earlier alert gave up.
   */
  alertedEventIds(query: {
    readonly rule: string;
    readonly channel: string;
    readonly eventIds: readonly string[];
  }): Promise<string[]>;
  /** Alerts due at `now` (pending or failed with a retry time reached), oldest first. */
  listPendingAlerts(options: { readonly now: string; readonly limit: number }): Promise<AlertRecord[]>;
}
