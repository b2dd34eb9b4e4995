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

// Known bug, open: in about 1 of 3 runs the Multi-Paxos run's write after Kill leader never commits (n2 leads with
// w1's session on it; the table stays "recovering…"). Not yet reproduced from Node; see the session note.
test.fixme('compare: after Kill leader and a write, the recovery rows fill for both', async ({ page }) => {
  test.setTimeout(150_000);
  await openPage(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  await compare.getByLabel('Speed').fill('30');
  await compare.getByRole('button', { name: 'Write', exact: true }).click();
  await playUntil(page, async () => (await cells(page))[0]!.every((cell) => NUMBER.test(cell)));
  await compare.getByRole('button', { name: 'Kill leader' }).click();
  await compare.getByRole('button', { name: 'Write', exact: true }).click();
  await playUntil(page, async () => (await cells(page))[3]!.every((cell) => NUMBER.test(cell)));
  expect((await cells(page)).flat().every((cell) => NUMBER.test(cell))).toBe(true);
});

test('a bad compare value: a clear message, and the normal page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?compare=zab,raft');
  await expect(page.getByRole('alert')).toContainText('This compare link could not be opened');
  await expect(page.getByRole('alert')).toContainText('?compare=zab,raft');
  await expect(page.getByRole('button', { name: 'Compare' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 10_000 });
});
