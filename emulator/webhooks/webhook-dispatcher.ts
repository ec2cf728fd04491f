// Delivery of webhook callbacks (smartsheet-api.md §6.4–§6.8). Per webhook a channel aggregates
// events over the debounce window and sends them as one signed callback; deliveries of one webhook
// run strictly one after another (never two in flight), failed callbacks are retried on the retry
// schedule and then disable the webhook, and every 100 callbacks the subscriber is challenged again.
import { randomUUID } from 'node:crypto';
import type { EmulatorClock } from '../clock/emulator-clock.js';
import type { ResolvedWebhookSettings } from '../emulator-options.js';
import { callbackTimestamp } from '../format/timestamps.js';
import type { SeededRandom } from '../random/seeded-random.js';
import type { WebhookRecord, WebhookStatus } from '../state/state-types.js';
import { signCallback } from './callback-signature.js';
import { postToSubscriber } from './callback-http.js';
import { classifyCallbackStatus, retryDelays } from './retry-schedule.js';
import {
  type CallbackEvent,
  type EventOrigin,
  filterForSubscope,
  type SheetEvent,
  toCallbackEvent,
} from './sheet-events.js';
import { challengeSubscriber } from './verification-challenge.js';

/** Callbacks between two verification challenges (smartsheet-api.md §6.2). */
export const CALLBACKS_PER_VERIFICATION = 100;
const CALLBACK_TIMEOUT_MS = 10_000;

export interface DispatcherDeps {
  /** The webhooks of the current data set (the data set is replaced on reset/load). */
  webhooks: () => ReadonlyMap<number, WebhookRecord>;
  clock: EmulatorClock;
  settings: () => ResolvedWebhookSettings;
  random: SeededRandom;
  /** Receives errors of deliveries that run from timers, where no request could report them. */
  onError: (error: unknown) => void;
}

interface PendingRetry {
  body: Buffer;
  attempt: number;
  timer?: NodeJS.Timeout;
}

class Channel {
  pending: CallbackEvent[] = [];
  debounce?: NodeJS.Timeout;
  retry?: PendingRetry;
  /** Tail of this webhook's delivery queue: every delivery step chains onto it. */
  tail: Promise<unknown> = Promise.resolve();
  readonly abort = new AbortController();

  stopTimers(): void {
    clearTimeout(this.debounce);
    this.debounce = undefined;
    clearTimeout(this.retry?.timer);
  }
}

export class WebhookDispatcher {
  private channels = new Map<number, Channel>();

  constructor(private readonly deps: DispatcherDeps) {}

  /**
   * Queues the events of one sheet change for every enabled webhook on that sheet. Identical
   * webhooks (same owner, callback URL and subscope) are de-duplicated as Smartsheet does since
   * 2023: only the oldest one hears about the change.
   */
  publish(sheetId: number, events: readonly SheetEvent[], origin: EventOrigin): void {
    const listening = [...this.deps.webhooks().values()]
      .filter((webhook) => webhook.scopeObjectId === sheetId && webhook.enabled)
      .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
    const served = new Set<string>();
    for (const webhook of listening) {
      const identity = JSON.stringify([
        webhook.ownerEmail.toLowerCase(),
        webhook.callbackUrl,
        webhook.subscope?.columnIds ?? [],
      ]);
      if (served.has(identity)) continue;
      served.add(identity);
      const relevant = filterForSubscope(events, webhook.subscope?.columnIds);
      if (relevant.length === 0) continue;
      const channel = this.channel(webhook.id);
      channel.pending.push(...relevant.map((event) => toCallbackEvent(event, origin)));
      this.scheduleDebounce(webhook.id, channel);
    }
  }

  /** Sends everything pending now (including callbacks waiting for a retry); resolves with the number delivered. */
  async flush(): Promise<number> {
    const results = await Promise.all(
      [...this.channels.entries()].map(([webhookId, channel]) =>
        this.enqueue(channel, async () => {
          channel.stopTimers();
          let delivered = 0;
          if (channel.retry) {
            const retry = channel.retry;
            if (!(await this.attempt(webhookId, channel, retry.body, retry.attempt))) return delivered;
            delivered += 1;
          }
          clearTimeout(channel.debounce);
          channel.debounce = undefined;
          if (channel.pending.length > 0 && (await this.sendPending(webhookId, channel))) delivered += 1;
          return delivered;
        }),
      ),
    );
    return results.reduce((sum, delivered) => sum + delivered, 0);
  }

  /** Posts a status-change callback (`newWebhookStatus`) after Smartsheet-side status changes. */
  notifyStatusChange(webhook: WebhookRecord, newStatus: WebhookStatus): Promise<void> {
    const channel = this.channel(webhook.id);
    const sent = this.enqueue(channel, async () => {
      const body = Buffer.from(
        JSON.stringify({
          nonce: randomUUID(),
          timestamp: callbackTimestamp(this.deps.clock.now()),
          webhookId: webhook.id,
          scope: webhook.scope,
          scopeObjectId: webhook.scopeObjectId,
          newWebhookStatus: newStatus,
        }),
      );
      await this.post(webhook, body, channel.abort.signal);
    });
    return sent.catch(this.deps.onError);
  }

  /** The synchronous handshake of enabling a webhook; serialised with its deliveries. */
  verify(webhook: WebhookRecord): Promise<boolean> {
    const channel = this.channel(webhook.id);
    return this.enqueue(channel, () =>
      challengeSubscriber(webhook.callbackUrl, webhook.id, CALLBACK_TIMEOUT_MS, channel.abort.signal),
    );
  }

