// The request log: entries since a sequence number, counters, and clearing.
import type { ControlHandler } from './control-request.js';
import { ControlError } from './control-request.js';

export const listRequests: ControlHandler = (req, rt) => {
  const since = req.query.get('since') ?? '0';
  if (!/^\d+$/.test(since)) throw new ControlError('since must be a sequence number');
  return { body: { entries: rt.requestLog.since(Number(since)) } };
};

export const countRequests: ControlHandler = (_req, rt) => ({ body: rt.requestLog.counts() });

export const clearRequests: ControlHandler = (_req, rt) => {
  rt.requestLog.clear();
  return { body: { ok: true } };
};
