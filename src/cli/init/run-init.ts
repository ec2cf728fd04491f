// `ledgerline init`: from a Smartsheet token to a deployment that `run` and `serve` can use. Every
// check (token, base URL, sheets and their columns, database) passes before a file is written;
// the files are written atomically and only when their bytes change, so a re-run that changes
// nothing leaves them byte-identical. Then the first admin and, if wanted, the webhooks.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createArgon2idPasswordHasher } from '../../adapters/auth/argon2id-password-hasher.js';
import { smartsheetWebhookAdmin } from '../../adapters/smartsheet/smartsheet-webhook-admin.js';
import { SmartsheetClient, TokenBucketBudget } from '../../adapters/smartsheet/index.js';
import { migrateToLatest, openStore } from '../../adapters/store/index.js';
import type { Config } from '../../config/index.js';
import { CONFIG_KEYS, describeDatabase, loadConfig } from '../../config/index.js';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { authDepsFor } from '../../http/auth/auth-settings.js';
import type { Store } from '../../ports/store.js';
import { ensureWebhooks } from '../../services/ensure-webhooks.js';
import { createAuditSheet, findAuditSheet } from '../../services/setup-audit-sheet.js';
import { setUpFirstAdmin } from './admin-step.js';
import type { InitFlags, InitIo } from './init-options.js';
import { assertFlagsUsable } from './init-options.js';
import { readSetupFiles, renderSetupFiles, writeSetupFiles } from './setup-files.js';
import { chooseSheets } from './sheets-step.js';
import { chooseSmartsheet } from './smartsheet-step.js';

const DEFAULT_DATABASE_URL = 'sqlite:./.ledgerline/ledgerline.db';
const SECRET_KEYS: ReadonlySet<string> = new Set(
  CONFIG_KEYS.filter((k) => 'secret' in k && k.secret).map((k): string => k.env),
);

/** Keys whose value changed, with old → new (secrets and URL passwords never shown). */
function describeChanges(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const shown = (key: string, value: string | undefined) =>
    value === undefined ? '(unset)' : SECRET_KEYS.has(key) ? '(secret)' : value.replace(/:[^/@:]*@/, ':***@');
  return keys
    .filter((key) => before[key] !== after[key])
    .map((key) => `  ${key}: ${shown(key, before[key])} → ${shown(key, after[key])}`);
}

/** The store the written configuration names, with relative SQLite paths taken from `dir`. */
function storeLocation(config: Config, dir: string): Config['database']['location'] {
  const location = config.database.location;
  return location.kind === 'sqlite' && location.path !== ':memory:'
    ? { kind: 'sqlite', path: path.resolve(dir, location.path) }
    : location;
}

