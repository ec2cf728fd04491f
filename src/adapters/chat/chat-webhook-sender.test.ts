import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.js';
import { createChatWebhookSender } from './chat-webhook-sender.js';

interface Received {
  readonly method: string | undefined;
  readonly contentType: string | undefined;
  readonly body: Record<string, unknown>;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A local webhook receiver answering each post with `respond`; returns its URL and what it got. */
async function startReceiver(respond: (res: ServerResponse) => void) {
  const received: Received[] = [];
  server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method,
        contentType: req.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      respond(res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/T000/B000/secret-token`, received };
}

const message = {
  to: [],
  subject: '[Ledgerline] 1 billing change needs review — 1 HIGH (run r1)',
  text: 'WR 1001 <script>alert(1)</script> & more',
  html: '<p>unused by chat</p>',
};

describe('createChatWebhookSender', () => {
  it('posts Slack text and a Teams MessageCard in one JSON body, markup escaped', async () => {
    const receiver = await startReceiver((res) => res.end('ok'));
    const sender = createChatWebhookSender({ url: receiver.url });

    const { id } = await sender.send(message);

    expect(id).toMatch(/^chat-[0-9a-f]{32}$/);
    expect(receiver.received).toEqual([
      {
        method: 'POST',
        contentType: 'application/json',
        body: {
          text: `*${message.subject}*\n\nWR 1001 &lt;script&gt;alert(1)&lt;/script&gt; &amp; more`,
          '@type': 'MessageCard',
          '@context': 'https://schema.org/extensions',
          summary: message.subject,
          title: message.subject,
        },
      },
    ]);
  });

  it('treats a non-2xx answer as a failure, without the URL in the message', async () => {
    const receiver = await startReceiver((res) => {
      res.statusCode = 404;
      res.end('no_service');
    });
    const sender = createChatWebhookSender({ url: receiver.url });

    const failure = (await sender.send(message).catch((error: unknown) => error)) as AppError;

    expect(failure).toBeInstanceOf(AppError);
    expect(failure.message).toBe('The chat webhook answered HTTP 404.');
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const receiver = await startReceiver(() => undefined);
    const sender = createChatWebhookSender({ url: receiver.url, timeoutMs: 200 });

    await expect(sender.send(message)).rejects.toThrow(/no answer within 200 ms/);
  });
});
