import { describe, expect, it } from 'vitest';
import type { WebhookRecord } from '../../../ports/store.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

function webhook(overrides: Partial<WebhookRecord> = {}): WebhookRecord {
  return {
    id: 5_000_000_000_001,
    sheetId: 4_583_173_393_803_140,
    callbackUrl: 'https://ledgerline.example.com/webhooks/smartsheet',
    sharedSecret: 'shared-secret',
    status: 'ENABLED',
    lastCallbackAt: null,
    ...overrides,
  };
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`webhook store on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('stores a webhook, replaces it on upsert and finds it by id', async () => {
      await store().webhooks.upsertWebhook(webhook());
      const disabled = webhook({ status: 'DISABLED_VERIFICATION_FAILED', sharedSecret: 'rotated' });

      await store().webhooks.upsertWebhook(disabled);

      expect(await store().webhooks.getWebhook(disabled.id)).toEqual(disabled);
      expect(await store().webhooks.getWebhook(1)).toBeUndefined();
    });

    it('lists webhooks by id, optionally for one sheet', async () => {
      const b = webhook({ id: 2, sheetId: 20 });
      const a = webhook({ id: 1, sheetId: 10 });
      await store().webhooks.upsertWebhook(b);
      await store().webhooks.upsertWebhook(a);

      expect(await store().webhooks.listWebhooks()).toEqual([a, b]);
      expect(await store().webhooks.listWebhooks({ sheetId: 20 })).toEqual([b]);
    });

    it('records when a callback arrived', async () => {
      await store().webhooks.upsertWebhook(webhook());

      expect(await store().webhooks.recordWebhookCallback(webhook().id, '2025-08-18T14:00:00Z')).toBe(true);
      expect(await store().webhooks.recordWebhookCallback(404, '2025-08-18T14:00:00Z')).toBe(false);
      expect((await store().webhooks.getWebhook(webhook().id))?.lastCallbackAt).toBe(
        '2025-08-18T14:00:00.000Z',
      );
    });
  });
}
