// The fuzzer's loop: random scenarios, run headless, every checker on every run.
import { runChecks, type CheckName, type Verdict } from '../check/index';
import { parseScript } from '../script/parse';
import { runScript } from '../script/run';
import type { BugName, ProtocolName } from '../protocol';
import type { Scenario, ScenarioAction } from './model';
import { randomScenario } from './random';

/** What `npm run fuzz` and the page's fuzz panel run when not told otherwise: the same seed, the same verdict. */
export const FUZZ_DEFAULTS = {
  seeds: 100,
  firstSeed: 1,
  steps: 300,
  servers: 3,
  protocol: 'multi-paxos',
} as const satisfies Partial<FuzzOptions>;

export interface FuzzOptions {
  readonly seeds: number;
  readonly firstSeed: number;
  readonly steps: number;
  readonly servers: number;
  readonly protocol: ProtocolName;
  readonly bugs: readonly BugName[];
  /** Stop at the first violation. */
  readonly stopAtFirst: boolean;
}

/** What one seed's run needs (the fuzz panel's workers get this with each seed). */
export type FuzzSeedOptions = Omit<FuzzOptions, 'seeds' | 'firstSeed' | 'stopAtFirst'>;

/** One invariant a seed broke, without the script (the page gets the run to replay instead). */
export type FuzzFinding = Pick<Violation, 'check' | 'reason' | 'event'>;

export interface Violation {
  readonly seed: number;
  readonly check: CheckName;
  readonly reason: string;
  readonly event: number;
  /** The scenario text that reproduces it. */
  readonly script: string;
}

export interface FuzzReport {
  readonly runs: number;
  readonly violations: Violation[];
  /** Simulated events processed across all runs. */
  readonly events: number;
}

export interface SeedOutcome {
  readonly violations: Violation[];
  readonly events: number;
  /**
   * For a failing seed, the same run as the page replays it: each line at the exact moment the script runner
   * started it (so a blocking command's wait is the events before the next line), and the moment the run ended.
   */
  readonly replay?: Scenario & { readonly cursor: NonNullable<Scenario['cursor']> };
}

/** Run one seed; the violations it finds (one per failed check). */
export function fuzzSeed(seed: number, options: FuzzSeedOptions): SeedOutcome {
  const script = randomScenario({
    seed,
    steps: options.steps,
    servers: options.servers,
    protocol: options.protocol,
    bugs: options.bugs,
  });
  const parsed = parseScript(script);
  if (parsed.errors.length > 0) throw new Error(`generated scenario does not parse: ${parsed.errors[0]!.message}`);
  const actions: ScenarioAction[] = [];
  const { sim } = runScript(parsed.script, {
    // wait and settle only let time pass: the next line's moment says how far.
    onLine: (line, at) => {
      if (line.kind !== 'wait' && line.kind !== 'settle')
        actions.push({ events: at.eventsProcessed, t: at.now, text: line.text.trim() });
    },
  });
  const verdicts = runChecks(sim.trace, sim.servers.length);
  const violations: Violation[] = [];
  for (const [check, verdict] of Object.entries(verdicts) as [CheckName, Verdict][]) {
    if (!verdict.ok) violations.push({ seed, check, reason: verdict.reason, event: verdict.event, script });
  }
  if (violations.length === 0) return { violations, events: sim.trace.length };
  const replay = {
    header: parsed.script.header,
    actions,
    cursor: { events: sim.eventsProcessed, t: sim.now, actions: actions.length },
  };
  return { violations, events: sim.trace.length, replay };
}

export function fuzz(
  options: FuzzOptions,
  onProgress?: (runs: number, violations: readonly Violation[]) => void,
): FuzzReport {
  const violations: Violation[] = [];
  let events = 0;
  let runs = 0;
  for (let seed = options.firstSeed; seed < options.firstSeed + options.seeds; seed++) {
    const result = fuzzSeed(seed, options);
    runs++;
    events += result.events;
    violations.push(...result.violations);
    onProgress?.(runs, result.violations);
    if (options.stopAtFirst && violations.length > 0) break;
  }
  return { runs, violations, events };
}
