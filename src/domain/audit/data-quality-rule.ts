import type { AuditSeverity } from '../audit-chain.js';
import type { DataQualityCode, DataQualityFinding } from '../data-quality.js';
import { AuditRuleCode } from './audit-finding.js';
import type { AuditFinding, ChangeRule } from './audit-finding.js';
import { changeFactsOf } from './change-facts.js';
import { changePhrase, editorSubject } from './finding-wording.js';
import { atLeast } from './severity-band.js';

// What to do about each kind of data-quality problem, in the words of the person fixing the sheet.
// Partial so that a code added to data-quality.ts later falls back to GENERIC_FIX instead of failing.
const FIXES: Readonly<Partial<Record<DataQualityCode, string>>> = {
  UNPARSEABLE_VALUE:
    'Correct the value so it can be read: money like $1,234.56, dates as YYYY-MM-DD, quantities as numbers.',
  UNKNOWN_FOREMAN: 'Fill in the Foreman column; the row is billed under "Unknown Foreman" until then.',
  WEEK_ENDING_NOT_WEEK_END_DAY:
    'Set the week ending to the week-end day (a Sunday unless configured otherwise).',
  FUTURE_SNAPSHOT_DATE: 'Correct the Snapshot Date: work cannot be recorded before it is done.',
  DATE_TOO_FAR_AHEAD: 'Correct the date; it is too far ahead to be real and is probably a typo.',
  DATE_TOO_FAR_BACK: 'Correct the date; it is too far back to be real and is probably a typo.',
  WORK_REQUEST_COLLISION: 'Correct the Work Request number so it is distinct.',
  WORK_REQUEST_NOT_FILE_SAFE: 'Correct the Work Request number to letters, digits, - and _.',
  REPORT_IDENTITY_INVALID: 'Correct the week ending so the row can be reported.',
};

const GENERIC_FIX = 'Correct the row so it can be billed as intended.';

const identity = (finding: DataQualityFinding) =>
  JSON.stringify([finding.code, finding.field ?? null, finding.message]);

/**
 * DATA_QUALITY (billing-domain.md §3.3): wraps the domain's data-quality findings (billable-rule.ts:
 * unreadable values, implausible or future dates, a week ending off the week-end day, a billable
 * row without foreman) that the change introduced, i.e. found on the row after the change and not
 * before it, so that editing an unrelated cell of a flawed row does not raise them again. All of a
 * change's findings form one finding (one event); its severity is the highest of them (LOW/MEDIUM).
 * A deleted row raises none.
 */
export const dataQualityRule: ChangeRule = (change, context): AuditFinding | undefined => {
  const facts = changeFactsOf(change, context);
  if (!facts.after) return undefined;
  const known = new Set((facts.before?.outcome.findings ?? []).map(identity));
  const introduced = facts.after.outcome.findings.filter((finding) => !known.has(identity(finding)));
  if (introduced.length === 0) return undefined;
  const severity = introduced.reduce<AuditSeverity>(
    (worst, finding) => atLeast(worst, finding.severity),
    'LOW',
  );
  const fixes = [...new Set(introduced.map((finding) => FIXES[finding.code] ?? GENERIC_FIX))];
  return {
    code: AuditRuleCode.DATA_QUALITY,
    severity,
    deltaCents: facts.impact.deltaCents,
    weekEnding: facts.weekEnding ?? null,
    isHistorical: facts.closedWeek !== undefined,
    issueDescription: `${editorSubject(facts.editor)} ${changePhrase(change, facts.workRequest)}, leaving ${introduced.length === 1 ? 'a data problem' : `${introduced.length} data problems`}: ${introduced.map((finding) => finding.message).join(' ')}`,
    suggestedFix: fixes.join(' '),
    reasons: introduced.map((finding) => `${finding.code}${finding.field ? ` (${finding.field})` : ''}`),
    details: {
      dataQuality: introduced.map((finding) => ({
        code: finding.code,
        severity: finding.severity,
        field: finding.field ?? null,
        message: finding.message,
      })),
    },
  };
};
