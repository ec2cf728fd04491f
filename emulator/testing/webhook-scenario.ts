// A running emulator plus webhook subscribers, for the webhook tests: creates and enables webhooks
// through the API, edits cells, and polls webhook status. Callbacks go out only on flush (long
// debounce) unless a test asks for another debounce.
import { startTestEmulator, call, type LooseJson } from './test-client.js';
import { TEST_IDS, TEST_USERS, testRowId } from './build-test-seed.js';
import type { RunningEmulator, StartOptions } from '../index.js';
import { WebhookReceiver } from './webhook-receiver.js';

export const SCENARIO_SHEET = TEST_IDS.sheetNorth;

export class WebhookScenario {
  private readonly receivers: WebhookReceiver[] = [];

  private constructor(readonly emu: RunningEmulator) {}

  static async start(options: Partial<StartOptions> = {}): Promise<WebhookScenario> {
    return new WebhookScenario(await startTestEmulator({ webhooks: { debounceMs: 60_000 }, ...options }));
  }

  async receiver(): Promise<WebhookReceiver> {
    const started = await WebhookReceiver.start();
    this.receivers.push(started);
    return started;
  }

  /** Creates a webhook on the scenario sheet and enables it (the handshake must succeed). */
  async enabledWebhook(
    target: WebhookReceiver,
    extra: Record<string, unknown> = {},
    token: string = TEST_USERS.owner.token,
  ): Promise<{ id: number; sharedSecret: string }> {
    const body = {
      name: 'hook',
      callbackUrl: target.url,
      scope: 'sheet',
      scopeObjectId: SCENARIO_SHEET,
      events: ['*.*'],
      version: 1,
      ...extra,
    };
    const created = await call(this.emu.baseUrl, 'POST', '/webhooks', { token, body });
    if (created.status !== 200) throw new Error(`create webhook → ${created.status} ${created.text}`);
    const enabled = await call(this.emu.baseUrl, 'PUT', `/webhooks/${created.json.result.id}`, {
      token,
      body: { enabled: true },
    });
    if (enabled.json?.result?.status !== 'ENABLED') throw new Error(`enable webhook → ${enabled.text}`);
    return enabled.json.result as { id: number; sharedSecret: string };
  }

  async getWebhook(id: number, token: string = TEST_USERS.owner.token): Promise<LooseJson> {
    return (await call(this.emu.baseUrl, 'GET', `/webhooks/${id}`, { token })).json;
  }

  setCell(columnId: number, value: unknown, rowIndex = 0): ReturnType<typeof call> {
    return call(this.emu.baseUrl, 'PUT', `/sheets/${SCENARIO_SHEET}/rows`, {
      body: [{ id: testRowId(SCENARIO_SHEET, rowIndex), cells: [{ columnId, value }] }],
    });
  }

  async waitForStatus(id: number, status: string, timeoutMs = 8_000): Promise<LooseJson> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const webhook = await this.getWebhook(id);
      if (webhook.status === status || Date.now() > deadline) return webhook;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    await this.emu.close();
    await Promise.all(this.receivers.map((receiver) => receiver.close()));
  }
}
