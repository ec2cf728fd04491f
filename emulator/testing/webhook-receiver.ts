// A subscriber for webhook tests: answers verification challenges (or refuses them), records every
// callback with its raw bytes and headers, and answers callbacks with a configurable status.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LooseJson } from './test-client.js';

export interface ReceivedCallback {
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  body: LooseJson;
}

export class WebhookReceiver {
  readonly callbacks: ReceivedCallback[] = [];
  challenges = 0;
  /** false = answer challenges with 403 (the subscriber refuses verification). */
  acceptChallenges = true;
  /** Echo the challenge in the response header instead of the JSON body. */
  echoInHeader = false;
  /** HTTP status for event callbacks. */
  callbackStatus = 200;
  /** Delay before answering a callback, to hold deliveries in flight. */
  delayMs = 0;
  /** Most callbacks ever in flight at once (Smartsheet promises at most one per webhook). */
  maxInFlight = 0;
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}/hooks/smartsheet`);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => receiver.handle(req, Buffer.concat(chunks), res));
    });
    return receiver;
  }

  private handle(req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse): void {
    const challenge = req.headers['smartsheet-hook-challenge'];
    if (typeof challenge === 'string') {
      this.challenges += 1;
      if (!this.acceptChallenges) {
        res.writeHead(403).end();
      } else if (this.echoInHeader) {
        res.writeHead(200, { 'Smartsheet-Hook-Response': challenge }).end();
      } else {
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ smartsheetHookResponse: challenge }));
      }
      this.wake();
      return;
    }
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.callbacks.push({ headers: req.headers, raw, body: JSON.parse(raw.toString('utf8')) as LooseJson });
    setTimeout(() => {
      this.inFlight -= 1;
      res.writeHead(this.callbackStatus).end();
      this.wake();
    }, this.delayMs);
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once `count` callbacks arrived (or rejects after timeoutMs). */
  async waitForCallbacks(count: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.callbacks.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} callbacks, got ${this.callbacks.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
