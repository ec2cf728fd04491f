/** A Smartsheet webhook Ledgerline registered. */
export interface WebhookRecord {
  /** Smartsheet webhook id. */
  readonly id: number;
  readonly sheetId: number;
  readonly callbackUrl: string;
  /** Key for verifying callback HMACs (needed in clear to verify; keep the database private). */
  readonly sharedSecret: string;
  /** Smartsheet's webhook status, e.g. `ENABLED`, `DISABLED_VERIFICATION_FAILED`. */
  readonly status: string;
  readonly lastCallbackAt: string | null;
}

/** Registered webhooks. */
export interface WebhookStore {
  /** Inserts the webhook or replaces every field of the stored one. */
  upsertWebhook(webhook: WebhookRecord): Promise<void>;
  getWebhook(id: number): Promise<WebhookRecord | undefined>;
  /** Ordered by id, optionally for one sheet. */
  listWebhooks(filter?: { readonly sheetId?: number }): Promise<WebhookRecord[]>;
  /** Notes that a verified callback arrived; false when the webhook is unknown. */
  recordWebhookCallback(id: number, at: string): Promise<boolean>;
}

export type InboxStatus = 'pending' | 'processing' | 'done' | 'failed';

/** A verified callback kept durably until it has been processed (DESIGN.md §2). */
export interface InboxItem {
  /** `<webhookId>:<nonce>`: the same delivery twice maps to one item. */
  readonly key: string;
  readonly webhookId: number;
  readonly receivedAt: string;
  /** The callback body exactly as received. */
  readonly body: string;
  readonly status: InboxStatus;
  readonly attempts: number;
  /**
   * When the item may be claimed: its arrival for a new item, the retry time after a failure, the
   * end of the lease while processing; null once done or given up on.
   */
  readonly nextAttemptAt: string | null;
  readonly processedAt: string | null;
  readonly error: string | null;
}

/** The durable webhook inbox: at-least-once processing with leases and retries. */
export interface InboxStore {
  /** Stores a callback; false when the same delivery (webhook id + nonce) is already stored. */
  enqueueCallback(callback: {
    readonly webhookId: number;
    readonly nonce: string;
    readonly receivedAt: string;
    readonly body: string;
  }): Promise<boolean>;
  /**
   * Claims up to `limit` due items (oldest first), marking them processing with attempts + 1 and a
   * lease until `leaseUntil`. An item whose lease ran out (a crashed worker) becomes due again.
   * Concurrent claimers never receive the same item.
   */
  claimNextBatch(options: {
    readonly now: string;
    readonly leaseUntil: string;
    readonly limit: number;
  }): Promise<InboxItem[]>;
  markDone(key: string, processedAt: string): Promise<void>;
  /** Records a failure; retried at `nextAttemptAt`, or never again when it is null. */
  markFailed(
    key: string,
    failure: { readonly error: string; readonly nextAttemptAt: string | null },
  ): Promise<void>;
  /** Items per status (every status present, zero when none). */
  depth(): Promise<Record<InboxStatus, number>>;
  /**
   * Items claimNextBatch would hand out at `now`: new ones, failed ones whose retry is due, and
   * claimed ones whose lease ran out (their claimer died).
   */
  countDue(now: string): Promise<number>;
}
