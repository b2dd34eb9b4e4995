import { expect, test } from '@playwright/test';

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
  await expect.poll(async () => Number((await events.textContent())?.replace(/\D/g, '')), { timeout: 10_000 }).toBeGreaterThan(10);
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
    const regions = [
      page.getByRole('region', { name: 'Simulation controls' }),
      page.getByRole('region', { name: 'Cluster' }),
      page.getByRole('region', { name: /^Log of n\d+$/ }),
      page.getByRole('region', { name: /^Znodes on n\d+$/ }),
      page.getByRole('region', { name: 'Console' }),
      page.getByRole('region', { name: 'Events' }),
    ];
    const boxes = [];
    for (const region of regions) {
      const box = await region.boundingBox();
      expect(box).not.toBeNull();
      if (box === null) return;
      expect(box.width).toBeGreaterThan(100);
      expect(box.height).toBeGreaterThan(40);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width + 1);
      boxes.push(box);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
        expect(overlap, `regions ${i} and ${j} overlap`).toBe(false);
      }
    }
    await page.screenshot({ path: `test-results/layout-${size.width}x${size.height}.png` });
  });
}
