import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { startEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { simulateEdits } from '../../emulator/simulator/simulate-edits.js';
import { simulateControlRoute } from '../../emulator/simulator/simulate-route.js';
import { riskSettingsFor } from '../app/risk-settings.js';
import { createArgon2idPasswordHasher } from '../adapters/auth/argon2id-password-hasher.js';
import { NO_ORIGIN } from '../domain/auth/auth-event.js';
import { authDepsFor } from '../http/auth/auth-settings.js';
import { ensureFirstAdmin } from '../services/manage-users.js';
import { trainAndStoreRiskModel } from '../services/train-risk-model.js';
import { buildHealthChecks } from '../app/build-health-checks.js';
import { loggerForConfig } from '../app/logger-for-config.js';
import { openReportCycle } from '../app/report-cycle.js';
import { startService } from '../app/serve.js';
import type { RunningService } from '../app/serve.js';
import { smartsheetWebhookAdmin } from '../adapters/smartsheet/smartsheet-webhook-admin.js';
import { ensureWebhooks } from '../services/ensure-webhooks.js';
import { loadConfig } from '../config/index.js';
import { ExitCode } from '../domain/app-error.js';
import { silentProgress } from '../ports/progress.js';
import { runHealthChecks } from '../services/run-health-checks.js';
import { emulatorVariables } from './demo-environment.js';
import { describeSummary } from './run-command.js';
import { terminalProgress } from './terminal-progress.js';

// The emulator's limit and the client's budget are raised together for the demo: at Smartsheet's
// real 300 units/min (uploads cost 10) a first publish of thousands of reports spans hours of runs.
const DEMO_REQUESTS_PER_MINUTE = 200_000;

/** The demo's first admin; its one-time password is printed by the demo. */
const DEMO_ADMIN_EMAIL = 'admin@demo.ledgerline.example';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Run Ledgerline end to end on a local Smartsheet emulator, with no credentials')
    .option('--data-dir <dir>', 'folder for the demo store and reports (emptied first)', './.ledgerline/demo')
    .option('--seed <name>', 'emulator seed', 'demo')
    .option('--keep-running', 'leave the emulator and `serve` running afterwards to explore them')
    .action(async (options: { dataDir: string; seed: string; keepRunning?: boolean }) => {
      const out = (line = '') => process.stdout.write(`${line}\n`);
      const dataDir = path.resolve(options.dataDir);
      await rm(dataDir, { recursive: true, force: true });

      out(`Ledgerline demo — seed '${options.seed}'`);
      const seed = generateSeed(options.seed);
      const emulator = await startEmulator({
        seed,
        rateLimit: { enabled: true, perMinute: DEMO_REQUESTS_PER_MINUTE, heavyWeight: 10 },
        extraControlRoutes: [simulateControlRoute],
      });
      try {
        const sources = seed.sheets.filter((s) => s.role === 'source');
        out(`1. Started a Smartsheet emulator at ${emulator.baseUrl}`);
        out(
          `   ${sources.length} source sheets, ${sources.reduce((n, s) => n + s.rows.length, 0)} billing rows, a target sheet with one row per Work Request`,
        );
        // What a deployment would configure: who may edit billing cells, and who may correct.
        const editorsFile = path.join(dataDir, 'authorized-editors.json');
        await mkdir(dataDir, { recursive: true });
        await writeFile(editorsFile, `${JSON.stringify(seed.authorizedEditors ?? {}, null, 2)}\n`);
        const config = loadConfig({
          envFile: false,
          env: {
            ...emulatorVariables(seed, emulator.baseUrl),
            LEDGERLINE_DATABASE_URL: `sqlite:${path.join(dataDir, 'ledgerline.db')}`,
            LEDGERLINE_DATA_DIR: dataDir,
            LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE: String(DEMO_REQUESTS_PER_MINUTE),
            LEDGERLINE_MAIL_TRANSPORT: 'outbox',
            LEDGERLINE_LOG_LEVEL: 'warn',
            LEDGERLINE_AUTHORIZED_EDITORS_FILE: editorsFile,
            LEDGERLINE_BILLING_CORRECTORS: (seed.billingCorrectors ?? []).join(','),
            LEDGERLINE_ALERT_RECIPIENTS: (seed.billingCorrectors ?? ['billing@example.com']).join(','),
            LEDGERLINE_ALERT_MIN_SEVERITY: 'medium',
            LEDGERLINE_HTTP_PORT: '0',
            LEDGERLINE_INBOX_POLL_SECONDS: '2',
            // The emulator keeps the seed's calendar (September 2026), so its callbacks look old.
            LEDGERLINE_WEBHOOK_MAX_AGE_HOURS: String(24 * 366),
            LEDGERLINE_AUDIT_SIGNING_KEY_FILE: path.join(dataDir, 'keys', 'audit-signing-key.pem'),
            LEDGERLINE_BACKUP_DIR: path.join(dataDir, 'backups'),
          },
        });
        const logger = loggerForConfig(config);
        const progress = process.stderr.isTTY ? terminalProgress() : silentProgress;
        const cycle = await openReportCycle(config, logger, { progress });
        let service: RunningService | undefined;
        try {
          out('2. Health check:');
          const health = await runHealthChecks(buildHealthChecks(config));
          for (const r of health.results)
            out(`   ${!r.ok ? 'FAIL' : r.warning ? 'WARN' : 'OK  '} ${r.name.padEnd(10)} ${r.detail}`);

          out('3. First cycle: full sync, every weekly report generated and attached');
          const first = await cycle.run({ dryRun: false });
          out(indent(describeSummary(first)));

          out('4. Simulated crews edit the sheets (benign work and planted suspicious changes)');
          const simulation = await simulateEdits({
            baseUrl: emulator.baseUrl,
            controlUrl: emulator.controlUrl,
            seed,
            rounds: 2,
            editsPerRound: 15,
            randomSeed: 7,
          });
          out(
            `   ${simulation.edits} edits by ${new Set(simulation.labels.map((l) => l.editor)).size} people, ${simulation.labels.filter((l) => l.planted).length} of them planted`,
          );

          out(
            '5. Second cycle: incremental sync and the change audit; only the changed reports re-published',
          );
          const second = await cycle.run({ dryRun: false });
          out(indent(describeSummary(second)));

          out('6. A few weeks of ordinary work build the history the risk model learns from');
          const history = await simulateEdits({
            baseUrl: emulator.baseUrl,
            controlUrl: emulator.controlUrl,
            seed,
            rounds: 6,
            editsPerRound: 40,
            randomSeed: 23,
            plantRate: 0.05,
          });
          const third = await cycle.run({ dryRun: false });
          const settings = riskSettingsFor(config);
          const trained = await trainAndStoreRiskModel(
            {
              risk: cycle.store.risk,
              sheets: cycle.store.sheets,
              snapshots: cycle.store.snapshots,
              now: () => new Date(),
            },
            {
              now: new Date(),
              windowDays: settings.trainingWindowDays,
              minChanges: settings.minTrainingChanges,
            },
          );
          out(
            `   ${history.edits} edits audited (${third.audit.risk?.coldStart === false ? `scored by model ${third.audit.risk.modelId}` : 'cold start: risk from rules alone'}); ` +
              (trained.trained
                ? `anomaly model ${trained.record.id} trained on ${trained.record.sampleCount} changes`
                : trained.reason),
          );

          out('7. Real time: `serve` receives Smartsheet webhooks; crews edit again');
          service = await startService(config, logger);
          const registered = await ensureWebhooks(
            {
              admin: smartsheetWebhookAdmin(cycle.client),
              webhooks: cycle.store.webhooks,
              sheets: cycle.store.sheets,
            },
            { callbackUrl: `${service.url}/webhooks/smartsheet` },
          );
          out(
            `   ${registered.filter((w) => w.status === 'ENABLED').length} webhooks enabled (handshake answered by ${service.url})`,
          );
          const eventsBefore = await cycle.store.audit.countEvents();
          const live = await simulateEdits({
            baseUrl: emulator.baseUrl,
            controlUrl: emulator.controlUrl,
            seed,
            rounds: 1,
            editsPerRound: 12,
            randomSeed: 11,
          });
          await fetch(`${emulator.controlUrl}/webhooks/flush`, { method: 'POST' });
          await service.drainInbox();
          const liveEvents = (await cycle.store.audit.countEvents()) - eventsBefore;
          out(
            `   ${live.edits} edits → callbacks verified and queued → ${liveEvents} audit events recorded from the touched rows alone, alerts sent`,
          );
          const [topFlag] = (await cycle.store.risk.listChanges({ flaggedOnly: true, limit: 10_000 }))
            .filter((c) => c.flagRank === 1)
            .slice(-1);
          if (topFlag) {
            const o = topFlag.observation;
            out(
              `   highest-ranked flag: ${o.editor ?? 'unknown'} on ${o.sheetName} row ${o.rowNumber}, risk ${topFlag.riskScore.toFixed(2)} (${topFlag.category}) — \`ledgerline model flags --run ${o.runId}\``,
            );
          }

          out('8. The dashboard: every page above in a browser, behind a real sign-in');
          const firstAdmin = await ensureFirstAdmin(
            authDepsFor(cycle.store, config, createArgon2idPasswordHasher()),
            { email: 'cli:demo', origin: NO_ORIGIN },
            { email: DEMO_ADMIN_EMAIL, displayName: 'Demo Admin' },
          );
          out(`   ${service.url}/  sign in as ${firstAdmin.email}`);
          if (firstAdmin.temporaryPassword)
            out(
              `   password ${firstAdmin.temporaryPassword} (shown once; admins set up an authenticator app on first sign-in)`,
            );
          out('   more accounts: `ledgerline users add --email … --role auditor|viewer`');
          if (!options.keepRunning)
            out(
              '   (the demo stops its servers when it ends: `npm run demo -- --keep-running` keeps them open)',
            );

          out('Where to look:');
          out(`   workbooks      ${path.join(dataDir, 'reports')}`);
          out(
            `   in Smartsheet  attached to the Work Request rows of target sheet ${config.smartsheet.targetSheetId} in the emulator`,
          );
          out(`   store          ${path.join(dataDir, 'ledgerline.db')} (SQLite)`);
          out(
            `   alert e-mails  ${path.join(dataDir, 'outbox')} (.eml files; set LEDGERLINE_MAIL_TRANSPORT=smtp to send)`,
          );
          out(
            '   audit trail    `ledgerline audit verify` / `audit export` with the same LEDGERLINE_DATABASE_URL',
          );
          out('   risk model     `ledgerline model status` / `model flags --run <id>` / `model verdict`');
          process.exitCode =
            first.status === 'failed' || second.status === 'failed' ? ExitCode.FAILURE : ExitCode.OK;
          if (options.keepRunning && service) {
            out(`\nStill running: emulator ${emulator.baseUrl}, Ledgerline serve ${service.url}.`);
            out(
              `Make more edits with \`ledgerline emulator simulate --url ${emulator.controlUrl}\`; Ctrl-C stops both.`,
            );
            await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
          }
        } finally {
          await service?.stop();
          await cycle.close();
        }
      } finally {
        await emulator.close();
      }
    });
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
}
