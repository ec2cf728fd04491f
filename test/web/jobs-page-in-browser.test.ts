// The Jobs page in Debian's Chromium, against the dashboard composed as `serve` composes it (real
// sign-in, permission check and built web app) with a real pg-boss queue on Postgres in which a job
// really failed: an auditor sees the counts and the failed job (without a Retry button); a viewer has
// no Jobs link and is refused at /jobs; an admin retries a failed job and the list refreshes without
// it; without a queue (in-process mode) the page is one line. Screenshots go to
// test-artifacts/screenshots.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import type { JobQueue } from '../../src/ports/job-queue.js';
import { composeDashboard, createRoleAccounts } from '../support/composed-dashboard.js';
import { openFailingJobQueue, type TestJobQueue } from '../support/failing-job-queue.js';
import { repoRoot } from '../support/run-cli.js';
import { backends, createTestStore, type TestStore } from '../support/test-databases.js';

const postgres = backends.find((b) => b.dialect === 'postgres')!;
const sqlite = backends.find((b) => b.dialect === 'sqlite')!;
const screenshots = path.join(repoRoot, 'test-artifacts', 'screenshots');
const PASSWORD = 'jobs-page-password-1';
let distDir: string;
let browser: Browser;
let store: TestStore | undefined;
let server: FastifyInstance | undefined;
let queue: TestJobQueue | undefined;

beforeAll(async () => {
  distDir = mkdtempSync(path.join(os.tmpdir(), 'll-jobs-web-'));
  await build({
    configFile: path.join(repoRoot, 'web', 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: distDir, emptyOutDir: true },
  });
  mkdirSync(screenshots, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
}, 120_000);

afterEach(async () => {
  await server?.close();
  await store?.cleanup();
  await queue?.close();
  server = store = queue = undefined;
});

afterAll(async () => {
  await browser?.close();
  rmSync(distDir, { recursive: true, force: true });
});

/** The dashboard over a fresh store, with an admin, an auditor and a viewer; returns its URL. */
async function startDashboard(jobs: JobQueue | undefined): Promise<string> {
  store = await createTestStore(sqlite);
  const config = loadConfig({
    envFile: false,
    env: {
      // Nothing here calls Smartsheet: the client only has to exist.
      SMARTSHEET_API_TOKEN: 'jobs-page-unused-token',
      LEDGERLINE_SMARTSHEET_BASE_URL: 'http://127.0.0.1:1',
      LEDGERLINE_DATA_DIR: path.dirname(distDir),
      // Roles are under test here; MFA enforcement for admins has its own browser tests.
      LEDGERLINE_MFA_REQUIRED_FOR_ADMINS: 'false',
    },
  });
  server = await composeDashboard({
    store: store.store,
    config,
    webRoot: distDir,
    ...(jobs ? { jobs } : {}),
  });
  await createRoleAccounts(store.store, config, ['admin', 'auditor', 'viewer'], PASSWORD);
  return server.listen({ host: '127.0.0.1', port: 0 });
}

async function signIn(url: string, role: 'admin' | 'auditor' | 'viewer'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${url}/`);
  await page.getByTestId('login-email').fill(`${role}@example.com`);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}

describe('the Jobs page in a browser', { timeout: 90_000 }, () => {
  it('shows one line in in-process mode', async () => {
    const url = await startDashboard(undefined);
    const page = await signIn(url, 'auditor');
    await page.getByTestId('nav-jobs').click();
    await expect
      .poll(() => page.getByTestId('jobs-in-process').textContent())
      .toMatch(/LEDGERLINE_QUEUE=in-process/);
    expect(await page.getByTestId('failed-jobs-table').count()).toBe(0);
    await page.close();
  });

  it.skipIf(postgres.skipReason)('lists a failed job to an auditor and refuses a viewer', async () => {
    queue = await openFailingJobQueue();
    await queue.failJob(
      'cycle',
      { runId: 'run-41', reason: 'schedule' },
      'Smartsheet answered 503 three times',
    );
    const url = await startDashboard(queue.queue);

    const page = await signIn(url, 'auditor');
    await page.getByTestId('nav-jobs').click();
    const row = page.getByTestId('failed-job-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toMatch(
      /cycle run run-41 \(schedule\)[\s\S]*Smartsheet answered 503 three times/,
    );
    expect(await page.getByTestId('job-kind-cycle').innerText()).toMatch(/1 failed/);
    expect(await page.getByTestId('job-retry').count()).toBe(0);
    await page.screenshot({ path: path.join(screenshots, '16-jobs.png'), fullPage: true });
    await page.close();

    const viewer = await signIn(url, 'viewer');
    expect(await viewer.getByTestId('nav-jobs').count()).toBe(0);
    await viewer.goto(`${url}/jobs`);
    await viewer.getByTestId('forbidden').waitFor();
    await viewer.close();
  });

  it.skipIf(postgres.skipReason)('lets an admin retry a failed job and refreshes the list', async () => {
    queue = await openFailingJobQueue();
    const id = await queue.failJob(
      'sheet-sync',
      { runId: 'run-42', sheet: { id: 4211, name: 'Crew A billing' } },
      'Smartsheet answered 404 for sheet 4211',
    );
    // Nothing takes the job once it is back: the page shows it queued.
    await queue.stopFailing();
    const url = await startDashboard(queue.queue);

    const page = await signIn(url, 'admin');
    await page.getByTestId('nav-jobs').click();
    await expect.poll(() => page.getByTestId('failed-job-row').count()).toBe(1);
    await page.getByTestId('job-retry').click();
    await expect
      .poll(() => page.getByTestId('job-retry-notice').textContent())
      .toBe(`The sheet-sync job ${id} is back in the queue (retry).`);
    await expect.poll(() => page.getByTestId('failed-job-row').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('job-kind-sheet-sync').innerText())
      .toMatch(/0 failed[\s\S]*1 queued/);
    expect(await queue.queue.status('sheet-sync', id)).toMatchObject({ state: 'retry' });
    await page.screenshot({ path: path.join(screenshots, '17-jobs-retried.png'), fullPage: true });
    await page.close();
  });
});
