import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { readMimeMessage } from '../../src/adapters/mail/testing/read-mime-message.js';
import { startSmtpTestServer } from '../../src/adapters/mail/testing/smtp-test-server.js';
import { smartsheetWebhookAdmin } from '../../src/adapters/smartsheet/smartsheet-webhook-admin.js';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { openReportCycle } from '../../src/app/report-cycle.js';
import { startService } from '../../src/app/serve.js';
import { emulatorVariables } from '../../src/cli/demo-environment.js';
import { loadConfig } from '../../src/config/index.js';
import { silentProgress } from '../../src/ports/progress.js';
import { ensureWebhooks } from '../../src/services/ensure-webhooks.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('turns an edit in Smartsheet into an audit event and an e-mail within one callback', async () => {
  const seed = generateSeed('small');
  const emulator = await startEmulator({
    seed,
    rateLimit: { enabled: true, perMinute: 100_000, heavyWeight: 10 },
    webhooks: { debounceMs: 50 },
  });
  cleanups.push(() => emulator.close());
  // Smartsheet stamps callbacks with real time, and the receiver refuses stale ones (replays).
  await fetch(`${emulator.controlUrl}/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ set: new Date().toISOString() }),
  });
  const smtp = await startSmtpTestServer();
  cleanups.push(() => smtp.close());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'll-serve-'));
  const editorsFile = path.join(dir, 'editors.json');
  writeFileSync(editorsFile, JSON.stringify(seed.authorizedEditors ?? {}));
  const env = {
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
    LEDGERLINE_INBOX_POLL_SECONDS: '3600',
    LEDGERLINE_LOG_LEVEL: 'silent',
  };
  const config = loadConfig({ env, envFile: false });
  const logger = createLogger({ level: 'silent', format: 'json' });

  // Baseline cycle, then the service with its webhooks registered against its own URL.
  const setup = await openReportCycle(config, logger, { progress: silentProgress });
  await setup.run({ dryRun: false });
  const service = await startService(config, logger);
  cleanups.push(() => service.stop());
  const results = await ensureWebhooks(
    {
      admin: smartsheetWebhookAdmin(setup.client),
      webhooks: setup.store.webhooks,
      sheets: setup.store.sheets,
    },
    { callbackUrl: `${service.url}/webhooks/smartsheet` },
  );
  expect(results.every((r) => r.status === 'ENABLED')).toBe(true);
  smtp.received.length = 0; // the baseline cycle already alerted on the seed's duplicate units

  // A billed price in a closed week raised by someone without billing.correct.
  const sheetId = results[0]!.sheetId;
  // Any week of the seed (which ends mid-September 2026) is closed by now.
  const row = (await setup.store.snapshots.listSnapshots(sheetId)).find(
    (s) => s.billable && typeof s.values.price === 'number' && String(s.values.weekEnding) <= '2026-09-06',
  )!;
  await setup.close();
  const editor = seed.users.find(
    (u) =>
      seed.authorizedEditors?.[String(sheetId)]?.includes(u.email) &&
      !seed.billingCorrectors?.includes(u.email),
  )!;
  const columns = (await (
    await fetch(`${emulator.baseUrl}/sheets/${sheetId}/columns`, {
      headers: { authorization: `Bearer ${editor.token}` },
    })
  ).json()) as { data: { id: number; title: string }[] };
  const price = columns.data.find((c) => /price/i.test(c.title))!;
  const edit = await fetch(`${emulator.baseUrl}/sheets/${sheetId}/rows`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
    body: JSON.stringify([
      { id: row.rowId, cells: [{ columnId: price.id, value: Number(row.values.price) + 1500 }] },
    ]),
  });
  expect(edit.status).toBe(200);
  await fetch(`${emulator.controlUrl}/webhooks/flush`, { method: 'POST' });
  expect(await service.drainInbox()).toBe(0);

  expect(smtp.received).toHaveLength(1);
  const mail = smtp.received[0]!;
  expect(mail.to).toEqual(['billing.manager@example.com']);
  const message = readMimeMessage(mail.raw);
  expect(message.subject).toContain('[Ledgerline]');
  expect(message.text).toContain('POST_CLOSE_EDIT');
  expect(message.text).toContain('+$1,500.00');
  expect(message.text).toContain(editor.email.toLowerCase());
  expect(message.text).toContain('ledgerline-checkpoint v1');
});
