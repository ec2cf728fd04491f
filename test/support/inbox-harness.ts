// For tests that drive the webhook inbox themselves: a cycle harness per test, and a receiver that
// answers Smartsheet's verification challenge and keeps every callback in the harness's inbox, as
// `serve`'s receiver does, without the HMAC check or the drain (the test calls processWebhookInbox
// when it wants). Kept apart from report-cycle-harness.ts, which the bench imports without vitest.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { startCycleHarness } from './report-cycle-harness.js';
import type { CycleHarness } from './report-cycle-harness.js';

/**
 * Registers the cleanup for the calling test file: after each test, whatever it opened through
 * `closeAfter` or `receiver` closes, then its harness.
 */
export function useInboxHarness() {
  let harness: CycleHarness | undefined;
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
    await harness?.close();
    harness = undefined;
  });
  return {
    start: async (options?: Parameters<typeof startCycleHarness>[0]) =>
      (harness = await startCycleHarness(options)),
    closeAfter: (close: () => Promise<void>) => {
      closers.push(close);
    },
    /** The callback URL of a receiver into `h`'s inbox. */
    receiver: async (h: CycleHarness): Promise<string> => {
      const receiver = await startInboxReceiver(h);
      closers.push(receiver.close);
      return receiver.url;
    },
  };
}

async function startInboxReceiver(h: CycleHarness): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const challenge = request.headers['smartsheet-hook-challenge'];
      if (typeof challenge === 'string') {
        response.writeHead(200, { 'Smartsheet-Hook-Response': challenge }).end();
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const parsed = JSON.parse(body) as { webhookId: number; nonce: string };
      void h.store.inbox
        .enqueueCallback({
          webhookId: parsed.webhookId,
          nonce: parsed.nonce,
          receivedAt: new Date().toISOString(),
          body,
        })
        .then(() => response.writeHead(200).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
