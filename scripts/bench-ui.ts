/// <reference lib="dom" />
// npm run bench:ui [-- --seconds 60 --json]
// The page's own cost in a real headless Chromium (--disable-gpu) on the production build:
// requestAnimationFrame intervals, main-thread busy time (CDP Performance metrics), long tasks, JS heap,
// time from navigation to the first elected leader on screen, and the gzip size of the built JS.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const PORT = 4199;
const BASE = `http://127.0.0.1:${PORT}`;
const OUT_DIR = '.e2e-dist/bench-ui';

interface Measurement {
  scenario: string;
  seconds: number;
  frameMedianMs: number;
  frameP95Ms: number;
  fps: number;
  busyPercent: number;
  longTasks: number;
  longTaskMs: number;
  heapStartMB: number;
  heapEndMB: number;
  /** The page's heap after a forced GC at the start, each quarter, and the end of the run. */
  heapSamplesMB: number[];
  /** The simulation worker's heap at the same moments: it keeps the run's trace and snapshots (time travel). */
  workerHeapSamplesMB: number[];
  messagesInFlightMax: number;
}

/** Reads the worker's JS heap after a GC (a CDP session to the worker, reached through the page's session). */
type HeapReader = () => Promise<number>;

async function workerHeapReader(page: Page): Promise<HeapReader> {
  const cdp = await page.context().newCDPSession(page);
  const sessions: string[] = [];
  const pending = new Map<number, (result: Record<string, number>) => void>();
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') sessions.push(event.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (event) => {
    const index = sessions.indexOf(event.sessionId);
    if (index >= 0) sessions.splice(index, 1);
  });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: Record<string, number> };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? {});
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  let nextId = 1;
  const ask = (sessionId: string, method: string): Promise<Record<string, number>> =>
    new Promise((resolve) => {
      const id = nextId++;
      // A worker that went away never answers: give up after a while (the figure reads NaN).
      const timer = setTimeout(() => done({}), 10_000);
      const done = (result: Record<string, number>) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve(result);
      };
      pending.set(id, done);
      void cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) })
        .catch(() => done({}));
    });
  return async () => {
    const sessionId = sessions.at(-1);
    if (sessionId === undefined) return NaN;
    await ask(sessionId, 'HeapProfiler.collectGarbage');
    return (await ask(sessionId, 'Runtime.getHeapUsage')).usedSize ?? NaN;
  };
}

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function startPreview(): Promise<ChildProcess> {
  const build = spawnSync('node_modules/.bin/vite', ['build', '--outDir', OUT_DIR], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', OUT_DIR],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(BASE);
      if (response.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

function gzipKB(): number {
  const assets = join(OUT_DIR, 'assets');
  let total = 0;
  for (const file of readdirSync(assets))
    if (file.endsWith('.js')) total += gzipSync(readFileSync(join(assets, file))).length;
  return Math.round(total / 1024);
}

/** Installed before the page's own scripts: frame intervals, long tasks, and when a leader first shows. */
const PROBE = `
  window.__bench = { frames: [], longTasks: [], leaderAt: null, recording: false };
  (function loop(last) {
    requestAnimationFrame((now) => {
      if (window.__bench.recording && last !== null) window.__bench.frames.push(now - last);
      loop(now);
    });
  })(null);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (window.__bench.recording) window.__bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  const watchLeader = () => {
    if (window.__bench.leaderAt !== null) return;
    for (const group of document.querySelectorAll('[role="group"][aria-label^="Server n"]')) {
      if ((group.textContent || '').includes('leader')) { window.__bench.leaderAt = performance.now(); return; }
    }
    requestAnimationFrame(watchLeader);
  };
  requestAnimationFrame(watchLeader);
`;

interface BenchWindow {
  __bench: { frames: number[]; longTasks: number[]; leaderAt: number | null; recording: boolean };
}

async function measure(
  page: Page,
  scenario: string,
  seconds: number,
  workerHeap: HeapReader,
  during?: () => Promise<void>,
): Promise<Measurement> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name: string): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === name)?.value ?? 0;
  };
  await page.evaluate(() => {
    const bench = (window as unknown as BenchWindow).__bench;
    bench.frames = [];
    bench.longTasks = [];
    bench.recording = true;
  });
  // Heap figures are what stays reachable: collect garbage first, so they do not depend on when the GC last ran.
  const heapSamples: number[] = [];
  const workerHeapSamples: number[] = [];
  const sampleHeaps = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    heapSamples.push(await metric('JSHeapUsedSize'));
    workerHeapSamples.push(await workerHeap());
  };
  await sampleHeaps();
  const taskStart = await metric('TaskDuration');
  const wallStart = Date.now();
  let inFlightMax = 0;
  const until = wallStart + seconds * 1000;
  let nextSample = 1;
  while (Date.now() < until) {
    if (during) await during();
    else await page.waitForTimeout(100);
    const flying = await page.evaluate(
      () => document.querySelector('[data-in-flight]')?.getAttribute('data-in-flight') ?? '0',
    );
    inFlightMax = Math.max(inFlightMax, Number(flying));
    // Quarter-way samples (a forced GC costs the page a few milliseconds, well under 0.1% of a minute).
    if (nextSample < 4 && Date.now() >= wallStart + (seconds * 1000 * nextSample) / 4) {
      nextSample++;
      await sampleHeaps();
    }
  }
  const wall = (Date.now() - wallStart) / 1000;
  const taskEnd = await metric('TaskDuration');
  await sampleHeaps();
  const heapStart = heapSamples[0]!;
  const heapEnd = heapSamples.at(-1)!;
  const { frames, longTasks } = await page.evaluate(() => {
    const bench = (window as unknown as BenchWindow).__bench;
    bench.recording = false;
    return { frames: bench.frames, longTasks: bench.longTasks };
  });
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    scenario,
    seconds: Math.round(wall),
    frameMedianMs: Number(percentile(sorted, 0.5).toFixed(1)),
    frameP95Ms: Number(percentile(sorted, 0.95).toFixed(1)),
    fps: Number((frames.length / wall).toFixed(1)),
    busyPercent: Number((((taskEnd - taskStart) / wall) * 100).toFixed(1)),
    longTasks: longTasks.length,
    longTaskMs: Math.round(longTasks.reduce((a, b) => a + b, 0)),
    heapStartMB: Number((heapStart / 1e6).toFixed(1)),
    heapEndMB: Number((heapEnd / 1e6).toFixed(1)),
    heapSamplesMB: heapSamples.map((bytes) => Number((bytes / 1e6).toFixed(1))),
    workerHeapSamplesMB: workerHeapSamples.map((bytes) => Number((bytes / 1e6).toFixed(1))),
    messagesInFlightMax: inFlightMax,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seconds: { type: 'string', default: '60' }, json: { type: 'boolean', default: false } },
  });
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds < 1)
    throw new Error(`--seconds must be a positive number, got "${values.seconds}"`);
  const server = await startPreview();
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
  const results: Measurement[] = [];
  let leaderMs = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(PROBE);
    page.on('crash', () => process.stderr.write('the page crashed\n'));
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    const workerHeap = await workerHeapReader(page);
    await page.goto(BASE);
    await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.leaderAt !== null, null, {
      timeout: 30_000,
    });
    leaderMs = Math.round(await page.evaluate(() => (window as unknown as BenchWindow).__bench.leaderAt ?? 0));

    await page.getByRole('combobox', { name: 'Servers' }).selectOption('5');
    await page.waitForTimeout(2000);
    results.push(await measure(page, '5 servers, idle, 1x', seconds, workerHeap));

    await page.getByRole('combobox', { name: 'Servers' }).selectOption('25');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[role="group"][aria-label^="Server n"]')].some((g) =>
          (g.textContent || '').includes('leader'),
        ),
      null,
      { timeout: 30_000 },
    );
    // Ten client writes a second, typed into the console in the page itself (no driver round trips).
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#console-input');
      if (input === null) throw new Error('no console input');
      // eslint-disable-next-line @typescript-eslint/unbound-method -- the setter is called with the input as `this`
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      let write = 0;
      setInterval(() => {
        write++;
        setValue.call(input, `c${(write % 5) + 1}> create -s /w- ${write} &`);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }, 100);
    });
    await page.waitForTimeout(3000);
    results.push(await measure(page, '25 servers, 10 writes/s, 1x', seconds, workerHeap));
    const written = await page.evaluate(() => document.querySelectorAll('[role="treeitem"]').length);
    process.stderr.write(`znodes in the tree after the run: ${written}\n`);
  } finally {
    await browser.close();
    server.kill();
  }
  const gzip = gzipKB();
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ firstLeaderMs: leaderMs, gzipKB: gzip, results })}\n`);
    return;
  }
  process.stdout.write(`first leader on screen: ${leaderMs} ms after navigation; built JS: ${gzip} KB gzip\n`);
  for (const r of results) {
    process.stdout.write(
      `${r.scenario}: frame median ${r.frameMedianMs} ms, p95 ${r.frameP95Ms} ms (${r.fps} fps), main thread busy ${r.busyPercent}%, ` +
        `long tasks ${r.longTasks} (${r.longTaskMs} ms), heap ${r.heapStartMB} -> ${r.heapEndMB} MB (each quarter: ${r.heapSamplesMB.join(', ')}), ` +
        `worker heap ${r.workerHeapSamplesMB.join(', ')} MB, up to ${r.messagesInFlightMax} messages in flight (${r.seconds} s)\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
