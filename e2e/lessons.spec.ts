// Every lesson runs start to end: each step pauses at its point, Next moves on, Back returns to where
// the previous step paused; `#lesson=<id>` opens a lesson.
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/scenario/lessons';
import { eventCount, readNumber } from './helpers';

async function fastest(page: Page): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Speed' });
  await slider.focus();
  await slider.press('End');
}

async function expectReached(page: Page, k: number, n: number): Promise<number> {
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson.getByRole('status', { name: `Step ${k} of ${n}` })).toBeVisible();
  const progress = lesson.getByRole('status', { name: 'Step progress' });
  await expect(progress).toHaveText(/Paused here \(event #\d+\)/, { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const match = /event #(\d+)/.exec((await progress.textContent()) ?? '');
  return Number(match?.[1]);
}

for (const lesson of LESSONS) {
  test(`lesson ${lesson.id} runs start to end from #lesson=${lesson.id}`, async ({ page }) => {
    test.setTimeout(90_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/#lesson=${lesson.id}`);
    const region = page.getByRole('region', { name: 'Lesson' });
    await expect(region.getByRole('heading', { name: lesson.title })).toBeVisible({ timeout: 10_000 });
    await fastest(page);
    const n = lesson.steps.length;
    const at: number[] = [];
    for (let k = 1; k <= n; k++) {
      at.push(await expectReached(page, k, n));
      // The narration is filled with the facts at the pause (e2e/narration.spec.ts checks them): its words up to
      // the first placeholder are as written.
      await expect(region).toContainText(lesson.steps[k - 1]!.text.split('{')[0]!);
      if (k === 1) await expect(region.getByRole('button', { name: 'Back' })).toBeDisabled();
      if (k < n) await region.getByRole('button', { name: 'Next' }).click();
    }
    await expect(region.getByRole('button', { name: 'Next' })).toBeDisabled();
    await expect(region).toContainText('Lesson complete');
    // Within one run each step pauses later (a bug lesson's replay step starts a new run).
    for (let i = 1; i < at.length; i++) if (!lesson.steps[i]!.replay) expect(at[i]!).toBeGreaterThan(at[i - 1]!);
    if (lesson.id === 'leader-crash') await page.screenshot({ path: test.info().outputPath('lesson.png') });
    expect(errors).toEqual([]);
  });
}

test('the lesson picker starts a lesson; Back returns to the previous pause and Next replays the same step', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 10_000 });
  await fastest(page);
  await page.getByRole('button', { name: 'Lessons' }).click();
  const list = page.getByRole('list', { name: 'Lessons' });
  await expect(list.getByRole('button')).toHaveCount(LESSONS.length);
  const lesson = LESSONS[0]!;
  await list.getByRole('button', { name: lesson.title }).click();
  await expect(page).toHaveURL(new RegExp(`#lesson=${lesson.id}$`));
  const region = page.getByRole('region', { name: 'Lesson' });
  const n = lesson.steps.length;
  const first = await expectReached(page, 1, n);
  await region.getByRole('button', { name: 'Next' }).click();
  const second = await expectReached(page, 2, n);
  await region.getByRole('button', { name: 'Next' }).click();
  const third = await expectReached(page, 3, n);
  await region.getByRole('button', { name: 'Back' }).click();
  expect(await expectReached(page, 2, n)).toBe(second);
  await region.getByRole('button', { name: 'Back' }).click();
  expect(await expectReached(page, 1, n)).toBe(first);
  await region.getByRole('button', { name: 'Next' }).click();
  expect(await expectReached(page, 2, n)).toBe(second);
  await region.getByRole('button', { name: 'Next' }).click();
  expect(await expectReached(page, 3, n)).toBe(third);
  await page.screenshot({ path: test.info().outputPath('lesson-picker.png') });
});

test('an unknown lesson link says so and the default scenario runs', async ({ page }) => {
  await page.goto('/#lesson=no-such-lesson');
  await expect(page.getByRole('alert')).toContainText('there is no lesson named "no-such-lesson"');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 10_000 });
});

test('choosing another cluster size ends the lesson and leaves the address bar', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#lesson=lock');
  const region = page.getByRole('region', { name: 'Lesson' });
  await expect(region).toBeVisible({ timeout: 10_000 });
  await fastest(page);
  const lock = LESSONS.find((lesson) => lesson.id === 'lock')!;
  await expectReached(page, 1, lock.steps.length);
  await page.getByRole('combobox', { name: 'Servers' }).selectOption('5');
  // The lesson's steps were written for its own cluster: they do not go on against another one.
  await expect(region).toHaveCount(0);
  await expect(page).not.toHaveURL(/#lesson=/);
  await expect(page.getByRole('group', { name: 'Server n5', exact: true })).toBeVisible({ timeout: 10_000 });
  // The lesson link works again afterwards.
  await page.goto('/#lesson=lock');
  await expect(region).toBeVisible({ timeout: 10_000 });
});

