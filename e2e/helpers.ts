import { expect, type Locator, type Page } from '@playwright/test';

/** The number a readout shows ("1,234" -> 1234, "405 ms" -> 405). */
export async function readNumber(locator: Locator): Promise<number> {
  const raw = (await locator.textContent()) ?? '';
  return Number(raw.replace(/[^\d]/g, ''));
}

export function eventCount(page: Page): Locator {
  return page.getByRole('status', { name: 'Events' });
}

export function simTime(page: Page): Locator {
  return page.getByRole('status', { name: 'Time' });
}

/** Open the page at 1280x800 and wait until the ensemble runs. */
export async function openPage(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 10_000 });
  return errors;
}

/** Wait until some server group says it is the leader. */
export async function waitForLeader(page: Page, servers = 3): Promise<void> {
  await expect(page.getByRole('group', { name: /^Server n\d+$/ })).toHaveCount(servers, { timeout: 15_000 });
  await expect(page.getByRole('group', { name: /^Server n\d+$/ }).filter({ hasText: 'leader' })).toHaveCount(1, { timeout: 15_000 });
}

/** Type a line into the console and press Enter. */
export async function typeLine(page: Page, line: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'Console' });
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

export function consoleOutput(page: Page): Locator {
  return page.getByRole('log', { name: 'Console output' });
}

export async function pause(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
}
