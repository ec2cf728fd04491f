// The typed configuration every other module receives. Built once from the validated keys
// (config-keys.ts) and passed down; nothing else reads the environment.
import type { z } from 'zod';
import type { CONFIG_KEYS, ConfigKeyName } from './config-keys.js';
import { SMARTSHEET_REGIONS } from './config-keys.js';
import type { DatabaseLocation } from './env-value-parsers.js';
import type { LockingScope } from '../domain/locking/locking-scope.js';

type KeyOf<N extends ConfigKeyName> = Extract<(typeof CONFIG_KEYS)[number], { env: N }>;
/** Parsed value per key; undefined where the key is optional and unset. */
export type ParsedKeys = {
  [N in ConfigKeyName]: KeyOf<N> extends { default: string }
    ? z.output<KeyOf<N>['schema']>
    : z.output<KeyOf<N>['schema']> | undefined;
};

export type WeekDay = ParsedKeys['LEDGERLINE_WEEK_END_DAY'];

export interface Config {
  database: { location: DatabaseLocation };
  dataDir: string;
  queue: {
    kind: ParsedKeys['LEDGERLINE_QUEUE'];
    /** Explicit LEDGERLINE_QUEUE_SCHEMA; see queueSchemaFor for the default. */
    schema: string | undefined;
    workerConcurrency: number;
    heartbeatSeconds: number;
    /** `worker`'s probe port (/health, /ready, /metrics); undefined = none. */
    workerPort: number | undefined;
  };
  log: { level: ParsedKeys['LEDGERLINE_LOG_LEVEL']; format: ParsedKeys['LEDGERLINE_LOG_FORMAT'] };
  smartsheet: {
    baseUrl: string;
    region: ParsedKeys['LEDGERLINE_SMARTSHEET_REGION'];
    token: string | undefined;
    changeAgent: string;
    requestsPerMinute: number;
    maxRetrySeconds: number;
    sourceSheetIds: number[];
    sourceFolderIds: number[];
    sourceWorkspaceIds: number[];
    sheetNameExclude: string[];
    targetSheetId: number | undefined;
    auditSheetId: number | undefined;
    failOnMissingSheet: boolean;
    clockSkewSeconds: number;
    phaseTimeBudgetSeconds: number;
  };
  billing: {
    timeZone: string;
    weekEndDay: WeekDay;
    weekCloseGraceHours: number;
    companyName: string;
    logoPath: string | undefined;
  };
  /** Which sheets billed weeks are locked on (issue #12); off by default. */
  locking: { scope: LockingScope };
  audit: {
    signingKey: string | undefined;
    signingKeyFile: string;
    authorizedEditorsFile: string | undefined;
    correctors: string[];
    automationIdentities: string[];
    rateTablePath: string | undefined;
    /** Severity bands in cents. */
    bands: { critical: number; high: number; medium: number };
    violationExitSeverity: ParsedKeys['LEDGERLINE_VIOLATION_EXIT_SEVERITY'];
  };
  risk: {
    weights: { rules: number; anomaly: number; editor: number };
    alertBudget: number;
    flagMinRisk: number;
    modelMinChanges: number;
    trainingWindowDays: number;
    retrainCron: string;
  };
  mail: {
    transport: ParsedKeys['LEDGERLINE_MAIL_TRANSPORT'];
    smtp: {
      host: string | undefined;
      port: number;
      security: ParsedKeys['LEDGERLINE_SMTP_SECURITY'];
      user: string | undefined;
      password: string | undefined;
    };
    from: string;
    alertRecipients: string[];
    alertMinSeverity: ParsedKeys['LEDGERLINE_ALERT_MIN_SEVERITY'];
    chatWebhookUrl: string | undefined;
  };
  backup: {
    dir: string;
    /** The key as configured (validated text); undefined = read keyFile, or no encryption. */
    encryptionKey: string | undefined;
    encryptionKeyFile: string | undefined;
    cron: string;
    retention: { daily: number; weekly: number; monthly: number };
    maxAgeHours: number;
  };
  /** Dashboard sign-in and sessions (section "Dashboard"). */
  auth: {
    maxFailedLogins: number;
    lockoutMinutes: number;
    loginAttemptsPerMinute: number;
    idleTimeoutMinutes: number;
    absoluteTimeoutHours: number;
    mfaRequiredForAdmins: boolean;
  };
  /** The monthly access review (section "Access review"). */
  accessReview: {
    cron: string;
    /** LEDGERLINE_ACCESS_REVIEW_RECIPIENTS, or the alert recipients when unset. */
    recipients: string[];
    inactiveDays: number;
    reviewIntervalDays: number;
    privilegedUnusedDays: number;
  };
  http: {
    host: string;
    port: number;
    publicUrl: string | undefined;
    sessionSecret: string | undefined;
    trustProxy: boolean;
    cycleCron: string;
    sweepCron: string;
    inboxPollSeconds: number;
    webhookMaxAgeHours: number;
    webhookSilenceMinutes: number;
    workingHours: { startHour: number; endHour: number };
  };
}

