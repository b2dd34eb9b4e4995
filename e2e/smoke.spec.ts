import { expect, test } from '@playwright/test';

test('home page shows the Paxoscope heading', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');

  await expect(page).toHaveTitle('Paxoscope');
  await expect(page.getByRole('heading', { level: 1, name: 'Paxoscope' })).toBeVisible();

  await page.screenshot({ path: 'test-results/smoke-home.png', fullPage: true });
  expect(errors).toEqual([]);
});