test('the leader-crash lesson shows the two quorums on the ring and the server they share', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#lesson=leader-crash');
  const region = page.getByRole('region', { name: 'Lesson' });
  await fastest(page);
  const toggle = page.getByRole('checkbox', { name: 'Show quorum overlap' });
  await expect(toggle).not.toBeChecked();
  const caption = page.getByTestId('overlap-caption');
  await expect(caption).toHaveCount(0);
  await expectReached(page, 1, 4);
  await region.getByRole('button', { name: 'Next' }).click();
  await expectReached(page, 2, 4);
  await region.getByRole('button', { name: 'Next' }).click();
  await expectReached(page, 3, 4);
  // The step turns the overlap on: n2's promise quorum beside n1's last accepted quorum, sharing n3.
  await expect(toggle).toBeChecked();
  await expect(caption).toContainText("Latest quorum: n2's promises for ballot 2.n2 (n2 n3)");
  await expect(caption).toContainText("Earlier quorum: n1's accepted votes for slot 0 at ballot 1.n1 (n1 n3)");
  await expect(caption).toContainText('Shared: n3.');
  await expect(page.locator('.quorum-overlap .overlap-shared')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('overlap.png') });
  // The next step does not ask for it; the user can still turn it on.
  await region.getByRole('button', { name: 'Next' }).click();
  await expectReached(page, 4, 4);
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(caption).toContainText('Latest quorum:');
  await expect(caption).toContainText('Shared: n');
});

// Each bug lesson: the switch is on (banner), the rule breaks, the monitor turns red and names the invariant,
// "Show the breaking event" lands on it, and the replay without the switch holds every invariant.
const BUG_LESSONS = [
  ['forget-promise', 'Promise monotonicity'],
  ['ignore-promised-values', 'Chosen stability'],
  ['minority-quorum', 'Agreement'],
  ['accept-below-promise', 'Promise monotonicity'],
  ['apply-out-of-order', 'Prefix order'],
] as const;

for (const [bug, invariant] of BUG_LESSONS) {
  test(`bug lesson ${bug}: the monitor catches ${invariant}, shows the breaking event, and the replay is safe`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/#lesson=bug-${bug}`);
    const region = page.getByRole('region', { name: 'Lesson' });
    const monitor = page.getByRole('region', { name: 'Safety monitor' });
    const item = monitor.getByRole('listitem', { name: invariant });
    const banner = page.getByRole('status').filter({ hasText: `Bug switch on: ${bug}.` });
    await fastest(page);
    await expectReached(page, 1, 4);
    await expect(banner).toBeVisible();
    await expect(item).toContainText('holds');

    await region.getByRole('button', { name: 'Next' }).click();
    await expectReached(page, 2, 4);
    const alert = monitor.getByRole('alert');
    await expect(alert).toContainText(`${invariant} violated at event #`);
    await expect(item).toContainText('violated');
    const caughtAt = await readNumber(eventCount(page));
    // README's picture of a caught violation (docs/caught.png): the banner, the lesson, the ring and the monitor.
    if (bug === 'minority-quorum') {
      await page.setViewportSize({ width: 1280, height: 1400 });
      await expect(alert).toBeInViewport();
      await page.screenshot({ path: test.info().outputPath('caught.png') });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    // Stepped on past it, the button brings the app back to the breaking event.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => readNumber(eventCount(page))).toBeGreaterThan(caughtAt);
    await alert.getByRole('button', { name: 'Show the breaking event' }).click();
    await expect.poll(() => readNumber(eventCount(page))).toBe(caughtAt);

    // The same scenario without the switch: no banner, every invariant holds.
    await region.getByRole('button', { name: 'Next' }).click();
    await expectReached(page, 3, 4);
    await expect(banner).toHaveCount(0);
    await expect(item).toContainText('holds');
    await expect(alert).toHaveCount(0);
    await region.getByRole('button', { name: 'Next' }).click();
    await expectReached(page, 4, 4);
    await expect(item).toContainText('holds');
    await expect(monitor.getByRole('listitem').filter({ hasText: 'violated' })).toHaveCount(0);

    // Back from the replay runs the broken run again, to the same catch.
    await region.getByRole('button', { name: 'Back' }).click();
    await region.getByRole('button', { name: 'Back' }).click();
    await expectReached(page, 2, 4);
    await expect(banner).toBeVisible();
    await expect(item).toContainText('violated');
    expect(errors).toEqual([]);
  });
}
