// The client history view: a healthy run's writes with their linearization points, a hand-made bad register
// history with the set that cannot be ordered, and a malformed file's error.
import { expect, test } from '@playwright/test';
import { eventCount, openPage, readNumber, typeLine, waitForLeader } from './helpers';

const STALE_READ = [
  'INFO  jepsen.util - 0\t:invoke\t:write\t1',
  'INFO  jepsen.util - 0\t:ok\t:write\t1',
  'INFO  jepsen.util - 1\t:invoke\t:write\t2',
  'INFO  jepsen.util - 1\t:ok\t:write\t2',
  'INFO  jepsen.util - 2\t:invoke\t:read\tnil',
  'INFO  jepsen.util - 2\t:ok\t:read\t1',
  'INFO  jepsen.util - 0\t:invoke\t:write\t3',
  'INFO  jepsen.util - 0\t:ok\t:write\t3',
].join('\n');

test('a healthy run shows each write with its linearization point; a bar moves the app to its invocation', async ({
  page,
}) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  await typeLine(page, 'c1> create /a 1');
  // The set goes out after the create's reply, so at the set's invocation the create has its answer.
  await expect(page.getByRole('region', { name: 'Console' })).toContainText('c1 create /a 1 → Created /a');
  await typeLine(page, 'c1> set /a 2');
  const region = page.getByRole('region', { name: 'Client history' });
  await region.getByRole('checkbox', { name: 'Show client history' }).check();
  await expect(region.getByTestId('history-verdict')).toContainText('Linearizable', { timeout: 10_000 });
  const set = region.getByRole('button', { name: /^c1 set \/a 2 → ok \/a \(version 1\), linearized$/ });
  await expect(set).toBeVisible({ timeout: 10_000 });
  await expect(region.getByRole('button', { name: /^c1 create \/a 1 → ok \/a.*, linearized$/ })).toBeVisible();
  await expect(region.locator('.hist-point')).toHaveCount(2);
  await page.getByRole('button', { name: 'Pause' }).click();
  const before = await readNumber(eventCount(page));
  await set.click();
  await expect.poll(() => readNumber(eventCount(page))).toBeLessThan(before);
  // Hovering names the op and when it ran.
  await region.getByRole('button', { name: /^c1 create \/a 1/ }).hover();
  await expect(region.getByText(/^create \/a 1 → ok \/a .*· called \d+ ms, answered \d+ ms$/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('a bad history file shows the prefix, the culprit and the ops that cannot be ordered', async ({ page }) => {
  const errors = await openPage(page);
  const region = page.getByRole('region', { name: 'Client history' });
  await region.getByLabel('History file').setInputFiles({
    name: 'stale-read.log',
    mimeType: 'text/plain',
    buffer: Buffer.from(STALE_READ),
  });
  const verdict = region.getByTestId('history-verdict');
  await expect(verdict).toContainText('Not linearizable.');
  await expect(verdict).toContainText('The longest linearizable prefix (2): p0 write 1, p1 write 2.');
  await expect(verdict).toContainText('p2 read -> 1 cannot follow it (after it the model reads 2).');
  await expect(verdict).toContainText('The 3 operations outlined in red cannot be ordered');
  await expect(region.getByRole('listitem', { name: 'p2 read → 1' })).toHaveClass(/hist-mark-culprit/);
  await expect(region.locator('.hist-mark-unorderable')).toHaveCount(2);
  await expect(region.getByRole('listitem', { name: 'p0 write 3 → ok' })).toHaveClass(/hist-mark-plain/);
  await expect(region).toContainText('stale-read.log: a register history');

  // A malformed file: its error names the line, and the view stays as it was.
  await region.getByLabel('History file').setInputFiles({
    name: 'bad.log',
    mimeType: 'text/plain',
    buffer: Buffer.from('INFO  jepsen.util - 0\t:invoke\t:write\t1\nINFO  jepsen.util - 0\t:invoke\t:write\tx\n'),
  });
  await expect(region.getByRole('alert')).toHaveText('bad.log line 2: a write takes an integer, got x');
  await expect(verdict).toContainText('p2 read -> 1 cannot follow it');

  await region.getByRole('button', { name: 'Back to this run' }).click();
  await expect(region).toContainText('This run’s client operations');
  expect(errors).toEqual([]);
});
