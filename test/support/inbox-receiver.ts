// A webhook receiver for tests that drive the inbox themselves: it answers Smartsheet's verification
// challenge and keeps every callback in the harness's inbox, as `serve`'s receiver does, without
// the HMAC check or the drain (the test calls processWebhookInbox when it wants).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CycleHarness } from './report-cycle-harness.js';

/** Starts the receiver; returns its callback URL and a function that closes it. */
export async function startInboxReceiver(
  h: CycleHarness,
): Promise<{ url: string; close: () => Promise<void> }> {
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
