// Webhook delivery controls: flush pending callbacks now, and change delivery settings at runtime.
import type { ControlHandler } from './control-request.js';
import { ControlError } from './control-request.js';

export const flushWebhooks: ControlHandler = async (_req, rt) => ({
  body: { delivered: await rt.webhooks.flush() },
});

export const configureWebhooks: ControlHandler = async (req, rt) => {
  const body = await req.body();
  const next = { ...rt.webhookSettings };
  const { debounceMs, retrySchedule, strictCallbackUrl, dropRate, stripLeadingZeros } = body;
  if (debounceMs !== undefined) {
    if (typeof debounceMs !== 'number' || debounceMs < 0)
      throw new ControlError('debounceMs must be a number >= 0');
    next.debounceMs = debounceMs;
  }
  if (retrySchedule !== undefined) {
    if (retrySchedule !== 'compressed' && retrySchedule !== 'real')
      throw new ControlError("retrySchedule must be 'compressed' or 'real'");
    next.retrySchedule = retrySchedule;
  }
  if (dropRate !== undefined) {
    if (typeof dropRate !== 'number' || dropRate < 0 || dropRate > 1)
      throw new ControlError('dropRate must be in 0..1');
    next.dropRate = dropRate;
  }
  for (const [name, value] of [
    ['strictCallbackUrl', strictCallbackUrl],
    ['stripLeadingZeros', stripLeadingZeros],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new ControlError(`${name} must be a boolean`);
    next[name] = value;
  }
  rt.webhookSettings = next;
  return { body: { ok: true, webhooks: next } };
};
