import { expect, test, type Page } from '@playwright/test';
import { consoleOutput, eventCount, openPage, pause, readNumber, simTime, typeLine, waitForLeader } from './helpers';

function eventLines(page: Page) {
  return page.getByRole('log', { name: 'Event log' }).getByRole('listitem');
}

/** The trace index an event log line starts with ("#123 ..."). */
async function lineIndex(page: Page, nth: 'last' | number): Promise<number> {
  const lines = eventLines(page);
  const line = nth === 'last' ? lines.last() : lines.nth(nth);
  const raw = (await line.textContent()) ?? '';
  const match = /^#(\d+)/.exec(raw);
  return match === null ? -1 : Number(match[1]);
}

test('Play/Pause, Step and Step phase', async ({ page }) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  await pause(page);

  // Paused: the count holds still.
  const before = await readNumber(eventCount(page));
  const timeBefore = await readNumber(simTime(page));
  await expect.poll(() => readNumber(eventCount(page))).toBe(before);

  // Step: at least one more event; the event log's newest line is the newest event; time moves a little.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => readNumber(eventCount(page)), { timeout: 5_000 }).toBeGreaterThan(before);
  const after = await readNumber(eventCount(page));
  await expect.poll(() => lineIndex(page, 'last'), { timeout: 5_000 }).toBe(after - 1);
  expect(await lineIndex(page, 'last')).toBeGreaterThanOrEqual(before);
  const timeAfter = await readNumber(simTime(page));
  expect(timeAfter - timeBefore).toBeGreaterThanOrEqual(0);
  expect(timeAfter - timeBefore).toBeLessThan(500);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // The right arrow steps too (focus outside any form control).
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => readNumber(eventCount(page)), { timeout: 5_000 }).toBeGreaterThan(after);

  // Step phase runs to the next phase mark: a write makes the leader propose.
  await typeLine(page, 'c1> create /phase 1');
  const beforePhase = await readNumber(eventCount(page));
  await page.getByRole('button', { name: 'Step phase' }).click();
  await expect.poll(() => readNumber(eventCount(page)), { timeout: 5_000 }).toBeGreaterThan(beforePhase);
  const phaseLine = eventLines(page)
    .filter({ hasText: /^#\d+ \d+ms phase / })
    .last();
  await expect(phaseLine).toContainText(/prepare|promise-quorum|accept|accepted-quorum|decide/);
  const phaseIndex = Number(/^#(\d+)/.exec((await phaseLine.textContent()) ?? '')?.[1] ?? -1);
  expect(phaseIndex).toBeGreaterThanOrEqual(beforePhase);
  await page.screenshot({ path: 'test-results/controls-step-phase.png' });

  // Space plays again (focus not in a form control), and pauses.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // ... but not while typing in the console.
  const input = page.getByRole('textbox', { name: 'Console' });
  await input.click();
  await input.press(' ');
  await expect(input).toHaveValue(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('Step phase with nothing being agreed on says so', async ({ page }) => {
  await openPage(page);
  await waitForLeader(page);
  await pause(page);
  const note = page.getByRole('status').filter({ hasText: /^Note:/ });
  // After the election only heartbeats go by: within a few presses there is no phase left to step to.
  for (let press = 0; press < 6 && (await note.count()) === 0; press++) {
    await page.getByRole('button', { name: 'Step phase' }).click();
    await page.waitForTimeout(200);
  }
  await expect(note).toContainText('no Paxos phase in the next 10 s');
  // The next step replaces the note.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(note).toHaveCount(0);
});

test('Speed slider, Servers and Protocol selects', async ({ page }) => {
  await openPage(page);
  const speed = page.getByRole('slider', { name: 'Speed' });
  await expect(speed).toHaveAttribute('aria-valuetext', '1.0x');
  await speed.fill('1');
  await expect(speed).toHaveAttribute('aria-valuetext', '10x');
  await expect(page.getByRole('region', { name: 'Simulation controls' })).toContainText('10x');
  await speed.fill('-1');
  await expect(speed).toHaveAttribute('aria-valuetext', '0.10x');
  await speed.fill('2');
  await expect(speed).toHaveAttribute('aria-valuetext', '100x');
  await speed.fill('0');
  // The arrow keys step both ways (rounding once swallowed a step up).
  await speed.press('ArrowRight');
  await expect(speed).toHaveAttribute('aria-valuetext', '1.1x');
  await speed.press('ArrowRight');
  await expect(speed).toHaveAttribute('aria-valuetext', '1.3x');
  await speed.press('ArrowLeft');
  await speed.press('ArrowLeft');
  await speed.press('ArrowLeft');
  await expect(speed).toHaveAttribute('aria-valuetext', '0.89x');
  await speed.fill('0');

  await page.getByRole('combobox', { name: 'Servers' }).selectOption('5');
  await waitForLeader(page, 5);
  await expect(page.getByRole('combobox', { name: 'Show server' }).getByRole('option')).toHaveCount(5);
  await expect(page.getByRole('heading', { name: 'Log of n1' })).toBeVisible();
  await page.screenshot({ path: 'test-results/controls-five-servers.png' });

  await page.getByRole('combobox', { name: 'Protocol' }).selectOption('basic-paxos');
  await expect(page.getByRole('combobox', { name: 'Protocol' })).toHaveValue('basic-paxos');
  await expect(page.getByRole('combobox', { name: 'Servers' })).toHaveValue('5');
  await typeLine(page, 'c1> create /basic 1');
  await expect(consoleOutput(page)).toContainText('Created /basic', { timeout: 15_000 });
});

test('a minority partition: its writes wait, the majority goes on, and heal catches it up', async ({ page }) => {
  await openPage(page);
  await page.getByRole('combobox', { name: 'Servers' }).selectOption('5');
  await waitForLeader(page, 5);
  await expect(page.getByRole('group', { name: 'Server n1' })).toContainText('leader');
  const out = consoleOutput(page);

  await typeLine(page, 'c9 connect n5');
  await typeLine(page, 'c9> create /before 1');
  await expect(out).toContainText('Created /before', { timeout: 15_000 });
  await typeLine(page, 'c1 connect n1');
  await typeLine(page, 'c1> create /warm 1');
  await expect(out).toContainText('Created /warm', { timeout: 15_000 });

  await typeLine(page, 'partition n1 n2 n3 | n4 n5');
  await typeLine(page, 'c9> create /minority x');
  await typeLine(page, 'c1> create /majority y');
  await expect(out).toContainText('Created /majority', { timeout: 15_000 });
  // The minority's write is still pending.
  await expect(out).not.toContainText('Created /minority');

  // n5's log lacks the slots the majority decided: they show as missing here.
  await page.getByRole('combobox', { name: 'Show server' }).selectOption('5');
  await expect(page.getByRole('heading', { name: 'Log of n5' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Znodes on n5' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'missing here' }).first()).toBeVisible({ timeout: 10_000 });
  const n5Tree = page.getByRole('tree', { name: 'Znodes' });
  await expect(n5Tree.getByRole('treeitem').filter({ hasText: 'before' })).toBeVisible();
  await expect(n5Tree.getByRole('treeitem').filter({ hasText: 'majority' })).toHaveCount(0);
  await expect(out).not.toContainText('Created /minority');
  await page.screenshot({ path: 'test-results/partition-minority.png' });

  await typeLine(page, 'heal');
  await expect(out).toContainText('Created /minority', { timeout: 20_000 });
  await expect(n5Tree.getByRole('treeitem').filter({ hasText: 'majority' })).toBeVisible({ timeout: 15_000 });
  await expect(n5Tree.getByRole('treeitem').filter({ hasText: 'minority' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('cell', { name: 'missing here' })).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: 'test-results/partition-healed.png' });
});
