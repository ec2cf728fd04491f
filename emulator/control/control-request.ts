// The shape of control-plane routes (/__emulator/…): JSON in, JSON out, no auth. Kept apart from
// the Smartsheet API so nothing here can leak into /2.0.
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';

export interface ControlRequest {
  method: string;
  query: URLSearchParams;
  /** The JSON body as an object; an empty body reads as `{}`. */
  body(): Promise<Record<string, unknown>>;
}

export interface ControlResult {
  status?: number;
  body: unknown;
}

export type ControlHandler = (
  req: ControlRequest,
  rt: EmulatorRuntime,
) => Promise<ControlResult> | ControlResult;

export interface ControlRouteSpec {
  method: string;
  /** Relative to /__emulator, e.g. `/clock`. */
  pattern: string;
  run: ControlHandler;
}

/** A bad control request: answered 400 with `{ error }`. */
export class ControlError extends Error {}
