// Every configuration key Ledgerline reads, in one table: its documentation, default, whether it is
// a secret, and the parser that validates it. The README's configuration table and .env.example are
// generated from this table (tests keep them in step).
import { z } from 'zod';
import { parseLockingScope } from '../domain/locking/locking-scope.js';
import {
  backupKey,
  boolean,
  databaseUrl,
  decimal,
  emailAddress,
  httpUrl,
  idList,
  integer,
  nonEmpty,
  oneOf,
  riskWeights,
  secretOfAtLeast32,
  workingHours,
  stringList,
  timeZone,
} from './env-value-parsers.js';

/** off | all | sheet ids (issue #12), read by the domain's own parser so both agree. */
const lockingScope = z.string().transform((text, ctx) => {
  const parsed = parseLockingScope(text);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.reason });
  return z.NEVER;
});

export interface ConfigKey {
  /** The environment variable. */
  env: string;
  /** Heading it is listed under in the docs. */
  section: string;
  /** One line: what it controls. */
  doc: string;
  /** Used when the variable is unset or empty; undefined = optional with no value. */
  default?: string;
  /** Secrets come only from the environment (or .env) and are never printed or logged. */
  secret?: boolean;
  schema: z.ZodType<unknown, string>;
}

export const SMARTSHEET_REGIONS = {
  us: 'https://api.smartsheet.com/2.0',
  eu: 'https://api.smartsheet.eu/2.0',
  gov: 'https://api.smartsheetgov.com/2.0',
  au: 'https://api.smartsheet.au/2.0',
} as const;

