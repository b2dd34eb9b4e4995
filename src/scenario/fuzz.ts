// The fuzzer's loop: random scenarios, run headless, every checker on every run.
import { runChecks, type CheckName, type Verdict } from '../check/index';
import { parseScript } from '../script/parse';
import { runScript } from '../script/run';
import type { BugName, ProtocolName } from '../protocol';
import { randomScenario } from './random';

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

/** Run one seed; the violations it finds (one per failed check). */
export function fuzzSeed(
  seed: number,
  options: Omit<FuzzOptions, 'seeds' | 'firstSeed' | 'stopAtFirst'>,
): { violations: Violation[]; events: number } {
  const script = randomScenario({
    seed,
    steps: options.steps,
    servers: options.servers,
    protocol: options.protocol,
    bugs: options.bugs,
  });
  const parsed = parseScript(script);
  if (parsed.errors.length > 0) throw new Error(`generated scenario does not parse: ${parsed.errors[0]!.message}`);
  const { sim } = runScript(parsed.script);
  const verdicts = runChecks(sim.trace, sim.servers.length);
  const violations: Violation[] = [];
  for (const [check, verdict] of Object.entries(verdicts) as [CheckName, Verdict][]) {
    if (!verdict.ok) violations.push({ seed, check, reason: verdict.reason, event: verdict.event, script });
  }
  return { violations, events: sim.trace.length };
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
