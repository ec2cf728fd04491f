/**
 * Prometheus metrics of the webhook receiver: callbacks by outcome, time to acknowledge, and the
 * inbox depth, read from the store at scrape time so it is never stale.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { InboxStatus, InboxStore } from '../ports/webhook-store.js';

/** Every outcome a webhook request can have, as reported in the `outcome` label. */
export const CALLBACK_OUTCOMES = [
  'accepted',
  'duplicate',
  'bad_signature',
  'malformed',
  'stale',
  'unknown_webhook',
  'challenge',
] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** The metric handles the webhook route updates. */
export interface WebhookMetrics {
  readonly callbacks: Counter<'outcome'>;
  readonly ackSeconds: Histogram;
}

const NAMES = {
  callbacks: 'ledgerline_webhook_callbacks_total',
  ackSeconds: 'ledgerline_webhook_ack_seconds',
  inboxDepth: 'ledgerline_webhook_inbox_depth',
} as const;

/**
 * Registers the webhook metrics in `registry`. A metric of the same name left by an earlier server
 * on the same registry is replaced, so the newest server's inbox answers the scrape.
 */
export function registerWebhookMetrics(registry: Registry, inbox: InboxStore): WebhookMetrics {
  for (const name of Object.values(NAMES)) registry.removeSingleMetric(name);
  const callbacks = new Counter({
    name: NAMES.callbacks,
    help: 'Smartsheet webhook requests received, by outcome.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  // Zero-valued series from the start, so rate() and alerts see every outcome.
  for (const outcome of CALLBACK_OUTCOMES) callbacks.inc({ outcome }, 0);
  const ackSeconds = new Histogram({
    name: NAMES.ackSeconds,
    help: 'Time from receiving a webhook request to answering it, in seconds.',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: NAMES.inboxDepth,
    help: 'Webhook inbox items by status, read at scrape time.',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const depth = await inbox.depth();
      for (const [status, count] of Object.entries(depth) as [InboxStatus, number][])
        this.set({ status }, count);
    },
  });
  return { callbacks, ackSeconds };
}