  /** Drops a webhook's pending events and timers (deleted or disabled webhook). */
  forget(webhookId: number): void {
    const channel = this.channels.get(webhookId);
    if (!channel) return;
    channel.stopTimers();
    channel.pending = [];
    channel.retry = undefined;
  }

  /** Stops everything, including callbacks in flight (reset, load, shutdown). */
  stopAll(): void {
    for (const channel of this.channels.values()) {
      channel.stopTimers();
      channel.abort.abort();
    }
    this.channels = new Map();
  }

  private channel(webhookId: number): Channel {
    let channel = this.channels.get(webhookId);
    if (!channel) {
      channel = new Channel();
      this.channels.set(webhookId, channel);
    }
    return channel;
  }

  private enqueue<T>(channel: Channel, step: () => Promise<T>): Promise<T> {
    const run = channel.tail.then(step, step);
    channel.tail = run.catch(() => undefined);
    return run;
  }

  private scheduleDebounce(webhookId: number, channel: Channel): void {
    if (channel.debounce || channel.retry) return;
    channel.debounce = setTimeout(() => {
      channel.debounce = undefined;
      this.enqueue(channel, () => this.sendPending(webhookId, channel)).catch(this.deps.onError);
    }, this.deps.settings().debounceMs);
  }

  private webhook(webhookId: number): WebhookRecord | undefined {
    const webhook = this.deps.webhooks().get(webhookId);
    return webhook?.enabled ? webhook : undefined;
  }

  /** Builds one callback from everything pending and makes its first delivery attempt. */
  private async sendPending(webhookId: number, channel: Channel): Promise<boolean> {
    if (channel.retry || channel.pending.length === 0) return false;
    const webhook = this.webhook(webhookId);
    if (!webhook) {
      channel.pending = [];
      return false;
    }
    if (webhook.callbacksSinceVerification >= CALLBACKS_PER_VERIFICATION) {
      const verified = await challengeSubscriber(
        webhook.callbackUrl,
        webhook.id,
        CALLBACK_TIMEOUT_MS,
        channel.abort.signal,
      );
      if (!verified) {
        this.disable(
          webhook,
          'DISABLED_VERIFICATION_FAILED',
          'The subscriber failed the periodic verification challenge.',
        );
        return false;
      }
      webhook.callbacksSinceVerification = 0;
    }
    const events = channel.pending.splice(0);
    const settings = this.deps.settings();
    if (settings.dropRate > 0 && this.deps.random.nextFloat() < settings.dropRate) return false;
    const body = Buffer.from(
      JSON.stringify({
        nonce: randomUUID(),
        timestamp: callbackTimestamp(this.deps.clock.now()),
        webhookId: webhook.id,
        scope: webhook.scope,
        scopeObjectId: webhook.scopeObjectId,
        events,
      }),
    );
    return this.attempt(webhookId, channel, body, 0);
  }

  /** One delivery attempt; on failure schedules the next retry or disables the webhook. */
  private async attempt(
    webhookId: number,
    channel: Channel,
    body: Buffer,
    retryCount: number,
  ): Promise<boolean> {
    clearTimeout(channel.retry?.timer);
    channel.retry = undefined;
    const webhook = this.webhook(webhookId);
    if (!webhook) return false;
    const now = this.deps.clock.now();
    webhook.stats = { ...webhook.stats, lastCallbackAttempt: now, lastCallbackAttemptRetryCount: retryCount };
    const status = await this.post(webhook, body, channel.abort.signal);
    if (channel.abort.signal.aborted || this.deps.webhooks().get(webhookId) !== webhook) return false;

    const outcome = classifyCallbackStatus(status);
    if (outcome === 'delivered') {
      webhook.stats = { ...webhook.stats, lastSuccessfulCallback: this.deps.clock.now() };
      webhook.callbacksSinceVerification += 1;
      if (channel.pending.length > 0) this.scheduleDebounce(webhookId, channel);
      return true;
    }
    const delay = retryDelays(this.deps.settings().retrySchedule)[retryCount];
    if (outcome === 'fatal' || delay === undefined) {
      const reason =
        outcome === 'fatal'
          ? `The callback URL answered HTTP ${status ?? 'nothing'}, which is not retried.`
          : 'Callback delivery failed after all retries.';
      this.disable(webhook, 'DISABLED_CALLBACK_FAILED', reason);
      return false;
    }
    const retry: PendingRetry = { body, attempt: retryCount + 1 };
    retry.timer = setTimeout(() => {
      this.enqueue(channel, () =>
        channel.retry === retry
          ? this.attempt(webhookId, channel, body, retry.attempt)
          : Promise.resolve(false),
      ).catch(this.deps.onError);
    }, delay);
    channel.retry = retry;
    return false;
  }

  private async post(webhook: WebhookRecord, body: Buffer, signal: AbortSignal): Promise<number | undefined> {
    const settings = this.deps.settings();
    const response = await postToSubscriber(
      webhook.callbackUrl,
      body,
      {
        'Content-Type': 'application/json',
        'Smartsheet-Hmac-SHA256': signCallback(webhook.sharedSecret, body, settings.stripLeadingZeros),
      },
      CALLBACK_TIMEOUT_MS,
      signal,
    );
    return response.status;
  }

  private disable(webhook: WebhookRecord, status: WebhookStatus, details: string): void {
    webhook.enabled = false;
    webhook.status = status;
    webhook.disabledDetails = details;
    webhook.modifiedAt = this.deps.clock.now();
    this.forget(webhook.id);
  }
}
