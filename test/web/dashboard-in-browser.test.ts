// The built dashboard (web/dist) in Debian's Chromium under the production CSP: it must render
// and work with no inline script or style, sign in through the MFA step, show the overview and
// the live feed, filter violations, revert only after confirmation (with the CSRF token), and
// react to 401 and 403 the way the issue asks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli.js';
import { startMockDashboard, violation } from './mock-dashboard-server.js';
import type { MockDashboard } from './mock-dashboard-server.js';

let distDir: string;
let browser: Browser;

beforeAll(async () => {
  distDir = mkdtempSync(path.join(os.tmpdir(), 'll-web-'));
  await build({
    configFile: path.join(repoRoot, 'web', 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: distDir, emptyOutDir: true },
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(distDir, { recursive: true, force: true });
});

/** A page that records every console error (CSP refusals are reported there). */
async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

async function signIn(page: Page, dashboard: MockDashboard, next = '/'): Promise<void> {
  await page.goto(`${dashboard.url}${next}`);
  await page.getByTestId('login-email').fill('ada@example.com');
  await page.getByTestId('login-password').fill('correct horse battery');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-totp').fill('123456');
  await page.getByTestId('login-submit').click();
}

/** Errors other than the expected 401/403 answers the browser logs for failed fetches. */
function unexpected(errors: readonly string[]): string[] {
  return errors.filter((text) => !/status of 40[13]/.test(text));
}

// A browser on a loaded 2-core CI machine can take well over the default 30 s per page flow.
describe('the dashboard in a browser', { timeout: 90_000 }, () => {
  it('builds an index.html without inline script or style', () => {
    const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style=/);
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
  });

  it('signs in through the MFA step and shows the overview and the live feed under the CSP', async () => {
    const dashboard = await startMockDashboard(distDir, 'admin');
    const { page, errors } = await openPage();
    try {
      await signIn(page, dashboard);
      await expect.poll(() => page.getByTestId('kpi-billed').textContent()).toBe('$12,345.67');
      expect(await page.getByTestId('kpi-model').textContent()).toBe('cold start (rules only)');
      await page.getByTestId('chart-risk-trend').locator('canvas').waitFor();
      await expect.poll(() => page.getByTestId('feed-item').count()).toBe(2);
      await expect.poll(() => page.getByTestId('feed-status').textContent()).toBe('Live');
      expect(dashboard.requests.map((request) => request.url)).toContain('/api/feed?after=11');

      dashboard.pushFeedEvent(violation(12, { violationType: 'WEEK_MOVED' }));
      await expect.poll(() => page.getByTestId('feed-item').count()).toBe(3);
      expect(await page.getByTestId('feed-item').first().getAttribute('data-seq')).toBe('12');
      expect(await page.getByTestId('nav-users').count()).toBe(1);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await page.close();
      await dashboard.close();
    }
  });

  it('filters violations, exports the same view and reverts only after confirmation', async () => {
    const dashboard = await startMockDashboard(distDir, 'admin');
    const { page, errors } = await openPage();
    try {
      await signIn(page, dashboard, '/violations');
      await page.getByTestId('filter-severity').selectOption(['CRITICAL', 'HIGH']);
      await page.getByTestId('filter-editor').fill('crew.lead@example.com');
      await page.getByTestId('filter-apply').click();
      await expect
        .poll(() => dashboard.requests.some((request) => request.url.includes('severity=CRITICAL%2CHIGH')))
        .toBe(true);
      const exportHref = await page.getByTestId('export-csv').getAttribute('href');
      expect(exportHref).toBe(
        '/api/violations/export.csv?severity=CRITICAL%2CHIGH&editor=crew.lead%40example.com&sort=seq&order=desc',
      );

      await page.getByTestId('violation-row').first().click();
      await page.getByTestId('drilldown').getByText('Open in Smartsheet').waitFor();
      await page.getByTestId('revert-button').click();
      expect(dashboard.requests.some((request) => request.url.endsWith('/revert'))).toBe(false);
      await page.getByTestId('revert-confirm').click();
      await page.getByTestId('revert-done').waitFor();
      expect(await page.getByTestId('revert-done').textContent()).toContain('now holds 100.00 again');
      const revert = dashboard.requests.find((request) => request.url === '/api/violations/evt-11/revert');
      expect(revert).toMatchObject({ method: 'POST', csrf: 'csrf-token-1', body: { confirm: true } });
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await page.close();
      await dashboard.close();
    }
  });

  it('enrols an authenticator: QR image and secret, one code, then the recovery codes once', async () => {
    const dashboard = await startMockDashboard(distDir, 'admin');
    const { page, errors } = await openPage();
    try {
      await signIn(page, dashboard);
      await page.getByTestId('nav-mfa').click();
      await page.getByTestId('mfa-start').click();
      const qr = page.getByTestId('mfa-qr');
      await qr.waitFor();
      await expect
        .poll(() => qr.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth))
        .toBe(21);
      expect(await page.getByTestId('mfa-secret').textContent()).toBe('JBSWY3DPEHPK3PXP');
      await page.getByTestId('mfa-code').fill('654321');
      await page.getByTestId('mfa-confirm').click();
      await expect
        .poll(() => page.getByTestId('recovery-codes').locator('li').allTextContents())
        .toEqual(['k7q2-9x4m', 'p3w8-t6n1']);
      const confirm = dashboard.requests.find((request) => request.url === '/api/auth/mfa/confirm');
      expect(confirm).toMatchObject({ csrf: 'csrf-token-1', body: { code: '654321' } });
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await page.close();
      await dashboard.close();
    }
  });

  it('pages the reports list through the server, keeping the page in the URL', async () => {
    const dashboard = await startMockDashboard(distDir, 'admin');
    const { page, errors } = await openPage();
    try {
      await signIn(page, dashboard, '/reports');
      await page.getByTestId('reports-table').waitFor();
      expect(await page.getByTestId('report-row').count()).toBe(100);
      expect(await page.getByTestId('page-info').textContent()).toBe('Page 1 of 3 · 250 reports');
      expect(await page.getByTestId('page-prev').isDisabled()).toBe(true);
      const reportRequests = () =>
        dashboard.requests.filter((r) => r.url.startsWith('/api/reports')).map((r) => r.url);
      expect(reportRequests().at(-1)).toBe('/api/reports');
      const firstPageRequests = reportRequests().length;
      await page.getByTestId('page-next').click();
      await expect.poll(() => page.getByTestId('page-info').textContent()).toBe('Page 2 of 3 · 250 reports');
      await page.getByTestId('page-next').click();
      await expect.poll(() => page.getByTestId('page-info').textContent()).toBe('Page 3 of 3 · 250 reports');
      expect(await page.getByTestId('report-row').count()).toBe(50);
      expect(await page.getByTestId('report-row').first().locator('td').first().textContent()).toBe('WR201');
      expect(await page.getByTestId('page-next').isDisabled()).toBe(true);
      expect(new URL(page.url()).search).toBe('?page=3');
      expect(reportRequests().slice(firstPageRequests)).toEqual([
        '/api/reports?page=2',
        '/api/reports?page=3',
      ]);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await page.close();
      await dashboard.close();
    }
  });

  it('returns to the login page with "session expired" after a 401', async () => {
    const dashboard = await startMockDashboard(distDir, 'admin');
    const { page } = await openPage();
    try {
      await signIn(page, dashboard);
      await page.getByTestId('kpi-billed').waitFor();
      // The live feed's first requests must be over before sessions end; otherwise one of them can
      // meet the 401 first and take the page to the login screen before the click below.
      await expect.poll(() => page.getByTestId('feed-status').textContent()).toBe('Live');
      dashboard.expireSessions();
      await page.getByTestId('nav-violations').click();
      await page.getByTestId('session-expired').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await page.close();
      await dashboard.close();
    }
  });

  it('hides admin pages from a viewer and shows the server 403 when one is opened by URL', async () => {
    const dashboard = await startMockDashboard(distDir, 'viewer');
    const { page } = await openPage();
    try {
      await signIn(page, dashboard, '/users');
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByTestId('forbidden').textContent()).toBe('You do not have access to this page.');
      expect(await page.getByTestId('nav-users').count()).toBe(0);
      expect(await page.getByTestId('nav-overview').count()).toBe(1);
    } finally {
      await page.close();
      await dashboard.close();
    }
  });
});
