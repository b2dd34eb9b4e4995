import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { eventCount, openPage, readNumber } from './helpers';

// A run with the minority-quorum bug (a fuzz seed): the live checks stop play where Chosen stability breaks
// (trace event 227, as `npm run sim` on the same file reports), and the monitor takes the user there.
test('the safety monitor catches a broken protocol, pauses, and shows the breaking event', async ({ page }) => {
  const errors = await openPage(page);
  const monitor = page.getByRole('region', { name: 'Safety monitor' });
  await expect(monitor.getByRole('listitem')).toHaveText(
    [
      'Agreement · holds',
      'Validity · holds',
      'Prefix order · holds',
      'Promise monotonicity · holds',
      'Chosen stability · holds',
      'Linearizable writes · holds',
      'Liveness after healing · holds',
    ].map((item) => item.replace(' · ', ' ')),
  );
  await page.getByLabel('Import scenario').setInputFiles({
    name: 'minority-quorum-agreement.zk',
    mimeType: 'text/plain',
    buffer: await readFile('testdata/safety/minority-quorum-agreement.zk'),
  });
  const alert = monitor.getByRole('alert');
  await expect(alert).toContainText('Chosen stability violated at event #227', { timeout: 20_000 });
  // Play stopped after the step that held it (n3 accepting, then deciding, its own value for slot 0).
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(await readNumber(eventCount(page))).toBe(242);
  await expect(monitor.getByRole('listitem', { name: 'Chosen stability' })).toContainText('violated');
  await expect(monitor.getByRole('listitem', { name: 'Agreement' })).toContainText('violated');
  await expect(monitor.getByRole('listitem', { name: 'Validity' })).toContainText('holds');

  // Played on, then paused later: the button brings the app back to the step of the breaking event.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readNumber(eventCount(page)), { timeout: 20_000 }).toBeGreaterThan(400);
  await page.getByRole('button', { name: 'Pause' }).click();
  await alert.getByRole('button', { name: 'Show the breaking event' }).click();
  await expect.poll(() => readNumber(eventCount(page))).toBe(242);
  // What broke, in plain words, and where: the breaking event and the one it contradicts (the accept that
  // completed the majority for another value) marked in the event log...
  await expect(alert).toContainText('A value chosen for slot 0 was replaced by another: look at n1, n2 and n3.');
  const events = page.getByRole('log', { name: 'Event log' });
  await expect(events.getByRole('listitem').filter({ hasText: 'breaks Chosen stability' })).toContainText('#227');
  await expect(events.getByRole('listitem').filter({ hasText: 'involved in breaking Chosen stability' })).toContainText(
    '#117',
  );
  // ...the first server involved selected, with the slot marked in its log...
  await expect(page.getByRole('button', { name: 'Select n1' })).toHaveAttribute('aria-pressed', 'true');
  const logRegion = page.getByRole('region', { name: 'Log of n1' });
  await expect(logRegion.getByRole('row').filter({ hasText: 'Chosen stability violated' })).toHaveCount(1);
  await expect(
    logRegion.getByRole('row').filter({ hasText: 'Chosen stability violated' }).getByRole('cell').first(),
  ).toHaveText('0');
  // ...and every server involved ringed in red on the ring.
  await expect(page.locator('.server.breaking')).toHaveCount(3);

  // Back in time the invariants hold again; replaying stops at the same step.
  await page.getByRole('button', { name: 'Back to start' }).click();
  await expect(monitor.getByRole('listitem', { name: 'Chosen stability' })).toContainText('holds');
  await expect(alert).toHaveCount(0);
  await expect(page.locator('.server.breaking')).toHaveCount(0);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(alert).toContainText('Chosen stability violated at event #227', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(await readNumber(eventCount(page))).toBe(242);
  expect(errors).toEqual([]);
});

test('a bug switch starts a new run with it, says so in a banner, and travels in links', async ({ page, context }) => {
  const errors = await openPage(page);
  await expect(page.getByText(/^Bug switch on:/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Bugs' }).click();
  const group = page.getByRole('group', { name: 'Bug switches' });
  for (const bug of [
    'forget-promise',
    'ignore-promised-values',
    'minority-quorum',
    'accept-below-promise',
    'apply-out-of-order',
  ]) {
    await expect(group.getByRole('checkbox', { name: `Bug: ${bug}` })).not.toBeChecked();
  }
  await expect(group.getByRole('checkbox', { name: 'Bug: minority-quorum' })).toHaveAccessibleDescription(
    /two quorums share a server/,
  );
  await group.getByRole('checkbox', { name: 'Bug: minority-quorum' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'Bug switch on: minority-quorum.' });
  await expect(banner).toBeVisible();
  await expect(group.getByRole('checkbox', { name: 'Bug: minority-quorum' })).toBeChecked();

  await page.getByRole('button', { name: 'Copy link' }).click();
  const url = await page.getByRole('textbox', { name: 'Shareable link' }).inputValue();
  const other = await context.newPage();
  await other.setViewportSize({ width: 1280, height: 800 });
  await other.goto(url);
  await expect(other.getByRole('status').filter({ hasText: 'Bug switch on: minority-quorum.' })).toBeVisible({
    timeout: 15_000,
  });

  // Liveness waits while no majority can talk.
  const liveness = page.getByRole('region', { name: 'Safety monitor' }).getByRole('listitem', {
    name: 'Liveness after healing',
  });
  await expect(liveness).toContainText('holds');
  await page.getByRole('button', { name: 'Bugs' }).click();
  await page.getByRole('button', { name: 'Kill n2' }).click();
  await page.getByRole('button', { name: 'Kill n3' }).click();
  await expect(liveness).toContainText('waiting');

  // Off again: a new run without it, and no banner.
  // The box follows the run's header, which the worker sends back: click, then wait for it.
  await page.getByRole('button', { name: 'Bugs' }).click();
  await group.getByRole('checkbox', { name: 'Bug: minority-quorum' }).click();
  await expect(banner).toHaveCount(0);
  await expect(group.getByRole('checkbox', { name: 'Bug: minority-quorum' })).not.toBeChecked();
  expect(errors).toEqual([]);
});
