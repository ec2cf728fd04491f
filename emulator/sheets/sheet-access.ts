// Resolving `{sheetId}` for a request: unknown → 404/1006, not shared with the caller → 403/1004,
// shared below the level the operation needs → 403/1004.
import type { AccessLevel } from '../seed/seed-data.js';
import { atLeast, sheetAccessLevel } from '../access/access-levels.js';
import { apiErrors } from '../errors/api-error.js';
import type { ApiRequest } from '../http/api-request.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import type { SheetRecord } from '../state/state-types.js';

export interface SheetGrant {
  sheet: SheetRecord;
  level: AccessLevel;
}

export function sheetFor(req: ApiRequest, rt: EmulatorRuntime, minimum: AccessLevel = 'VIEWER'): SheetGrant {
  const sheet = rt.state.sheets.get(req.idParam('sheetId'));
  if (!sheet) throw apiErrors.notFound();
  const level = sheetAccessLevel(rt.state, sheet, req.user);
  if (!level || !atLeast(level, minimum)) throw apiErrors.notAuthorized();
  return { sheet, level };
}
