import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile, mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { apiGet } from './support/api';
import { APP_URL, launchBrowser, screenshot, signIn } from './support/browser';

interface LicenseStats {
  active?: number;
  inactive?: number;
  byStatus?: Record<string, number>;
  byProductType?: Record<string, number>;
  expiringWithin30Days?: number;
  expiringWithin60Days?: number;
  expiringWithin90Days?: number;
  overused?: number;
  [key: string]: unknown;
}

async function figure(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).first().innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

describe('dashboard', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await signIn(browser, 'alice', '/');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows alice (admin) the figures of GET /api/v1/stats/licenses', async () => {
    await page.getByTestId('stat-active').first().waitFor();
    const stats = await apiGet<LicenseStats>('alice', '/api/v1/stats/licenses');
    expect(await figure(page, 'stat-active')).toBe(stats.active);
    expect(await figure(page, 'stat-inactive')).toBe(stats.inactive);
    expect(await figure(page, 'stat-overused')).toBe(stats.overused);
    for (const [status, count] of Object.entries(stats.byStatus ?? {})) {
      expect(await figure(page, `stat-status-${status}`), status).toBe(count);
    }
    await expect(page.getByTestId('current-user').innerText()).resolves.toContain('Alice');
    await screenshot(page, 'dashboard');
  });

  it('links a figure to the list it counts', async () => {
    const stats = await apiGet<LicenseStats>('alice', '/api/v1/stats/licenses');
    await page.getByTestId('stat-status-IN_USE').first().click();
    await page.waitForURL(/\/licenses\?.*status=IN_USE/);
    const expected = stats.byStatus?.IN_USE ?? 0;
    await page
      .getByTestId('license-link')
      .first()
      .waitFor({ state: expected > 0 ? 'visible' : 'detached' });
    await page.goBack();
    await page.waitForURL(`${APP_URL}/`);
    await page.getByTestId('stat-active').first().waitFor();
  });

  it('paints the dashboard quickly on a fresh load (figure recorded, not asserted)', async () => {
    await page.goto(`${APP_URL}/`);
    await page.getByTestId('stat-active').first().waitFor();
    const paint = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { firstContentfulPaintMs: fcp?.startTime, domContentLoadedMs: nav?.domContentLoadedEventEnd };
    });
    const figuresShownMs = await page.evaluate(() => performance.now());
    // JavaScript fetched until the figures show (compressed bytes on the wire), and whether the
    // chart library was among it.
    const scripts = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => entry.name.endsWith('.js'))
        .map((entry) => ({ name: entry.name, bytes: entry.encodedBodySize })),
    );
    const javascriptKB = Math.round(scripts.reduce((sum, script) => sum + script.bytes, 0) / 1024);
    const chartLibraryLoaded = scripts.some((script) => script.name.includes('makeChartComp'));
    const dir = new URL('../test-results/', import.meta.url).pathname;
    await mkdir(dir, { recursive: true });
    await writeFile(
      `${dir}dashboard-paint.json`,
      JSON.stringify({ ...paint, figuresShownMs, javascriptKB, chartLibraryLoaded }, null, 2),
    );
    expect(paint.firstContentfulPaintMs).toBeGreaterThan(0);
  });
});
