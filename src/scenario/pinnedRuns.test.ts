// Determinism over time: random scenarios (the fuzzer's, both protocols, 3 and 5 servers, with and without bug
// switches) must give the trace fingerprint and check verdicts pinned in testdata/runs/pinned.json, so a refactor
// that changes one event of one run fails here. `UPDATE=1 npx vitest run src/scenario/pinnedRuns.test.ts` pins
// today's runs; do that only for an intended change of behaviour, and say so in the commit.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../check/index';
import type { BugName, ProtocolName } from '../protocol';
import { parseScript } from '../script/parse';
import { runScript } from '../script/run';
import { traceFingerprint } from '../sim/fingerprint';
import { randomScenario } from './random';

const FILE = 'testdata/runs/pinned.json';

interface RunSpec {
  readonly seed: number;
  readonly servers: number;
  readonly protocol: ProtocolName;
  readonly bugs: readonly BugName[];
}

interface PinnedRun extends RunSpec {
  readonly fingerprint: string;
  readonly events: number;
  /** Each failed check's name; empty when every check passed. */
  readonly violations: readonly string[];
}

const SPECS: RunSpec[] = [
  ...(['multi-paxos', 'basic-paxos'] as const).flatMap((protocol) =>
    [3, 5].flatMap((servers) => [1, 2, 3, 4, 5].map((seed) => ({ seed, servers, protocol, bugs: [] }))),
  ),
  ...(
    [
      'forget-promise',
      'ignore-promised-values',
      'minority-quorum',
      'accept-below-promise',
      'apply-out-of-order',
    ] as const
  ).map((bug) => ({ seed: 1, servers: 5, protocol: 'multi-paxos' as const, bugs: [bug] })),
];

function runOf(spec: RunSpec): PinnedRun {
  const parsed = parseScript(randomScenario({ ...spec, steps: 200 }));
  const { sim } = runScript(parsed.script);
  const verdicts = runChecks(sim.trace, sim.servers.length);
  const violations = Object.entries(verdicts)
    .filter(([, verdict]) => !verdict.ok)
    .map(([name]) => name);
  return { ...spec, fingerprint: traceFingerprint(sim.trace), events: sim.trace.length, violations };
}

const label = (s: RunSpec): string =>
  `seed ${s.seed}, ${s.servers} servers, ${s.protocol}${s.bugs.map((b) => `, bug ${b}`).join('')}`;

describe('pinned random runs', () => {
  if (process.env['UPDATE'] === '1') writeFileSync(FILE, `${JSON.stringify(SPECS.map(runOf), null, 1)}\n`);
  const pinned = JSON.parse(readFileSync(FILE, 'utf8')) as PinnedRun[];

  it('cover every spec', () => {
    expect(pinned.map(label)).toEqual(SPECS.map(label));
  });

  for (const run of pinned) {
    it(`${label(run)} gives the pinned trace and verdicts`, () => {
      expect(runOf(run)).toEqual(run);
    });
  }
});
