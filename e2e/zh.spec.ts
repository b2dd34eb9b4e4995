// The Chinese edition: the main path in English and in Chinese (play, a console write, kill the leader, a lesson
// to its end, a link round trip), ?lang=zh, the header's switch, and zkCli output that reads the same in both.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { LESSONS } from '../src/scenario/lessons';
import { lessonText } from '../src/scenario/lessonText';
import { lessonTextZh } from '../src/scenario/lessonText.zh';
import { lessonsUiTextEn } from '../src/view/lessons/text';
import { lessonsUiTextZh } from '../src/view/lessons/text.zh';
import { shareTextEn } from '../src/view/share/text';
import { shareTextZh } from '../src/view/share/text.zh';
import { textEn } from '../src/view/text';
import { textZh } from '../src/view/text.zh';
import { readNumber } from './helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const LANGS = {
  en: { html: 'en', t: textEn, lessons: lessonsUiTextEn, share: shareTextEn, narration: lessonText },
  zh: { html: 'zh-CN', t: textZh, lessons: lessonsUiTextZh, share: shareTextZh, narration: lessonTextZh },
} as const;
type Lang = keyof typeof LANGS;

const servers = (page: Page, lang: Lang) =>
  page.getByRole('group', { name: new RegExp(`^${LANGS[lang].t.cluster.server(0).replace('n0', 'n\\d+')}$`) });

async function open(page: Page, path: string, lang: Lang): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', LANGS[lang].html);
  return errors;
}

