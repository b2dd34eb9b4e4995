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
  await expect(page.getByRole('group', { name: /^Server n\d+$/ }).filter({ hasText: 'leader' })).toHaveCount(1, {
    timeout: 15_000,
  });
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

/** The page's main panels, in reading order (controls first). */
export function mainRegions(page: Page): Locator[] {
  return [
    page.getByRole('region', { name: 'Simulation controls' }),
    page.getByRole('region', { name: 'Cluster' }),
    page.getByRole('region', { name: /^Log of n\d+$/ }),
    page.getByRole('region', { name: /^Znodes on n\d+$/ }),
    page.getByRole('region', { name: 'Console' }),
    page.getByRole('region', { name: 'Events' }),
  ];
}

/** Every region is laid out inside the window's width and no two overlap; returns their boxes in order. */
export async function expectRegionsApart(
  regions: readonly Locator[],
  windowWidth: number,
): Promise<{ x: number; y: number; width: number; height: number }[]> {
  const boxes = [];
  for (const region of regions) {
    const box = await region.boundingBox();
    expect(box, 'a region is not laid out').not.toBeNull();
    if (box === null) return [];
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(40);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(windowWidth + 1);
    boxes.push(box);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap =
        a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
      expect(overlap, `regions ${i} and ${j} overlap`).toBe(false);
    }
  }
  return boxes;
}