export const CONFIG_KEYS = [
  // Store
  {
    env: 'LEDGERLINE_DATABASE_URL',
    section: 'Store',
    doc: 'Where data lives: sqlite:<path> (embedded, default) or postgres://user@host:5432/db[?schema=name].',
    default: 'sqlite:./.ledgerline/ledgerline.db',
    schema: databaseUrl,
  },
  {
    env: 'LEDGERLINE_DATA_DIR',
    section: 'Store',
    doc: 'Folder for generated reports, the mail outbox and other local files.',
    default: './.ledgerline',
    schema: nonEmpty,
  },
  // Scale-out
  {
    env: 'LEDGERLINE_QUEUE',
    section: 'Scale-out',
    doc: '`in-process`: `serve` does all work itself. `pg-boss`: `serve` and its schedule enqueue jobs in Postgres and `ledgerline worker` processes (any number, any machine) take them; needs a postgres:// LEDGERLINE_DATABASE_URL.',
    default: 'in-process',
    schema: oneOf(['in-process', 'pg-boss']),
  },
  {
    env: 'LEDGERLINE_QUEUE_SCHEMA',
    section: 'Scale-out',
    doc: 'Postgres schema of the job queue, the cluster request budget and locks (never the store schema, so backups leave them out). Default: `<store schema>_queue`, or `ledgerline_queue` for the public schema.',
    schema: z
      .string()
      .trim()
      .regex(/^[a-z_][a-z0-9_]*$/i, 'must be a plain schema name (letters, digits, _)'),
  },
  {
    env: 'LEDGERLINE_WORKER_CONCURRENCY',
    section: 'Scale-out',
    doc: '`worker`: jobs of each kind one worker process runs at once (sheet syncs and webhook batches); cycles and alerts run one at a time.',
    default: '2',
    schema: integer(1, 32),
  },
  {
    env: 'LEDGERLINE_JOB_HEARTBEAT_SECONDS',
    section: 'Scale-out',
    doc: 'A worker that has not reported on its job for this long is taken as dead and the job goes to another worker (minimum 10).',
    default: '30',
    schema: integer(10, 3_600),
  },
  {
    env: 'LEDGERLINE_WORKER_PORT',
    section: 'Scale-out',
    doc: '`worker`: port for its `/health`, `/ready` and `/metrics`, on LEDGERLINE_HTTP_HOST; unset, a worker listens on none. Several workers on one machine each need their own (`worker --port`).',
    schema: integer(0, 65_535),
  },
  // Logging
  {
    env: 'LEDGERLINE_LOG_LEVEL',
    section: 'Logging',
    doc: 'Minimum log level: trace, debug, info, warn, error, fatal or silent.',
    default: 'info',
    schema: oneOf(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
  },
  {
    env: 'LEDGERLINE_LOG_FORMAT',
    section: 'Logging',
    doc: 'json, pretty, or auto (pretty on a terminal, JSON otherwise).',
    default: 'auto',
    schema: oneOf(['auto', 'json', 'pretty']),
  },
  // Smartsheet
  {
    env: 'SMARTSHEET_API_TOKEN',
    section: 'Smartsheet',
    doc: 'API access token (Personal Settings → API Access). Secret.',
    secret: true,
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_SMARTSHEET_REGION',
    section: 'Smartsheet',
    doc: 'Smartsheet instance: us, eu, gov or au (sets the default base URL).',
    default: 'us',
    schema: oneOf(['us', 'eu', 'gov', 'au']),
  },
  {
    env: 'LEDGERLINE_SMARTSHEET_BASE_URL',
    section: 'Smartsheet',
    doc: "API base URL; overrides the region (e.g. the emulator's http://127.0.0.1:8080/2.0).",
    schema: httpUrl,
  },
  {
    env: 'LEDGERLINE_SMARTSHEET_CHANGE_AGENT',
    section: 'Smartsheet',
    doc: 'Smartsheet-Change-Agent sent on every write; callbacks carrying it are our own changes.',
    default: 'ledgerline',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE',
    section: 'Smartsheet',
    doc: 'Request budget per minute shared by every call (Smartsheet allows 300; heavy calls cost 10).',
    default: '300',
    // A heavy call (cell history, upload) costs 10 units and must fit beside the bucket's refill.
    schema: integer(11, 1_000_000),
  },
  {
    env: 'LEDGERLINE_SMARTSHEET_MAX_RETRY_SECONDS',
    section: 'Smartsheet',
    doc: 'Longest total time one call may spend retrying (429, 5xx, network errors).',
    default: '90',
    schema: integer(0, 3_600),
  },
  {
    env: 'LEDGERLINE_SOURCE_SHEET_IDS',
    section: 'Smartsheet',
    doc: 'Comma-separated ids of source sheets to read.',
    default: '',
    schema: idList,
  },
  {
    env: 'LEDGERLINE_SOURCE_FOLDER_IDS',
    section: 'Smartsheet',
    doc: 'Comma-separated folder ids walked recursively for source sheets.',
    default: '',
    schema: idList,
  },
  {
    env: 'LEDGERLINE_SOURCE_WORKSPACE_IDS',
    section: 'Smartsheet',
    doc: 'Comma-separated workspace ids walked recursively for source sheets.',
    default: '',
    schema: idList,
  },
  {
    env: 'LEDGERLINE_SHEET_NAME_EXCLUDE',
    section: 'Smartsheet',
    doc: 'Comma-separated words; discovered sheets whose name contains one are skipped.',
    default: 'Archive',
    schema: stringList,
  },
  {
    env: 'LEDGERLINE_TARGET_SHEET_ID',
    section: 'Smartsheet',
    doc: 'Sheet with one row per Work Request, where weekly reports are attached.',
    schema: integer(1, Number.MAX_SAFE_INTEGER),
  },
  {
    env: 'LEDGERLINE_AUDIT_SHEET_ID',
    section: 'Smartsheet',
    doc: 'Sheet where audit events and run summaries are written.',
    schema: integer(1, Number.MAX_SAFE_INTEGER),
  },
  {
    env: 'LEDGERLINE_FAIL_ON_MISSING_SHEET',
    section: 'Smartsheet',
    doc: 'Exit non-zero when a configured sheet vanished or no longer maps its required columns.',
    default: 'true',
    schema: boolean,
  },
  {
    env: 'LEDGERLINE_SYNC_CLOCK_SKEW_SECONDS',
    section: 'Smartsheet',
    doc: 'Margin subtracted from the last sync time when asking for rows modified since (clocks differ).',
    default: '300',
    schema: integer(0, 86_400),
  },
  {
    env: 'LEDGERLINE_PHASE_TIME_BUDGET_SECONDS',
    section: 'Smartsheet',
    doc: 'Time budget of each run phase; past it a phase starts no new work and the next run continues.',
    default: '1800',
    schema: integer(1, 86_400),
  },
  // Billing rules
  {
    env: 'LEDGERLINE_TIME_ZONE',
    section: 'Billing',
    doc: 'Organisation time zone: when weeks close, hours of day in risk features.',
    default: 'America/Chicago',
    schema: timeZone,
  },
  {
    env: 'LEDGERLINE_WEEK_END_DAY',
    section: 'Billing',
    doc: 'Day the billing week ends on.',
    default: 'sunday',
    schema: oneOf(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
  },
  {
    env: 'LEDGERLINE_WEEK_CLOSE_GRACE_HOURS',
    section: 'Billing',
    doc: 'Hours after the end of the week-ending day before a week counts as closed.',
    default: '0',
    schema: decimal(0, 24 * 14),
  },
  {
    env: 'LEDGERLINE_COMPANY_NAME',
    section: 'Billing',
    doc: 'Company name printed on reports (also the logo fallback).',
    default: 'Ledgerline Contracting',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_LOGO_PATH',
    section: 'Billing',
    doc: 'PNG or JPEG logo placed at A1 of each weekly report.',
    schema: nonEmpty,
  },
  // Audit
  {
    env: 'LEDGERLINE_AUDIT_SIGNING_KEY',
    section: 'Audit',
    doc: 'Ed25519 private key (PKCS#8 PEM) that signs audit checkpoints; never stored in the database. Secret.',
    secret: true,
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_AUDIT_SIGNING_KEY_FILE',
    section: 'Audit',
    doc: 'File holding that key when the variable is unset (created with mode 600 on first use if missing).',
    default: './.ledgerline/keys/audit-signing-key.pem',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_AUTHORIZED_EDITORS_FILE',
    section: 'Audit',
    doc: 'JSON file {"<sheet id>" or "*": ["email", …]}: who may edit billing cells; unset = rule off.',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_BILLING_CORRECTORS',
    section: 'Audit',
    doc: 'Comma-separated e-mails holding billing.correct: their post-close edits are AUTHORIZED_CORRECTION.',
    default: '',
    schema: stringList,
  },
  {
    env: 'LEDGERLINE_AUTOMATION_IDENTITIES',
    section: 'Audit',
    doc: 'Comma-separated non-human editors (Smartsheet automations).',
    default: 'automation@smartsheet.com,cell-link@smartsheet.com',
    schema: stringList,
  },
  {
    env: 'LEDGERLINE_RATE_TABLE_PATH',
    section: 'Audit',
    doc: 'Contract rate table CSV (CU, prices); enables PRICE_RATE_MISMATCH.',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_BAND_CRITICAL_DOLLARS',
    section: 'Audit',
    doc: 'Impact at or above which a finding is CRITICAL.',
    default: '10000',
    schema: decimal(0, 1e9),
  },
  {
    env: 'LEDGERLINE_BAND_HIGH_DOLLARS',
    section: 'Audit',
    doc: 'Impact above which a finding is HIGH.',
    default: '1000',
    schema: decimal(0, 1e9),
  },
  {
    env: 'LEDGERLINE_BAND_MEDIUM_DOLLARS',
    section: 'Audit',
    doc: 'Impact above which a finding is MEDIUM (LOW below).',
    default: '100',
    schema: decimal(0, 1e9),
  },
  {
    env: 'LEDGERLINE_VIOLATION_EXIT_SEVERITY',
    section: 'Audit',
    doc: '`run` exits 3 when a finding reaches this severity (low, medium, high, critical) or never (off).',
    default: 'medium',
    schema: oneOf(['low', 'medium', 'high', 'critical', 'off']),
  },
  // Risk
  {
    env: 'LEDGERLINE_RISK_WEIGHTS',
    section: 'Risk',
    doc: 'Most each signal adds to the risk score, combined as 1 − Π(1 − w·signal): `rules=…,anomaly=…,editor=…` (each 0–1).',
    default: 'rules=0.9,anomaly=0.8,editor=0.3',
    schema: riskWeights,
  },
  {
    env: 'LEDGERLINE_RISK_ALERT_BUDGET',
    section: 'Risk',
    doc: 'At most this many changes are flagged per run, ranked by |impact| × risk (re-weighted by verdicts).',
    default: '25',
    schema: integer(0, 10_000),
  },
  {
    env: 'LEDGERLINE_RISK_FLAG_MIN',
    section: 'Risk',
    doc: 'Changes below this risk score are never flagged, whatever they move.',
    default: '0.5',
    schema: decimal(0, 1),
  },
  {
    env: 'LEDGERLINE_MODEL_MIN_CHANGES',
    section: 'Risk',
    doc: 'Stored changes needed before the anomaly model is trained; until then risk rests on rules (cold start).',
    default: '200',
    schema: integer(50, 100_000_000),
  },
  {
    env: 'LEDGERLINE_MODEL_TRAINING_DAYS',
    section: 'Risk',
    doc: 'Training window: changes of this many days before training.',
    default: '180',
    schema: integer(1, 3650),
  },
  {
    env: 'LEDGERLINE_MODEL_RETRAIN_CRON',
    section: 'Risk',
    doc: '`serve` retrains the model on this schedule (cron, organisation time zone).',
    default: '0 3 * * 1',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_ALERT_RECIPIENTS',
    section: 'Mail',
    doc: 'Comma-separated e-mails that receive alert digests; empty = no e-mail alerts.',
    default: '',
    schema: stringList,
  },
  {
    env: 'LEDGERLINE_ALERT_MIN_SEVERITY',
    section: 'Mail',
    doc: 'Lowest finding severity that is alerted: low, medium, high or critical.',
    default: 'high',
    schema: oneOf(['low', 'medium', 'high', 'critical']),
  },
  {
    env: 'LEDGERLINE_ALERT_CHAT_WEBHOOK_URL',
    section: 'Mail',
    doc: 'Slack or Teams incoming-webhook URL that also receives alert digests. Secret.',
    secret: true,
    schema: httpUrl,
  },
  // Mail
  {
    env: 'LEDGERLINE_MAIL_TRANSPORT',
    section: 'Mail',
    doc: 'smtp (send), outbox (write .eml files under the data folder) or none.',
    default: 'outbox',
    schema: oneOf(['smtp', 'outbox', 'none']),
  },
  {
    env: 'LEDGERLINE_SMTP_HOST',
    section: 'Mail',
    doc: 'SMTP server host name.',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_SMTP_PORT',
    section: 'Mail',
    doc: 'SMTP server port.',
    default: '587',
    schema: integer(1, 65_535),
  },
  {
    env: 'LEDGERLINE_SMTP_SECURITY',
    section: 'Mail',
    doc: 'tls (implicit TLS, port 465), starttls (upgrade, port 587) or none (local relays only).',
    default: 'starttls',
    schema: oneOf(['tls', 'starttls', 'none']),
  },
  {
    env: 'LEDGERLINE_SMTP_USER',
    section: 'Mail',
    doc: 'SMTP user name.',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_SMTP_PASSWORD',
    section: 'Mail',
    doc: 'SMTP password. Secret.',
    secret: true,
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_MAIL_FROM',
    section: 'Mail',
    doc: 'From address of alert e-mails.',
    default: 'ledgerline@localhost.localdomain',
    schema: emailAddress,
  },
  // Backup
  {
    env: 'LEDGERLINE_BACKUP_DIR',
    section: 'Backup',
    doc: 'Folder holding one sub-folder per backup; put it on another disk than the store.',
    default: './backups',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_BACKUP_ENCRYPTION_KEY',
    section: 'Backup',
    doc: 'AES-256-GCM key encrypting backup files at rest: 32 bytes as 64 hex digits or base64; unset = not encrypted. Secret.',
    secret: true,
    schema: backupKey,
  },
  {
    env: 'LEDGERLINE_BACKUP_ENCRYPTION_KEY_FILE',
    section: 'Backup',
    doc: 'File holding that key when the variable is unset (keep a copy away from the backups).',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_BACKUP_CRON',
    section: 'Backup',
    doc: '`serve`: when the daily backup and its restore drill run (cron, in LEDGERLINE_TIME_ZONE).',
    default: '30 2 * * *',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_BACKUP_KEEP_DAILY',
    section: 'Backup',
    doc: 'Retention: the newest verified backup of this many days is kept.',
    default: '7',
    schema: integer(1, 3_660),
  },
  {
    env: 'LEDGERLINE_BACKUP_KEEP_WEEKLY',
    section: 'Backup',
    doc: 'Retention: the newest verified backup of this many weeks (Monday to Sunday) is kept.',
    default: '4',
    schema: integer(0, 520),
  },
  {
    env: 'LEDGERLINE_BACKUP_KEEP_MONTHLY',
    section: 'Backup',
    doc: 'Retention: the newest verified backup of this many months is kept.',
    default: '12',
    schema: integer(0, 1_200),
  },
  {
    env: 'LEDGERLINE_BACKUP_MAX_AGE_HOURS',
    section: 'Backup',
    doc: 'Alarm (and a failing `doctor`) when no verified backup is younger than this.',
    default: '26',
    schema: integer(1, 24 * 31),
  },
  // Dashboard
  {
    env: 'LEDGERLINE_LOGIN_MAX_FAILURES',
    section: 'Dashboard',
    doc: 'Consecutive failed sign-ins that lock a dashboard account.',
    default: '5',
    schema: integer(1, 100),
  },
  {
    env: 'LEDGERLINE_LOGIN_LOCKOUT_MINUTES',
    section: 'Dashboard',
    doc: 'How long a locked account stays locked (an admin password reset unlocks it sooner).',
    default: '15',
    schema: integer(1, 24 * 60),
  },
  {
    env: 'LEDGERLINE_LOGIN_RATE_PER_MINUTE',
    section: 'Dashboard',
    doc: 'Sign-in attempts accepted per client IP address per minute; more get 429.',
    default: '10',
    schema: integer(1, 10_000),
  },
  {
    env: 'LEDGERLINE_SESSION_IDLE_MINUTES',
    section: 'Dashboard',
    doc: 'A dashboard session without activity for this long ends.',
    default: '60',
    schema: integer(1, 24 * 60),
  },
  {
    env: 'LEDGERLINE_SESSION_ABSOLUTE_HOURS',
    section: 'Dashboard',
    doc: 'A dashboard session ends this long after sign-in, whatever its activity.',
    default: '12',
    schema: integer(1, 24 * 30),
  },
  {
    env: 'LEDGERLINE_MFA_REQUIRED_FOR_ADMINS',
    section: 'Dashboard',
    doc: 'Admins must set up two-factor sign-in (TOTP) before using the dashboard.',
    default: 'true',
    schema: boolean,
  },
  // Access review
  {
    env: 'LEDGERLINE_ACCESS_REVIEW_CRON',
    section: 'Access review',
    doc: '`serve`: when the monthly access review is made and mailed (cron, in LEDGERLINE_TIME_ZONE).',
    default: '0 6 1 * *',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_ACCESS_REVIEW_RECIPIENTS',
    section: 'Access review',
    doc: 'Comma-separated e-mails the monthly access review goes to; unset = LEDGERLINE_ALERT_RECIPIENTS.',
    schema: stringList,
  },
  {
    env: 'LEDGERLINE_ACCESS_REVIEW_INACTIVE_DAYS',
    section: 'Access review',
    doc: 'An account or sheet share without activity for more than this many days is flagged inactive.',
    default: '90',
    schema: integer(1, 3_660),
  },
  {
    env: 'LEDGERLINE_ACCESS_REVIEW_INTERVAL_DAYS',
    section: 'Access review',
    doc: 'A subject whose last review decision is older than this many days is flagged review-overdue.',
    default: '90',
    schema: integer(1, 3_660),
  },
  {
    env: 'LEDGERLINE_ACCESS_REVIEW_PRIVILEGED_DAYS',
    section: 'Access review',
    doc: 'An admin account, or OWNER/ADMIN/EDITOR_SHARE sharing, unused for more than this many days is flagged.',
    default: '30',
    schema: integer(1, 3_660),
  },
  // Locking
  {
    env: 'LEDGERLINE_LOCK_CLOSED_WEEKS',
    section: 'Locking',
    doc: 'Lock the billable rows of closed, published weeks in Smartsheet: off, all, or comma-separated source sheet ids (the token must be OWNER or ADMIN on those sheets).',
    default: 'off',
    schema: lockingScope,
  },
  // HTTP
  {
    env: 'LEDGERLINE_HTTP_HOST',
    section: 'HTTP',
    doc: 'Address `serve` listens on.',
    default: '127.0.0.1',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_HTTP_PORT',
    section: 'HTTP',
    doc: 'Port `serve` listens on (production sits behind a TLS proxy).',
    default: '8400',
    schema: integer(0, 65_535),
  },
  {
    env: 'LEDGERLINE_PUBLIC_URL',
    section: 'HTTP',
    doc: 'Public https URL of this service (webhook callbacks and links in e-mails).',
    schema: httpUrl,
  },
  {
    env: 'LEDGERLINE_CYCLE_CRON',
    section: 'HTTP',
    doc: '`serve`: when the full cycle runs (cron, in LEDGERLINE_TIME_ZONE).',
    default: '0 */2 * * *',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_SWEEP_CRON',
    section: 'HTTP',
    doc: '`serve`: when sheet versions are compared to catch edits whose callbacks were lost (cron).',
    default: '*/15 * * * *',
    schema: nonEmpty,
  },
  {
    env: 'LEDGERLINE_INBOX_POLL_SECONDS',
    section: 'HTTP',
    doc: '`serve`: how often the webhook inbox is drained.',
    default: '5',
    schema: integer(1, 3_600),
  },
  {
    env: 'LEDGERLINE_WEBHOOK_MAX_AGE_HOURS',
    section: 'HTTP',
    doc: 'Callbacks stamped longer ago than this are refused as replays (Smartsheet retries for about 21 h).',
    default: '168',
    schema: integer(22, 24 * 366),
  },
  {
    env: 'LEDGERLINE_WEBHOOK_SILENCE_MINUTES',
    section: 'HTTP',
    doc: '`serve` alerts when a webhook delivered nothing for this long during working hours.',
    default: '120',
    schema: integer(5, 7 * 24 * 60),
  },
  {
    env: 'LEDGERLINE_WORKING_HOURS',
    section: 'HTTP',
    doc: 'Local working hours, Monday to Friday, as HH-HH (start inclusive, end exclusive).',
    default: '07-18',
    schema: workingHours,
  },
  {
    env: 'LEDGERLINE_SESSION_SECRET',
    section: 'HTTP',
    doc: 'Key of the dashboard CSRF tokens (at least 32 characters); unset = a random key per process, so open pages must reload after a restart. Secret.',
    secret: true,
    schema: secretOfAtLeast32,
  },
  {
    env: 'LEDGERLINE_TRUST_PROXY',
    section: 'HTTP',
    doc: 'Trust X-Forwarded-For/-Proto from a TLS proxy in front of `serve`: client IPs, Secure cookies and HSTS depend on it.',
    default: 'false',
    schema: boolean,
  },
] as const satisfies readonly ConfigKey[];

export type ConfigKeyName = (typeof CONFIG_KEYS)[number]['env'];
