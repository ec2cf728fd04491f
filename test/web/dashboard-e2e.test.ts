// The dashboard end to end in Debian's Chromium against the real `serve`, the emulator and a real
// store (issue #7 acceptance): MFA enrolment and sign-in with password and TOTP; the live feed
// updating after an edit in the emulator; filtering violations, the drill-down, the CSV export,
// acknowledging; an admin revert that changes the cell in the emulator; a viewer refused on admin
// pages; an idle session expiring. A screenshot of every page goes to test-artifacts/screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArgon2idPasswordHasher } from '../../src/adapters/auth/argon2id-password-hasher.js';
import { authDepsFor } from '../../src/http/auth/auth-settings.js';
import { base32Decode } from '../../src/domain/auth/base32.js';
import { NO_ORIGIN } from '../../src/domain/auth/auth-event.js';
import { sessionIdForToken } from '../../src/domain/auth/session-token.js';
import { totpCode } from '../../src/domain/auth/totp.js';
import { createUserAccount } from '../../src/services/manage-users.js';
import { runMonthlyAccessReview } from '../../src/services/access-review-send.js';
import { monthlyAccessReviewDepsFor } from '../../src/app/access-review-kit.js';
import { repoRoot } from '../support/run-cli.js';
import { startServeHarness } from '../support/serve-harness.js';
import type { ServeHarness } from '../support/serve-harness.js';

const screenshots = path.join(repoRoot, 'test-artifacts', 'screenshots');
const PASSWORD = 'correct-horse-battery-staple';
/** The server hashes with argon2id (recovery codes too) on a shared 2-core machine: be patient. */
const POLL = { timeout: 20_000 };
let h: ServeHarness;
let browser: Browser;

