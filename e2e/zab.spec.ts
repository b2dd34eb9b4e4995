// ZAB on the page: the Protocol select's zab option, an election won by the highest id, a write, `kill leader`.
import { expect, test } from '@playwright/test';
import { consoleOutput, openPage, typeLine } from './helpers';

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
