import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiGet } from './support/api';
import { launchBrowser, screenshot, signIn } from './support/browser';
import { startComponent, stopComponent } from './support/stack';

describe('a license while sales-service is down', () => {
  let browser: Browser;
  let page: Page;
  let licenseId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const licenses = await apiGet<{ content: { id: string }[] }>(
      'alice',
      '/api/v1/licenses?size=1&status=IN_USE',
    );
    licenseId = licenses.content[0].id;
    page = await signIn(browser, 'alice', `/licenses/${licenseId}`);
    await page.getByTestId('section-purchases').waitFor();
    await stopComponent('sales-service');
  });

  afterAll(async () => {
    await browser?.close();
    await startComponent('sales-service');
  });

  it('says the purchases are unavailable and shows everything else', async () => {
    await page.reload();
    const purchases = page.getByTestId('section-purchases');
    await purchases.getByText('The sales service is unavailable right now').waitFor({ timeout: 60_000 });
    await page.getByTestId('section-terms').getByText(licenseId).first().waitFor();
    await page.getByTestId('section-timeline').locator('.ant-timeline-item').first().waitFor();
    await page.getByTestId('section-changes').waitFor();
    await screenshot(page, 'license-detail-sales-down');
  });
});
