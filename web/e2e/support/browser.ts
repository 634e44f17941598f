import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The running system (./delms up): the app and the API share the gateway's origin. */
export const APP_URL = process.env.DELMS_APP_URL ?? 'http://localhost:8080';
export const KEYCLOAK_URL = process.env.DELMS_KEYCLOAK_URL ?? 'http://localhost:8180';

/** Debian's Chromium (apt-get install chromium); never a browser downloaded by a tool. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Opens `path` in a fresh session and signs in on Keycloak's form as a demo user (password = name). */
export async function signIn(browser: Browser, user: string, path = '/'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(APP_URL + path);
  await page.waitForSelector('#username', { timeout: 60_000 });
  await page.fill('#username', user);
  await page.fill('#password', user);
  await page.click('#kc-login');
  await page.waitForSelector('[data-testid="current-user"]', { timeout: 60_000 });
  return page;
}

/** A full-page screenshot under test-results/screenshots (ignored by git). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = new URL('../../test-results/screenshots/', import.meta.url).pathname;
  await mkdir(dir, { recursive: true });
  const path = `${dir}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
