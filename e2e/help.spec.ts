// The in-app help: a dialog that explains the monitor, the switches, the history view and the fuzz panel.
import { expect, test } from '@playwright/test';
import { openPage } from './helpers';

test('Help opens a dialog explaining the safety lab, and closes with its button or Escape', async ({ page }) => {
  const errors = await openPage(page);
  await page.getByRole('button', { name: 'Help' }).click();
  const dialog = page.getByRole('dialog', { name: 'How to read Paxoscope' });
  await expect(dialog).toBeVisible();
  for (const heading of ['Safety monitor', 'Bug switches', 'Bug lessons', 'Quorum overlap', 'Client history', 'Fuzz'])
    await expect(dialog.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Fuzz' })).toContainText('the same code as npm run fuzz');
  await page.screenshot({ path: test.info().outputPath('help.png') });
  await dialog.getByRole('button', { name: 'Close help' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Help' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});
