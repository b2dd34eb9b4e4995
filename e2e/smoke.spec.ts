import { expect, test } from '@playwright/test';
import { expectRegionsApart, mainRegions } from './helpers';

test('the page starts a live ensemble: header, controls, panels', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto('/');

  await expect(page).toHaveTitle('Paxoscope');
  await expect(page.getByRole('heading', { level: 1, name: 'Paxoscope' })).toBeVisible();
  // It plays by itself: the button offers Pause, and time and events move.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 10_000 });
  const events = page.getByRole('status', { name: 'Events' });
  await expect
    .poll(async () => Number((await events.textContent())?.replace(/\D/g, '')), { timeout: 10_000 })
    .toBeGreaterThan(10);
  await expect(page.getByRole('status', { name: 'Time' })).not.toHaveText('0 ms');

  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step phase' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Speed' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Servers' })).toHaveValue('3');
  await expect(page.getByRole('combobox', { name: 'Protocol' })).toHaveValue('multi-paxos');
  await expect(page.getByRole('heading', { name: 'Log of n1' })).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Znodes' })).toBeVisible();
  await expect(page.getByRole('treeitem').first()).toContainText('/');
  await expect(page.getByRole('textbox', { name: 'Console' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Console output' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Event log' })).toBeVisible();

  await page.screenshot({ path: 'test-results/smoke-home.png' });
  expect(errors).toEqual([]);
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`panels do not overlap at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('group', { name: 'Server n1' })).toBeVisible({ timeout: 10_000 });
    await expectRegionsApart(mainRegions(page), size.width);
    await page.screenshot({ path: `test-results/layout-${size.width}x${size.height}.png` });
  });
}
