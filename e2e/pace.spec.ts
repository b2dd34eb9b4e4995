// Lesson pace and a first step: a first visit points at the first lesson (until dismissed for good), lessons play
// at 0.25x and fast-forward waits where only heartbeats go by, with a note; Step phase stops at all five phases.
import { expect, test, type Page } from '@playwright/test';
import { openPage, typeLine } from './helpers';

async function fastest(page: Page): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Speed' });
  await slider.focus();
  await slider.press('End');
}

test('a first visit shows "New here? Start with One write", which opens the lesson and goes for good', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  const card = page.getByRole('complementary', { name: 'Getting started' });
  await expect(card).toContainText('New here?');
  await page.screenshot({ path: test.info().outputPath('welcome-1280.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: test.info().outputPath('welcome-1920.png') });
  await card.getByRole('link', { name: 'Start with One write' }).click();
  await expect(page).toHaveURL(/#lesson=one-write$/);
  await expect(
    page.getByRole('region', { name: 'Lesson' }).getByRole('heading', { name: 'One write, every phase' }),
  ).toBeVisible();
  await expect(card).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 10_000 });
  await expect(card).toHaveCount(0);
});

test('the welcome card can be dismissed for good, and a link visit does not show it', async ({ page }) => {
  await page.goto('/#lesson=watch');
  await expect(page.getByRole('region', { name: 'Lesson' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('complementary', { name: 'Getting started' })).toHaveCount(0);
  await page.goto('/');
  await page.reload();
  const card = page.getByRole('complementary', { name: 'Getting started' });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(card).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 10_000 });
  await expect(card).toHaveCount(0);
});

test('a lesson plays at 0.25x, fast-forwards a wait of heartbeats with a note, and gives the speed back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openPage(page);
  const speed = page.getByRole('slider', { name: 'Speed' });
  await expect(speed).toHaveAttribute('aria-valuetext', '1.0x');
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page
    .getByRole('list', { name: 'Lessons' })
    .getByRole('button', { name: /A session outlives its server/ })
    .click();
  const region = page.getByRole('region', { name: 'Lesson' });
  await expect(speed).toHaveAttribute('aria-valuetext', '0.25x');
  const progress = region.getByRole('status', { name: 'Step progress' });
  await expect(progress).toHaveText(/Paused here/, { timeout: 60_000 });
  // Step 4 waits for c1 to find another server after n2's crash: heartbeats only, fast-forwarded.
  for (let k = 2; k <= 4; k++) {
    await region.getByRole('button', { name: 'Next' }).click();
    if (k === 4) {
      await fastest(page);
      await expect(speed).toHaveAttribute('aria-valuetext', '100x');
      const slow = page.getByRole('slider', { name: 'Speed' });
      await slow.focus();
      for (let i = 0; i < 35; i++) await slow.press('ArrowLeft');
    }
    await expect(region.getByRole('status', { name: `Step ${k} of 5` })).toBeVisible();
    await expect(progress).toHaveText(/Paused here/, { timeout: 60_000 });
  }
  await expect(region.getByRole('status', { name: 'Fast-forward' })).toHaveText(/^Skipped \d+(\.\d)? s of heartbeats$/);
  await page.screenshot({ path: test.info().outputPath('skipping.png') });
  // The speed the person chose stays; a lesson's own pace goes back to what it was.
  await region.getByRole('button', { name: 'Close lesson' }).click();
  await expect(speed).not.toHaveAttribute('aria-valuetext', '0.25x');
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('list', { name: 'Lessons' }).getByRole('button', { name: 'One write, every phase' }).click();
  await expect(speed).toHaveAttribute('aria-valuetext', '0.25x');
});

test('Step phase stops at prepare, promise quorum, accept, accepted quorum and decide', async ({ page }) => {
  await openPage(page);
  await page.getByRole('combobox', { name: 'Protocol' }).selectOption('basic-paxos');
  await expect(page.getByRole('group', { name: 'Server n1', exact: true })).toBeVisible();
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: 'Pause' }).click();
  await typeLine(page, 'c1 connect n1');
  const stop = page.getByRole('log', { name: 'Event log' }).locator('li[aria-current="step"]');
  // The session opens first (a write in basic Paxos): step through its round until the client is connected.
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step phase' }).click();
  await typeLine(page, 'c1> create /p 1');
  const seen: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: 'Step phase' }).click();
    await expect(stop).toHaveCount(1);
    const text = (await stop.textContent()) ?? '';
    seen.push(/(prepare|promise-quorum|accepted-quorum|accept|decide)/.exec(text)?.[1] ?? text);
  }
  expect(seen).toEqual(['prepare', 'promise-quorum', 'accept', 'accepted-quorum', 'decide']);
});
