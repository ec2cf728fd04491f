// What every rendering function needs to know about the request it answers: the data set, how to
// print timestamps (numericDates), the column `level`, and which `include` flags were asked for.
import type { AccessLevel } from '../seed/seed-data.js';
import { atLeast } from '../access/access-levels.js';
import { apiErrors } from '../errors/api-error.js';
import type { TimestampFormat } from '../format/timestamps.js';
import type { ApiRequest } from '../http/api-request.js';
import type { EmulatorState } from '../state/emulator-state.js';

export interface RenderContext {
  state: EmulatorState;
  dates: TimestampFormat;
  numericDates: boolean;
  /** 0: MULTI_* columns read as TEXT_NUMBER; 1: MULTI_CONTACT_LIST exposed; 2: MULTI_PICKLIST too. */
  level: number;
  include: ReadonlySet<string>;
  /** Whether locked rows are locked for the caller (everyone below ADMIN). */
  lockedForUser: boolean;
}

export function miniUser(state: EmulatorState, email: string): { name: string; email: string } {
  return { name: state.displayName(email), email };
}

/** The render context of a request: its include flags, `level` and numericDates. */
export function renderContextFor(
  req: ApiRequest,
  state: EmulatorState,
  access: AccessLevel,
  include: ReadonlySet<string> = req.query.flags('include'),
): RenderContext {
  const level = req.query.int('level') ?? 0;
  if (level < 0 || level > 2) throw apiErrors.invalidValue(String(level), 'level');
  return {
    state,
    dates: req.dates,
    numericDates: req.numericDates,
    level,
    include,
    lockedForUser: !atLeast(access, 'ADMIN'),
  };
}
