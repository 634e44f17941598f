import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiGet } from './support/api';
import { APP_URL, launchBrowser, screenshot, signIn } from './support/browser';

interface Named {
  id: string;
  name: string;
}
interface Listed<T> {
  content: T[];
}

/** Every module's list loads through the real services and answers a filter in its URL. */
describe('every module', () => {
  let browser: Browser;
  let alice: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    alice = await signIn(browser, 'alice', '/customers');
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function listShows(path: string, text: string, shot: string) {
    await alice.goto(APP_URL + path);
    await alice.locator('.ant-table-row, [data-testid="board-card"]').first().waitFor({ timeout: 30_000 });
    await alice.getByText(text, { exact: false }).first().waitFor({ timeout: 30_000 });
    expect(await alice.getByRole('alert').count()).toBe(0);
    await screenshot(alice, shot);
  }

  it('lists and filters customers, sales reps, resellers and engineers by name', async () => {
    const customer = (await apiGet<Listed<Named>>('alice', '/api/v1/customers?size=1')).content[0];
    await listShows(`/customers?q=${encodeURIComponent(customer.name)}`, customer.name, 'customers');
    const rep = (await apiGet<Listed<Named>>('alice', '/api/v1/sales-reps?size=1')).content[0];
    await listShows(`/sales-reps?q=${encodeURIComponent(rep.name)}`, rep.name, 'sales-reps');
    const reseller = (await apiGet<Listed<Named>>('alice', '/api/v1/resellers?size=1')).content[0];
    await listShows(`/resellers?q=${encodeURIComponent(reseller.name)}`, reseller.name, 'resellers');
    const engineer = (await apiGet<Listed<Named>>('alice', '/api/v1/engineers?size=1')).content[0];
    await listShows(`/engineers?q=${encodeURIComponent(engineer.name)}`, engineer.name, 'engineers');
  });

  it('lists and filters purchases, deployments (and their board), alerts and the audit log', async () => {
    await listShows('/purchases?type=NEW', 'New', 'purchases');
    await listShows('/deployments?status=COMPLETED', 'Completed', 'deployments');
    await alice.goto(`${APP_URL}/deployments/board`);
    await alice.getByTestId('deployment-board').waitFor({ timeout: 30_000 });
    await screenshot(alice, 'deployment-board');
    await listShows('/alerts?status=OPEN', 'Open', 'alerts');
    await listShows('/audit?service=customer', 'POST', 'audit');
  });

  it('shows a customer with its licenses, by name', async () => {
    const licensed = (await apiGet<Listed<{ customerId: string }>>('alice', '/api/v1/licenses?size=1'))
      .content[0];
    await alice.goto(`${APP_URL}/customers/${licensed.customerId}`);
    await alice.getByTestId('section-customer-licenses').getByTestId('license-link').first().waitFor();
    await screenshot(alice, 'customer-detail');
  });

  it('lets alice (admin) create a reseller and a sales rep and see them listed', async () => {
    const suffix = Date.now().toString(36).toUpperCase();
    await alice.goto(`${APP_URL}/resellers`);
    await alice.getByRole('button', { name: 'New reseller' }).first().click();
    const reseller = alice.getByRole('dialog');
    await reseller.getByLabel('Name', { exact: true }).fill(`Initech Partners ${suffix}`);
    await reseller.getByLabel('Code', { exact: true }).fill(`initech-${suffix.toLowerCase()}`);
    await reseller
      .getByLabel('Contact e-mail', { exact: true })
      .fill(`channel-${suffix.toLowerCase()}@initech.example`);
    await reseller.getByLabel('Region', { exact: true }).fill('EMEA');
    await reseller.getByRole('button', { name: 'Create reseller' }).click();
    // the app opens the new reseller once it is saved; only then may the list be asked for it
    await alice.waitForURL(/\/resellers\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await alice.goto(`${APP_URL}/resellers?q=${suffix}`);
    await alice.getByText(`Initech Partners ${suffix}`).first().waitFor({ timeout: 30_000 });

    await alice.goto(`${APP_URL}/sales-reps`);
    await alice.getByRole('button', { name: 'New sales rep' }).first().click();
    const rep = alice.getByRole('dialog');
    await rep.getByLabel('Name', { exact: true }).fill(`Dana Whitlock ${suffix}`);
    await rep.getByLabel('E-mail', { exact: true }).fill(`dana-${suffix.toLowerCase()}@vendor.example`);
    await rep.getByLabel('Region', { exact: true }).fill('EMEA');
    await rep.getByRole('button', { name: 'Create sales rep' }).click();
    await alice.waitForURL(/\/sales-reps\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await alice.goto(`${APP_URL}/sales-reps?q=${suffix}`);
    await alice.getByText(`Dana Whitlock ${suffix}`).first().waitFor({ timeout: 30_000 });
  });

  it('shows a rep the same performance figures as GET /api/v1/stats/sales', async () => {
    const year = new Date().getFullYear();
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const stats = await apiGet<{
      bySalesRep: { salesRepId: string | null; figures: { purchaseCount: number } }[];
    }>('alice', `/api/v1/stats/sales?from=${from}&to=${to}`);
    // the sales without a rep have a row of their own, but no rep page
    const busiest = stats.bySalesRep
      .filter((row) => row.salesRepId !== null)
      .sort((a, b) => b.figures.purchaseCount - a.figures.purchaseCount)[0];
    const own = await apiGet<{ totals: { newLicenses: number; purchaseCount: number } }>(
      'alice',
      `/api/v1/stats/sales?from=${from}&to=${to}&salesRepId=${busiest.salesRepId}`,
    );
    await alice.goto(`${APP_URL}/sales-reps/${busiest.salesRepId}?from=${from}&to=${to}`);
    const figure = async (id: string) => Number((await alice.getByTestId(id).first().textContent())?.trim());
    await alice.getByTestId('rep-stat-newLicenses').first().waitFor({ state: 'attached', timeout: 30_000 });
    expect(await figure('rep-stat-newLicenses')).toBe(own.totals.newLicenses);
    expect(await figure('rep-stat-purchaseCount')).toBe(own.totals.purchaseCount);
    await screenshot(alice, 'sales-rep-performance');
  });

  it('lets erin (engineer) acknowledge an alert and shows her name on it', async () => {
    const erin = await signIn(browser, 'erin', '/alerts?status=OPEN');
    const acknowledge = erin.getByRole('button', { name: /^Acknowledge alert/ }).first();
    await acknowledge.waitFor({ timeout: 30_000 });
    const name = (await acknowledge.getAttribute('aria-label')) ?? (await acknowledge.innerText());
    const licenseId = /of ([A-Z]+-\d{6}-\d{6})/.exec(name)?.[1];
    await acknowledge.click();
    await erin.goto(`${APP_URL}/alerts?status=ACKNOWLEDGED${licenseId ? `&licenseId=${licenseId}` : ''}`);
    await erin.locator('.ant-table-row').filter({ hasText: 'erin' }).first().waitFor({ timeout: 30_000 });
  });
});
