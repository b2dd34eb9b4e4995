// Present mode and the ring's legibility, measured on the real page: font sizes and bounding boxes of server names
// and labels (no two overlap, none over a server), at projector and desktop sizes; the log table's heads line up.
import { expect, test, type Page } from '@playwright/test';
import { eventCount, readNumber } from './helpers';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Ring {
  names: number[];
  labels: number[];
  labelBoxes: Rect[];
  circles: { x: number; y: number; r: number }[];
  nameBoxes: Rect[];
}

const servers = (page: Page) => page.getByRole('group', { name: /^Server n\d+$/ });

/** Sizes and boxes of the ring's text as drawn (css px on screen). */
async function measureRing(page: Page): Promise<Ring> {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    const names = [...document.querySelectorAll('.cluster-svg .server-name')];
    const labels = [...document.querySelectorAll('.cluster-svg .server-label')];
    return {
      names: names.map(size),
      labels: labels.map(size),
      labelBoxes: labels.map(rect),
      nameBoxes: names.map(rect),
      circles: [...document.querySelectorAll('.cluster-svg .server-node')].map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2, r: r.width / 2 };
      }),
    };
  });
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function distance(box: Rect, x: number, y: number): number {
  const dx = Math.max(box.x - x, 0, x - box.x - box.w);
  const dy = Math.max(box.y - y, 0, y - box.y - box.h);
  return Math.hypot(dx, dy);
}

/** No label over another or over a server; every name inside its circle; nothing rotated. */
async function expectLegible(page: Page, what: string): Promise<Ring> {
  const ring = await measureRing(page);
  const { labelBoxes, circles, nameBoxes } = ring;
  for (let i = 0; i < labelBoxes.length; i++) {
    for (let j = i + 1; j < labelBoxes.length; j++)
      expect(intersects(labelBoxes[i]!, labelBoxes[j]!), `${what}: labels ${i} and ${j} overlap`).toBe(false);
    for (const c of circles)
      expect(distance(labelBoxes[i]!, c.x, c.y), `${what}: label ${i} over a server`).toBeGreaterThan(c.r - 1);
  }
  nameBoxes.forEach((box, i) => {
    const c = circles[i]!;
    expect(box.w, `${what}: name ${i} wider than its circle`).toBeLessThan(c.r * 2);
  });
  expect(await page.locator('.cluster-svg [transform*="rotate"]').count()).toBe(0);
  return ring;
}

async function withServers(page: Page, n: number): Promise<void> {
  if (n !== 3) await page.getByRole('combobox', { name: 'Servers' }).selectOption(String(n));
  await expect(servers(page)).toHaveCount(n, { timeout: 15_000 });
  await expect(servers(page).filter({ hasText: 'leader' })).toHaveCount(1, { timeout: 15_000 });
}

