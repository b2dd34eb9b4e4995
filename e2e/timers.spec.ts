// The ring's timer arcs: every live server carries one (a leader's next heartbeat, the others' election timeout),
// and with the leader gone the followers' arcs run down step by step, since no heartbeat sets them again.
import { expect, test, type Page } from '@playwright/test';
import { openPage, pause, waitForLeader } from './helpers';

const arcs = (page: Page) => page.getByRole('img', { name: /^n\d+: (election timeout|next heartbeat) in \d+ ms$/ });

async function fractions(page: Page): Promise<Map<string, number>> {
  const pairs = await arcs(page).evaluateAll((els) =>
    els.map((el) => [el.getAttribute('aria-label')!.split(':')[0]!, Number(el.getAttribute('data-fraction'))]),
  );
  return new Map(pairs as [string, number][]);
}

test('each live server carries a timer arc; without a leader they shrink between two paused steps', async ({
  page,
}) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  await pause(page);
  await expect(arcs(page)).toHaveCount(3);
  await expect(page.getByRole('img', { name: /next heartbeat in/ })).toHaveCount(1);
  await expect(page.getByRole('img', { name: /election timeout in/ })).toHaveCount(2);

  const leader = await page
    .getByRole('group', { name: /^Server n\d+$/ })
    .filter({ hasText: 'leader' })
    .getAttribute('aria-label');
  const id = leader!.replace('Server ', '');
  await page.getByRole('button', { name: `Kill ${id}`, exact: true }).click();
  // The crashed server runs no timer.
  await expect(arcs(page)).toHaveCount(2);
  await expect(page.getByRole('img', { name: new RegExp(`^${id}:`) })).toHaveCount(0);

  // A heartbeat still in flight from the dead leader, or a follower's own timeout, sets an arc full again: step
  // until one step shows an arc smaller than the step before.
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await expect
    .poll(
      async () => {
        const before = await fractions(page);
        await step.click();
        const after = await fractions(page);
        return [...before].some(([server, fraction]) => (after.get(server) ?? 1) < fraction);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  expect(errors).toEqual([]);
});
