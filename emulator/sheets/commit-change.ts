// The bookkeeping of every successful change to a sheet: version +1, modifiedAt, and the webhook
// events it produces (with the writer, the time and the change agent of the request).
import type { ApiRequest } from '../http/api-request.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import type { SheetRecord, UserRecord } from '../state/state-types.js';
import type { SheetEvent } from '../webhooks/sheet-events.js';

export interface WriteActor {
  user: UserRecord;
  at: number;
  changeAgent?: string;
}

export function actorOf(req: ApiRequest): WriteActor {
  return {
    user: req.user,
    at: req.at,
    ...(req.changeAgent !== undefined ? { changeAgent: req.changeAgent } : {}),
  };
}

export function commitSheetChange(
  rt: EmulatorRuntime,
  sheet: SheetRecord,
  actor: WriteActor,
  events: SheetEvent[],
): void {
  sheet.version += 1;
  sheet.modifiedAt = actor.at;
  if (events.length === 0) return;
  rt.webhooks.publish(sheet.id, [{ objectType: 'sheet', eventType: 'updated', id: sheet.id }, ...events], {
    userId: actor.user.id,
    at: actor.at,
    ...(actor.changeAgent !== undefined ? { changeAgent: actor.changeAgent } : {}),
  });
}