/** Shape the flat, validated keys into the Config tree. */
export function buildConfig(k: ParsedKeys): Config {
  return {
    database: { location: k.LEDGERLINE_DATABASE_URL },
    dataDir: k.LEDGERLINE_DATA_DIR,
    queue: {
      kind: k.LEDGERLINE_QUEUE,
      schema: k.LEDGERLINE_QUEUE_SCHEMA,
      workerConcurrency: k.LEDGERLINE_WORKER_CONCURRENCY,
      heartbeatSeconds: k.LEDGERLINE_JOB_HEARTBEAT_SECONDS,
      workerPort: k.LEDGERLINE_WORKER_PORT,
    },
    log: { level: k.LEDGERLINE_LOG_LEVEL, format: k.LEDGERLINE_LOG_FORMAT },
    smartsheet: {
      baseUrl: k.LEDGERLINE_SMARTSHEET_BASE_URL ?? SMARTSHEET_REGIONS[k.LEDGERLINE_SMARTSHEET_REGION],
      region: k.LEDGERLINE_SMARTSHEET_REGION,
      token: k.SMARTSHEET_API_TOKEN,
      changeAgent: k.LEDGERLINE_SMARTSHEET_CHANGE_AGENT,
      requestsPerMinute: k.LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE,
      maxRetrySeconds: k.LEDGERLINE_SMARTSHEET_MAX_RETRY_SECONDS,
      sourceSheetIds: k.LEDGERLINE_SOURCE_SHEET_IDS,
      sourceFolderIds: k.LEDGERLINE_SOURCE_FOLDER_IDS,
      sourceWorkspaceIds: k.LEDGERLINE_SOURCE_WORKSPACE_IDS,
      sheetNameExclude: k.LEDGERLINE_SHEET_NAME_EXCLUDE,
      targetSheetId: k.LEDGERLINE_TARGET_SHEET_ID,
      auditSheetId: k.LEDGERLINE_AUDIT_SHEET_ID,
      failOnMissingSheet: k.LEDGERLINE_FAIL_ON_MISSING_SHEET,
      clockSkewSeconds: k.LEDGERLINE_SYNC_CLOCK_SKEW_SECONDS,
      phaseTimeBudgetSeconds: k.LEDGERLINE_PHASE_TIME_BUDGET_SECONDS,
    },
    billing: {
      timeZone: k.LEDGERLINE_TIME_ZONE,
      weekEndDay: k.LEDGERLINE_WEEK_END_DAY,
      weekCloseGraceHours: k.LEDGERLINE_WEEK_CLOSE_GRACE_HOURS,
      companyName: k.LEDGERLINE_COMPANY_NAME,
      logoPath: k.LEDGERLINE_LOGO_PATH,
    },
    locking: { scope: k.LEDGERLINE_LOCK_CLOSED_WEEKS },
    audit: {
      signingKey: k.LEDGERLINE_AUDIT_SIGNING_KEY,
      signingKeyFile: k.LEDGERLINE_AUDIT_SIGNING_KEY_FILE,
      authorizedEditorsFile: k.LEDGERLINE_AUTHORIZED_EDITORS_FILE,
      correctors: k.LEDGERLINE_BILLING_CORRECTORS.map((e) => e.toLowerCase()),
      automationIdentities: k.LEDGERLINE_AUTOMATION_IDENTITIES.map((e) => e.toLowerCase()),
      rateTablePath: k.LEDGERLINE_RATE_TABLE_PATH,
      bands: {
        critical: Math.round(k.LEDGERLINE_BAND_CRITICAL_DOLLARS * 100),
        high: Math.round(k.LEDGERLINE_BAND_HIGH_DOLLARS * 100),
        medium: Math.round(k.LEDGERLINE_BAND_MEDIUM_DOLLARS * 100),
      },
      violationExitSeverity: k.LEDGERLINE_VIOLATION_EXIT_SEVERITY,
    },
    risk: {
      weights: k.LEDGERLINE_RISK_WEIGHTS,
      alertBudget: k.LEDGERLINE_RISK_ALERT_BUDGET,
      flagMinRisk: k.LEDGERLINE_RISK_FLAG_MIN,
      modelMinChanges: k.LEDGERLINE_MODEL_MIN_CHANGES,
      trainingWindowDays: k.LEDGERLINE_MODEL_TRAINING_DAYS,
      retrainCron: k.LEDGERLINE_MODEL_RETRAIN_CRON,
    },
    mail: {
      transport: k.LEDGERLINE_MAIL_TRANSPORT,
      smtp: {
        host: k.LEDGERLINE_SMTP_HOST,
        port: k.LEDGERLINE_SMTP_PORT,
        security: k.LEDGERLINE_SMTP_SECURITY,
        user: k.LEDGERLINE_SMTP_USER,
        password: k.LEDGERLINE_SMTP_PASSWORD,
      },
      from: k.LEDGERLINE_MAIL_FROM,
      alertRecipients: k.LEDGERLINE_ALERT_RECIPIENTS,
      alertMinSeverity: k.LEDGERLINE_ALERT_MIN_SEVERITY,
      chatWebhookUrl: k.LEDGERLINE_ALERT_CHAT_WEBHOOK_URL,
    },
    backup: {
      dir: k.LEDGERLINE_BACKUP_DIR,
      encryptionKey: k.LEDGERLINE_BACKUP_ENCRYPTION_KEY,
      encryptionKeyFile: k.LEDGERLINE_BACKUP_ENCRYPTION_KEY_FILE,
      cron: k.LEDGERLINE_BACKUP_CRON,
      retention: {
        daily: k.LEDGERLINE_BACKUP_KEEP_DAILY,
        weekly: k.LEDGERLINE_BACKUP_KEEP_WEEKLY,
        monthly: k.LEDGERLINE_BACKUP_KEEP_MONTHLY,
      },
      maxAgeHours: k.LEDGERLINE_BACKUP_MAX_AGE_HOURS,
    },
    auth: {
      maxFailedLogins: k.LEDGERLINE_LOGIN_MAX_FAILURES,
      lockoutMinutes: k.LEDGERLINE_LOGIN_LOCKOUT_MINUTES,
      loginAttemptsPerMinute: k.LEDGERLINE_LOGIN_RATE_PER_MINUTE,
      idleTimeoutMinutes: k.LEDGERLINE_SESSION_IDLE_MINUTES,
      absoluteTimeoutHours: k.LEDGERLINE_SESSION_ABSOLUTE_HOURS,
      mfaRequiredForAdmins: k.LEDGERLINE_MFA_REQUIRED_FOR_ADMINS,
    },
    accessReview: {
      cron: k.LEDGERLINE_ACCESS_REVIEW_CRON,
      recipients: k.LEDGERLINE_ACCESS_REVIEW_RECIPIENTS ?? k.LEDGERLINE_ALERT_RECIPIENTS,
      inactiveDays: k.LEDGERLINE_ACCESS_REVIEW_INACTIVE_DAYS,
      reviewIntervalDays: k.LEDGERLINE_ACCESS_REVIEW_INTERVAL_DAYS,
      privilegedUnusedDays: k.LEDGERLINE_ACCESS_REVIEW_PRIVILEGED_DAYS,
    },
    http: {
      host: k.LEDGERLINE_HTTP_HOST,
      port: k.LEDGERLINE_HTTP_PORT,
      publicUrl: k.LEDGERLINE_PUBLIC_URL,
      sessionSecret: k.LEDGERLINE_SESSION_SECRET,
      trustProxy: k.LEDGERLINE_TRUST_PROXY,
      cycleCron: k.LEDGERLINE_CYCLE_CRON,
      sweepCron: k.LEDGERLINE_SWEEP_CRON,
      inboxPollSeconds: k.LEDGERLINE_INBOX_POLL_SECONDS,
      webhookMaxAgeHours: k.LEDGERLINE_WEBHOOK_MAX_AGE_HOURS,
      webhookSilenceMinutes: k.LEDGERLINE_WEBHOOK_SILENCE_MINUTES,
      workingHours: k.LEDGERLINE_WORKING_HOURS,
    },
  };
}
