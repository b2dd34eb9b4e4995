import { expect, test, type Page } from '@playwright/test';
import { openPage, waitForLeader } from './helpers';

function server(page: Page, id: number) {
  return page.getByRole('group', { name: `Server n${id}`, exact: true });
}

async function leaderId(page: Page): Promise<number | null> {
  const groups = page.getByRole('group', { name: /^Server n\d+$/ }).filter({ hasText: 'leader' });
  if ((await groups.count()) !== 1) return null;
  const name = await groups.first().getAttribute('aria-label');
  return name === null ? null : Number(name.replace(/\D/g, ''));
}

/** The Links disclosure is open by default on small rings; open it if it is not. */
async function openLinks(page: Page): Promise<void> {
  const details = page.locator('details.cluster-links');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await expect(page.getByRole('checkbox', { name: 'Link n1 to n2', exact: true })).toBeVisible();
}

test('a leader is elected; killing it elects another; restarting brings it back as follower', async ({ page }) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  await expect(page.getByRole('img', { name: 'Messages in flight' })).toBeVisible();
  // The first election is staggered so that n1 leads.
  await expect(server(page, 1)).toContainText('leader', { timeout: 15_000 });
  await expect(server(page, 1)).toContainText(/ballot \S+/);
  await expect(server(page, 1)).toContainText(/decided \d+ · applied \d+/);

  // Each server offers the one action that applies.
  await expect(page.getByRole('button', { name: 'Kill n1', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Restart n1', exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Kill n1', exact: true }).click();
  await expect(server(page, 1)).toContainText('crashed', { timeout: 5_000 });
  await expect(page.getByRole('button', { name: 'Restart n1', exact: true })).toBeVisible();
  await expect.poll(() => leaderId(page), { timeout: 20_000 }).not.toBeNull();
  expect(await leaderId(page)).not.toBe(1);
  await page.screenshot({ path: 'test-results/cluster-killed.png' });

  await page.getByRole('button', { name: 'Restart n1', exact: true }).click();
  await expect(server(page, 1)).toContainText('follower', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Kill n1', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('clicking a server selects it', async ({ page }) => {
  await openPage(page);
  await waitForLeader(page);
  await server(page, 2).click();
  await expect(server(page, 2).locator('.server-outline')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Log of n2' })).toBeVisible();
});

test('a link checkbox cuts one direction and heals it', async ({ page }) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  await openLinks(page);
  const n1n2 = page.getByRole('checkbox', { name: 'Link n1 to n2', exact: true });
  const n2n1 = page.getByRole('checkbox', { name: 'Link n2 to n1', exact: true });
  await expect(page.getByRole('checkbox', { name: /^Link n\d+ to n\d+$/ })).toHaveCount(6);
  await expect(n1n2).toBeChecked();

  await n1n2.uncheck();
  await expect(n1n2).not.toBeChecked({ timeout: 5_000 });
  // One way only: the other direction stays up, and the ring draws one broken half with a cross.
  await expect(n2n1).toBeChecked();
  await expect(page.locator('.link-cut')).toHaveCount(1);
  await expect(page.locator('.link-cross')).toHaveCount(1);
  await expect(page.locator('details.cluster-links summary')).toHaveText('Links (1 of 6 cut)');
  await page.screenshot({ path: 'test-results/cluster-one-way-cut.png' });

  await n1n2.check();
  await expect(n1n2).toBeChecked({ timeout: 5_000 });
  await expect(page.locator('.link-cut')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('fault presets and network sliders', async ({ page }) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  await openLinks(page);
  const leader = await leaderId(page);
  expect(leader).not.toBeNull();

  await page.getByRole('button', { name: 'Isolate leader' }).click();
  const other = leader === 1 ? 2 : 1;
  await expect(page.getByRole('checkbox', { name: `Link n${leader} to n${other}`, exact: true })).not.toBeChecked({
    timeout: 5_000,
  });
  await expect(page.getByRole('checkbox', { name: `Link n${other} to n${leader}`, exact: true })).not.toBeChecked();
  // The two others still talk.
  const third = [1, 2, 3].find((id) => id !== leader && id !== other)!;
  await expect(page.getByRole('checkbox', { name: `Link n${other} to n${third}`, exact: true })).toBeChecked();
  // The majority elects a leader of its own.
  await expect
    .poll(
      async () => {
        const groups = page.getByRole('group', { name: /^Server n\d+$/ }).filter({ hasText: 'leader' });
        const names = await groups.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
        return names.some((name) => name !== `Server n${leader}`);
      },
      { timeout: 20_000 },
    )
    .toBe(true);

  await page.getByRole('button', { name: 'Heal all' }).click();
  await expect(page.getByRole('checkbox', { name: /^Link n\d+ to n\d+$/, checked: false })).toHaveCount(0, {
    timeout: 5_000,
  });

  await page.getByRole('button', { name: 'Split minority' }).click();
  await expect(page.getByRole('checkbox', { name: /^Link n\d+ to n\d+$/, checked: false })).toHaveCount(4, {
    timeout: 5_000,
  });
  await page.getByRole('button', { name: 'Heal all' }).click();
  await expect(page.getByRole('checkbox', { name: /^Link n\d+ to n\d+$/, checked: false })).toHaveCount(0, {
    timeout: 5_000,
  });

  // Paused, the event log keeps every recent line (playing, it shows only the newest few).
  await page.getByRole('button', { name: 'Pause' }).click();
  const loss = page.getByRole('slider', { name: 'Loss', exact: true });
  await loss.fill('20');
  await expect(loss).toHaveAttribute('aria-valuetext', '20%');
  const dup = page.getByRole('slider', { name: 'Duplication', exact: true });
  await dup.fill('10');
  const latency = page.getByRole('slider', { name: 'Latency', exact: true });
  await latency.fill('200');
  // The worker takes them: the event log reports the new network.
  await expect(page.getByRole('log', { name: 'Event log' })).toContainText('loss 20%', { timeout: 5_000 });
  await expect(page.getByRole('log', { name: 'Event log' })).toContainText(/latency \d+\.\.200ms, loss 20%, dup 10%/, {
    timeout: 5_000,
  });
  await expect(latency).toHaveValue('200');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.screenshot({ path: 'test-results/cluster-lossy.png' });
  expect(errors).toEqual([]);
});
