// The fuzz panel's plain logic: reading its fields, the CLI line that runs the same, and the failing seeds in order.
import type { BugName, ProtocolName } from '../protocol';
import { FUZZ_DEFAULTS, type FuzzFinding, type FuzzSeedOptions, type SeedOutcome } from '../scenario/fuzz';
import { SCENARIO_LIMITS } from '../scenario/model';
import { text } from './text';

const t = text.fuzz;

/** What the page accepts: the app's server range, and runs short enough to open as a normal run. */
export const FUZZ_PAGE_LIMITS = {
  seeds: { min: 1, max: 100_000 },
  firstSeed: { min: 0, max: 2 ** 31 - 1 },
  steps: { min: 1, max: 5_000 },
  servers: { min: SCENARIO_LIMITS.minServers, max: SCENARIO_LIMITS.maxServers },
} as const;

/** The fields as typed (spinbuttons hold text until Run reads them). */
export interface FuzzFields {
  readonly seeds: string;
  readonly firstSeed: string;
  readonly steps: string;
  readonly servers: string;
  readonly protocol: ProtocolName;
  readonly bugs: readonly BugName[];
}

export const DEFAULT_FUZZ_FIELDS: FuzzFields = {
  seeds: String(FUZZ_DEFAULTS.seeds),
  firstSeed: String(FUZZ_DEFAULTS.firstSeed),
  steps: String(FUZZ_DEFAULTS.steps),
  servers: String(FUZZ_DEFAULTS.servers),
  protocol: FUZZ_DEFAULTS.protocol,
  bugs: [],
};

export interface FuzzPlan {
  readonly seeds: number;
  readonly firstSeed: number;
  readonly options: FuzzSeedOptions;
}

function wholeNumber(field: string, value: string, limits: { min: number; max: number }): number | string {
  const trimmed = value.trim();
  const n = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  return Number.isSafeInteger(n) && n >= limits.min && n <= limits.max
    ? n
    : t.badNumber(field, value, limits.min, limits.max);
}

/** The fields as a plan, or the first field's problem in a sentence. */
export function readFuzzFields(fields: FuzzFields): FuzzPlan | { error: string } {
  const seeds = wholeNumber(t.seeds, fields.seeds, FUZZ_PAGE_LIMITS.seeds);
  const firstSeed = wholeNumber(t.firstSeed, fields.firstSeed, FUZZ_PAGE_LIMITS.firstSeed);
  const steps = wholeNumber(t.steps, fields.steps, FUZZ_PAGE_LIMITS.steps);
  const servers = wholeNumber(t.servers, fields.servers, FUZZ_PAGE_LIMITS.servers);
  for (const value of [seeds, firstSeed, steps, servers]) if (typeof value === 'string') return { error: value };
  return {
    seeds: seeds as number,
    firstSeed: firstSeed as number,
    options: { steps: steps as number, servers: servers as number, protocol: fields.protocol, bugs: fields.bugs },
  };
}

/** The `npm run fuzz` line that checks the same seeds (defaults left out, as a person would type it). */
export function fuzzCommandLine(plan: FuzzPlan): string {
  const parts = ['npm run fuzz --', `--seeds ${plan.seeds}`, `--steps ${plan.options.steps}`];
  if (plan.options.servers !== FUZZ_DEFAULTS.servers) parts.push(`--servers ${plan.options.servers}`);
  if (plan.firstSeed !== FUZZ_DEFAULTS.firstSeed) parts.push(`--first-seed ${plan.firstSeed}`);
  if (plan.options.protocol !== FUZZ_DEFAULTS.protocol) parts.push(`--protocol ${plan.options.protocol}`);
  for (const bug of plan.options.bugs) parts.push(`--bug ${bug}`);
  return parts.join(' ');
}

export interface FailingSeed {
  readonly seed: number;
  /** Earliest first: the first is where the opened run pauses. */
  readonly findings: readonly FuzzFinding[];
  readonly replay: NonNullable<SeedOutcome['replay']>;
}

/** A seed's verdict as a failing seed, or null when it passed. */
export function failingSeedOf(answer: {
  readonly seed: number;
  readonly findings: readonly FuzzFinding[];
  readonly replay?: SeedOutcome['replay'];
}): FailingSeed | null {
  if (answer.findings.length === 0 || answer.replay === undefined) return null;
  const findings = [...answer.findings].sort((a, b) => a.event - b.event);
  return { seed: answer.seed, findings, replay: answer.replay };
}

/** The list with `item` in its place by seed (answers arrive in any order from several workers). */
export function insertBySeed(list: readonly FailingSeed[], item: FailingSeed): FailingSeed[] {
  const at = list.findIndex((other) => other.seed > item.seed);
  return at < 0 ? [...list, item] : [...list.slice(0, at), item, ...list.slice(at)];
}