async function typeLine(page: Page, lang: Lang, line: string): Promise<void> {
  const input = page.getByRole('textbox', { name: LANGS[lang].t.console.label });
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

/** Runs lesson `id` to its end in `lang`; returns the event index each step paused at. */
async function runLesson(page: Page, lang: Lang, id: string): Promise<number[]> {
  const { lessons, narration } = LANGS[lang];
  const words = narration[id as keyof typeof narration];
  const region = page.getByRole('region', { name: lessons.region });
  await expect(region.getByRole('heading', { name: words.title })).toBeVisible({ timeout: 10_000 });
  const slider = page.getByRole('slider', { name: LANGS[lang].t.controls.speed });
  await slider.focus();
  await slider.press('End');
  const n = words.steps.length;
  const at: number[] = [];
  for (let k = 1; k <= n; k++) {
    await expect(region.getByRole('status', { name: lessons.stepOf(k, n) })).toBeVisible();
    const progress = region.getByRole('status', { name: lessons.progress });
    await expect(progress).toContainText(lessons.reached(0).replace('#0', '#').split('#')[0]!, { timeout: 20_000 });
    // Placeholders are filled from the pause (e2e/narration.spec.ts checks them): the words before the first are as written.
    await expect(region).toContainText(words.steps[k - 1]!.split('{')[0]!);
    at.push(Number(/#(\d+)/.exec((await progress.textContent()) ?? '')?.[1]));
    if (k < n) await region.getByRole('button', { name: lessons.next }).click();
  }
  await expect(region).toContainText(lessons.done);
  return at;
}

for (const lang of ['en', 'zh'] as const) {
  const { t, share } = LANGS[lang];

  test(`the main path in ${lang}: play, a console write, kill the leader, a link round trip`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(60_000);
    const errors = await open(page, `/?lang=${lang}`, lang);
    await expect(page.getByRole('button', { name: t.controls.pause })).toBeVisible({ timeout: 10_000 });
    await expect(servers(page, lang)).toHaveCount(3, { timeout: 15_000 });
    const leader = servers(page, lang).filter({ hasText: t.cluster.role.leader });
    await expect(leader).toHaveCount(1, { timeout: 15_000 });

    // zkCli output reads exactly as in English, whatever the page's language.
    const out = page.getByRole('log', { name: t.console.output });
    await typeLine(page, lang, 'c1> create /data hello');
    await expect(out).toContainText('Created /data', { timeout: 15_000 });
    await typeLine(page, lang, 'c1> get -s /data');
    await expect(out).toContainText('dataVersion = 0', { timeout: 15_000 });
    await typeLine(page, lang, 'c1> create /data again');
    await expect(out.getByText('Node already exists: /data')).toBeVisible({ timeout: 15_000 });

    // Kill the leader: another is elected.
    const name = (await leader.getAttribute('aria-label')) ?? '';
    const id = Number(/n(\d+)/.exec(name)?.[1]);
    await page.getByRole('button', { name: t.cluster.kill(id) }).click();
    await expect(servers(page, lang).filter({ hasText: t.cluster.role.crashed })).toHaveCount(1, { timeout: 10_000 });
    await expect(servers(page, lang).filter({ hasText: t.cluster.role.leader })).toHaveCount(1, { timeout: 15_000 });

    // A link carries the run, not the language: a reader with an English browser and no choice made sees English.
    await page.getByRole('button', { name: t.controls.pause }).click();
    await page.getByRole('button', { name: share.copyLink }).click();
    const field = page.getByRole('textbox', { name: share.linkField });
    await expect(field).toHaveValue(/#s=v1\./);
    const url = await field.inputValue();
    expect(url).not.toContain('lang=');
    await page.getByRole('button', { name: share.fingerprintButton }).click();
    const fp = ((await page.getByRole('status', { name: share.fingerprint }).textContent()) ?? '').slice(0, 14);
    for (const reader of ['en', 'zh'] as const) {
      const other = await openReader(browser, reader, url);
      const o = LANGS[reader];
      await expect(other.getByRole('button', { name: o.t.controls.play })).toBeVisible({ timeout: 15_000 });
      await expect(servers(other, reader).filter({ hasText: o.t.cluster.role.crashed })).toHaveCount(1);
      await other.getByRole('button', { name: o.share.fingerprintButton }).click();
      await expect
        .poll(async () =>
          ((await other.getByRole('status', { name: o.share.fingerprint }).textContent()) ?? '').slice(0, 14),
        )
        .toBe(fp);
      await other.context().close();
    }
    expect(errors).toEqual([]);
  });
}

/** A new browser profile whose language is `lang` (nothing remembered), opening `url`. */
async function openReader(browser: Browser, lang: Lang, url: string): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('lang', LANGS[lang].html);
  return page;
}

test('a lesson in Chinese pauses where its English twin pauses, and runs to its end', async ({ page }) => {
  test.setTimeout(120_000);
  const lesson = LESSONS.find((l) => l.id === 'leader-crash')!;
  await open(page, `/?lang=en#lesson=${lesson.id}`, 'en');
  const english = await runLesson(page, 'en', lesson.id);
  await open(page, `/?lang=zh#lesson=${lesson.id}`, 'zh');
  const chinese = await runLesson(page, 'zh', lesson.id);
  expect(chinese).toEqual(english);
  expect(chinese).toHaveLength(lesson.steps.length);
});

test('the header switch changes the language at once, remembers it, and follows the browser on a first visit', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  // First visit: the browser says Chinese.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: textZh.controls.pause })).toBeVisible({ timeout: 10_000 });
  const events = page.getByRole('status', { name: textZh.controls.events });
  await expect.poll(() => readNumber(events), { timeout: 10_000 }).toBeGreaterThan(10);
  await expect(page.getByRole('log', { name: textZh.events.log })).toContainText('收到来自');

  const select = page.getByRole('combobox', { name: textZh.language.label });
  await expect(select.getByRole('option')).toHaveText(['English', '中文']);
  await select.selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Safety monitor' })).toBeVisible();
  // The run went on: the same run, its notes said again in English.
  await expect(page.getByRole('log', { name: 'Event log' })).toContainText(/leader|received/);
  await expect(page.getByRole('log', { name: 'Event log' })).not.toContainText('收到来自');

  // Remembered: a reload stays English although the browser says Chinese; ?lang=zh wins over it.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 10_000 });
  await page.goto('/?lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: textZh.controls.pause })).toBeVisible({ timeout: 10_000 });
  expect(page.url()).not.toContain('lang=');
  await context.close();
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`the Chinese page at ${size.width}x${size.height}: Chinese glyphs drawn, no label overflows its button`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize(size);
    await page.goto('/?lang=zh');
    await expect(page.getByRole('button', { name: textZh.controls.pause })).toBeVisible({ timeout: 10_000 });
    await expect(servers(page, 'zh').filter({ hasText: textZh.cluster.role.leader })).toHaveCount(1, {
      timeout: 15_000,
    });
    await typeLine(page, 'zh', 'c1> create /data hello');
    await expect(page.getByRole('log', { name: textZh.console.output })).toContainText('Created /data', {
      timeout: 15_000,
    });
    await page.getByRole('button', { name: textZh.controls.pause }).click();
    // The bundled font is there for the page's Chinese (this machine has no CJK font of its own).
    // Each subset the page's characters need, in both weights (in a browser the text swaps in as they come).
    await page.evaluate(async () => {
      const chars = document.body.innerText;
      await Promise.all(['400', '700'].map((w) => document.fonts.load(`${w} 16px "Noto Sans SC"`, chars)));
      await document.fonts.ready;
    });
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '领导者'))).toBe(true);
    // Every visible button and select holds its label.
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, select, .btn')]
        .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent ?? el.getAttribute('aria-label')),
    );
    expect(overflowing).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`zh-${size.width}x${size.height}.png`) });
    if (size.width === 1280) await page.screenshot({ path: 'docs/screenshot-zh.png' });
    expect(errors).toEqual([]);
  });
}

