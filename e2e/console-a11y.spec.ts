// The console says what each result answers and what each button did; a click on a ring line can be undone;
// and the page's accessibility basics: a skip link first, headings in order, a focus ring that shows on any
// background, a watch icon without an emoji font.
import { expect, test, type Page } from '@playwright/test';
import { consoleOutput, openPage, pause, typeLine, waitForLeader } from './helpers';

const checkbox = (page: Page, from: number, to: number) =>
  page.getByRole('checkbox', { name: `Link n${from} to n${to}`, exact: true });

test('result lines name their session and command, even when the reply comes after the next line', async ({ page }) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  const out = consoleOutput(page);
  // zkCli's words: JSON data needs no quoting.
  await typeLine(page, 'c1> create /j {"a":1}');
  // Typed before the reply: the reply must still say what it answers.
  await typeLine(page, 'c2> create /k 2');
  await expect(out.getByText('c1 create /j {"a":1} → Created /j', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(out.getByText('c2 create /k 2 → Created /k', { exact: true })).toBeVisible({ timeout: 15_000 });
  await typeLine(page, 'c1> get /j');
  await expect(out.getByText('c1 get /j → {"a":1}', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(
    page.getByRole('tree', { name: 'Znodes' }).getByRole('treeitem').filter({ hasText: /^j/ }),
  ).toContainText('{"a":1}', { timeout: 15_000 });
  // A failure keeps zkCli's text verbatim after the arrow, as an error line.
  await typeLine(page, 'c2> create /j x');
  await expect(out.getByText('c2 create /j x → Node already exists: /j', { exact: true })).toHaveClass(/cl-error/, {
    timeout: 15_000,
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('region', { name: 'Console' }).screenshot({ path: 'test-results/console-a11y-lines.png' });
  expect(errors).toEqual([]);
});

test('buttons echo the line they ran in the console', async ({ page }) => {
  await openPage(page);
  await waitForLeader(page);
  const out = consoleOutput(page);
  await page.getByRole('button', { name: 'Kill n2' }).click();
  await expect(out.locator('.cl-control', { hasText: '> kill n2' })).toHaveText('> kill n2 button');
  await page.getByRole('button', { name: 'Restart n2' }).click();
  await expect(out.locator('.cl-control', { hasText: '> restart n2' })).toBeVisible();
  await page.getByRole('button', { name: 'Split minority' }).click();
  await expect(out.locator('.cl-control', { hasText: /^> partition n\d( n\d)* \| n\d( n\d)*/ })).toBeVisible();
  await page.getByRole('button', { name: 'Heal all' }).click();
  await expect(out.locator('.cl-control', { hasText: /^> heal button$/ })).toBeVisible();
  // A typed line is not tagged.
  await typeLine(page, 'kill n3');
  await expect(out.locator('.cl-input', { hasText: '> kill n3' })).not.toHaveClass(/cl-control/);
});

test('a click on a ring line says what it cut, and Undo heals it', async ({ page }) => {
  await openPage(page);
  await waitForLeader(page);
  await pause(page);
  const out = consoleOutput(page);
  // A real click at the line's middle (the messages canvas lies over the ring and lets clicks through).
  const clickLine = async (): Promise<void> => {
    const box = await page.locator('.link-hit').filter({ hasText: 'n1 → n2 up' }).boundingBox();
    expect(box).not.toBeNull();
    if (box !== null) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  };
  await clickLine();
  const notice = page.getByRole('status', { name: 'Link change' });
  await expect(notice).toContainText('Cut n1 → n2');
  await expect(checkbox(page, 1, 2)).not.toBeChecked({ timeout: 10_000 });
  await expect(checkbox(page, 2, 1)).toBeChecked();
  await expect(out.locator('.cl-control', { hasText: '> cut n1 -> n2' })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/console-a11y-link-notice.png' });

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(checkbox(page, 1, 2)).toBeChecked({ timeout: 10_000 });
  await expect(notice).toContainText('Undone: n1 → n2 up again');
  await expect(notice.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(out.locator('.cl-control', { hasText: '> heal n1 -> n2' })).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveText('');

  // A new run has nothing of the old one's to undo: the notice goes.
  await clickLine();
  await expect(notice).toContainText('Cut n1 → n2');
  await page.getByRole('combobox', { name: 'Servers' }).selectOption('5');
  await expect(page.getByRole('checkbox', { name: /^Link n\d+ to n\d+$/ })).toHaveCount(20, { timeout: 15_000 });
  await expect(notice).toHaveText('');
});

test('the first Tab stop skips to the console', async ({ page }) => {
  await openPage(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to console' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const url = page.url();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Console' })).toBeFocused();
  // The hash (shared runs, lessons) is left alone.
  expect(page.url()).toBe(url);
});

test('headings go h1, h2, h3 without skipping a level', async ({ page }) => {
  await openPage(page);
  await waitForLeader(page);
  // The headings a screen reader lists (a closed dialog's are not among them), in document order.
  const levels = await page
    .getByRole('heading')
    .evaluateAll((headings) => headings.map((h) => Number(h.getAttribute('aria-level') ?? h.tagName.slice(1))));
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  for (let i = 1; i < levels.length; i++) {
    expect(levels[i]!, `heading ${i} (${levels.join(' ')})`).toBeLessThanOrEqual(levels[i - 1]! + 1);
  }
});

test('the focus ring has a tone at 3:1 or more against what is around it and what is inside it', async ({ page }) => {
  await openPage(page);
  await waitForLeader(page);
  const results: { name: string; around: number; inside: number; width: number }[] = [];
  // The first 60 Tab stops from the top: skip link, header, controls, ring, links, faults, time travel.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    results.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        type RGBA = [number, number, number, number];
        const parse = (c: string): RGBA | null => {
          const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
          return m === null ? null : [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
        };
        const lum = ([r, g, b]: RGBA): number => {
          const ch = (v: number) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
        };
        const contrast = (a: RGBA, b: RGBA): number => {
          const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
          return (x + 0.05) / (y + 0.05);
        };
        // The first background that is mostly opaque, from `from` up (the page's own at the top).
        const background = (from: Element | null): RGBA => {
          for (let e = from; e !== null; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c !== null && c[3] >= 0.5) return c;
          }
          return parse(getComputedStyle(document.body).backgroundColor) ?? [255, 255, 255, 1];
        };
        const style = getComputedStyle(el);
        const outer = parse(style.outlineColor);
        const inner = parse(style.boxShadow);
        const width = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
        // SVG elements draw no box-shadow: only the outline counts there.
        const drawn = el instanceof SVGElement ? [outer] : [outer, inner];
        const tones = drawn.filter((c): c is RGBA => c !== null && c[3] > 0.9);
        const best = (bg: RGBA) => Math.max(0, ...tones.map((tone) => contrast(tone, bg)));
        const name = `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}`;
        return { name, around: best(background(el.parentElement)), inside: best(background(el)), width };
      }),
    );
  }
  const named = results.map((r) => `${r.name}: ${r.around.toFixed(2)} / ${r.inside.toFixed(2)} (${r.width}px)`);
  for (const [i, r] of results.entries()) {
    expect(r.width, named[i]).toBeGreaterThanOrEqual(2);
    expect(r.around, named[i]).toBeGreaterThanOrEqual(3);
    expect(r.inside, named[i]).toBeGreaterThanOrEqual(3);
  }
});

test('a watch shows an eye icon with a name, not an emoji', async ({ page }) => {
  await openPage(page);
  await waitForLeader(page);
  await typeLine(page, 'c1> create /w 1');
  await expect(consoleOutput(page)).toContainText('Created /w', { timeout: 15_000 });
  await typeLine(page, 'c1> get -w /w');
  const item = page.getByRole('tree', { name: 'Znodes' }).getByRole('treeitem').filter({ hasText: /^w/ });
  const icon = item.getByRole('img', { name: 'watch' });
  await expect(icon).toBeVisible({ timeout: 15_000 });
  expect(await icon.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
  await expect(item).toContainText('c1 data');
  expect(await item.textContent()).not.toMatch(/\p{Extended_Pictographic}/u);
});

test('the event log is quiet while playing and a polite log once paused', async ({ page }) => {
  await openPage(page);
  await waitForLeader(page);
  const log = page.getByRole('log', { name: 'Event log' });
  await expect(log).toHaveAttribute('aria-live', 'off');
  await pause(page);
  await expect(log).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByRole('region', { name: 'Events' }).getByRole('status')).toHaveText(
    /^Paused at event #\d+, \d+ms$/,
  );
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(log).toHaveAttribute('aria-live', 'off');
});