beforeAll(async () => {
  // serve serves web/dist; build it so the test sees the current sources.
  await build({ configFile: path.join(repoRoot, 'web', 'vite.config.ts'), logLevel: 'silent' });
  mkdirSync(screenshots, { recursive: true });
  h = await startServeHarness();
  const deps = authDepsFor(h.runtime.store, h.config, createArgon2idPasswordHasher());
  const actor = { email: 'cli:test', origin: NO_ORIGIN };
  for (const [email, role] of [
    ['admin@example.com', 'admin'],
    ['auditor@example.com', 'auditor'],
    ['viewer@example.com', 'viewer'],
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

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function signIn(
  context: BrowserContext,
  email: string,
  secret?: Uint8Array,
  at = new Date(),
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${h.service.url}/`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  if (secret) {
    await page.getByTestId('login-totp').fill(totpCode(secret, at));
    await page.getByTestId('login-submit').click();
  }
  await page.getByTestId('user-menu').waitFor();
  return page;
}

async function billedRow(sheetId: number) {
  const rows = await h.runtime.store.snapshots.listSnapshots(sheetId);
  return rows.find((s) => s.billable && typeof s.values.price === 'number')!;
}

describe('the dashboard against serve, in Chromium', () => {
  let admin: BrowserContext;
  let adminPage: Page;
  let secret: Uint8Array;

  it('enrols an admin in TOTP, then signs in with password and a TOTP code', async () => {
    admin = await browser.newContext({ acceptDownloads: true });
    const page = await admin.newPage();
    await page.goto(`${h.service.url}/`);
    await shot(page, '01-login');
    await page.getByTestId('login-email').fill('admin@example.com');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    // Admins must have MFA: the session only allows enrolment until it is done.
    await page.getByTestId('mfa-required').waitFor();
    await page.getByTestId('mfa-start').click();
    await page.getByTestId('mfa-qr').waitFor();
    secret = base32Decode(await page.getByTestId('mfa-secret').innerText())!;
    await shot(page, '02-mfa-enrolment');
    await page.getByTestId('mfa-code').fill(totpCode(secret, new Date()));
    await page.getByTestId('mfa-confirm').click();
    await expect.poll(() => page.getByTestId('recovery-codes').locator('li').count(), POLL).toBe(10);
    await page.getByTestId('mfa-done').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
    await page.close();

    // The enrolment used this time step's code; a code is accepted once, so sign in with the next.
    adminPage = await signIn(admin, 'admin@example.com', secret, new Date(Date.now() + 30_000));
    await expect.poll(() => adminPage.getByTestId('user-role').innerText(), POLL).toMatch(/admin/i);
    await shot(adminPage, '03-overview');
  }, 60_000);

  it('shows an edit made in Smartsheet in the live feed', async () => {
    await adminPage.getByTestId('nav-overview').click();
    await adminPage.getByTestId('live-feed').waitFor();
    const before = await adminPage.getByTestId('feed-item').count();
    const sheetId = h.webhooks[0]!.sheetId;
    const row = await billedRow(sheetId);
    await h.setPrice(sheetId, row.rowId, Number(row.values.price) + 1234);
    await fetch(`${h.emulator.controlUrl}/webhooks/flush`, { method: 'POST' });
    await h.service.drainInbox();
    await expect.poll(() => adminPage.getByTestId('feed-item').count(), POLL).toBeGreaterThan(before);
    await expect
      .poll(() => adminPage.getByTestId('live-feed').innerText(), POLL)
      .toContain('POST_CLOSE_EDIT');
    await shot(adminPage, '04-live-feed');
  }, 60_000);

  it('filters violations, opens the drill-down, exports the view, acknowledges and reverts', async () => {
    const page = adminPage;
    await page.getByTestId('nav-violations').click();
    await page.getByTestId('filter-code').fill('POST_CLOSE_EDIT');
    await page.getByTestId('filter-apply').click();
    const rows = page.getByTestId('violation-row');
    // The table refreshes when the filtered page arrives: wait until every row is the filtered code.
    await expect
      .poll(async () => {
        const texts = await rows.allInnerTexts();
        return texts.length > 0 && texts.every((text) => text.includes('POST_CLOSE_EDIT'));
      }, POLL)
      .toBe(true);
    await shot(page, '05-violations');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv.length - 1).toBe(await rows.count());
    expect(csv.slice(1).every((line) => line.includes('POST_CLOSE_EDIT'))).toBe(true);

    // The newest POST_CLOSE_EDIT is the live edit above.
    const events = await h.runtime.store.audit.listEvents({
      violationTypes: ['POST_CLOSE_EDIT'],
      limit: 1,
      order: 'desc',
    });
    const event = events.events[0]!;
    await page.locator(`[data-testid="violation-row"][data-event-id="${event.eventId}"]`).click();
    const drilldown = page.getByTestId('drilldown');
    await drilldown.waitFor();
    expect((await page.getByTestId('rule-reasons').innerText()).trim()).not.toBe('');
    expect(await page.getByTestId('open-in-smartsheet').getAttribute('href')).toMatch(/rowId=/);
    await shot(page, '06-drilldown');

    await page.getByTestId('review-comment').fill('Checked with the crew lead; reverting.');
    await page.getByTestId('review-acknowledge').click();
    await expect
      .poll(() => page.getByTestId('reviews').innerText(), POLL)
      .toContain('Checked with the crew lead');

    await page.getByTestId('revert-button').click();
    await page.getByTestId('revert-confirm').click();
    await page.locator('[data-testid="revert-done"], .revert [role="alert"]').first().waitFor();
    const refused = page.locator('.revert [role="alert"]');
    if ((await refused.count()) > 0) throw new Error(`revert refused: ${await refused.innerText()}`);
    const sheet = await h.runtime.client.getSheet(event.sheetId!, { rowIds: [event.rowId!] });
    const priceColumn = sheet.columns.find((c) => c.title === event.columnName)!;
    const cell = sheet.rows[0]!.cells.find((c) => c.columnId === priceColumn.id)!;
    expect(String(cell.value)).toBe(event.oldValue);
    const trail = (await h.runtime.store.audit.listEvents({ limit: 100_000 })).events.map(
      (e) => e.violationType,
    );
    expect(trail).toEqual(
      expect.arrayContaining(['VIOLATIONS_EXPORTED', 'VIOLATION_REVIEWED', 'VIOLATION_REVERTED']),
    );
  }, 90_000);

  it('renders every page for an admin', async () => {
    const page = adminPage;
    const accessReview = monthlyAccessReviewDepsFor(h.config, h.runtime.store, h.runtime.source, {
      info() {},
      warn() {},
      error() {},
      debug() {},
      child() {
        return this;
      },
    } as never);
    await runMonthlyAccessReview(accessReview, { now: new Date() });
    accessReview.close();
    for (const [nav, ready, name] of [
      ['nav-reports', 'reports-table', '07-reports'],
      ['nav-runs', 'runs-table', '08-runs'],
      ['nav-editors', 'editors-table', '09-editors'],
      ['nav-access-review', 'access-table', '10-access-review'],
      ['nav-settings', 'config-table', '11-settings'],
      ['nav-users', 'users-table', '12-users'],
      ['nav-account', 'sessions-table', '13-account'],
    ] as const) {
      await page.getByTestId(nav).click();
      await page.getByTestId(ready).waitFor();
      await shot(page, name);
    }
  }, 60_000);

  it('refuses a viewer on admin pages and expires an idle session', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'viewer@example.com');
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await page.goto(`${h.service.url}/users`);
    await page.getByTestId('forbidden').waitFor();
    await shot(page, '14-viewer-forbidden');

    // Make the session idle for longer than the timeout, as if the user had walked away.
    const cookie = (await context.cookies()).find((c) => c.name === 'll_session')!;
    const idle = new Date(Date.now() - (h.config.auth.idleTimeoutMinutes + 5) * 60_000).toISOString();
    expect(await h.runtime.store.sessions.touchSession(sessionIdForToken(cookie.value), idle)).toBe(true);
    await page.getByTestId('nav-violations').click();
    await page.getByTestId('session-expired').waitFor();
    await shot(page, '15-session-expired');
    await context.close();
  }, 60_000);
});
