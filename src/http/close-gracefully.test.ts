import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import { startWebhookServer } from '../../test/http/webhook-server-harness.js';
import { closeGracefully } from './close-gracefully.js';

describe('closeGracefully', () => {
  const store = useTestStore(backends[0]!);

  /** A listening server with a route that answers only when the test releases it. */
  async function serverWithSlowRoute() {
    const { server } = await startWebhookServer(store(), { now: () => new Date() });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered = () => {};
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    server.get('/slow', async () => {
      entered();
      await released;
      return { done: true };
    });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const { port } = server.server.address() as AddressInfo;
    return { server, url: `http://127.0.0.1:${port}`, release, inFlight };
  }

  it('lets a request in flight finish and refuses new connections', async () => {
    const { server, url, release, inFlight } = await serverWithSlowRoute();
    const slow = fetch(`${url}/slow`);
    await inFlight;
    const closing = closeGracefully(server, 5_000);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    release();
    expect(await (await slow).json()).toEqual({ done: true });
    expect(await closing).toEqual({ drained: true });
  });

  it('cuts off what is still running at the deadline', async () => {
    const { server, url, release, inFlight } = await serverWithSlowRoute();
    const slow = fetch(`${url}/slow`);
    await inFlight;
    const started = Date.now();
    expect(await closeGracefully(server, 200)).toEqual({ drained: false });
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(slow).rejects.toThrow();
    release();
  });
});