test('the Chinese lesson panel and help read in Chinese with room for their lines', async ({ page }) => {
  const errors = await open(page, '/?lang=zh#lesson=leader-crash', 'zh');
  await page.setViewportSize({ width: 1280, height: 720 });
  const region = page.getByRole('region', { name: lessonsUiTextZh.region });
  await expect(region.getByRole('heading', { name: lessonTextZh['leader-crash'].title })).toBeVisible({
    timeout: 10_000,
  });
  await expect(region.getByRole('status', { name: lessonsUiTextZh.progress })).toContainText('已在此暂停', {
    timeout: 20_000,
  });
  const lineHeight = await region
    .locator('.lesson-text')
    .evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize));
  expect(lineHeight).toBeGreaterThanOrEqual(1.7);
  await page.screenshot({ path: test.info().outputPath('zh-lesson.png') });
  await page.getByRole('button', { name: textZh.help.button }).click();
  const help = page.getByRole('dialog', { name: textZh.help.title });
  await expect(help).toBeVisible();
  await expect(help).toContainText(textZh.help.sections[0]!.heading);
  await page.screenshot({ path: test.info().outputPath('zh-help.png') });
  await help.getByRole('button', { name: textZh.help.close }).click();
  expect(errors).toEqual([]);
});

test('a ZooKeeper error stays verbatim in Chinese, with a quieter Chinese gloss beside it; English has none', async ({
  page,
}) => {
  for (const lang of ['zh', 'en'] as const) {
    const t = LANGS[lang].t;
    const errors = await open(page, `/?lang=${lang}`, lang);
    await expect(servers(page, lang).filter({ hasText: t.cluster.role.leader })).toHaveCount(1, { timeout: 15_000 });
    const out = page.getByRole('log', { name: t.console.output });
    await typeLine(page, lang, 'c1> create /a x');
    await expect(out).toContainText('Created /a', { timeout: 15_000 });
    await typeLine(page, lang, 'c1> create /a x');
    // ZooKeeper's own line, exactly as in English, in its own element.
    const zk = out.getByText('Node already exists: /a', { exact: true });
    await expect(zk).toBeVisible({ timeout: 15_000 });
    const line = out.locator('.cl', { has: page.getByText('Node already exists: /a', { exact: true }) });
    if (lang === 'zh') {
      const gloss = line.locator('.cl-gloss');
      await expect(gloss).toHaveText(textZh.console.errorGloss.NODEEXISTS);
      expect(textZh.console.errorGloss.NODEEXISTS).toBe('（节点已存在）');
      await expect(line).toHaveText(`c1 create /a x → Node already exists: /a${textZh.console.errorGloss.NODEEXISTS}`);
      // Quieter than the error it glosses.
      const [glossColor, errorColor] = await Promise.all([
        gloss.evaluate((el) => getComputedStyle(el).color),
        zk.evaluate((el) => getComputedStyle(el).color),
      ]);
      expect(glossColor).not.toBe(errorColor);
      await line.screenshot({ path: test.info().outputPath('zh-gloss.png') });
    } else {
      await expect(line.locator('.cl-gloss')).toHaveCount(0);
      await expect(line).toHaveText('c1 create /a x → Node already exists: /a');
    }
    expect(errors).toEqual([]);
  }
});

