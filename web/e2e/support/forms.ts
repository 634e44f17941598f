import type { Page } from 'playwright-core';

/** Types into an antd select found by its label and picks the option whose title contains `option`. */
export async function pick(page: Page, label: string, search: string, option = search): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(search);
  const choice = page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title*="${option}"]`)
    .first();
  await choice.waitFor({ timeout: 30_000 });
  await choice.click();
}

/** Fills an antd date picker found by its label (YYYY-MM-DD) and leaves it with Tab. */
export async function fillDate(page: Page, label: string, isoDate: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(isoDate);
  await input.press('Tab');
}

/** An ISO date `days` from today. */
export function inDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Reloads until `check` passes: what another service applies from an event takes a moment. */
export async function eventually(page: Page, check: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.waitForTimeout(2_000);
      await page.reload();
    }
  }
}
