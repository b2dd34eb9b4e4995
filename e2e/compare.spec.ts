// The compare view: one scenario under Multi-Paxos and ZAB on one clock, the table filling as they go, and its link
// reopening the same table.
import { expect, test, type Page } from '@playwright/test';
import { openPage } from './helpers';

const ROWS = ['Messages per write', 'Write latency', 'Leader crash → next committed write', 'Messages to recover'];

function table(page: Page) {
  return page.getByRole('table', { name: 'Protocol comparison' });
}

/** The table's cells, row by row: [Multi-Paxos, ZAB]. */
async function cells(page: Page): Promise<string[][]> {
  const out: string[][] = [];
  for (const name of ROWS) {
    const row = table(page)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name }) });
    out.push(await row.getByRole('cell').allTextContents());
  }
  return out;
}

const NUMBER = /^\d[\d,.]*( ms)?$/;

async function playUntil(page: Page, done: () => Promise<boolean>): Promise<void> {
  const compare = page.getByRole('region', { name: 'Compare' });
  await compare.getByRole('button', { name: 'Play' }).click();
  // Real time, not simulated: a slow machine plays fewer simulated ms a second.
  await expect.poll(done, { timeout: 45_000 }).toBe(true);
  await compare.getByRole('button', { name: 'Pause' }).click();
}

