// GET/POST /__emulator/clock: read, set, advance and freeze the emulator clock.
import type { ControlHandler } from './control-request.js';
import { ControlError } from './control-request.js';

export const getClock: ControlHandler = (_req, rt) => ({
  body: { now: new Date(rt.clock.now()).toISOString() },
});

export const setClock: ControlHandler = async (req, rt) => {
  const { set, advanceMs, frozen } = await req.body();
  if (set !== undefined) {
    const at = typeof set === 'string' ? Date.parse(set) : Number.NaN;
    if (Number.isNaN(at)) throw new ControlError('set must be an ISO-8601 timestamp');
    rt.clock.set(at);
  }
  if (advanceMs !== undefined) {
    if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs))
      throw new ControlError('advanceMs must be a number');
    rt.clock.advance(advanceMs);
  }
  if (frozen !== undefined) {
    if (typeof frozen !== 'boolean') throw new ControlError('frozen must be a boolean');
    rt.clock.setFrozen(frozen);
  }
  return { body: { now: new Date(rt.clock.now()).toISOString() } };
};
