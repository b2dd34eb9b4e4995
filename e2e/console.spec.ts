import { expect, test } from '@playwright/test';
import { consoleOutput, eventCount, openPage, pause, readNumber, typeLine, waitForLeader } from './helpers';

test('a leader is elected, and the console creates and reads a znode', async ({ page }) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  await page.screenshot({ path: 'test-results/console-leader.png' });

  const out = consoleOutput(page);
  await typeLine(page, 'c1> create /data hello');
  await expect(out).toContainText('Created /data', { timeout: 15_000 });
  await expect(
    page.getByRole('tree', { name: 'Znodes' }).getByRole('treeitem').filter({ hasText: 'data' }),
  ).toContainText('hello', { timeout: 15_000 });

  await typeLine(page, 'c1> get -s /data');
  await expect(out).toContainText('dataVersion = 0', { timeout: 15_000 });
  await expect(out.getByText('c1 get -s /data → hello', { exact: true })).toBeVisible();
  await expect(out).toContainText('> c1> get -s /data');
  await page.screenshot({ path: 'test-results/console-get.png' });

  // A conditional write with the wrong version fails with BadVersion, shown as an error line.
  await typeLine(page, 'c1> set -v 5 /data other');
  // The result line names its session and command, then zkCli's text verbatim.
  await expect(out.getByText('c1 set -v 5 /data other → version No is not valid : /data')).toHaveClass(/cl-error/, {
    timeout: 15_000,
  });

  // Arrow up recalls the last line, arrow down goes back to an empty line.
  const input = page.getByRole('textbox', { name: 'Console' });
  await input.press('ArrowUp');
  await expect(input).toHaveValue('c1> set -v 5 /data other');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('c1> get -s /data');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('');
  expect(errors).toEqual([]);
});

test('bad input shows an error line and changes nothing', async ({ page }) => {
  await openPage(page);
  await waitForLeader(page);
  await typeLine(page, 'c1> create /kept 1');
  const out = consoleOutput(page);
  await expect(out).toContainText('Created /kept', { timeout: 15_000 });
  await pause(page);

  const tree = page.getByRole('tree', { name: 'Znodes' });
  const treeBefore = await tree.textContent();
  const countBefore = await readNumber(eventCount(page));

  await typeLine(page, 'c1> bogus');
  await expect(out).toContainText('> c1> bogus');
  await typeLine(page, 'kill n9');
  await expect(out).toContainText('> kill n9');
  // Each gets a one-line error, shown as an error line.
  await expect(out.getByText('unknown command "bogus"')).toHaveClass(/cl-error/);
  await expect(out.getByText('no server n9')).toHaveClass(/cl-error/);

  // Nothing ran: the same event count, the same tree, no alert.
  expect(await readNumber(eventCount(page))).toBe(countBefore);
  await expect(tree).toHaveText(treeBefore ?? '');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.screenshot({ path: 'test-results/console-errors.png' });
});

test('an ephemeral node with a watch shows in the tree, and the fired watch in the console', async ({ page }) => {
  await openPage(page);
  await waitForLeader(page);
  const out = consoleOutput(page);
  const tree = page.getByRole('tree', { name: 'Znodes' });

  await typeLine(page, 'c1> create -e /data 1');
  await expect(out).toContainText('Created /data', { timeout: 15_000 });
  await typeLine(page, 'c1> get -s -w /data');
  await expect(out).toContainText('dataVersion = 0', { timeout: 15_000 });
  const item = tree.getByRole('treeitem').filter({ hasText: /^data/ });
  await expect(item).toHaveAttribute('aria-level', '2');
  await expect(item).toContainText('ephemeral · c1');
  await expect(item).toContainText('c1 data', { timeout: 10_000 });

  await typeLine(page, 'c2> set /data 2');
  await expect(out.getByText('WATCHER:: c1 NodeDataChanged /data')).toHaveClass(/cl-watch/, { timeout: 15_000 });
  await expect(item).toContainText('v1', { timeout: 10_000 });
  await expect(item).not.toContainText('c1 data');
  await page.screenshot({ path: 'test-results/console-watch.png' });
});
