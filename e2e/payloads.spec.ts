// A message's content on hover and focus: in the leader-crash lesson, after n1 (which had accepted c1's write)
// dies, the new leader's election carries Promises that list what their senders had accepted.
import { expect, test } from '@playwright/test';
import { typeLine } from './helpers';

test('a Promise on the ring shows its accepted entries on hover and on focus', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#lesson=leader-crash');
  const lesson = page.getByRole('region', { name: 'Lesson' });
  const progress = lesson.getByRole('status', { name: 'Step progress' });
  // Step 2 pauses as n1 sends its Accepts for c1's write.
  await expect(progress).toHaveText(/Paused here/, { timeout: 20_000 });
  await lesson.getByRole('button', { name: 'Next' }).click();
  await expect(lesson.getByRole('status', { name: 'Step 2 of 4' })).toBeVisible();
  await expect(progress).toHaveText(/Paused here/, { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Kill n1 here, then step (paused all along) until a Promise of the new election is on the wire.
  await typeLine(page, 'kill n1');
  const ring = page.getByRole('group', { name: 'Messages on the wire' });
  const promise = ring.getByRole('button', { name: /^Message Promise/ }).first();
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < 300 && (await promise.count()) === 0; i++) await step.click();
  await expect(promise).toBeVisible();

  await promise.hover();
  const card = page.getByRole('tooltip');
  await expect(card).toContainText(/accepted \(\d+ entr(y|ies)\):/);
  await expect(card).toContainText(/#1: 1\.n1, c1: create \/x 1/);
  await page.screenshot({ path: test.info().outputPath('payload-ring.png') });
  const box = (await card.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  expect(box.y + box.height).toBeLessThanOrEqual(720);

  // The keyboard gets the same card.
  await page.mouse.move(0, 0);
  await expect(card).toHaveCount(0);
  await promise.focus();
  await expect(card).toContainText(/#1: 1\.n1, c1: create \/x 1/);
  await expect(promise).toHaveAccessibleDescription(/#1: 1\.n1, c1: create \/x 1/);
  expect(errors).toEqual([]);
});