test('the Present button and ?present=1 switch to the projector view and back', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Present' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('region', { name: /^Log of n\d+$/ })).toBeVisible({ timeout: 10_000 });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/\?present=1/);
  // Secondary panels folded, the ring and the space-time diagram in view.
  await expect(page.getByRole('region', { name: /^Log of n\d+$/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Console' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Cluster' })).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Time travel' })).toBeInViewport({ ratio: 0.99 });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page).not.toHaveURL(/present=1/);
  await expect(page.getByRole('region', { name: /^Log of n\d+$/ })).toBeVisible();
  // Embedding is unchanged.
  await page.goto('/?embed=1');
  await expect(page.getByRole('group', { name: 'Server n1' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('region', { name: /^Log of n\d+$/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});

/** The ring's radius (its servers' centres from their centroid) over the stage's smaller side. */
async function ringShare(page: Page): Promise<number> {
  const { circles } = await measureRing(page);
  const cx = circles.reduce((s, c) => s + c.x, 0) / circles.length;
  const cy = circles.reduce((s, c) => s + c.y, 0) / circles.length;
  const radius = Math.min(...circles.map((c) => Math.hypot(c.x - cx, c.y - cy)));
  const stage = (await page.locator('.cluster-stage').boundingBox())!;
  return radius / Math.min(stage.width, stage.height);
}

for (const n of [3, 5, 7, 9, 25]) {
  test(`present mode at 1280x720 with ${n} servers: large names and labels, none overlapping`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/?present=1');
    await withServers(page, n);
    await page.getByRole('button', { name: 'Pause' }).click();
    const ring = await expectLegible(page, `present ${n}`);
    expect(ring.labels.length).toBeGreaterThan(0);
    expect(Math.min(...ring.names)).toBeGreaterThanOrEqual(n <= 9 ? 24 : 14);
    if (n <= 9) expect(Math.min(...ring.labels)).toBeGreaterThanOrEqual(16);
    // Drawn at that size: the SVG is not scaled down.
    const nameHeight = Math.min(...ring.nameBoxes.map((b) => b.h));
    expect(nameHeight).toBeGreaterThanOrEqual((n <= 9 ? 24 : 14) * 0.9);
    // The ring fills the stage left beside the diagram and under the controls (not a small ring inside labels).
    expect(await ringShare(page)).toBeGreaterThanOrEqual(0.29);
    await expect(page.getByRole('region', { name: 'Time travel' })).toBeInViewport({ ratio: 0.99 });
    await page.screenshot({ path: test.info().outputPath(`present-${n}.png`) });
  });
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
]) {
  test(`the ring's labels stay apart and legible at ${size.width}x${size.height}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(size);
    await page.goto('/');
    for (const n of [3, 9, 25]) {
      await withServers(page, n);
      // Selecting and hovering another server gives it details too, still clear of the leader's.
      await page.getByRole('button', { name: 'Select n2', exact: true }).click();
      await page.getByRole('button', { name: `Select n${n}`, exact: true }).hover();
      const ring = await expectLegible(page, `${n} servers at ${size.width}`);
      expect(Math.min(...ring.labels)).toBeGreaterThanOrEqual(11);
      expect(Math.min(...ring.names)).toBeGreaterThanOrEqual(12);
      // The leader's always; the selected and hovered servers' too where the panel has room for them.
      if (n >= 9) expect(ring.labels.length).toBeGreaterThanOrEqual(size.width >= 1920 ? 2 : 1);
      else expect(ring.labels).toHaveLength(n);
    }
  });
}

for (const width of [1280, 1600, 1920, 2560]) {
  test(`the log table's heads line up with its columns at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: Math.round((width * 9) / 16) });
    await page.goto('/');
    await withServers(page, 3);
    const input = page.getByRole('textbox', { name: 'Console' });
    await input.fill('c1> create /a some-value');
    await input.press('Enter');
    const log = page.getByRole('region', { name: /^Log of n\d+$/ });
    await expect(log.locator('tbody tr')).not.toHaveCount(0, { timeout: 10_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    const heads = await log.locator('.log-head th').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
    const cells = await log
      .locator('tbody tr')
      .first()
      .locator('td')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
    expect(heads).toHaveLength(5);
    heads.forEach((head, i) => {
      expect(Math.abs(head.x - cells[i]!.x), `column ${i}`).toBeLessThan(1);
      expect(Math.abs(head.width - cells[i]!.width), `column ${i}`).toBeLessThan(1);
    });
    // The Transaction column keeps room for a transaction.
    expect(cells[2]!.width).toBeGreaterThan(100);
    await expect(log.getByRole('columnheader', { name: 'Transaction' })).toHaveCount(1);
  });
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
]) {
  test(`at ${size.width}x${size.height} the ring, the monitor and the diagram are in view together; the log fits`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    // At 1440x900 the default 3 servers, once the first-visit card is dismissed (5 lanes and a client need more).
    const wide = size.width >= 1920;
    if (!wide) await page.getByRole('button', { name: 'Dismiss' }).click();
    await withServers(page, wide ? 5 : 3);
    const input = page.getByRole('textbox', { name: 'Console' });
    await input.fill('c1> create /a some-value');
    await input.press('Enter');
    const log = page.getByRole('region', { name: /^Log of n\d+$/ });
    await expect(log.locator('tbody tr')).not.toHaveCount(0, { timeout: 10_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    for (const name of ['Cluster', 'Safety monitor', 'Time travel'])
      await expect(page.getByRole('region', { name, exact: true })).toBeInViewport({ ratio: 0.99 });
    // The ring takes the height the other two leave: more than its minimum on the larger screens; at 1440 px the
    // server list moves beside it (it would push the diagram out of view below the ring).
    const stage = (await page.locator('.cluster-stage').boundingBox())!;
    expect(stage.height).toBeGreaterThan(wide ? size.height * 0.4 : 350);
    const servers = (await page.getByRole('button', { name: 'Kill n1', exact: true }).boundingBox())!;
    expect(servers.x).toBeGreaterThan(stage.x + stage.width);
    // Every column of the log table is inside its panel (none cut at the edge, no sideways scrolling).
    const table = (await log.locator('tbody').boundingBox())!;
    const body = (await log.locator('.panel-body').boundingBox())!;
    expect(table.x + table.width).toBeLessThanOrEqual(body.x + body.width + 0.5);
    await page.screenshot({ path: test.info().outputPath(`page-${size.width}.png`) });
    // A lesson open above the workspace: the ring gives way, the diagram stays in view (at 1440 px the ring is
    // at its minimum already: the lesson pushes the diagram's foot below the fold).
    if (!wide) return;
    await page.goto('/#lesson=leader-crash');
    await expect(page.getByRole('region', { name: 'Lesson' }).getByText(/Paused here/)).toBeVisible({
      timeout: 15_000,
    });
    await expect(page.getByRole('region', { name: 'Time travel' })).toBeInViewport({ ratio: 0.99 });
    await page.screenshot({ path: test.info().outputPath(`page-${size.width}-lesson.png`) });
  });
}

test('keys drive a lesson in present mode: N for next, B for back, space and the right arrow', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?present=1#lesson=one-write');
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson.getByText(/Paused here/)).toBeVisible({ timeout: 15_000 });
  await expect(lesson.getByRole('status', { name: /^Step \d+ of/ })).toHaveText(/^Step 1 of/);
  await page.keyboard.press('n');
  await expect(lesson.getByRole('status', { name: /^Step \d+ of/ })).toHaveText(/^Step 2 of/);
  await expect(lesson.getByText(/Paused here/)).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('b');
  await expect(lesson.getByRole('status', { name: /^Step \d+ of/ })).toHaveText(/^Step 1 of/);
  await expect(lesson.getByText(/Paused here/)).toBeVisible({ timeout: 15_000 });
  const before = await readNumber(eventCount(page));
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => readNumber(eventCount(page))).toBeGreaterThan(before);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('all logs side by side: a killed server shows the slots decided without it as missing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await withServers(page, 3);
  const grid = page.getByRole('region', { name: 'All logs' });
  const input = page.getByRole('textbox', { name: 'Console' });
  await input.fill('c1> create /a 1');
  await input.press('Enter');
  await expect(grid.getByRole('rowheader', { name: 'n3' })).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Kill n3', exact: true }).click();
  await expect(grid.getByRole('rowheader', { name: 'n3 (down)' })).toBeVisible({ timeout: 5_000 });
  await input.fill('c1> create /b 2');
  await input.press('Enter');
  await expect(page.getByRole('log', { name: 'Console output' })).toContainText('Created /b', { timeout: 10_000 });
  // The row reads out what each run of slots is; n3 lacks the slot for /b, n1 has it applied.
  const n3 = grid.getByRole('row', { name: /^n3 \(down\)/ });
  await expect(n3).toContainText(/missing/, { timeout: 5_000 });
  await expect(grid.getByRole('row', { name: /^n1 / })).toContainText(/applied/);
  await expect(grid.locator('.cell-missing')).not.toHaveCount(0);
  await grid.screenshot({ path: test.info().outputPath('all-logs.png') });
});
