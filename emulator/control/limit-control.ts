// Fault rules and the rate limit, switchable while the emulator runs.
import { validateFaultRules } from '../faults/fault-injector.js';
import type { ControlHandler } from './control-request.js';
import { ControlError } from './control-request.js';

export const setFaults: ControlHandler = async (req, rt) => {
  const rules = validateFaultRules((await req.body())['rules']);
  if (typeof rules === 'string') throw new ControlError(rules);
  rt.faults.setRules(rules);
  return { body: { ok: true } };
};

export const listFaults: ControlHandler = (_req, rt) => ({ body: { rules: rt.faults.list() } });

export const clearFaults: ControlHandler = (_req, rt) => {
  rt.faults.clear();
  return { body: { ok: true } };
};

export const setLimits: ControlHandler = async (req, rt) => {
  const { enabled, perMinute, heavyWeight } = await req.body();
  if (enabled !== undefined && typeof enabled !== 'boolean')
    throw new ControlError('enabled must be a boolean');
  for (const [name, value] of [
    ['perMinute', perMinute],
    ['heavyWeight', heavyWeight],
  ] as const) {
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 1)) {
      throw new ControlError(`${name} must be a positive integer`);
    }
  }
  rt.limiter.update({
    ...(typeof enabled === 'boolean' ? { enabled } : {}),
    ...(typeof perMinute === 'number' ? { perMinute } : {}),
    ...(typeof heavyWeight === 'number' ? { heavyWeight } : {}),
  });
  return { body: { ok: true, limits: rt.limiter.settings } };
};
