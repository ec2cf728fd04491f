// The change audit's public surface (billing-domain.md §3): rules, impact, events and summary.
export type { AttributedChange, ChangeEditor, ChangeKind } from './attributed-change.js';
export { WATCHED_BILLING_FIELDS, isWatchedChange } from './attributed-change.js';
export type { AuditContext, AuditContextOptions, RateTolerance, SeverityBands } from './audit-context.js';
export {
  DEFAULT_AUTOMATION_IDENTITIES,
  DEFAULT_RATE_TOLERANCE,
  DEFAULT_SEVERITY_BANDS,
  defaultAuditContext,
} from './audit-context.js';
export type { AuditEventPlacement } from './audit-event.js';
export { auditEventId, auditEventOf, auditEventsFor, findingRevision, rowReference } from './audit-event.js';
export type { AuditFinding, ChangeRule } from './audit-finding.js';
export { AuditRuleCode } from './audit-finding.js';
export { authorizedCorrectionRule } from './authorized-correction-rule.js';
export { billedRowDeletedRule } from './billed-row-deleted-rule.js';
export type { ChangeFacts, ClosedWeekTouch } from './change-facts.js';
export { changeFactsOf } from './change-facts.js';
export type { ChangeRows, RowState } from './change-rows.js';
export { changeRowsOf } from './change-rows.js';
export { dataQualityRule } from './data-quality-rule.js';
export type { DuplicateUnitFinding, SheetDirectory, UnitRowLocation } from './duplicate-unit-rule.js';
export { duplicateUnitEvents, duplicateUnitFindings } from './duplicate-unit-rule.js';
export type { EditorStanding } from './editor-standing.js';
export { editorStandingOf, normaliseEmail } from './editor-standing.js';
export type { FinancialImpact, ImpactBasis } from './financial-impact.js';
export { financialImpactOf } from './financial-impact.js';
export { CHANGE_RULES, findingsFor } from './findings-for-change.js';
export type { FindingsSummary } from './findings-summary.js';
export { summariseFindings } from './findings-summary.js';
export { postCloseEditRule } from './post-close-edit-rule.js';
export { priceOverrideRule } from './price-override-rule.js';
export { priceRateMismatchRule } from './price-rate-mismatch-rule.js';
export { exceedsRateTolerance } from './rate-tolerance.js';
export { SEVERITY_ORDER, atLeast, severityForImpact } from './severity-band.js';
export { unauthorizedEditorRule } from './unauthorized-editor-rule.js';
export { uncompletedAfterCloseRule } from './uncompleted-after-close-rule.js';
export { weekMovedRule } from './week-moved-rule.js';
