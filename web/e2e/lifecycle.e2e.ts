import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiPost } from './support/api';
import { APP_URL, launchBrowser, screenshot, signIn } from './support/browser';
import { eventually, fillDate, inDays, pick } from './support/forms';

interface Named {
  id: string;
  name: string;
}

/** Makes this run's customer and engineer names unique on a stack that is not fresh. */
const RUN = Date.now().toString(36);

/** A person's whole day with one license: bob sells and renews it, erin deploys it. */
describe('the lifecycle of a license in the browser', () => {
  let browser: Browser;
  let bob: Page;
  let customer: Named;
  let licenseId: string;
  const renewedExpiry = inDays(2 * 365);

  beforeAll(async () => {
    browser = await launchBrowser();
    // its own customer: what other suites leave behind (the fuzz suite's odd names) is not this story
    customer = await apiPost<Named>('alice', '/api/v1/customers', {
      name: `Lifecycle Customer ${RUN}`,
      contactEmail: `lifecycle.${RUN}@example.com`,
      region: 'EMEA',
    });
    bob = await signIn(browser, 'bob', '/operations?action=create');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets bob (sales) create a license and shows its new License ID', async () => {
    await pick(bob, 'Customer', customer.name);
    await bob.getByLabel('Authorized workspaces', { exact: true }).fill('5');
    await bob.getByLabel('Authorized users', { exact: true }).fill('50');
    await fillDate(bob, 'Expiry date', inDays(365));
    await screenshot(bob, 'operations-create');
    await bob.getByRole('button', { name: 'Create license' }).click();
    const created = bob.getByTestId('created-license-id');
    await created.waitFor({ timeout: 30_000 });
    licenseId = (await created.innerText()).trim();
    expect(licenseId).toMatch(/^[A-Z]+-\d{6}-\d{6}$/);
    await screenshot(bob, 'operations-created');
  });

  it('finds it in the license list by filter', async () => {
    await bob.goto(`${APP_URL}/licenses`);
    await bob.getByLabel('Search', { exact: true }).fill(licenseId);
    await bob.getByLabel('Search', { exact: true }).press('Enter');
    await bob.waitForURL(new RegExp(`q=${licenseId}`));
    await bob.getByTestId('license-link').filter({ hasText: licenseId }).waitFor();
    // The unfiltered first page may show it too: wait until the filtered answer replaced it.
    await expect.poll(() => bob.getByTestId('license-link').count(), { timeout: 30_000 }).toBe(1);
    await bob.goto(`${APP_URL}/licenses?customerId=${customer.id}&status=CREATED`);
    await bob.getByTestId('license-link').filter({ hasText: licenseId }).waitFor();
    await screenshot(bob, 'license-list');
  });

  it('records a renewal, then shows the new expiry, the purchase in the timeline and the change log', async () => {
    await bob.goto(`${APP_URL}/operations?action=purchase&license=${licenseId}`);
    await bob.getByLabel('Amount', { exact: true }).fill('12000');
    await fillDate(bob, 'New expiry date', renewedExpiry);
    await bob.getByRole('button', { name: 'Record purchase' }).click();
    await bob.getByText('Purchase recorded').waitFor({ timeout: 30_000 });

    await bob.goto(`${APP_URL}/licenses/${licenseId}`);
    const expiryShown = new Date(`${renewedExpiry}T00:00:00`).toLocaleDateString('en-US', {
      dateStyle: 'medium',
    });
    await eventually(bob, async () => {
      await bob.getByTestId('section-terms').getByText(expiryShown).first().waitFor({ timeout: 3_000 });
    });
    await bob.getByTestId('section-purchases').getByText('Renewal').first().waitFor();
    await bob
      .getByTestId('section-timeline')
      .getByText(/renewal/i)
      .first()
      .waitFor();
    await bob
      .getByTestId('section-changes')
      .getByText(/expiry/i)
      .first()
      .waitFor();
    await screenshot(bob, 'license-detail');
  });

  it('lets bob edit the license terms, and the new limit shows', async () => {
    await bob.goto(`${APP_URL}/licenses/${licenseId}`);
    await bob.getByTestId('edit-license-terms').click();
    const dialog = bob.getByRole('dialog');
    await dialog.getByLabel('Authorized users', { exact: true }).fill('75');
    await dialog.getByRole('button', { name: 'Save terms' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
    await bob
      .getByTestId('section-terms')
      .getByText('75', { exact: true })
      .first()
      .waitFor({ timeout: 30_000 });
  });

  it('lets erin (engineer) schedule and complete a deployment, and the license is DEPLOYED', async () => {
    // A license just sold (CREATED): a deployment takes it to DEPLOYED.
    const today = inDays(0);
    const sold = await apiPost<{ id: string }>('bob', '/api/v1/licenses', {
      customerId: customer.id,
      productType: 'ENT',
      licenseType: 'SUBSCRIPTION',
      authorizedWorkspaces: 3,
      authorizedUsers: 30,
      orderDate: today,
      startDate: today,
      expiryDate: inDays(365),
    });
    const engineer = await apiPost<Named>('alice', '/api/v1/engineers', {
      name: `Lifecycle Engineer ${RUN}`,
      email: `lifecycle.engineer.${RUN}@example.com`,
      region: 'EMEA',
    });
    const erin = await signIn(browser, 'erin', `/operations?action=deployment&license=${sold.id}`);
    await pick(erin, 'Engineer', engineer.name);
    await erin.getByRole('button', { name: 'Schedule deployment' }).click();
    await erin.getByRole('button', { name: 'Start' }).first().waitFor({ timeout: 30_000 });
    await screenshot(erin, 'operations-deployment');

    await erin.getByRole('button', { name: 'Start' }).first().click();
    await erin.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await erin.getByRole('button', { name: 'Complete' }).first().waitFor({ timeout: 30_000 });
    await erin.getByRole('button', { name: 'Complete' }).first().click();
    await erin.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await erin
      .getByTestId('deployment-status')
      .filter({ hasText: 'Completed' })
      .first()
      .waitFor({ timeout: 30_000 });

    await erin.goto(`${APP_URL}/licenses/${sold.id}`);
    await eventually(erin, async () => {
      await erin
        .getByTestId('license-status')
        .filter({ hasText: 'Deployed' })
        .first()
        .waitFor({ timeout: 3_000 });
    });
  });
});
