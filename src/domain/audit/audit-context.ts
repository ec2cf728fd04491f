// What the change-audit rules need to know besides the change itself (billing-domain.md §3.3:
// "thresholds, bands, permissions and lists are configuration, with these defaults").
import type { Weekday } from '../calendar-date.js';
import type { ApprovedCorrection } from '../corrections/correction-state.js';
import type { Cents } from '../money.js';
import type { RateTable } from '../rate-table.js';
import { DEFAULT_WEEK_CLOSE_RULE } from '../week-close.js';
import type { WeekCloseRule } from '../week-close.js';
import { DEFAULT_WEEK_END_DAY } from '../week-ending.js';

/** Lower bounds of the impact bands on |Δ| in cents (billing-domain.md §3.3). */
export interface SeverityBands {
  /** |Δ| at or above this is CRITICAL (default $10,000). */
  readonly critical: Cents;
  /** |Δ| above this is HIGH (default $1,000). */
  readonly high: Cents;
  /** |Δ| above this is MEDIUM (default $100); anything less is LOW. */
  readonly medium: Cents;
}

/** How far a price may stray from rate × quantity before PRICE_RATE_MISMATCH (§3.3). */
export interface RateTolerance {
  /** The absolute floor of the tolerance, in cents (default 2, i.e. $0.02). */
  readonly minCents: Cents;
  /** The tolerance as a share of the expected price (default 0.005, i.e. 0.5 %). */
  readonly share: number;
}

/** Everything the audit rules read besides the change (all of it configuration or the run). */
export interface AuditContext {
  /** The instant of the audit run: the events' `timestamp`. Rules judge a change at its own `changedAt`. */
  readonly now: Date;
  /** The run that stores the events (`audit_run_id`). */
  readonly runId: string;
  /** When a week closes (billing-domain.md §1.5). */
  readonly weekClose: WeekCloseRule;
  readonly weekEndDay: Weekday;
  /**
   * Authorised editors (emails) per sheet id. Undefined when no list is configured at all, which
   * turns UNAUTHORIZED_EDITOR off; a sheet missing from the map has no list either, so the rule is
   * off for that sheet (a list is opt-in per sheet rather than an empty list that flags everyone).
   */
  readonly authorizedEditors: ReadonlyMap<number, ReadonlySet<string>> | undefined;
  /** Emails holding the `billing.correct` permission (§4). */
  readonly correctors: ReadonlySet<string>;
  /** Non-human editors (§3.1): their edits are judged like anyone's and marked non-human. */
  readonly automationIdentities: ReadonlySet<string>;
  /** The contract rate table, when one is loaded (§5); PRICE_RATE_MISMATCH needs it. */
  readonly rateTable?: RateTable | undefined;
  readonly bands: SeverityBands;
  readonly rateTolerance: RateTolerance;
  /**
   * Approved correction requests (issue #12): a closed-week change that carries one out (same
   * sheet, row, field and value, soon after the approval) is AUTHORIZED_CORRECTION linked to the
   * request instead of POST_CLOSE_EDIT (corrections/correction-match.ts). Loaded by the services.
   */
  readonly approvedCorrections?: readonly ApprovedCorrection[] | undefined;
  /** How long after its approval a change may match a request; default 24 h. */
  readonly correctionMatchWindowMs?: number | undefined;
}

/** The automation identities Smartsheet records as editors (billing-domain.md §3.1). */
export const DEFAULT_AUTOMATION_IDENTITIES: ReadonlySet<string> = new Set([
  'automation@smartsheet.com',
  'cell-link@smartsheet.com',
]);

/** CRITICAL ≥ $10,000; HIGH > $1,000; MEDIUM > $100; LOW otherwise (§3.3). */
export const DEFAULT_SEVERITY_BANDS: SeverityBands = { critical: 1_000_000, high: 100_000, medium: 10_000 };

/** max($0.02, 0.5 % of the expected price) (§3.3, PRICE_RATE_MISMATCH). */
export const DEFAULT_RATE_TOLERANCE: RateTolerance = { minCents: 2, share: 0.005 };

/** What a caller must give to build a context; every other part has a default. */
export type AuditContextOptions = Pick<AuditContext, 'now' | 'runId'> &
  Partial<Omit<AuditContext, 'now' | 'runId'>>;

/**
 * An audit context with the defaults of billing-domain.md §1.5 and §3.3 for every part the
 * options leave out: weeks close at the end of Sunday in America/Chicago with no grace, no
 * authorised-editor lists (rule off), no correctors, the Smartsheet automation identities, no rate
 * table, the standard bands and the $0.02 / 0.5 % rate tolerance.
 */
export function defaultAuditContext(options: AuditContextOptions): AuditContext {
  return {
    weekClose: DEFAULT_WEEK_CLOSE_RULE,
    weekEndDay: DEFAULT_WEEK_END_DAY,
    authorizedEditors: undefined,
    correctors: new Set(),
    automationIdentities: DEFAULT_AUTOMATION_IDENTITIES,
    bands: DEFAULT_SEVERITY_BANDS,
    rateTolerance: DEFAULT_RATE_TOLERANCE,
    ...options,
  };
}
