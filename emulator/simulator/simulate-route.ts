// Control-plane handler for `POST /__emulator/simulate`: runs a simulation against the emulator it is
// mounted in and answers `{ edits, labels }`. Labels are not written to a file from here: a request
// body must not choose paths on the emulator's machine.
import type { ControlRouteSpec } from '../control/control-request.js';
import { ControlError } from '../control/control-request.js';
import type { SeedData } from '../seed/seed-data.js';
import { EmulatorApi } from './emulator-api.js';
import type { SimulationResult } from './simulate-edits.js';
import { simulateEdits } from './simulate-edits.js';

export interface SimulateRouteContext {
  baseUrl: string;
  controlUrl: string;
  seed: SeedData;
}

const LIMITS = {
  rounds: [1, 100],
  editsPerRound: [1, 500],
} as const;

/** Body `{ rounds?, editsPerRound?, randomSeed?, plantRate? }`; invalid values are a ControlError (400). */
export async function simulateRoute(body: unknown, context: SimulateRouteContext): Promise<SimulationResult> {
  const input = body === undefined || body === null ? {} : body;
  if (typeof input !== 'object' || Array.isArray(input))
    throw new ControlError('the body must be a JSON object');
  const fields = input as Record<string, unknown>;

  const integer = (name: keyof typeof LIMITS): number | undefined => {
    const value = fields[name];
    if (value === undefined) return undefined;
    const [min, max] = LIMITS[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new ControlError(`${name} must be an integer from ${min} to ${max}`);
    }
    return value;
  };
  const randomSeed = fields['randomSeed'];
  if (randomSeed !== undefined && (typeof randomSeed !== 'number' || !Number.isSafeInteger(randomSeed))) {
    throw new ControlError('randomSeed must be an integer');
  }
  const plantRate = fields['plantRate'];
  if (plantRate !== undefined && (typeof plantRate !== 'number' || !(plantRate >= 0 && plantRate <= 1))) {
    throw new ControlError('plantRate must be a number from 0 to 1');
  }

  const rounds = integer('rounds');
  const editsPerRound = integer('editsPerRound');
  return simulateEdits({
    baseUrl: context.baseUrl,
    controlUrl: context.controlUrl,
    seed: context.seed,
    // Without a seed, the emulator clock picks one: repeated calls play on differently, yet a replay of
    // the same emulator session gives the same edits.
    randomSeed: randomSeed ?? (await new EmulatorApi(context.baseUrl, context.controlUrl).clock()),
    ...(rounds === undefined ? {} : { rounds }),
    ...(editsPerRound === undefined ? {} : { editsPerRound }),
    ...(plantRate === undefined ? {} : { plantRate }),
  });
}

/**
 * The route ready to mount (e.g. `startEmulator({ extraControlRoutes: [simulateControlRoute] })`): it plays
 * the cast of the seed the emulator started from, against the emulator's own address.
 */
export const simulateControlRoute: ControlRouteSpec = {
  method: 'POST',
  pattern: '/simulate',
  run: async (req, rt) => ({
    body: await simulateRoute(await req.body(), {
      baseUrl: `${rt.origin}/2.0`,
      controlUrl: `${rt.origin}/__emulator`,
      seed: rt.options.seed,
    }),
  }),
};
