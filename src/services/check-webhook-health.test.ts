import { describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import type { SheetWebhook, WebhookAdmin } from '../ports/webhook-admin.js';
import { findWebhookProblems } from './check-webhook-health.js';

// Smartsheet's side, as `webhooks list` would report it: one enabled webhook.
const enabled: SheetWebhook = {
  id: 11,
  name: 'ledgerline',
  sheetId: 7,
  callbackUrl: 'https://x/webhooks/smartsheet',
  enabled: true,
  status: 'ENABLED',
  sharedSecret: undefined,
  disabledDetails: undefined,
};
const admin = (list: SheetWebhook[]): WebhookAdmin => ({
  list: async () => list,
  create: async () => enabled,
  enable: async () => enabled,
  resetSecret: async () => 's',
  remove: async () => undefined,
});
const options = (now: string) => ({
  now: new Date(now),
  timeZone: 'America/Chicago',
  silenceMinutes: 120,
  workingHours: { startHour: 7, endHour: 18 },
  recipients: [],
});

describe('findWebhookProblems', () => {
  const store = useTestStore(backends[0]!);
  const register = (lastCallbackAt: string | null) =>
    store().webhooks.upsertWebhook({
      id: 11,
      sheetId: 7,
      callbackUrl: enabled.callbackUrl as string,
      sharedSecret: 'secret',
      status: 'ENABLED',
      lastCallbackAt,
    });

  it('flags silence longer than the limit during working hours only', async () => {
    await register('2026-11-23T13:00:00.000Z'); // Monday 07:00 in Chicago
    const deps = { admin: admin([enabled]), webhooks: store().webhooks };
    const monday = await findWebhookProblems(deps, options('2026-11-23T17:00:00.000Z')); // 11:00, 4 h silent
    expect(monday.map((p) => p.kind)).toEqual(['silent']);
    expect(await findWebhookProblems(deps, options('2026-11-23T14:00:00.000Z'))).toEqual([]); // 1 h
    expect(await findWebhookProblems(deps, options('2026-11-28T17:00:00.000Z'))).toEqual([]); // Saturday
    expect(await findWebhookProblems(deps, options('2026-11-24T03:00:00.000Z'))).toEqual([]); // 21:00
  });

  it('flags a webhook Smartsheet disabled or deleted, keyed per episode', async () => {
    await register(null);
    const disabled = await findWebhookProblems(
      {
        admin: admin([{ ...enabled, enabled: false, status: 'DISABLED_CALLBACK_FAILED' }]),
        webhooks: store().webhooks,
      },
      options('2026-11-23T17:00:00.000Z'),
    );
    expect(disabled).toMatchObject([
      { kind: 'not-enabled', dedupeKey: 'webhook-status:11:DISABLED_CALLBACK_FAILED:' },
    ]);
    const missing = await findWebhookProblems(
      { admin: admin([]), webhooks: store().webhooks },
      options('2026-11-23T17:00:00.000Z'),
    );
    expect(missing.map((p) => p.kind)).toEqual(['missing']);
  });
});
