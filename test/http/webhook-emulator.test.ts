/**
 * The receiver against the emulator over real HTTP: the emulator verifies the webhook against our
 * server (§6.2), then delivers a signed callback for a row edit, which must land in the inbox once.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { parseWebhookCallback } from '../../src/domain/webhook-callback.js';
import { backends, useTestStore } from '../support/test-databases.js';
import { startWebhookServer, type WebhookServerHarness } from './webhook-server-harness.js';

describe('webhook receiver with the emulator', () => {
  const store = useTestStore(backends[0]!);
  let emulator: RunningEmulator | undefined;
  let receiver: WebhookServerHarness | undefined;
  afterEach(async () => {
    await receiver?.server.close();
    await emulator?.close();
    receiver = emulator = undefined;
  });

  it('passes the handshake and stores the callback of a row edit exactly once', async () => {
    const seed = generateSeed('tiny');
    // A long debounce: the callback goes out when the test flushes, not on a timer.
    const emu = (emulator = await startEmulator({ seed, webhooks: { debounceMs: 60_000 } }));
    // The receiver reads the emulator's clock, so callback timestamps are judged against it.
    const harness = (receiver = await startWebhookServer(store(), {
      now: () => new Date(emu.runtime.clock.now()),
    }));
    await harness.server.listen({ host: '127.0.0.1', port: 0 });
    const { port } = harness.server.server.address() as AddressInfo;

    const admin = seed.users.find((user) => user.admin && !user.expired);
    const sheet = seed.sheets[0];
    const row = sheet?.rows[0];
    const notes = sheet?.columns.find((column) => column.title === 'Notes');
    if (!admin || !sheet || !row || !notes)
      throw new Error('tiny seed lacks an admin, a sheet or a Notes column');
    const api = (method: string, path: string, body: unknown) =>
      fetch(`${emu.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => ({
        status: response.status,
        json: (await response.json()) as { result: Record<string, unknown> },
      }));

    const callbackUrl = `http://127.0.0.1:${port}/webhooks/smartsheet`;
    const created = await api('POST', '/webhooks', {
      name: 'ledgerline',
      callbackUrl,
      scope: 'sheet',
      scopeObjectId: sheet.id,
      events: ['*.*'],
      version: 1,
    });
    expect(created.status).toBe(200);
    const webhookId = created.json.result['id'] as number;
    await store().webhooks.upsertWebhook({
      id: webhookId,
      sheetId: sheet.id,
      callbackUrl,
      sharedSecret: created.json.result['sharedSecret'] as string,
      status: created.json.result['status'] as string,
      lastCallbackAt: null,
    });
    const enabled = await api('PUT', `/webhooks/${webhookId}`, { enabled: true });
    expect(enabled.json.result).toMatchObject({ enabled: true, status: 'ENABLED' });

    const edit = await api('PUT', `/sheets/${sheet.id}/rows`, [
      { id: row.id, cells: [{ columnId: notes.id, value: 'checked by the webhook test' }] },
    ]);
    expect(edit.status).toBe(200);
    const flush = await fetch(`${emu.controlUrl}/webhooks/flush`, { method: 'POST' });
    expect(await flush.json()).toEqual({ delivered: 1 });
    // A second flush has nothing to send; the inbox must still hold one item.
    await fetch(`${emu.controlUrl}/webhooks/flush`, { method: 'POST' });

    const now = new Date(emu.runtime.clock.now()).toISOString();
    const items = await store().inbox.claimNextBatch({ now, leaseUntil: now, limit: 10 });
    expect(items).toHaveLength(1);
    const callback = parseWebhookCallback(JSON.parse(items[0]?.body ?? 'null'));
    if (!callback.ok || callback.value.kind !== 'events')
      throw new Error('stored body is not an event callback');
    expect(items[0]?.key).toBe(`${webhookId}:${callback.value.nonce}`);
    expect(callback.value.events).toContainEqual(
      expect.objectContaining({
        objectType: 'cell',
        eventType: 'updated',
        rowId: row.id,
        columnId: notes.id,
      }),
    );
    expect((await store().webhooks.getWebhook(webhookId))?.lastCallbackAt).not.toBeNull();
  });
});