test('compare: both rings on one clock, a write fills the table, the link reopens the same table', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  const errors = await openPage(page);
  const compareButton = page.getByRole('button', { name: 'Compare' });
  await compareButton.click();
  await expect(compareButton).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]compare=multi-paxos,zab/);
  const compare = page.getByRole('region', { name: 'Compare' });
  await expect(compare.getByRole('heading', { name: 'Multi-Paxos' })).toBeVisible();
  await expect(compare.getByRole('heading', { name: 'ZAB' })).toBeVisible();
  await expect(table(page).getByRole('columnheader')).toHaveText(['Measure', 'Multi-Paxos', 'ZAB']);
  // The header keeps only the link: the exports would act on the page's own run, paused out of sight.
  const share = page.getByRole('toolbar', { name: 'Share and files' });
  await expect(share.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(share.getByRole('button', { name: 'Fingerprint' })).toHaveCount(0);
  // Nothing has happened yet: every figure is a dash.
  expect((await cells(page)).flat().every((cell) => cell === '—')).toBe(true);

  // A write in both runs, played until both have answered it.
  await compare.getByLabel('Speed').fill('30');
  await compare.getByRole('button', { name: 'Write', exact: true }).click();
  await playUntil(page, async () => (await cells(page))[0]!.every((cell) => NUMBER.test(cell)));
  const [perWrite, latency] = await cells(page);
  expect(latency!.every((cell) => NUMBER.test(cell))).toBe(true);
  expect(perWrite!.every((cell) => NUMBER.test(cell))).toBe(true);

  const before = await cells(page);
  const time = await compare.getByRole('slider', { name: 'Time (both runs)' }).getAttribute('aria-valuetext');

  // The link carries both protocols and the moment; a new page opens the same table.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const shared = page.getByRole('textbox', { name: 'Shareable link' });
  await expect(shared).toHaveValue(/\?compare=multi-paxos,zab#s=v1\./);
  const link = await shared.inputValue();
  expect(page.url()).toBe(link);
  const again = await context.newPage();
  await again.setViewportSize({ width: 1280, height: 800 });
  await again.goto(link);
  await expect(again.getByRole('button', { name: 'Compare' })).toHaveAttribute('aria-pressed', 'true');
  await expect(
    again.getByRole('region', { name: 'Compare' }).getByRole('slider', { name: 'Time (both runs)' }),
  ).toHaveAttribute('aria-valuetext', time!);
  await expect.poll(() => cells(again), { timeout: 20_000 }).toEqual(before);

  // Leaving the view: the page's own run again, the address without the pair.
  await compareButton.click();
  await expect(compareButton).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('region', { name: 'Compare' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Simulation controls' })).toBeVisible();
  expect(page.url()).not.toContain('compare=');
  await expect(share.getByRole('button', { name: 'Fingerprint' })).toBeVisible();
  expect(errors).toEqual([]);
});

/** The shared time slider, in simulated ms. */
async function timeMs(page: Page): Promise<number> {
  const slider = page.getByRole('region', { name: 'Compare' }).getByRole('slider', { name: 'Time (both runs)' });
  return Number(await slider.inputValue());
}

test('compare: after Kill leader and a write, the recovery rows fill for both', async ({ page }) => {
  test.setTimeout(150_000);
  await openPage(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  await compare.getByLabel('Speed').fill('30');
  // Let both first elections end, so that w1 gets n2, a follower in both runs, and survives Kill leader.
  await playUntil(page, async () => (await timeMs(page)) >= 1500);
  await compare.getByRole('button', { name: 'Write', exact: true }).click();
  await playUntil(page, async () => (await cells(page))[0]!.every((cell) => NUMBER.test(cell)));
  await compare.getByRole('button', { name: 'Kill leader' }).click();
  await compare.getByRole('button', { name: 'Write', exact: true }).click();
  await playUntil(page, async () => (await cells(page))[3]!.every((cell) => NUMBER.test(cell)));
  expect((await cells(page)).flat().every((cell) => NUMBER.test(cell))).toBe(true);
  await expect(compare.getByText(/the last write failed/)).toHaveCount(0);
});

// Write pressed at 33 ms, while n2 still refused clients: w1 took n1, Multi-Paxos's leader, and Kill leader at
// 13.8 s failed its second write with ConnectionLoss (what ZooKeeper does), so nothing has committed since.
const LOST_WRITE =
  '/?compare=multi-paxos,zab#s=v1.vHbzNn3LQQqAIBBA0asMriea0UBXXURciM0iEgMT7PjpBdr-z_M-oPeMxqDqDOkuRVKDotXohDTrDqlKbALLA2tf4J2P2TlkY61GdZ05Q5Z4SP1n0200nCWiED4';

test('compare: a write lost with its connection says so, and the next write ends the recovery', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(LOST_WRITE);
  const compare = page.getByRole('region', { name: 'Compare' });
  await expect(compare.getByText('KeeperErrorCode = ConnectionLoss for /w-')).toBeVisible({ timeout: 20_000 });
  await expect(compare.getByText(/Multi-Paxos: over 1 write · the last write failed/)).toBeVisible();
  expect((await cells(page))[2]![0]).toBe('recovering…');
  await compare.getByLabel('Speed').fill('30');
  await compare.getByRole('button', { name: 'Write', exact: true }).click();
  await playUntil(page, async () => (await cells(page))[2]!.every((cell) => NUMBER.test(cell)));
  await expect(compare.getByText(/the last write failed/)).toHaveCount(0);
});

test('a bad compare value: a clear message, and the normal page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?compare=zab,raft');
  await expect(page.getByRole('alert')).toContainText('This compare link could not be opened');
  await expect(page.getByRole('alert')).toContainText('?compare=zab,raft');
  await expect(page.getByRole('button', { name: 'Compare' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 10_000 });
});

test('compare: the browser’s Back leaves the compare view to the page, Forward opens it again', async ({ page }) => {
  const errors = await openPage(page);
  const compareButton = page.getByRole('button', { name: 'Compare' });
  const compare = page.getByRole('region', { name: 'Compare' });
  await compareButton.click();
  await expect(compare.getByRole('heading', { name: 'ZAB' })).toBeVisible();
  await page.goBack();
  await expect(compare).toHaveCount(0);
  await expect(compareButton).toHaveAttribute('aria-pressed', 'false');
  await expect(page).not.toHaveURL(/compare=/);
  await expect(page.getByRole('region', { name: 'Cluster' })).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(/[?&]compare=multi-paxos,zab/);
  await expect(compare.getByRole('heading', { name: 'Multi-Paxos' })).toBeVisible();
  await expect(compare.getByRole('heading', { name: 'ZAB' })).toBeVisible();
  expect(errors).toEqual([]);
});
