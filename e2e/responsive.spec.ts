// Narrow windows (a split screen, a tablet, a phone): no sideways scrolling, every panel in view and usable,
// stacked in one column below 900 px.
import { expect, test } from '@playwright/test';
import { expectRegionsApart, mainRegions } from './helpers';

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
    // The controls bar wraps above the panels; the panels below it.
    const boxes = (await expectRegionsApart(mainRegions(page), size.width)).slice(1);
    if (size.width < 900) {
      // One column, in reading order.
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y);
    }
    // Still usable: a command typed at the bottom of a phone screen runs.
    const input = page.getByRole('textbox', { name: 'Console' });
    await input.scrollIntoViewIfNeeded();
    await input.fill('c1> create /narrow 1');
    await input.press('Enter');
    await expect(page.getByRole('log', { name: 'Console output' })).toContainText('Created /narrow', {
      timeout: 15_000,
    });
    await page.screenshot({ path: test.info().outputPath(`page-${size.width}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });
}
