// An emulator seeded with a workspace, a fresh store and the real client, renderer and services,
// composed as src/app does, so end-to-end tests drive exactly what `ledgerline run` runs.
import { startEmulator } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import type { SeedData } from '../../emulator/seed/seed-data.js';
import { renderReports } from '../../src/adapters/excel/render-reports-in-parallel.js';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { SmartsheetClient, TokenBucketBudget } from '../../src/adapters/smartsheet/index.js';
import { smartsheetBillingSheets } from '../../src/adapters/smartsheet/smartsheet-billing-sheets.js';
import { seedEnvironment } from '../../src/cli/demo-environment.js';
import type { AuditSettings } from '../../src/app/audit-settings.js';
import type { BillingSheets } from '../../src/ports/billing-sheets.js';
import { silentProgress } from '../../src/ports/progress.js';
import type { Store } from '../../src/ports/store.js';
import { DEFAULT_FLAG_BUDGET } from '../../src/domain/risk/flag-ranking.js';
import { DEFAULT_RISK_WEIGHTS } from '../../src/domain/risk/risk-score.js';
import { runReportCycle } from '../../src/services/run-report-cycle.js';
import type { RiskSettings } from '../../src/services/score-changes.js';
import type { CycleDependencies, CycleSummary } from '../../src/services/run-report-cycle.js';
import { backends, createTestStore } from './test-databases.js';
import type { TestStore } from './test-databases.js';

export interface HarnessOptions {
  seed?: string;
  /** Emulator and client budget, units per minute. */
  perMinute?: number;
  maxRetryMs?: number;
}

export interface CycleHarness {
  seed: SeedData;
  emulator: RunningEmulator;
  store: Store;
  client: SmartsheetClient;
  source: BillingSheets;
  targetSheetId: number;
  sourceSheetIds: number[];
  run(options?: {
    dryRun?: boolean;
    override?: Partial<CycleDependencies>;
    audit?: AuditSettings | false;
    /** Risk scoring settings; default TEST_RISK_SETTINGS; false turns scoring off. */
    risk?: RiskSettings | false;
  }): Promise<CycleSummary>;
  /** Control-plane call on the emulator. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

let runNumber = 0;

/** Production defaults (see config-keys.ts): a model once 200 changes are stored, 25 flags per run. */
export const TEST_RISK_SETTINGS: RiskSettings = {
  weights: DEFAULT_RISK_WEIGHTS,
  budget: DEFAULT_FLAG_BUDGET,
  minTrainingChanges: 200,
  historyDays: 90,
  trainingWindowDays: 180,
};

export async function startCycleHarness(options: HarnessOptions = {}): Promise<CycleHarness> {
  const seed = generateSeed(options.seed ?? 'small');
  const perMinute = options.perMinute ?? 100_000;
  const emulator = await startEmulator({ seed, rateLimit: { enabled: true, perMinute, heavyWeight: 10 } });
  const sqlite = backends[0];
  if (!sqlite) throw new Error('no SQLite backend');
  const testStore: TestStore = await createTestStore(sqlite);
  const env = seedEnvironment(seed);
  const client = new SmartsheetClient({
    baseUrl: emulator.baseUrl,
    token: env.token,
    budget: new TokenBucketBudget({ perMinute }),
    maxRetryMs: options.maxRetryMs ?? 20_000,
  });
  const source = smartsheetBillingSheets(client);
  const logger = createLogger({ level: 'silent', format: 'json' });
  if (env.targetSheetId === undefined) throw new Error(`seed ${seed.seed} has no target sheet`);
  const targetSheetId = env.targetSheetId;
  const harness: CycleHarness = {
    seed,
    emulator,
    store: testStore.store,
    client,
    source,
    targetSheetId,
    sourceSheetIds: seed.sheets
      .filter((s) => s.role === 'source' && !s.name.includes('Archive'))
      .map((s) => s.id),
    run: ({
      dryRun = false,
      override = {},
      audit = seedAuditSettings(seed),
      risk = TEST_RISK_SETTINGS,
    } = {}) =>
      runReportCycle(
        {
          source,
          sheets: testStore.store.sheets,
          snapshots: testStore.store.snapshots,
          runs: testStore.store.runs,
          reports: testStore.store.reports,
          audit: testStore.store.audit,
          risk: testStore.store.risk,
          render: (reports) =>
            renderReports(reports, { companyName: 'Test Contracting', timeZone: 'America/Chicago' }),
          progress: silentProgress,
          logger,
          now: () => new Date(),
          ...override,
        },
        {
          runId: `test-run-${++runNumber}`,
          ...(audit ? { audit } : {}),
          ...(risk ? { risk } : {}),
          discovery: {
            sheetIds: [],
            folderIds: [],
            workspaceIds: env.sourceWorkspaceIds,
            nameExclude: ['Archive'],
          },
          targetSheetId,
          timeZone: 'America/Chicago',
          weekEndDay: 0,
          dryRun,
          clockSkewMs: 300_000,
          phaseBudgetMs: 600_000,
          failOnMissingSheet: true,
        },
      ),
    async control(method, path, body) {
      const response = await fetch(`${emulator.controlUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    async close() {
      await emulator.close();
      await testStore.cleanup();
    },
  };
  return harness;
}

/** The audit settings a deployment of this seed would configure: its authorised editors and correctors. */
export function seedAuditSettings(seed: SeedData): AuditSettings {
  const lists = Object.entries(seed.authorizedEditors ?? {}).map(
    ([sheetId, emails]) => [Number(sheetId), new Set(emails.map((e) => e.toLowerCase()))] as const,
  );
  return {
    weekClose: { timeZone: 'America/Chicago', graceHours: 0 },
    weekEndDay: 0,
    authorizedEditors: lists.length > 0 ? new Map(lists) : undefined,
    correctors: new Set((seed.billingCorrectors ?? []).map((e) => e.toLowerCase())),
    automationIdentities: new Set(['automation@smartsheet.com', 'cell-link@smartsheet.com']),
  };
}

/** The token of a user who may edit the seed's source sheets (a billing clerk or the admin). */
export function editorToken(seed: SeedData): string {
  const admin = seed.users.find((u) => u.admin && !u.expired);
  if (!admin) throw new Error('seed has no admin');
  return admin.token;
}
