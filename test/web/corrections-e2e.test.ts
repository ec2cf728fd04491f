// Corrections end to end in Debian's Chromium against the real `serve`, the emulator and a real
// store (issue #12 acceptance): an auditor asks for a price correction of a billed, locked row with a
// reason; they cannot approve it themselves (no button, and the API answers 403); an admin approves
// it; the cell changes in the emulator and the row is locked again; the cycle that follows
// republishes the week's report (a new content hash) and the trail links request → approval →
// applied change → AUTHORIZED_CORRECTION by the request id.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArgon2idPasswordHasher } from '../../src/adapters/auth/argon2id-password-hasher.js';
import { NO_ORIGIN } from '../../src/domain/auth/auth-event.js';
import { authDepsFor } from '../../src/http/auth/auth-settings.js';
import type { SessionInfo } from '../../src/http/dashboard/api-contract.js';
import type { RowSnapshot } from '../../src/ports/sheet-store.js';
import { createUserAccount } from '../../src/services/manage-users.js';
import { repoRoot } from '../support/run-cli.js';
import { startServeHarness } from '../support/serve-harness.js';
import type { ServeHarness } from '../support/serve-harness.js';

const screenshots = path.join(repoRoot, 'test-artifacts', 'screenshots');
const PASSWORD = 'correct-horse-battery-staple';
const REQUESTER = 'requesting.auditor@example.com';
const APPROVER = 'approving.admin@example.com';
let h: ServeHarness;
let browser: Browser;

