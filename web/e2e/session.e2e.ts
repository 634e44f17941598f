import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiGet } from './support/api';
import { APP_URL, launchBrowser, signIn } from './support/browser';

interface Page_<T> {
  content: T[];
}

describe('signing in and out', () => {
  let browser: Browser;
  let page: Page;
  let licenseId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const licenses = await apiGet<Page_<{ id: string }>>(
      'bob',
      '/api/v1/licenses?size=1&sort=createdAt,desc',
    );
    licenseId = licenses.content[0].id;
    // A deep link before signing in: Keycloak's form first, then back to the same license.
    page = await signIn(browser, 'bob', `/licenses/${licenseId}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('returns to the deep link after sign-in and shows the name and role', async () => {
    expect(page.url()).toBe(`${APP_URL}/licenses/${licenseId}`);
    await page.getByTestId('section-terms').getByText(licenseId).first().waitFor();
    await expect(page.getByTestId('current-role').innerText()).resolves.toBe('Sales');
  });

  it('keeps the page on reload (the gateway serves the app for every deep link)', async () => {
    await page.reload();
    await page.getByTestId('section-terms').getByText(licenseId).first().waitFor();
    expect(page.url()).toBe(`${APP_URL}/licenses/${licenseId}`);
  });

  it('sends a 401 through sign-in and back to the same page', async () => {
    let refused = false;
    await page.route('**/api/v1/licenses/*', async (route) => {
      if (refused) return route.continue();
      refused = true;
      return route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 401, title: 'Unauthorized' }),
      });
    });
    const toKeycloak = page.waitForRequest(/\/protocol\/openid-connect\/auth/, { timeout: 60_000 });
    await page.goto(`${APP_URL}/licenses/${licenseId}`);
    await toKeycloak;
    // Keycloak still has the session: no form, straight back to the license.
    await page.waitForURL(`${APP_URL}/licenses/${licenseId}`, { timeout: 60_000 });
    await page.getByTestId('section-terms').getByText(licenseId).first().waitFor();
    expect(refused).toBe(true);
    await page.unroute('**/api/v1/licenses/*');
  });

  it('signs out through Keycloak', async () => {
    await page.getByRole('button', { name: /^Account of / }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    // left the app for Keycloak's logout (or already back at /): the navigation starting is enough,
    // the Keycloak page's own load event is not this test's business
    await page.waitForURL(/\/realms\/delms\/|\/$/, { timeout: 60_000, waitUntil: 'commit' });
    await page.goto(`${APP_URL}/licenses`);
    await page.waitForSelector('#username', { timeout: 60_000 });
  });
});