test('lines printed before a language switch read in the new language; zkCli output stays as printed', async ({
  page,
}) => {
  const errors = await open(page, '/?lang=en', 'en');
  await expect(servers(page, 'en').filter({ hasText: textEn.cluster.role.leader })).toHaveCount(1, { timeout: 15_000 });
  const out = page.getByRole('log', { name: textEn.console.output });
  await typeLine(page, 'en', 'c1> create /a x');
  await typeLine(page, 'en', 'c1> create /a x');
  await expect(out.getByText('Node already exists: /a', { exact: true })).toBeVisible({ timeout: 15_000 });
  await typeLine(page, 'en', 'bogus');
  // Our own message for a bad line, in English.
  await expect(out.getByText(/^unknown command "bogus"; valid commands: /)).toHaveClass(/cl-error/);
  const zkBefore = await out.locator('.cl-text').allTextContents();

  await page.getByRole('combobox', { name: textEn.language.label }).selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const outZh = page.getByRole('log', { name: textZh.console.output });
  // The same message, now in Chinese; the English one is gone.
  await expect(outZh.getByText(/^未知命令 "bogus"/)).toHaveClass(/cl-error/);
  await expect(outZh).not.toContainText('unknown command');
  // zkCli's lines read as they did, with a gloss now beside the error.
  expect(await outZh.locator('.cl-text').allTextContents()).toEqual(zkBefore);
  await expect(outZh.locator('.cl', { has: page.getByText('Node already exists: /a', { exact: true }) })).toContainText(
    textZh.console.errorGloss.NODEEXISTS,
  );
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: test.info().outputPath(`zh-switched-${size.width}x${size.height}.png`) });
  }
  expect(errors).toEqual([]);
});

test('a caught violation reads in Chinese: what broke, where, and the marks on the page', async ({ page }) => {
  const errors = await open(page, '/?lang=zh#lesson=bug-minority-quorum', 'zh');
  const t = textZh;
  const region = page.getByRole('region', { name: lessonsUiTextZh.region });
  const monitor = page.getByRole('region', { name: t.safety.region });
  const slider = page.getByRole('slider', { name: t.controls.speed });
  await slider.focus();
  await slider.press('End');
  await expect(region.getByRole('status', { name: lessonsUiTextZh.stepOf(1, 4) })).toBeVisible();
  await expect(page.getByRole('button', { name: t.controls.play })).toBeVisible({ timeout: 20_000 });
  await region.getByRole('button', { name: lessonsUiTextZh.next }).click();
  const alert = monitor.getByRole('alert');
  await expect(alert).toContainText(`${t.safety.caught(t.safety.names.agreement)} 在事件 #`, { timeout: 20_000 });
  await expect(alert).toContainText('n1 和 n3 为槽位 3 决定了不同的值。');
  const events = page.getByRole('log', { name: t.events.log });
  await expect(events.getByRole('listitem').filter({ hasText: '破坏一致性' })).toHaveCount(1);
  await expect(page.locator('.server.breaking')).toHaveCount(2);
  await page.setViewportSize({ width: 1280, height: 1400 });
  await expect(alert).toBeInViewport();
  await page.evaluate(async () => {
    const chars = document.body.innerText;
    await Promise.all(['400', '700'].map((w) => document.fonts.load(`${w} 16px "Noto Sans SC"`, chars)));
    await document.fonts.ready;
  });
  await page.screenshot({ path: 'docs/caught-zh.png' });
  expect(errors).toEqual([]);
});
