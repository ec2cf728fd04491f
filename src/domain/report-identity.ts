import { dateFromParts, dateParts, daysInMonth } from './calendar-date.js';
import type { IsoDate } from './calendar-date.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

/** The variant of the first release (billing-domain.md §2.1); its file names do not spell it. */
export const PRIMARY_VARIANT = 'primary';

/**
 * What a weekly report is (billing-domain.md §2.1): one per Work Request, week ending, variant
 * and claimer. Keys, file names, cleanup and history all derive from this tuple, here and only
 * here. Build one with `createReportIdentity`, which checks the parts.
 */
export interface ReportIdentity {
  /** The file-safe Work Request (see sanitiseWorkRequest), not the raw cell text. */
  readonly workRequest: string;
  readonly weekEnding: IsoDate;
  readonly variant: string;
  /** The claimer partition; undefined until claimer partitions exist. */
  readonly claimer: string | undefined;
}

/*
 * File name encoding, unambiguous by construction:
 *   WR_<wr>_WeekEnding_<MMDDYY>[_<variant>[_<claimer>]].xlsx
 * - Every part matches PART: 1–50 characters of [A-Za-z0-9_-], not starting or ending with `_`.
 * - Inside a part each `_` is written twice (`A_B` → `A__B`); the separator is a single `_`.
 *   Since no part starts or ends with `_`, a run of one underscore is always a separator and a
 *   run of 2n underscores is always n literal ones; any other run is not a name we wrote.
 * - The primary variant without a claimer is implied (`WR_89708709_WeekEnding_081725.xlsx`);
 *   with a claimer the variant is always written, so 0, 1 or 2 trailing parts are unambiguous.
 * - MMDDYY drops the century. Identities are limited to week endings in 2000–2099 and YY is read
 *   back as 20YY, so every identity that can be created round-trips exactly.
 */
const PART = /^[A-Za-z0-9-](?:[A-Za-z0-9_-]{0,48}[A-Za-z0-9-])?$/;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;
const EXTENSION = '.xlsx';

/** The parts of a report identity before they are checked; variant defaults to primary. */
export interface ReportIdentityParts {
  readonly workRequest: string;
  readonly weekEnding: IsoDate;
  readonly variant?: string | undefined;
  readonly claimer?: string | undefined;
}

/**
 * A checked report identity: Work Request, variant and claimer must be file-safe parts
 * (1–50 of `[A-Za-z0-9_-]`, no leading or trailing `_`) and the week ending within 2000–2099,
 * the years a file name's MMDDYY can carry.
 */
export function createReportIdentity(parts: ReportIdentityParts): Result<ReportIdentity> {
  const variant = parts.variant ?? PRIMARY_VARIANT;
  const problems = [
    checkPart('Work Request', parts.workRequest),
    checkPart('variant', variant),
    parts.claimer === undefined ? undefined : checkPart('claimer', parts.claimer),
  ].filter((problem) => problem !== undefined);
  const { year } = dateParts(parts.weekEnding);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    problems.push(
      `week ending ${parts.weekEnding} is outside ${FIRST_YEAR}-${LAST_YEAR}, which MMDDYY file names carry`,
    );
  }
  if (problems.length > 0) return fail(problems.join('; '));
  return ok({
    workRequest: parts.workRequest,
    weekEnding: parts.weekEnding,
    variant,
    claimer: parts.claimer,
  });
}

function checkPart(label: string, value: string): string | undefined {
  return PART.test(value)
    ? undefined
    : `${label} ${JSON.stringify(value)} must be 1-50 characters of A-Z, a-z, 0-9, "_" or "-", not starting or ending with "_"`;
}

/**
 * The storage key of an identity: `<wr>|<YYYY-MM-DD>|<variant>|<claimer or empty>`. `|` never
 * occurs in a part, so distinct identities have distinct keys.
 */
export function reportIdentityKey(identity: ReportIdentity): string {
  return [identity.workRequest, identity.weekEnding, identity.variant, identity.claimer ?? ''].join('|');
}

/** True when both name the same report. */
export function isSameReportIdentity(a: ReportIdentity, b: ReportIdentity): boolean {
  return reportIdentityKey(a) === reportIdentityKey(b);
}

/**
 * The report's file name (billing-domain.md §2.1), e.g. `WR_89708709_WeekEnding_081725.xlsx`;
 * a variant appends `_<variant>`, a claimer `_<variant>_<claimer>`. See the encoding notes above.
 */
export function reportFileName(identity: ReportIdentity): string {
  // An identity assembled by hand could break the encoding; refuse it rather than write a bad name.
  const checked = createReportIdentity(identity);
  if (!checked.ok) throw new RangeError(`invalid report identity: ${checked.reason}`);
  const { year, month, day } = dateParts(identity.weekEnding);
  const mmddyy = [month, day, year % 100].map((n) => String(n).padStart(2, '0')).join('');
  const parts = ['WR', identity.workRequest, 'WeekEnding', mmddyy];
  if (identity.claimer !== undefined) parts.push(identity.variant, identity.claimer);
  else if (identity.variant !== PRIMARY_VARIANT) parts.push(identity.variant);
  return parts.map((part) => part.replaceAll('_', '__')).join('_') + EXTENSION;
}

/**
 * The identity a report file name stands for, exactly as `reportFileName` wrote it; fails for
 * any other name (another workbook, a hand-renamed copy), so cleanup never deletes a stranger.
 */
export function parseReportFileName(fileName: string): Result<ReportIdentity> {
  const notOurs = (why: string) =>
    fail<ReportIdentity>(`${JSON.stringify(fileName)} is not a report file name: ${why}`);
  if (!fileName.endsWith(EXTENSION)) return notOurs(`it does not end in ${EXTENSION}`);
  const parts = splitParts(fileName.slice(0, -EXTENSION.length));
  if (!parts) return notOurs('its underscores do not follow the encoding');
  const [wr, workRequest, weekEndingLabel, mmddyy, variant, claimer, ...extra] = parts;
  if (wr !== 'WR' || weekEndingLabel !== 'WeekEnding' || workRequest === undefined || extra.length > 0) {
    return notOurs('expected WR_<wr>_WeekEnding_<MMDDYY>[_<variant>[_<claimer>]]');
  }
  const weekEnding = parseMmddyy(mmddyy ?? '');
  if (!weekEnding) return notOurs(`${JSON.stringify(mmddyy)} is not a real MMDDYY date`);
  if (variant === PRIMARY_VARIANT && claimer === undefined)
    return notOurs('the primary variant is never written alone');
  const identity = createReportIdentity({ workRequest, weekEnding, variant, claimer });
  return identity.ok ? identity : notOurs(identity.reason);
}

/** Splits an encoded stem at single underscores and halves doubled ones; undefined if malformed. */
function splitParts(stem: string): string[] | undefined {
  const parts: string[] = [];
  let current = '';
  for (const piece of stem.split(/(_+)/)) {
    if (!piece.startsWith('_')) current += piece;
    else if (piece.length === 1) {
      parts.push(current);
      current = '';
    } else if (piece.length % 2 === 0) current += '_'.repeat(piece.length / 2);
    else return undefined;
  }
  parts.push(current);
  return parts;
}

function parseMmddyy(text: string): IsoDate | undefined {
  if (!/^\d{6}$/.test(text)) return undefined;
  const [month, day, yy] = [Number(text.slice(0, 2)), Number(text.slice(2, 4)), Number(text.slice(4, 6))];
  const year = FIRST_YEAR + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dateFromParts(year, month, day);
}