export async function runInit(flags: InitFlags, io: InitIo): Promise<void> {
  const dir = path.resolve(flags.dir ?? '.');
  assertFlagsUsable(flags, io.prompter !== undefined);
  const files = readSetupFiles(dir);
  const current = files.values;
  io.out(
    `Setting up Ledgerline in ${dir}${files.settings.text !== undefined ? ' (current values are the defaults)' : ''}.`,
  );

  const smartsheet = await chooseSmartsheet(flags, current, io);
  const sheets = await chooseSheets(smartsheet.setup, flags, current, io);

  const currentDatabase = current.LEDGERLINE_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const databaseUrl =
    flags.databaseUrl ??
    (io.prompter
      ? await io.prompter.ask(
          'Database (sqlite:<file> or postgres://user:password@host:5432/db)',
          currentDatabase,
        )
      : currentDatabase);
  const currentPublicUrl = current.LEDGERLINE_PUBLIC_URL ?? '';
  let publicUrl = flags.publicUrl ?? currentPublicUrl;
  if (io.prompter && flags.publicUrl === undefined)
    publicUrl = await io.prompter.ask(
      "Public https URL Smartsheet's webhooks call (- for none: scheduled cycles only)",
      currentPublicUrl || '-',
    );
  if (publicUrl.trim() === '-') publicUrl = '';
  if (flags.registerWebhooks && publicUrl.trim() === '')
    throw new AppError(ErrorCode.INPUT_INVALID, '--register-webhooks needs a public URL.', {
      hint: 'Add --public-url https://… (the address Smartsheet calls); nothing was written.',
    });

  // Everything init does not ask about is kept as it is; an empty answer removes the key.
  const values: Record<string, string> = { ...current };
  delete values.LEDGERLINE_SMARTSHEET_BASE_URL;
  delete values.LEDGERLINE_SMARTSHEET_REGION;
  Object.assign(values, smartsheet.values, sheets.values, {
    SMARTSHEET_API_TOKEN: smartsheet.token,
    LEDGERLINE_DATABASE_URL: databaseUrl.trim(),
    LEDGERLINE_PUBLIC_URL: publicUrl.trim().replace(/\/+$/, ''),
    // Kept across re-runs so CSRF tokens and sessions survive; generated once.
    LEDGERLINE_SESSION_SECRET: current.LEDGERLINE_SESSION_SECRET ?? randomBytes(32).toString('base64url'),
  });
  for (const [key, value] of Object.entries(values)) if (value === '') delete values[key];
  // An audit sheet of that name made by an earlier run is reused, so a re-run changes nothing.
  let createAudit = sheets.createAudit;
  const existingAudit =
    createAudit && (await findAuditSheet(smartsheet.setup, createAudit.name, createAudit.workspaceId));
  if (existingAudit) {
    values.LEDGERLINE_AUDIT_SHEET_ID = String(existingAudit.id);
    io.out(`✓ Audit sheet '${existingAudit.name}' (${existingAudit.id}) exists with the right columns.`);
    createAudit = undefined;
  }

  // The whole configuration must load before anything is written (every problem listed at once).
  const config = loadConfig({ env: values, envFile: false });
  const location = storeLocation(config, dir);
  // Opening it proves the database is reachable; migrating waits for the user's confirmation.
  const store: Store = await openStore(location);
  try {
    const changes = describeChanges(current, values);
    if (createAudit) changes.push(`  create the audit sheet '${createAudit.name}'`);
    if (changes.length === 0) io.out('✓ Configuration unchanged.');
    else {
      io.out(`\nChanges to ${dir}:`);
      for (const line of changes) io.out(line);
      if (io.prompter && !(await io.prompter.confirm('Write them?', true))) {
        io.out('Nothing was written.');
        return;
      }
    }
    if (createAudit) {
      const audit = await createAuditSheet(smartsheet.setup, createAudit.name, createAudit.workspaceId);
      io.out(
        `✓ Audit sheet '${audit.name}' (${audit.id}) ${audit.created ? 'created' : 'found with the right columns'}.`,
      );
      values.LEDGERLINE_AUDIT_SHEET_ID = String(audit.id);
    }
    const written = writeSetupFiles(files, renderSetupFiles(values));
    io.out(written.length > 0 ? `✓ Wrote ${written.join(' and ')}.` : '✓ Files unchanged.');
    const { applied } = await migrateToLatest(store);
    io.out(
      `✓ Database ${describeDatabase(location)}: ${applied.length > 0 ? `${applied.length} migration(s) applied` : 'up to date'}.`,
    );

    await setUpFirstAdmin(authDepsFor(store, config, createArgon2idPasswordHasher()), flags, io);
    await registerWebhooks(store, smartsheet, values.LEDGERLINE_PUBLIC_URL, flags, io);
  } finally {
    await store.close();
  }
  io.out(
    '\nNext: `ledgerline doctor` checks all of this; `ledgerline run` runs a first cycle (see docs/OPERATIONS.md).',
  );
}

async function registerWebhooks(
  store: Store,
  smartsheet: { baseUrl: string; token: string },
  publicUrl: string | undefined,
  flags: InitFlags,
  io: InitIo,
): Promise<void> {
  if (!publicUrl) return;
  const wanted =
    flags.registerWebhooks ??
    (io.prompter
      ? await io.prompter.confirm('Register the webhooks now (serve must be reachable)?', false)
      : false);
  if (!wanted) {
    io.out('• Webhooks: register them with `ledgerline webhooks ensure` once `serve` is reachable.');
    return;
  }
  const client = new SmartsheetClient({
    baseUrl: smartsheet.baseUrl,
    token: smartsheet.token,
    budget: new TokenBucketBudget({ perMinute: 300 }),
  });
  const results = await ensureWebhooks(
    { admin: smartsheetWebhookAdmin(client), webhooks: store.webhooks, sheets: store.sheets },
    { callbackUrl: `${publicUrl}/webhooks/smartsheet` },
  );
  if (results.length === 0) {
    io.out(
      '• Webhooks: no source sheet recorded yet — run `ledgerline run` once, then `ledgerline init --register-webhooks` again.',
    );
    return;
  }
  for (const r of results)
    io.out(
      `  ${r.action === 'failed' ? '✗' : '✓'} webhook ${r.action} for '${r.sheetName}'${r.message ? `: ${r.message}` : ''}`,
    );
}
