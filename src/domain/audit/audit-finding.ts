// The rule catalogue's vocabulary (billing-domain.md §3.3): what a rule says about a change.
import type { AuditSeverity, JsonObject } from '../audit-chain.js';
import type { IsoDate } from '../calendar-date.js';
import type { AttributedChange } from './attributed-change.js';
import type { AuditContext } from './audit-context.js';

/** The rule codes of billing-domain.md §3.3; an event's `violation_type`. */
export const AuditRuleCode = {
  POST_CLOSE_EDIT: 'POST_CLOSE_EDIT',
  AUTHORIZED_CORRECTION: 'AUTHORIZED_CORRECTION',
  BILLED_ROW_DELETED: 'BILLED_ROW_DELETED',
  UNCOMPLETED_AFTER_CLOSE: 'UNCOMPLETED_AFTER_CLOSE',
  WEEK_MOVED: 'WEEK_MOVED',
  PRICE_RATE_MISMATCH: 'PRICE_RATE_MISMATCH',
  PRICE_OVERRIDE: 'PRICE_OVERRIDE',
  DUPLICATE_UNIT: 'DUPLICATE_UNIT',
  UNAUTHORIZED_EDITOR: 'UNAUTHORIZED_EDITOR',
  DATA_QUALITY: 'DATA_QUALITY',
  /** Not a §3.3 rule: a change no rule fired on that risk scoring flagged within the run's budget (§3.5). */
  ANOMALOUS_CHANGE: 'ANOMALOUS_CHANGE',
} as const;

export type AuditRuleCode = (typeof AuditRuleCode)[keyof typeof AuditRuleCode];

/** What one rule found; an audit event is a finding placed on its change (see audit-event.ts). */
export interface AuditFinding {
  readonly code: AuditRuleCode;
  readonly severity: AuditSeverity;
  /** The financial impact the event records, in cents (§3.2); null when it cannot be known. */
  readonly deltaCents: number | null;
  /** The week the finding is about (the closed week, or the week a row left). */
  readonly weekEnding: IsoDate | null;
  /** True when the finding concerns a week that was already closed (billed). */
  readonly isHistorical: boolean;
  /** One sentence a billing manager understands: who, what, how much. */
  readonly issueDescription: string;
  readonly suggestedFix: string;
  /** Why the rule fired, one short reason per condition it checked. */
  readonly reasons: readonly string[];
  /** Rule-specific explanation (both weeks, the expected price…), merged into the event's details. */
  readonly details: JsonObject;
}

/** One rule of the catalogue applied to one change: a finding, or undefined when it does not apply. */
export type ChangeRule = (change: AttributedChange, context: AuditContext) => AuditFinding | undefined;
