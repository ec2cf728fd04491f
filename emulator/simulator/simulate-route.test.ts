import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlError } from '../control/control-request.js';
import { startEmulator } from '../index.js';
import { generateSeed } from '../seed/generate-seed.js';
import { simulateControlRoute, simulateRoute } from './simulate-route.js';

const seed = generateSeed('tiny');
// An unreachable emulator: validation must fail before any request is made.
const unreachable = { baseUrl: 'http://127.0.0.1:9/2.0', controlUrl: 'http://127.0.0.1:9/__emulator', seed };

describe('simulateRoute', () => {
  it.each([
    [{ rounds: 0 }, 'rounds'],
    [{ editsPerRound: 1.5 }, 'editsPerRound'],
    [{ plantRate: 2 }, 'plantRate'],
    [{ randomSeed: 'x' }, 'randomSeed'],
    [[1], 'object'],
  ])('rejects %j as a control error naming %s', async (body, name) => {
    const error = await simulateRoute(body, unreachable).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ControlError);
    expect((error as ControlError).message).toContain(name);
  });
});

describe('POST /__emulator/simulate', () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seed, extraControlRoutes: [simulateControlRoute] });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('runs a simulation and answers its edits and labels', async () => {
    const response = await fetch(`${emulator.controlUrl}/simulate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rounds: 1, editsPerRound: 4, randomSeed: 11, plantRate: 0.5 }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { edits: number; labels: { kind: string; editor: string }[] };
    expect(body.edits).toBe(4);
    expect(body.labels.length).toBeGreaterThanOrEqual(4);
  });

  it('answers 400 for a bad body', async () => {
    const response = await fetch(`${emulator.controlUrl}/simulate`, {
      method: 'POST',
      body: '{"rounds":-1}',
    });
    expect(response.status).toBe(400);
  });
});
