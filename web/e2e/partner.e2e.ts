import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiGet } from './support/api';
import { APP_URL, launchBrowser, screenshot, signIn } from './support/browser';

interface Reseller {
  id: string;
  code: string;
}
interface Listed<T> {
  content: T[];
}

/** paul is a partner user of reseller acme: the portal shows acme's data only, through the partner API. */
describe('the partner portal', () => {
  let browser: Browser;
  let paul: Page;
  const staffRequests: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    paul = await signIn(browser, 'paul', '/');
    paul.on('request', (request) => {
      if (request.url().includes('/api/v1/')) staffRequests.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the partner frame, never the staff dashboard', async () => {
    await paul.waitForURL(/\/partner\/licenses/);
    await paul.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    await screenshot(paul, 'partner-licenses');
  });

  it('shows exactly the customers the staff list shows for acme', async () => {
    const resellers = await apiGet<Listed<Reseller>>('alice', '/api/v1/resellers?q=acme&size=50');
    const acme = resellers.content.find((r) => r.code === 'acme')!;
    const staffView = await apiGet<Listed<{ name: string }>>(
      'alice',
      `/api/v1/customers?resellerId=${acme.id}&size=200`,
    );
    await paul.goto(`${APP_URL}/partner/customers`);
    await paul.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    const rows = paul.locator('.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(staffView.content.length);
    for (const customer of staffView.content) {
      await paul.locator('.ant-table-row').filter({ hasText: customer.name }).first().waitFor();
    }
    await screenshot(paul, 'partner-customers');
  });

  it('says "not found" for a globex license', async () => {
    const resellers = await apiGet<Listed<Reseller>>('alice', '/api/v1/resellers?q=globex&size=50');
    const globex = resellers.content.find((r) => r.code === 'globex')!;
    const theirs = await apiGet<Listed<{ id: string }>>(
      'alice',
      `/api/v1/licenses?resellerId=${globex.id}&size=1`,
    );
    await paul.goto(`${APP_URL}/partner/licenses/${theirs.content[0].id}`);
    await paul.getByText(`License ${theirs.content[0].id} not found`).waitFor({ timeout: 30_000 });
  });

  it('sent no staff API request', () => {
    expect(staffRequests).toEqual([]);
  });
});
