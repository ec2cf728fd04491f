import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { networkFailure } from './network-failure.js';

/** What Node's fetch throws against a local socket that behaves as `serve` says. */
async function fetchError(serve: 'closed-port' | 'reset'): Promise<unknown> {
  const server = createServer((socket) => socket.on('data', () => socket.resetAndDestroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  if (serve === 'closed-port') await new Promise((resolve) => server.close(resolve));
  try {
    await fetch(`http://127.0.0.1:${port}/2.0/users/me`);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    if (serve === 'reset') server.close();
  }
}

describe('networkFailure', () => {
  it('knows a refused connection never reached the server', async () => {
    expect(networkFailure(await fetchError('closed-port'))).toEqual({
      kind: 'network',
      reason: 'refused',
      code: 'ECONNREFUSED',
    });
  });

  it('treats a reset as broken off: the request may have been processed', async () => {
    expect(networkFailure(await fetchError('reset'))).toEqual({
      kind: 'network',
      reason: 'broken',
      code: 'ECONNRESET',
    });
  });

  it('treats a timeout as broken off', () => {
    expect(networkFailure(new DOMException('timed out', 'TimeoutError'))).toMatchObject({
      reason: 'timeout',
    });
  });
});
