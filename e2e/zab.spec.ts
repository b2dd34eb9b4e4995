// ZAB on the page: the Protocol select's zab option, an election won by the highest id, a write, `kill leader`.
import { expect, test } from '@playwright/test';
import { consoleOutput, openPage, pause, typeLine } from './helpers';

test('protocol zab: n3 leads a fresh ensemble, writes commit, kill leader names it and a new leader takes over', async ({
  page,
}) => {
  await openPage(page);
  await page.getByRole('combobox', { name: 'Protocol' }).selectOption('zab');
  await expect(page.getByRole('combobox', { name: 'Protocol' })).toHaveValue('zab');
  await expect(page.getByRole('group', { name: 'Server n3' })).toContainText('leader', { timeout: 15_000 });
  // The legend names ZAB's own message kinds.
  await expect(page.getByRole('list', { name: 'Message kinds' })).toContainText('proposal');
  await expect(page.getByRole('list', { name: 'Message kinds' })).not.toContainText('prepare');
  const out = consoleOutput(page);
  await typeLine(page, 'c1> create /zab 1');
  await expect(out).toContainText('Created /zab', { timeout: 15_000 });
  await typeLine(page, 'kill leader');
  await expect(out).toContainText('(leader is n3)', { timeout: 15_000 });
  await expect(page.getByRole('group', { name: 'Server n2' })).toContainText('leader', { timeout: 15_000 });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/zab-1280.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: 'test-results/zab-1920.png' });
});

test('zab on the ring: epochs and committed txns, Step phase through a new election with its vote tally', async ({
  page,
}) => {
  const errors = await openPage(page);
  await page.getByRole('combobox', { name: 'Protocol' }).selectOption('zab');
  const n3 = page.getByRole('group', { name: 'Server n3' });
  await expect(n3).toContainText('leader', { timeout: 15_000 });
  await pause(page);
  // n3 leads once its election is decided, before its followers sync: run on until every server serves, so the
  // Step phase below starts past the first epoch's sync.
  await typeLine(page, 'settle');
  // Where Paxos shows ballots, ZAB shows the epoch and what is committed.
  await expect(n3).toContainText('epoch 1');
  await expect(n3).toContainText(/committed \d+/);
  const stepPhase = page.getByRole('button', { name: 'Step phase' });
  await expect(stepPhase).toHaveAttribute('title', /election, discovery, sync, proposal, ack quorum or commit/);
  await typeLine(page, 'kill leader');
  // The event log's line Step phase stopped at.
  const lastPhase = page.getByRole('region', { name: 'Events' }).locator('.ev-stop');
  // The followers time out and start LOOKING: the first stop, and each shows its tally.
  await stepPhase.click();
  await expect(lastPhase).toContainText('election: starts LOOKING', { timeout: 10_000 });
  await expect(page.getByRole('region', { name: 'Cluster' })).toContainText(/\d of 3 votes for n\d/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/zab-tally-1280.png' });
  // On to the new leader's discovery: it chose epoch 2.
  for (let press = 0; press < 8; press++) {
    if (((await lastPhase.textContent()) ?? '').includes('discovery')) break;
    await stepPhase.click();
    await page.waitForTimeout(150);
  }
  await expect(lastPhase).toContainText('discovery: a quorum sent FOLLOWERINFO, new epoch 2');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: 'test-results/zab-phase-1920.png' });
  expect(errors).toEqual([]);
});

test('the lesson zab-not-paxos opens from its link in Chinese', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?lang=zh#lesson=zab-not-paxos');
  const region = page.getByRole('region', { name: /课程|Lesson/ });
  await expect(region.getByRole('heading', { name: 'ZooKeeper 并不运行 Paxos' })).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: 'test-results/zab-lesson-zh-1280.png' });
});
