/**
 * The tables as Kysely sees them. Where the engines differ the type admits both representations
 * and column-codecs.ts converts at the repository boundary:
 * - instants: Postgres `timestamptz` (parsed back to ISO strings by the pool), SQLite ISO text;
 * - dates: Postgres `date` (kept as `YYYY-MM-DD` text by the pool), SQLite text;
 * - booleans: Postgres `boolean`, SQLite 0/1;
 * - JSON: Postgres `jsonb` (the driver returns parsed values), SQLite text; always written as text.
 * Ids and counts are JS numbers on both (Postgres int8 is parsed to a safe integer by the pool).
 */
import type { ColumnType, Generated } from 'kysely';

type DbBoolean = ColumnType<boolean | number, boolean | number, boolean | number>;
type DbJson = ColumnType<unknown, string, string>;
type DbJsonNullable = ColumnType<unknown, string | null, string | null>;

export interface SheetsTable {
  id: number;
  name: string;
  role: string;
  location_path: string | null;
  version: number | null;
  column_map: DbJson;
  missing_columns: DbJson;
  status: string;
  last_synced_at: string | null;
  last_seen_at: string | null;
}

export interface RowSnapshotsTable {
  sheet_id: number;
  row_id: number;
  row_number: number;
  modified_at: string | null;
  content_hash: string;
  cell_values: DbJson;
  billable: DbBoolean;
  deleted_at: string | null;
  last_run_id: string | null;
}

export interface RunsTable {
  id: string;
  kind: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  summary: DbJsonNullable;
  error: string | null;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  event_id: string;
  natural_key: string;
  revision: string;
  run_id: string | null;
  timestamp: string;
  sheet_id: number | null;
  row_id: number | null;
  work_request: string | null;
  column_name: string | null;
  violation_type: string;
  old_value: string | null;
  new_value: string | null;
  delta: number | null;
  changed_by: string | null;
  changed_at: string | null;
  week_ending: string | null;
  is_historical: DbBoolean;
  audit_run_id: string | null;
  severity: string;
  issue_description: string;
  suggested_fix: string | null;
  sheet_reference: string | null;
  ip_address: string | null;
  device_info: string | null;
  session_id: string | null;
  user_agent: string | null;
  risk_score: number | null;
  anomaly_score: number | null;
  predicted_category: string | null;
  details: DbJson;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  id: number;
  event_count: number;
  head_seq: number | null;
  head_hash: string;
}

export interface AuditCheckpointsTable {
  seq: number;
  event_count: number;
  head_hash: string;
  signature: string;
  key_id: string;
  run_id: string | null;
  created_at: string;
}

export interface PublishedReportsTable {
  identity_key: string;
  work_request: string;
  week_ending: string;
  variant: string;
  claimer: string | null;
  content_hash: string;
  file_name: string;
  target_row_id: number;
  attachment_id: number;
  published_at: string;
  run_id: string | null;
}

export interface WebhooksTable {
  id: number;
  sheet_id: number;
  callback_url: string;
  shared_secret: string;
  status: string;
  last_callback_at: string | null;
}

export interface WebhookInboxTable {
  key: string;
  webhook_id: number;
  received_at: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  processed_at: string | null;
  error: string | null;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string;
  totp_secret: string | null;
  mfa_enabled: DbBoolean;
  recovery_codes: DbJson;
  failed_logins: number;
  locked_until: string | null;
  disabled_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  /** Last accepted TOTP time step (0003-auth). */
  totp_last_step: number | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  absolute_expires_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
}

export interface PermissionsTable {
  email: string;
  permission: string;
  granted_by: string;
  granted_at: string;
}

export interface BackupsTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  location: string | null;
  size_bytes: number | null;
  checksum: string | null;
  duration_ms: number | null;
  drill_result: DbJsonNullable;
  error: string | null;
  manifest: DbJsonNullable;
}

export interface AlertsTable {
  id: string;
  dedupe_key: string;
  rule: string;
  channel: string;
  recipients: DbJson;
  subject: string;
  payload: DbJson;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  sent_at: string | null;
  error: string | null;
  created_at: string;
}

export interface RiskChangesTable {
  change_id: string;
  run_id: string;
  sheet_id: number;
  row_id: number;
  changed_at: string;
  editor: string | null;
  delta_cents: number | null;
  observation: DbJson;
  anomaly_score: number | null;
  risk_score: number;
  category: string;
  signature: string;
  model_id: string | null;
  explanation: DbJson;
  flag_rank: number | null;
  flag_priority: number | null;
}

export interface RiskModelsTable {
  id: string;
  created_at: string;
  trained_from: string;
  trained_to: string;
  sample_count: number;
  parameters: string;
  metrics: DbJson;
}

export interface RiskVerdictsTable {
  change_id: string;
  decided_at: string;
  verdict: string;
  reviewer: string;
  comment: string | null;
  signature: string;
  run_id: string;
}

export interface EventReviewsTable {
  review_seq: Generated<number>;
  event_id: string;
  status: string;
  comment: string;
  reviewer: string;
  reviewed_at: string;
}

export interface AccessReviewsTable {
  id: string;
  created_at: string;
  period: string;
  created_by: string;
  subject_count: number;
  subjects: DbJson;
  details: DbJson;
}

export interface AccessReviewDecisionsTable {
  decision_id: string;
  review_id: string;
  subject_key: string;
  decision: string;
  comment: string | null;
  reviewer: string;
  decided_at: string;
}

export interface CorrectionRequestsTable {
  id: string;
  requested_at: string;
  requested_by: string;
  sheet_id: number;
  row_id: number;
  field: string;
  new_value: string;
  reason: string;
  current_value: string | null;
  sheet_name: string | null;
  work_request: string | null;
  week_ending: string | null;
  event_id: string | null;
}

export interface CorrectionStepsTable {
  request_id: string;
  step_no: number;
  kind: string;
  actor: string;
  at: string;
  comment: string | null;
  details: DbJson;
}

export interface Database {
  sheets: SheetsTable;
  row_snapshots: RowSnapshotsTable;
  runs: RunsTable;
  audit_events: AuditEventsTable;
  audit_chain_head: AuditChainHeadTable;
  audit_checkpoints: AuditCheckpointsTable;
  published_reports: PublishedReportsTable;
  webhooks: WebhooksTable;
  webhook_inbox: WebhookInboxTable;
  users: UsersTable;
  sessions: SessionsTable;
  permissions: PermissionsTable;
  backups: BackupsTable;
  alerts: AlertsTable;
  risk_changes: RiskChangesTable;
  risk_models: RiskModelsTable;
  risk_verdicts: RiskVerdictsTable;
  event_reviews: EventReviewsTable;
  access_reviews: AccessReviewsTable;
  access_review_decisions: AccessReviewDecisionsTable;
  correction_requests: CorrectionRequestsTable;
  correction_steps: CorrectionStepsTable;
}
