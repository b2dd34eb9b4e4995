// Each lesson walked in the page: at every pause the narration is its template filled in (no placeholder left),
// and what it names is what the page shows there: the reply it quotes is in the console, the leader it names
// leads on the ring, the servers it counts are as many as it says, the event it stopped at is in the event log.
// A screenshot at 1280x720 at each pause, to look at.
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/scenario/lessons';
import { consoleOutput } from './helpers';

async function fastest(page: Page): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Speed' });
  await slider.focus();
  await slider.press('End');
}

const escape = (s: string): string => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** The facts the page filled into `template`, read back from the text it shows (null when it does not fit). */
function readFacts(template: string, shown: string): Record<string, string> | null {
  const seen = new Set<string>();
  const pattern = template
    .split(/(\{[a-z][\w.]*\})/i)
    .map((part) => {
      const m = /^\{([a-z][\w.]*)\}$/i.exec(part);
      if (m === null) return escape(part);
      const key = m[1]!.replace(/\W/g, '_');
      if (seen.has(key)) return `\\k<${key}>`;
      seen.add(key);
      return `(?<${key}>.+?)`;
    })
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(shown);
  return match === null ? null : { ...match.groups };
}

const namesIn = (list: string): string[] => list.match(/\bn\d+\b/g) ?? [];

for (const lesson of LESSONS) {
  test(`lesson ${lesson.id}: each pause's narration names what the page shows`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/#lesson=${lesson.id}`);
    const region = page.getByRole('region', { name: 'Lesson' });
    await expect(region.getByRole('heading', { name: lesson.title })).toBeVisible({ timeout: 10_000 });
    await fastest(page);
    const n = lesson.steps.length;
    for (let k = 1; k <= n; k++) {
      const step = lesson.steps[k - 1]!;
      await expect(region.getByRole('status', { name: `Step ${k} of ${n}` })).toBeVisible();
      const progress = region.getByRole('status', { name: 'Step progress' });
      await expect(progress).toHaveText(/Paused here \(event #\d+\)/, { timeout: 30_000 });
      const index = Number(/event #(\d+)/.exec((await progress.textContent()) ?? '')?.[1]);
      const shown = ((await region.locator('.lesson-text').textContent()) ?? '').trim();
      const where = `${lesson.id} step ${k}: ${shown}`;
      expect(shown, where).not.toMatch(/[{}]/);
      const facts = readFacts(step.text, shown);
      expect(facts, `${where}\n(does not fit its template)`).not.toBeNull();
      const f = facts!;
      if (f.reply !== undefined) await expect(consoleOutput(page), where).toContainText(f.reply);
      if (f.watch !== undefined) await expect(consoleOutput(page), where).toContainText(f.watch);
      if (f.leader !== undefined && f.leader !== 'nobody')
        for (const leader of namesIn(f.leader))
          await expect(page.getByRole('group', { name: `Server ${leader}`, exact: true }), where).toContainText(
            'leader',
          );
      if (f.voters !== undefined && f.count !== undefined)
        expect(namesIn(f.voters), where).toHaveLength(Number(f.count));
      for (const key of ['server', 'at', 'from', 'to', 'voters', 'late'])
        for (const name of namesIn(f[key] ?? ''))
          await expect(page.getByRole('group', { name: `Server ${name}`, exact: true }), where).toBeVisible();
      // The event the step paused at is in the event log, about the server the narration names.
      const line = page
        .getByRole('log', { name: 'Event log' })
        .locator('li')
        .filter({ hasText: `#${index} ` });
      await expect(line, where).toHaveCount(1);
      if (f.server !== undefined) await expect(line, where).toContainText(f.server);
      if (f.session !== undefined) await expect(line, where).toContainText(f.session);
      await page.screenshot({ path: test.info().outputPath(`${lesson.id}-${k}.png`) });
      if (k < n) await region.getByRole('button', { name: 'Next' }).click();
    }
    expect(errors).toEqual([]);
  });
}

test('leader-crash step 3: n2 leads with Accepts flying and its log shows slot 1 at 2.n2, as the narration says', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#lesson=leader-crash');
  const region = page.getByRole('region', { name: 'Lesson' });
  await fastest(page);
  for (let k = 1; k <= 3; k++) {
    await expect(region.getByRole('status', { name: 'Step progress' })).toHaveText(/Paused here/, { timeout: 30_000 });
    if (k < 3) await region.getByRole('button', { name: 'Next' }).click();
  }
  await expect(region).toContainText('It has the promises of n2 and n3, 2 of 3');
  await expect(region).toContainText('n2 leads and sends Accept(2.n2, slot 1, c1: create /x 1)');
  await expect(page.getByRole('group', { name: 'Server n2', exact: true })).toContainText('leader');
  const log = page.getByRole('region', { name: 'Log of n2' });
  await expect(log.locator('tr').filter({ hasText: 'c1: create /x 1' })).toContainText('2.n2');
});