beforeAll(async () => {
  await build({ configFile: path.join(repoRoot, 'web', 'vite.config.ts'), logLevel: 'silent' });
  mkdirSync(screenshots, { recursive: true });
  h = await startServeHarness({
    env: { LEDGERLINE_MFA_REQUIRED_FOR_ADMINS: 'false', LEDGERLINE_LOCK_CLOSED_WEEKS: 'all' },
  });
  const deps = authDepsFor(h.runtime.store, h.config, createArgon2idPasswordHasher());
  const actor = { email: 'cli:test', origin: NO_ORIGIN };
  for (const [email, role] of [
    [REQUESTER, 'auditor'],
    [APPROVER, 'admin'],
  ] as const) {
    await createUserAccount(deps, actor, {
      email,
      displayName: email.split('@')[0]!,
      role,
      password: PASSWORD,
    });
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${h.service.url}/`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}

/** A billable row of a week closed three weeks ago or more, with a numeric price. */
async function billedRow(): Promise<RowSnapshot> {
  const old = new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10);
  for (const webhook of h.webhooks) {
    const rows = await h.runtime.store.snapshots.listSnapshots(webhook.sheetId);
    const row = rows.find(
      (r) => r.billable && typeof r.values.price === 'number' && String(r.values.weekEnding) < old,
    );
    if (row) return row;
  }
  throw new Error('no billed row in a closed week');
}

async function rowInSmartsheet(row: RowSnapshot) {
  const priceColumn = (await h.runtime.store.sheets.getSheet(row.sheetId))!.columnMap.price;
  const sheet = await h.runtime.client.getSheet(row.sheetId, { rowIds: [row.rowId] });
  const found = sheet.rows.find((r) => r.id === row.rowId)!;
  return { price: found.cells.find((c) => c.columnId === priceColumn)?.value, locked: found.locked === true };
}

describe('a post-close correction through the dashboard, in Chromium', () => {
  it('is requested, refused to its requester, approved by an admin, applied, locked again and republished', async () => {
    const row = await billedRow();
    const before = await rowInSmartsheet(row);
    // Locking is on: the baseline cycle published the closed weeks and locked their billable rows.
    expect(before.locked).toBe(true);
    // The published reports of the row's Work Request and week (a handful: one page holds them).
    const reportsOfRow = async () =>
      (
        await h.runtime.store.reports.pagePublishedReports({
          workRequest: String(row.values.workRequest),
          weekEnding: String(row.values.weekEnding),
          offset: 0,
          limit: 500,
        })
      ).items;
    const reportsBefore = await reportsOfRow();
    expect(reportsBefore.length).toBeGreaterThan(0);
    const newPrice = Math.round((Number(row.values.price) + 250.25) * 100) / 100;

    // The requester asks for the correction of the row.
    const requesterContext = await browser.newContext();
    const requester = await signIn(requesterContext, REQUESTER);
    // A violation's drill-down leads to the form for its row.
    const [violation] = (await h.runtime.store.audit.listEvents({ limit: 100, order: 'desc' })).events.filter(
      (e) => e.rowId !== null && e.sheetId !== null,
    );
    expect(violation).toBeDefined();
    await requester.getByTestId('nav-violations').click();
    await requester.getByTestId('filter-code').fill(violation!.violationType);
    await requester.getByTestId('filter-apply').click();
    await requester.locator(`[data-testid="violation-row"][data-event-id="${violation!.eventId}"]`).click();
    await requester.getByTestId('request-correction').click();
    await requester.getByTestId('correction-form').waitFor();
    expect(requester.url()).toContain(`eventId=${violation!.eventId}`);
    await requester.goto(`${h.service.url}/corrections?sheetId=${row.sheetId}&rowId=${row.rowId}`);
    await requester.getByTestId('correction-field').selectOption('price');
    await requester.getByTestId('correction-value').fill(`$${newPrice.toFixed(2)}`);
    await requester
      .getByTestId('correction-reason')
      .fill("Billed at last year's rate; contract rate 2025 applies.");
    await requester.screenshot({ path: path.join(screenshots, '20-correction-request.png'), fullPage: true });
    await requester.getByTestId('correction-submit').click();
    const requestRow = requester.getByTestId('correction-row').first();
    await requestRow.waitFor();
    expect(await requestRow.getByTestId('correction-status').innerText()).toBe('requested');
    const requestId = (await requestRow.getAttribute('data-correction-id'))!;

    // …cannot approve it: no button, and the API refuses.
    expect(await requestRow.getByTestId('correction-approve').count()).toBe(0);
    const session = (await (
      await requesterContext.request.get(`${h.service.url}/api/auth/session`)
    ).json()) as SessionInfo;
    const ownDecision = await requesterContext.request.post(
      `${h.service.url}/api/corrections/${requestId}/decision`,
      {
        headers: { 'x-csrf-token': session.csrfToken },
        data: { decision: 'approve' },
      },
    );
    expect(ownDecision.status()).toBe(403);
    expect((await rowInSmartsheet(row)).price).toBe(before.price);
    await requesterContext.close();

    // The admin approves; the change is applied at once.
    const approverContext = await browser.newContext();
    const approver = await signIn(approverContext, APPROVER);
    await approver.getByTestId('nav-corrections').click();
    const pending = approver.locator(`[data-testid="correction-row"][data-correction-id="${requestId}"]`);
    await pending.getByTestId('correction-comment').fill('Checked against the 2025 contract.');
    const approvedAt = new Date();
    await pending.getByTestId('correction-approve').click();
    await expect
      .poll(() => pending.getByTestId('correction-status').innerText(), { timeout: 15_000 })
      .toBe('applied');
    await approver.screenshot({ path: path.join(screenshots, '21-correction-applied.png'), fullPage: true });

    expect(await rowInSmartsheet(row)).toEqual({ price: newPrice, locked: true });

    // serve runs a cycle after the approval; it republishes the week's report with the new total.
    await expect
      .poll(
        async () => {
          const [last] = await h.runtime.store.runs.listRecentRuns({ limit: 1, kind: 'cycle' });
          return last !== undefined && new Date(last.startedAt) >= approvedAt && last.finishedAt !== null;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);
    const reportsAfter = await reportsOfRow();
    const hashes = (reports: typeof reportsBefore) => reports.map((r) => r.contentHash).sort();
    expect(hashes(reportsAfter)).not.toEqual(hashes(reportsBefore));

    const trail = (await h.runtime.store.audit.listEvents({ limit: 100_000 })).events.filter(
      (e) => e.details.correctionRequestId === requestId,
    );
    expect(trail.map((e) => e.violationType)).toEqual([
      'CORRECTION_REQUESTED',
      'CORRECTION_APPROVED',
      'CORRECTION_APPLIED',
      'AUTHORIZED_CORRECTION',
    ]);
    expect(trail.map((e) => e.changedBy?.toLowerCase()).slice(0, 3)).toEqual([REQUESTER, APPROVER, APPROVER]);
    expect(trail[2]!.details).toMatchObject({
      unlock: { changed: [row.rowId] },
      write: { done: true },
      relock: { changed: [row.rowId] },
    });
    const postClose = await h.runtime.store.audit.listEvents({
      violationTypes: ['POST_CLOSE_EDIT'],
      limit: 100_000,
    });
    expect(postClose.events.filter((e) => e.rowId === row.rowId)).toEqual([]);
    await approverContext.close();
  }, 150_000);
});
