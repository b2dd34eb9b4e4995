import { expect, test, type Locator, type Page } from '@playwright/test';
import { consoleOutput, openPage, pause, readNumber, typeLine, waitForLeader } from './helpers';

function slider(page: Page): Locator {
  return page.getByRole('slider', { name: 'Time', exact: true });
}

function nowOut(page: Page): Locator {
  return page.getByRole('status', { name: 'Now', exact: true });
}

function headOut(page: Page): Locator {
  return page.getByRole('status', { name: 'End of run', exact: true });
}

function znodeA(page: Page): Locator {
  return page.getByRole('tree', { name: 'Znodes' }).getByRole('treeitem').filter({ hasText: /^a/ });
}

function diagram(page: Page): Locator {
  return page.getByRole('img', { name: /^Space-time diagram/ });
}

async function sliderValue(page: Page): Promise<number> {
  return Number(await slider(page).inputValue());
}

/** Move the slider the way a user's drag ends: set its value and let the page see the input. */
async function seekTo(page: Page, t: number): Promise<void> {
  await slider(page).fill(String(t));
  await expect.poll(() => readNumber(nowOut(page)), { timeout: 10_000 }).toBe(t);
}

/** Two animation frames: the diagram has looked at the pointer and drawn. */
async function frames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

test('scrub back and forth through a run, fork it, and seek from the diagram', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = await openPage(page);
  await waitForLeader(page);
  await expect(slider(page)).toBeVisible();
  await expect(diagram(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export diagram (SVG)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export diagram (PNG)' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Show heartbeats' })).not.toBeChecked();

  const out = consoleOutput(page);
  await typeLine(page, 'c1> create /a 1');
  await expect(out).toContainText('Created /a', { timeout: 15_000 });
  await expect(znodeA(page)).toContainText('1', { timeout: 15_000 });
  await pause(page);
  // While live the cursor is at the end of the run.
  const afterCreate = await sliderValue(page);
  expect(afterCreate).toBeGreaterThan(0);
  await expect(headOut(page)).toHaveText(await nowOut(page).innerText());
  await expect(page.getByRole('note').filter({ hasText: 'In the past' })).toHaveCount(0);

  await typeLine(page, 'c1> set /a 2');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(znodeA(page).locator('.znode-data')).toHaveText('2', { timeout: 15_000 });
  await pause(page);
  expect(await readNumber(headOut(page))).toBeGreaterThan(afterCreate);
  await diagram(page).screenshot({ path: 'test-results-tt/diagram-live.png' });

  // Back to before the set: /a holds 1 again, and the page says we are in the past.
  await seekTo(page, afterCreate);
  await expect(znodeA(page).locator('.znode-data')).toHaveText('1', { timeout: 10_000 });
  await expect(page.getByRole('note').filter({ hasText: 'In the past' })).toBeVisible();
  // The future is kept: the end of the run stays where the run went.
  const end = await readNumber(headOut(page));
  expect(end).toBeGreaterThan(afterCreate);
  await page.screenshot({ path: 'test-results-tt/past.png' });
  await page.getByRole('region', { name: 'Time travel' }).screenshot({ path: 'test-results-tt/past-panel.png' });

  // Back to the start: no /a at all.
  await page.getByRole('button', { name: 'Back to start' }).click();
  await expect.poll(() => readNumber(nowOut(page)), { timeout: 10_000 }).toBe(0);
  await expect(znodeA(page)).toHaveCount(0, { timeout: 10_000 });

  // Forward to the end: the later state again.
  await page.getByRole('button', { name: 'Go to end' }).click();
  await expect.poll(() => readNumber(nowOut(page)), { timeout: 10_000 }).toBe(end);
  await expect(znodeA(page).locator('.znode-data')).toHaveText('2', { timeout: 10_000 });
  await expect(page.getByRole('note').filter({ hasText: 'In the past' })).toHaveCount(0);

  // Fork: act in the past and the kept future is replaced.
  await seekTo(page, afterCreate);
  await typeLine(page, 'kill n2');
  await expect.poll(() => readNumber(headOut(page)), { timeout: 10_000 }).toBe(afterCreate);
  await expect(headOut(page)).toHaveText(await nowOut(page).innerText());
  await expect(page.getByRole('group', { name: 'Server n2', exact: true })).toContainText('crashed', {
    timeout: 10_000,
  });
  // Run on a little so there is a future to go back into.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readNumber(headOut(page)), { timeout: 15_000 }).toBeGreaterThan(afterCreate + 300);
  await pause(page);

  // Clicking in the diagram moves the whole app to that moment.
  const before = await readNumber(nowOut(page));
  const box = await diagram(page).boundingBox();
  expect(box).not.toBeNull();
  if (box === null) return;
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await expect.poll(() => readNumber(nowOut(page)), { timeout: 10_000 }).toBeLessThan(before);
  await expect(page.getByRole('note').filter({ hasText: 'In the past' })).toBeVisible();
  await page.mouse.move(box.x + 5, box.y + 5);
  await diagram(page).screenshot({ path: 'test-results-tt/diagram-past.png' });

  // Hovering an arrow or a mark shows what it is.
  const tooltip = page.getByRole('tooltip');
  let found = false;
  // Sweep along the server lanes (4 lanes: n1..n3 and c1, under a 20 px time axis), where arrows start and end.
  const laneH = Math.min(40, (box.height - 24) / 4);
  for (let lane = 0; lane < 3 && !found; lane++) {
    const y = box.y + 20 + laneH * (lane + 0.5);
    for (let x = box.x + 50; x < box.x + box.width * 0.4 && !found; x += 4) {
      await page.mouse.move(x, y);
      // The worker has answered for this very point (the canvas is busy until then): no timing involved.
      await expect(diagram(page)).toHaveAttribute('aria-busy', 'false');
      found = (await tooltip.count()) > 0;
    }
  }
  expect(found).toBe(true);
  await expect(tooltip).toContainText(/ms/);
  await page.getByRole('region', { name: 'Time travel' }).screenshot({ path: 'test-results-tt/tooltip.png' });
  await page.screenshot({ path: 'test-results-tt/page.png' });
  expect(errors).toEqual([]);
});

