// `doctor`'s checks of what `ledgerline init` sets up: the settings and secrets files, the source,
// target and audit sheets with their columns, a first admin, and the webhooks when a public URL
// says they are wanted. Each resolves with what it found or throws with what to do.
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { UserStore } from '../ports/access-store.js';
import type { SmartsheetSetup } from '../ports/billing-sheets.js';
import type { SheetStore } from '../ports/sheet-store.js';
import type { WebhookStore } from '../ports/webhook-store.js';
import type { HealthDetail } from './run-health-checks.js';
import {
  inspectAuditSheet,
  inspectSourceSheets,
  inspectTargetSheet,
  sheetProblems,
} from './setup-sheet-columns.js';
import type { SourceSelection } from './setup-sheet-columns.js';

/** What the app layer found on disk about the two configuration files. */
export interface SetupFileFacts {
  settingsFile: { path: string; exists: boolean };
  /** `mode` is the permission bits (e.g. 0o600) when the file exists. */
  secretsFile: { path: string; exists: boolean; mode?: number };
}

export function checkSetupFiles(facts: SetupFileFacts): HealthDetail {
  const { settingsFile, secretsFile } = facts;
  if (secretsFile.exists && secretsFile.mode !== undefined && (secretsFile.mode & 0o077) !== 0) {
    throw new AppError(
      ErrorCode.CONFIG_INVALID,
      `${secretsFile.path} holds secrets but is readable by others (mode ${(secretsFile.mode & 0o777).toString(8)})`,
      { hint: `chmod 600 ${secretsFile.path}` },
    );
  }
  const found = [
    settingsFile.exists ? settingsFile.path : undefined,
    secretsFile.exists ? `${secretsFile.path} (mode 600)` : undefined,
  ].filter((f): f is string => f !== undefined);
  if (found.length === 0) return { detail: 'no ledgerline.env or .env: configured by the environment only' };
  return { detail: found.join(', ') };
}

export async function checkConfiguredSheets(
  setup: Pick<SmartsheetSetup, 'sheetsUnder' | 'sheetColumns'>,
  config: SourceSelection & { targetSheetId: number | undefined; auditSheetId: number | undefined },
): Promise<HealthDetail> {
  const sources = await inspectSourceSheets(setup, config);
  const roles = [
    ...(config.targetSheetId !== undefined
      ? [{ role: 'target' as const, check: await inspectTargetSheet(setup, config.targetSheetId) }]
      : []),
    ...(config.auditSheetId !== undefined
      ? [{ role: 'audit' as const, check: await inspectAuditSheet(setup, config.auditSheetId) }]
      : []),
  ];
  const problems = sheetProblems(sources, roles);
  if (problems.length > 0) {
    throw new AppError(ErrorCode.CHECKS_FAILED, problems.join('\n                  '), {
      hint: 'Fix the sheets or run `ledgerline init` again to choose others.',
    });
  }
  const unset = [
    config.targetSheetId === undefined ? 'no target sheet (reports are not attached)' : undefined,
    config.auditSheetId === undefined ? 'no audit sheet' : undefined,
  ].filter((u): u is string => u !== undefined);
  return {
    detail: `${sources.length} source sheet(s) map their required columns${roles.map((r) => `, ${r.role} '${r.check.name}'`).join('')}`,
    ...(unset.length > 0 ? { warning: true, hint: `${unset.join('; ')}: run \`ledgerline init\`.` } : {}),
  };
}

export async function checkAdminAccount(users: Pick<UserStore, 'listUsers'>): Promise<HealthDetail> {
  const admins = (await users.listUsers()).filter((u) => u.role === 'admin' && u.disabledAt === null);
  if (admins.length === 0) {
    return {
      detail: 'no enabled admin account yet',
      warning: true,
      hint: 'Run `ledgerline init` or `ledgerline users add --role admin …`.',
    };
  }
  const withoutMfa = admins.filter((a) => !a.mfaEnabled).length;
  return {
    detail: `${admins.length} enabled admin(s)${withoutMfa > 0 ? `, ${withoutMfa} still to enrol an authenticator at first sign-in` : ''}`,
  };
}

export async function checkWebhookRegistration(
  deps: { sheets: Pick<SheetStore, 'listSheets'>; webhooks: Pick<WebhookStore, 'listWebhooks'> },
  publicUrl: string | undefined,
): Promise<HealthDetail> {
  if (!publicUrl) return { detail: 'not used (LEDGERLINE_PUBLIC_URL unset): scheduled cycles only' };
  const callbackUrl = `${publicUrl}/webhooks/smartsheet`;
  const sources = await deps.sheets.listSheets({ role: 'source', status: 'active' });
  const webhooks = (await deps.webhooks.listWebhooks()).filter((w) => w.callbackUrl === callbackUrl);
  const enabled = new Set(webhooks.filter((w) => w.status === 'ENABLED').map((w) => w.sheetId));
  if (sources.length === 0) {
    return {
      detail: 'no source sheet recorded yet',
      warning: true,
      hint: 'Run `ledgerline run`, then `ledgerline webhooks ensure` (or `ledgerline init --register-webhooks`).',
    };
  }
  const missing = sources.filter((s) => !enabled.has(s.id));
  if (missing.length > 0) {
    throw new AppError(
      ErrorCode.CHECKS_FAILED,
      `${missing.length} of ${sources.length} source sheet(s) have no enabled webhook calling ${callbackUrl}: ${missing.map((s) => s.name).join(', ')}`,
      { hint: 'Run `ledgerline webhooks ensure` while `serve` is reachable at the public URL.' },
    );
  }
  return { detail: `${sources.length} enabled webhook(s) calling ${callbackUrl}` };
}
