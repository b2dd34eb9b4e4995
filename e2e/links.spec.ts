// Shareable links: a link opens the same run at the same moment (same fingerprint) in a new page,
// back/forward moves between loaded scenarios, and every kind of bad link shows its own message
// while the default scenario runs.
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_HEADER } from '../src/sim/config';
import { decodeScenario, encodeScenario, packJsonText, scenarioFromLocationHash } from '../src/scenario/url';
import { consoleOutput, eventCount, openPage, pause, readNumber, typeLine, waitForLeader } from './helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const servers = (page: Page) => page.getByRole('group', { name: /^Server n\d+$/ });
const fingerprint = (page: Page) => page.getByRole('status', { name: 'Run fingerprint' });

async function expectDefaultRunning(page: Page): Promise<void> {
  await expect(servers(page)).toHaveCount(3, { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const before = await readNumber(eventCount(page));
  await expect.poll(() => readNumber(eventCount(page)), { timeout: 15_000 }).toBeGreaterThan(before);
}

test('a copied link opens the same run, at the same moment, in a new page', async ({ page, context }) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  await typeLine(page, 'c1> create /a 1');
  await typeLine(page, 'c2> set /a 2');
  await expect(consoleOutput(page)).toContainText('Created /a', { timeout: 15_000 });
  await typeLine(page, 'kill n2');
  await expect(servers(page).filter({ hasText: 'crashed' })).toHaveCount(1, { timeout: 10_000 });
  await pause(page);

  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByRole('textbox', { name: 'Shareable link' });
  await expect(field).toHaveValue(/#s=v1\./);
  const url = await field.inputValue();
  expect(page.url()).toBe(url);
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(url);
  await expect(fingerprint(page)).toHaveText(/^[0-9a-f]{14} \(/);
  const fp = await fingerprint(page).textContent();

  const other = await context.newPage();
  const otherErrors: string[] = [];
  other.on('pageerror', (e) => otherErrors.push(e.message));
  await other.setViewportSize({ width: 1280, height: 800 });
  await other.goto(url);
  // Paused at the shared moment: n2 is down, /a exists.
  await expect(other.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await expect(servers(other).filter({ hasText: 'crashed' })).toHaveCount(1);
  await other.getByRole('button', { name: 'Fingerprint' }).click();
  await expect.poll(() => fingerprint(other).textContent(), { timeout: 15_000 }).toBe(fp);
  await expect(other.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('a link copied at a past moment opens there, with the rest of the run still ahead', async ({ page, context }) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  await typeLine(page, 'c1> create /l 1');
  await expect(consoleOutput(page)).toContainText('Created /l', { timeout: 15_000 });
  await typeLine(page, 'c2> set /l 2');
  await expect
    .poll(async () => (await consoleOutput(page).textContent()) ?? '', { timeout: 15_000 })
    .toMatch(/c2> set \/l 2[\s\S]*done/);
  await pause(page);
  const now = page.getByRole('status', { name: 'Now', exact: true });
  const end = page.getByRole('status', { name: 'End of run', exact: true });
  const endText = await end.innerText();
  const back = Math.round((await readNumber(end)) / 2);
  await page.getByRole('slider', { name: 'Time', exact: true }).fill(String(back));
  await expect.poll(() => readNumber(now), { timeout: 10_000 }).toBe(back);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const url = await page.getByRole('textbox', { name: 'Shareable link' }).inputValue();

  const other = await context.newPage();
  await other.setViewportSize({ width: 1280, height: 800 });
  await other.goto(url);
  await expect(other.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await expect
    .poll(() => readNumber(other.getByRole('status', { name: 'Now', exact: true })), { timeout: 15_000 })
    .toBe(back);
  await expect(other.getByRole('status', { name: 'End of run', exact: true })).toHaveText(endText);
  await expect(other.getByRole('note').filter({ hasText: 'In the past' })).toBeVisible();
  // Going to the end shows the later write.
  await other.getByRole('button', { name: 'Go to end' }).click();
  const data = other
    .getByRole('tree', { name: 'Znodes' })
    .getByRole('treeitem')
    .filter({ hasText: /^l/ })
    .locator('.znode-data');
  await expect(data).toHaveText('2', { timeout: 10_000 });
  expect(errors).toEqual([]);
});

test('back and forward move between loaded scenarios', async ({ page }) => {
  const a = encodeScenario({
    header: { ...DEFAULT_HEADER, seed: 7 },
    actions: [{ events: -1, t: 50, text: 'c1> create /a 1' }],
  });
  const b = encodeScenario({ header: { ...DEFAULT_HEADER, servers: 5, seed: 8 }, actions: [] });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/#s=${a}`);
  await expect(servers(page)).toHaveCount(3, { timeout: 15_000 });
  await page.goto(`/#s=${b}`);
  await expect(servers(page)).toHaveCount(5, { timeout: 15_000 });
  await page.goBack();
  await expect(servers(page)).toHaveCount(3, { timeout: 15_000 });
  await page.goForward();
  await expect(servers(page)).toHaveCount(5, { timeout: 15_000 });

  // Copy link adds a history entry: change the run, copy, and back returns to the 5-server link.
  await page.getByRole('combobox', { name: 'Servers' }).selectOption('4');
  await expect(servers(page)).toHaveCount(4, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('textbox', { name: 'Shareable link' })).toHaveValue(/#s=v1\./);
  await page.goBack();
  await expect(servers(page)).toHaveCount(5, { timeout: 15_000 });
  await page.goForward();
  await expect(servers(page)).toHaveCount(4, { timeout: 15_000 });
});

const valid = encodeScenario({ header: DEFAULT_HEADER, actions: [{ events: 10, t: 100, text: 'c1> create /a 1' }] });
const badLinks: readonly { name: string; payload: string }[] = [
  { name: 'truncated', payload: valid.slice(0, Math.floor(valid.length / 2) + 1) },
  { name: 'not base64', payload: 'v1.!!!' },
  { name: 'wrong version', payload: 'v9.abc' },
  { name: '10,000 servers', payload: packJsonText(JSON.stringify([['servers 10000'], []])) },
  {
    name: 'a script line with an error',
    payload: encodeScenario({ header: DEFAULT_HEADER, actions: [{ events: 0, t: 0, text: 'c1> bogus /x' }] }),
  },
];

for (const { name, payload } of badLinks) {
  test(`bad link (${name}) shows its message and the default scenario runs`, async ({ page }) => {
    const decoded = decodeScenario(payload);
    expect(decoded.ok).toBe(false);
    const message = decoded.ok ? '' : decoded.error;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/#s=${payload}`);
    await expect(page.getByRole('alert')).toContainText(message, { timeout: 10_000 });
    await expectDefaultRunning(page);
    if (name === 'not base64') await page.screenshot({ path: test.info().outputPath('bad-link.png') });
    expect(errors).toEqual([]);
  });
}

test('a hash that is neither a run nor a lesson says so and the default scenario runs', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#garbage');
  await expect(page.getByRole('alert')).toContainText(
    'this link ends in "#garbage", which is neither a shared run (#s=...) nor a lesson (#lesson=...)',
    { timeout: 10_000 },
  );
  await expectDefaultRunning(page);
});

test('a 5 MB hash shows its message and the default scenario runs', async ({ page }) => {
  const hash = `#s=v1.${'A'.repeat(5 * 1024 * 1024)}`;
  const found = scenarioFromLocationHash(hash);
  expect(found.kind).toBe('error');
  const message = found.kind === 'error' ? found.error : '';
  await page.setViewportSize({ width: 1280, height: 800 });
  // Chromium does not navigate to URLs over 2 MB; the hash is set in the page instead, before the app reads it.
  await page.addInitScript((h) => {
    if (sessionStorage.getItem('hugeHashSet') === null) {
      sessionStorage.setItem('hugeHashSet', '1');
      history.replaceState(null, '', `${location.pathname}${h}`);
    }
  }, hash);
  await page.goto('/');
  const length = await page.evaluate(() => location.hash.length);
  test.skip(length < hash.length, `this browser keeps at most ${length} characters of a hash`);
  await expect(page.getByRole('alert')).toContainText(message, { timeout: 10_000 });
  await expectDefaultRunning(page);
});

test('embed mode shows only the cluster and the controls', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 600 });
  await page.goto('/?embed=1');
  await expect(page.getByRole('region', { name: 'Simulation controls' })).toBeVisible({ timeout: 10_000 });
  await waitForLeader(page);
  await expect(page.getByRole('textbox', { name: 'Console' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Paxoscope' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('embed.png') });
});

test('a lesson embedded in a slide shows its text and steps', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 700 });
  await page.goto('/?embed=1#lesson=leader-crash');
  const region = page.getByRole('region', { name: 'Lesson' });
  await expect(region).toBeVisible({ timeout: 10_000 });
  await expect(region.getByRole('button', { name: 'Next' })).toBeVisible();
  await expect(region.getByRole('status', { name: 'Step progress' })).toHaveText(/Paused here \(event #\d+\)/, {
    timeout: 20_000,
  });
  await expect(page.getByRole('textbox', { name: 'Console' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('embed-lesson.png') });
});

test('export and import a scenario script; a bad script names its line', async ({ page }) => {
  await openPage(page);
  await waitForLeader(page);
  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scenario' }).click();
  expect((await exported).suggestedFilename()).toBe('paxoscope-scenario.zk');
  const trace = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export trace' }).click();
  const traceFile = await trace;
  expect(traceFile.suggestedFilename()).toBe('paxoscope-trace.json');
  // The whole trace, from the worker: the election is in it.
  const { readFile } = await import('node:fs/promises');
  const events = JSON.parse(await readFile(await traceFile.path(), 'utf8')) as { kind: string; role?: string }[];
  expect(events.length).toBeGreaterThan(10);
  expect(events.some((event) => event.kind === 'role' && event.role === 'leader')).toBe(true);

  const input = page.getByLabel('Import scenario');
  await input.setInputFiles({
    name: 'bad.zk',
    mimeType: 'text/plain',
    buffer: Buffer.from('servers 3\nc1> create /a 1\nc1> bogus /x\n'),
  });
  await expect(page.getByRole('alert')).toContainText('line 3');
  await input.setInputFiles({
    name: 'good.zk',
    mimeType: 'text/plain',
    buffer: Buffer.from('servers 5\nseed 3\nwait 100ms\nc1> create /a 1\n'),
  });
  await expect(servers(page)).toHaveCount(5, { timeout: 15_000 });
  await expect(consoleOutput(page)).toContainText('Created /a', { timeout: 15_000 });
});

test('an exported scenario, run by npm run sim, reaches the fingerprint the page showed', async ({ page }) => {
  const errors = await openPage(page);
  await waitForLeader(page);
  // Faults and a race: two version-checked sets of the same znode, a crash, a one-way cut.
  await typeLine(page, 'c1> create /r 0');
  await expect(consoleOutput(page)).toContainText('Created /r', { timeout: 15_000 });
  await typeLine(page, 'c1> set -v 0 /r a');
  await typeLine(page, 'c2> set -v 0 /r b');
  await expect(consoleOutput(page)).toContainText(/c[12] set -v 0 \/r [ab] → done/, { timeout: 15_000 });
  await typeLine(page, 'kill n3');
  await expect(servers(page).filter({ hasText: 'crashed' })).toHaveCount(1, { timeout: 10_000 });
  await typeLine(page, 'cut n1 -> n2');
  await pause(page);
  // A fork: back to the middle of the run, act there (the future is replaced), play on a little, pause.
  const back = Math.round((await readNumber(page.getByRole('status', { name: 'End of run', exact: true }))) / 2);
  await page.getByRole('slider', { name: 'Time', exact: true }).fill(String(back));
  await expect
    .poll(() => readNumber(page.getByRole('status', { name: 'Now', exact: true })), { timeout: 10_000 })
    .toBe(back);
  await typeLine(page, 'restart n3');
  await typeLine(page, 'c3> get -w /r');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(() => readNumber(page.getByRole('status', { name: 'Now', exact: true })), { timeout: 10_000 })
    .toBeGreaterThan(back + 300);
  await pause(page);

  await page.getByRole('button', { name: 'Fingerprint' }).click();
  await expect(fingerprint(page)).toHaveText(/^[0-9a-f]{14} \(/);
  const shown = /^([0-9a-f]{14})/.exec((await fingerprint(page).textContent()) ?? '')?.[1];
  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scenario' }).click();
  const file = await (await exported).path();

  const { execFileSync } = await import('node:child_process');
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', file, '--json'], {
    encoding: 'utf8',
  });
  const summary = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { summary?: { fingerprint?: string } };
  expect(summary.summary?.fingerprint).toBe(shown);

  // And it imports back: the page opens paused at that moment, with the same fingerprint.
  const { readFile } = await import('node:fs/promises');
  await page.getByLabel('Import scenario').setInputFiles({
    name: 'exact.zk',
    mimeType: 'text/plain',
    buffer: await readFile(file),
  });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Fingerprint' }).click();
  await expect.poll(() => fingerprint(page).textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^${shown}`));
  expect(errors).toEqual([]);
});
