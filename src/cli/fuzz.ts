// npm run fuzz -- --seeds 1000 --steps 300 [--servers 5] [--bug NAME] [--protocol basic-paxos|zab] [--first-seed S] [--stop]
//                 [--jobs N]
// Random faults and client writes; every checker on every run, on every core. Exits non-zero when a violation is found.
import { availableParallelism } from 'node:os';
import { BUG_NAMES } from '../sim/config';
import { isProtocolName, PROTOCOL_NAMES, type BugName } from '../protocol';
import { FUZZ_DEFAULTS, type Violation } from '../scenario/fuzz';
import { fuzzOnThreads } from './fuzzPool';
import { fail, parseInteger, parseOptions } from './common';

const USAGE =
  'usage: npm run fuzz -- --seeds N --steps N [--servers N] [--bug NAME]... [--protocol multi-paxos|basic-paxos|zab] [--first-seed S] [--stop] [--jobs N]';

async function main(): Promise<void> {
  const { values, positionals } = parseOptions(
    {
      allowPositionals: true,
      options: {
        seeds: { type: 'string', default: String(FUZZ_DEFAULTS.seeds) },
        steps: { type: 'string', default: String(FUZZ_DEFAULTS.steps) },
        servers: { type: 'string', default: String(FUZZ_DEFAULTS.servers) },
        bug: { type: 'string', multiple: true },
        protocol: { type: 'string', default: FUZZ_DEFAULTS.protocol },
        'first-seed': { type: 'string', default: String(FUZZ_DEFAULTS.firstSeed) },
        stop: { type: 'boolean', default: false },
        jobs: { type: 'string', default: String(availableParallelism()) },
        help: { type: 'boolean', short: 'h' },
      },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length > 0) fail(`unexpected argument "${positionals[0]}"\n${USAGE}`);
  const seeds = parseInteger('seeds', values.seeds, 1, 1_000_000)!;
  const steps = parseInteger('steps', values.steps, 1, 100_000)!;
  const servers = parseInteger('servers', values.servers, 1, 101)!;
  const firstSeed = parseInteger('first-seed', values['first-seed'], 0, 2 ** 31 - 1)!;
  const jobs = parseInteger('jobs', values.jobs, 1, 256)!;
  const protocol = values.protocol;
  if (!isProtocolName(protocol)) fail(`--protocol must be ${PROTOCOL_NAMES.join(', ')}, got "${protocol}"`);
  const bugs: BugName[] = [];
  for (const bug of values.bug ?? []) {
    if (!(BUG_NAMES as readonly string[]).includes(bug)) fail(`unknown bug "${bug}"; bugs: ${BUG_NAMES.join(', ')}`);
    bugs.push(bug as BugName);
  }
  const started = process.hrtime.bigint();
  process.stdout.write(
    `fuzzing ${seeds} seeds from ${firstSeed}, ${steps} steps, ${servers} servers, ${protocol}${bugs.length ? `, bugs: ${bugs.join(', ')}` : ''}\n`,
  );
  const progress = progressReporter(seeds);
  const report = await fuzzOnThreads(
    { seeds, firstSeed, steps, servers, protocol: protocol, bugs, stopAtFirst: values.stop },
    jobs,
    progress.onProgress,
  );
  progress.end();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    `${report.runs} runs, ${report.violations.length} violations (${report.events} trace events, ${seconds.toFixed(1)} s)\n`,
  );
  process.exitCode = report.violations.length > 0 ? 1 : 0;
}

/** Plain lines every 50 seeds (logs, pipes); on a terminal, one progress bar line redrawn in place. */
function progressReporter(seeds: number): {
  onProgress: (runs: number, found: readonly Violation[]) => void;
  end: () => void;
} {
  const tty = process.stdout.isTTY;
  const clear = (): void => {
    if (tty) process.stdout.write('\r\x1b[2K');
  };
  return {
    onProgress: (runs, found) => {
      if (found.length > 0) clear();
      for (const v of found) {
        process.stdout.write(`violation: ${v.check} at seed ${v.seed}: ${v.reason} at trace event ${v.event}\n`);
        process.stdout.write(`reproduce with this scenario (npm run sim -- FILE):\n${v.script.replace(/^/gm, '  ')}\n`);
      }
      if (!tty) {
        if (runs % 50 === 0) process.stdout.write(`... ${runs}/${seeds} seeds\n`);
        return;
      }
      const width = 30;
      const filled = Math.round((width * runs) / seeds);
      process.stdout.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${runs}/${seeds} seeds`);
    },
    end: clear,
  };
}

main().catch((error: unknown) => {
  fail(`internal error: ${error instanceof Error ? error.message : String(error)}`, 3);
});