test('the diagram exports SVG and PNG, and the heartbeat toggle works', async ({ page }) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  await pause(page);
  // Its text alternative says what it shows, up to the paused cursor.
  const now = await readNumber(nowOut(page));
  await expect(diagram(page)).toHaveAccessibleName(
    new RegExp(`lane per server \\(n1, n2, n3\\).*cursor at ${now.toLocaleString('en-US')} ms`),
    { timeout: 5_000 },
  );
  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export diagram (SVG)' }).click();
  const svg = await svgDownload;
  expect(svg.suggestedFilename()).toBe('paxoscope-diagram.svg');
  const path = await svg.path();
  const { readFile } = await import('node:fs/promises');
  const body = await readFile(path, 'utf8');
  expect(body).toContain('<svg');
  expect(body).toContain('>n1</text>');
  expect(body).toContain('<path');

  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export diagram (PNG)' }).click();
  expect((await pngDownload).suggestedFilename()).toBe('paxoscope-diagram.png');

  await page.getByRole('checkbox', { name: 'Show heartbeats' }).check();
  await expect(page.getByRole('checkbox', { name: 'Show heartbeats' })).toBeChecked();
  await frames(page);
  await diagram(page).screenshot({ path: 'test-results-tt/diagram-heartbeats.png' });
  expect(errors).toEqual([]);
});

test('fast wheel zooming while the diagram follows the run keeps every step', async ({ page }) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // Trackpad-fast wheel steps (a few ms apart) while the worker keeps reporting where following moved the view:
  // d3's zoom state must end where the steps lead, not at a stale report.
  const { before, after, steps } = await page.evaluate(async () => {
    type Zoomed = HTMLCanvasElement & { __zoom: { k: number } };
    const canvas = document.querySelector('canvas[role="img"][aria-label^="Space-time diagram"]') as Zoomed;
    const rect = canvas.getBoundingClientRect();
    const before = canvas.__zoom.k;
    const steps = 15;
    for (let i = 0; i < steps; i++) {
      canvas.dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: 40,
          clientX: rect.left + rect.width / 2,
          clientY: rect.top + rect.height / 2,
          bubbles: true,
          cancelable: true,
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    return { before, after: canvas.__zoom.k, steps };
  });
  // d3 zooms by 2^(-deltaY * 0.002) per wheel event.
  expect(after / before).toBeCloseTo(2 ** (-40 * 0.002 * steps), 6);
  expect(errors).toEqual([]);
});

test('a new run (another cluster size) shows the diagram from its start, following again', async ({ page }) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  const follow = page.getByRole('button', { name: 'Follow' });
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  // Drag the diagram back: the person looks elsewhere, so it stops following.
  await diagram(page).scrollIntoViewIfNeeded();
  const box = (await diagram(page).boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  const zoomX = () =>
    page.evaluate(
      () =>
        (
          document.querySelector('canvas[role="img"][aria-label^="Space-time diagram"]') as HTMLCanvasElement & {
            __zoom: { x: number };
          }
        ).__zoom.x,
    );
  expect(await zoomX()).toBeGreaterThan(44);

  await page.getByRole('combobox', { name: 'Servers' }).selectOption('5');
  await expect(page.getByRole('group', { name: /^Server n5$/ })).toBeVisible({ timeout: 10_000 });
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  // Time 0 sits at the left edge of the plot again (the lane names take the first 44 px).
  await expect.poll(zoomX).toBe(44);
  await expect(diagram(page)).toHaveAccessibleName(/lane per server \(n1, n2, n3, n4, n5\)/, { timeout: 5_000 });
  expect(errors).toEqual([]);
});
