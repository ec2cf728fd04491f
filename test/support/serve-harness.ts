// `serve` against the emulator as a deployment would run it: a baseline cycle, the service
// listening, webhooks registered against its own URL, alerts to a real SMTP server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import type { SeedData } from '../../emulator/seed/seed-data.js';
import { startSmtpTestServer } from '../../src/adapters/mail/testing/smtp-test-server.js';
import type { SmtpTestServer } from '../../src/adapters/mail/testing/smtp-test-server.js';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { smartsheetWebhookAdmin } from '../../src/adapters/smartsheet/smartsheet-webhook-admin.js';
import { openReportCycle } from '../../src/app/report-cycle.js';
import type { ReportCycle } from '../../src/app/report-cycle.js';
import { startService } from '../../src/app/serve.js';
import type { RunningService } from '../../src/app/serve.js';
import { emulatorVariables } from '../../src/cli/demo-environment.js';
import { loadConfig } from '../../src/config/index.js';
import type { Config } from '../../src/config/index.js';
import { silentProgress } from '../../src/ports/progress.js';
import { ensureWebhooks } from '../../src/services/ensure-webhooks.js';
import type { EnsuredWebhook } from '../../src/services/ensure-webhooks.js';

export interface ServeHarness {
  seed: SeedData;
  emulator: RunningEmulator;
  smtp: SmtpTestServer;
  config: Config;
  /** A runtime over the same store and Smartsheet, for setup and assertions. */
  runtime: ReportCycle;
  service: RunningService;
  webhooks: EnsuredWebhook[];
  startService(): Promise<RunningService>;
  /** An editor of `sheetId` without billing.correct: their closed-week edits are violations. */
  editorOf(sheetId: number): SeedData['users'][number];
  setPrice(sheetId: number, rowId: number, value: number): Promise<void>;
  close(): Promise<void>;
}

export async function startServeHarness(
  options: {
    /** Extra configuration (e.g. LEDGERLINE_LOCK_CLOSED_WEEKS), applied over the harness's own. */
    env?: Readonly<Record<string, string>>;
  } = {},
): Promise<ServeHarness> {
  const seed = generateSeed('small');
  const emulator = await startEmulator({
    seed,
    rateLimit: { enabled: true, perMinute: 100_000, heavyWeight: 10 },
    webhooks: { debounceMs: 50 },
  });
  // Smartsheet stamps callbacks with real time, and the receiver refuses stale ones (replays).
  await fetch(`${emulator.controlUrl}/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ set: new Date().toISOString() }),
  });
  const smtp = await startSmtpTestServer();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'll-serve-'));
  const editorsFile = path.join(dir, 'editors.json');
  writeFileSync(editorsFile, JSON.stringify(seed.authorizedEditors ?? {}));
  const config = loadConfig({
    envFile: false,
    env: {
      ...emulatorVariables(seed, emulator.baseUrl),
      LEDGERLINE_DATABASE_URL: `sqlite:${path.join(dir, 'ledgerline.db')}`,
      LEDGERLINE_DATA_DIR: dir,
      LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE: '100000',
      LEDGERLINE_AUTHORIZED_EDITORS_FILE: editorsFile,
      LEDGERLINE_BILLING_CORRECTORS: (seed.billingCorrectors ?? []).join(','),
      LEDGERLINE_AUDIT_SIGNING_KEY_FILE: path.join(dir, 'keys', 'signing.pem'),
      LEDGERLINE_MAIL_TRANSPORT: 'smtp',
      LEDGERLINE_SMTP_HOST: '127.0.0.1',
      LEDGERLINE_SMTP_PORT: String(smtp.port),
      LEDGERLINE_SMTP_SECURITY: 'none',
      LEDGERLINE_ALERT_RECIPIENTS: 'billing.manager@example.com',
      LEDGERLINE_ALERT_MIN_SEVERITY: 'medium',
      LEDGERLINE_HTTP_PORT: '0',
      // Tests drain the inbox and run sweeps themselves.
      LEDGERLINE_INBOX_POLL_SECONDS: '3600',
      LEDGERLINE_CYCLE_CRON: '0 0 1 1 *',
      LEDGERLINE_SWEEP_CRON: '0 0 1 1 *',
      ...options.env,
    },
  });
  const logger = createLogger({ level: 'silent', format: 'json' });
  const runtime = await openReportCycle(config, logger, { progress: silentProgress });
  await runtime.run({ dryRun: false });
  const services: RunningService[] = [];
  const start = async () => {
    const service = await startService(config, logger);
    services.push(service);
    return service;
  };
  const service = await start();
  const webhooks = await ensureWebhooks(
    {
      admin: smartsheetWebhookAdmin(runtime.client),
      webhooks: runtime.store.webhooks,
      sheets: runtime.store.sheets,
    },
    { callbackUrl: `${service.url}/webhooks/smartsheet` },
  );
  smtp.received.length = 0; // the baseline cycle already alerted on the seed's duplicate units
  const editorOf = (sheetId: number) =>
    seed.users.find(
      (u) =>
        seed.authorizedEditors?.[String(sheetId)]?.includes(u.email) &&
        !seed.billingCorrectors?.includes(u.email),
    )!;
  return {
    seed,
    emulator,
    smtp,
    config,
    runtime,
    service,
    webhooks,
    startService: start,
    editorOf,
    async setPrice(sheetId, rowId, value) {
      const columns = await runtime.client.getColumns(sheetId);
      const price = columns.find((c) => /price/i.test(c.title))!;
      const response = await fetch(`${emulator.baseUrl}/sheets/${sheetId}/rows`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${editorOf(sheetId).token}`, 'content-type': 'application/json' },
        body: JSON.stringify([{ id: rowId, cells: [{ columnId: price.id, value }] }]),
      });
      if (response.status !== 200)
        throw new Error(`edit failed: ${response.status} ${await response.text()}`);
    },
    async close() {
      for (const s of services) await s.stop().catch(() => undefined);
      await runtime.close();
      await emulator.close();
      await smtp.close();
    },
  };
}
