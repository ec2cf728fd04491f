// The data set: reset to the seed, save to and load from a JSON file, list the seeded users.
import { loadState, saveState } from '../state/state-snapshot.js';
import type { ControlHandler } from './control-request.js';
import { ControlError } from './control-request.js';

function pathOf(body: Record<string, unknown>): string {
  const path = body['path'];
  if (typeof path !== 'string' || path === '') throw new ControlError('path must be a file path');
  return path;
}

export const resetData: ControlHandler = (_req, rt) => {
  rt.reset();
  return { body: { ok: true } };
};

export const saveData: ControlHandler = async (req, rt) => {
  await saveState(rt.state, rt.clock.now(), pathOf(await req.body()));
  return { body: { ok: true } };
};

export const loadData: ControlHandler = async (req, rt) => {
  const path = pathOf(await req.body());
  let loaded;
  try {
    loaded = await loadState(path);
  } catch (error) {
    throw new ControlError(error instanceof Error ? error.message : String(error));
  }
  rt.replaceState(loaded.state);
  rt.clock.set(loaded.clockNow);
  return { body: { ok: true } };
};

export const listUsers: ControlHandler = (_req, rt) => ({ body: { users: rt.state.users } });
