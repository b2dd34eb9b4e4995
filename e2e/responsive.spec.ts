// Narrow windows (a split screen, a tablet, a phone): no sideways scrolling, every panel in view and usable,
// stacked in one column below 900 px.
import { expect, test } from '@playwright/test';

for (const size of [
  { width: 1024, height: 700 },
  { width: 800, height: 800 },
  { width: 600, height: 800 },
  { width: 390, height: 800 },
]) {
  test(`the page fits ${size.width}x${size.height} without scrolling sideways`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(page.getByRole('group', { name: 'Server n1' })).toBeVisible({ timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const regions = [
      page.getByRole('region', { name: 'Cluster' }),
      page.getByRole('region', { name: /^Log of n\d+$/ }),
      page.getByRole('region', { name: /^Znodes on n\d+$/ }),
      page.getByRole('region', { name: 'Console' }),
      page.getByRole('region', { name: 'Events' }),
    ];
    const boxes = [];
    for (const region of regions) {
      const box = (await region.boundingBox())!;
      expect(box.width).toBeGreaterThan(100);
      expect(box.x).toBeGreaterThanOrEqual(0);
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
    if (size.width < 900) {
      // One column, in reading order.
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y);
    }
    // Still usable: a command typed at the bottom of a phone screen runs.
    const input = page.getByRole('textbox', { name: 'Console' });
    await input.scrollIntoViewIfNeeded();
    await input.fill('c1> create /narrow 1');
    await input.press('Enter');
    await expect(page.getByRole('log', { name: 'Console output' })).toContainText('Created /narrow', { timeout: 15_000 });
    await page.screenshot({ path: test.info().outputPath(`page-${size.width}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });
}
