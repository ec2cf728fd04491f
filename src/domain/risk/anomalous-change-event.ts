// The event of a flagged change that no rule fired on (ANOMALOUS_CHANGE): risk scoring put it
// within the run's alert budget, so it joins the trail, the audit sheet and the alerts like any
// finding — described from the stored observation, since the run's flags are decided after the
// changes themselves were stored.
import type { AuditEventRecord } from '../audit-chain.js';
import type { AuditContext } from '../audit/audit-context.js';
import { auditEventOf } from '../audit/audit-event.js';
import type { AuditEventPlacement } from '../audit/audit-event.js';
import { AuditRuleCode } from '../audit/audit-finding.js';
import type { AuditFinding } from '../audit/audit-finding.js';
import { atLeast, severityForImpact } from '../audit/severity-band.js';
import { formatCents } from '../money.js';
import type { ChangeObservation } from './change-observation.js';
import type { FeatureContribution } from './assess-change.js';

/** What the event needs of the change's scoring. */
export interface FlaggedScoring {
  readonly riskScore: number;
  readonly anomalyPercentile: number | null;
  readonly topFeatures: readonly Pick<FeatureContribution, 'label' | 'value' | 'typical'>[];
  readonly rank: number;
}

function what(o: ChangeObservation): string {
  if (o.field === 'row-created') return `added row ${o.rowNumber}`;
  if (o.field === 'row-deleted') return `deleted row ${o.rowNumber}`;
  return `changed ${o.columnName ?? o.field} on row ${o.rowNumber} from ${o.oldValue ?? '(blank)'} to ${o.newValue ?? '(blank)'}`;
}

/** The finding a flag stands for: severity by the money at stake, at least LOW. */
export function anomalousChangeFinding(
  o: ChangeObservation,
  scoring: FlaggedScoring,
  context: Pick<AuditContext, 'bands'>,
): AuditFinding {
  const rarity =
    scoring.anomalyPercentile === null
      ? ''
      : `, more unusual than ${(scoring.anomalyPercentile * 100).toFixed(1)} % of past changes`;
  const features = scoring.topFeatures.map((f) => `${f.label} ${f.value} (typically ${f.typical})`);
  const money = o.deltaCents === null ? 'an unknown amount' : formatCents(o.deltaCents);
  return {
    code: AuditRuleCode.ANOMALOUS_CHANGE,
    severity: atLeast('LOW', severityForImpact(o.deltaCents, context.bands)),
    deltaCents: o.deltaCents,
    weekEnding: o.weekEnding,
    isHistorical: o.hoursAfterClose > 0,
    issueDescription: `${o.editor ?? 'An unknown editor'} ${what(o)} on ${o.sheetName} (${money}): flag ${scoring.rank} of the run, risk ${scoring.riskScore.toFixed(2)}${rarity}.`,
    suggestedFix:
      'Check the change with the editor and record the outcome: `ledgerline model verdict <change id> confirmed|false-alarm`.',
    reasons: features.length > 0 ? features : ['risk score within the run’s alert budget'],
    details: { flagRank: scoring.rank },
  };
}

/** The ANOMALOUS_CHANGE event of a flagged change. */
export function anomalousChangeEvent(
  o: ChangeObservation,
  scoring: FlaggedScoring,
  context: AuditContext,
): AuditEventRecord {
  const placement: AuditEventPlacement = {
    sheetId: o.sheetId,
    rowId: o.rowId,
    columnName: o.columnName,
    changeRevision: o.revision,
    workRequest: o.workRequest,
    oldValue: o.oldValue,
    newValue: o.newValue,
    changedBy: o.editor,
    changedAt: new Date(o.changedAt),
    sheetReference: o.sheetReference,
    details: {
      changeKind: o.field === 'row-created' || o.field === 'row-deleted' ? o.field : 'cell',
      field: o.field,
      sheetName: o.sheetName,
      rowNumber: o.rowNumber,
      changeAgent: o.changeAgent,
      editor: {
        email: o.editor,
        human: o.editorHuman,
        corrector: o.editorCorrector,
        authorised: o.editorAuthorised,
      },
      impact: { deltaCents: o.deltaCents },
    },
  };
  return auditEventOf(placement, anomalousChangeFinding(o, scoring, context), context);
}
