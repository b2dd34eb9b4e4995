// A monitor's `kinds` are the events it reads: fed only those (as the live checks route them), it reaches the
// verdict it reaches fed every event, on fuzz runs with no bug switch and with each one.
import { describe, expect, it } from 'vitest';
import { bugsOf, type BugName, type ProtocolName } from '../protocol';
import { randomScenario } from '../scenario/random';
import { parseScript } from '../script/parse';
import { runScript } from '../script/run';
import type { TraceEvent } from '../sim/trace';
import { agreementMonitor } from './agreement';
import { chosenMonitor } from './chosen';
import { linearizableMonitor } from './linearizableMonitor';
import { foldMonitor, type Monitor } from './monitor';
import { prefixMonitor } from './prefix';
import { promisesMonitor } from './promises';
import { validityMonitor } from './validity';

const MONITORS: Record<string, () => Monitor> = {
  agreement: agreementMonitor,
  validity: validityMonitor,
  prefix: prefixMonitor,
  promises: promisesMonitor,
  chosen: () => chosenMonitor(3),
  linearizable: linearizableMonitor,
};

function fedOnly(monitor: Monitor, trace: readonly TraceEvent[]): ReturnType<Monitor['finish']> {
  const kinds = new Set(monitor.kinds);
  for (let i = 0; i < trace.length; i++) {
    if (!kinds.has(trace[i]!.kind)) continue;
    const found = monitor.observe(trace[i]!, i);
    if (found !== null) return found;
  }
  return monitor.finish();
}

describe('monitor kinds', () => {
  it('every monitor but liveness (which reads the time of each event) names the kinds it reads', () => {
    for (const [name, make] of Object.entries(MONITORS)) expect(make().kinds, name).toBeDefined();
  });

  const cases: [ProtocolName, BugName | null][] = [
    ...[null, ...bugsOf('multi-paxos')].map((bug): [ProtocolName, BugName | null] => ['multi-paxos', bug]),
    ...[null, ...bugsOf('zab')].map((bug): [ProtocolName, BugName | null] => ['zab', bug]),
  ];
  it('fed only its kinds, each monitor gives the verdict it gives fed every event', () => {
    let violations = 0;
    for (const [protocol, bug] of cases)
      for (let seed = 1; seed <= 25; seed++) {
        const script = randomScenario({ seed, steps: 30, servers: 3, protocol, bugs: bug === null ? [] : [bug] });
        const trace = runScript(parseScript(script).script).sim.trace;
        for (const [name, make] of Object.entries(MONITORS)) {
          const all = foldMonitor(make(), trace);
          if (!all.ok) violations++;
          expect({ name, protocol, bug, seed, verdict: fedOnly(make(), trace) }).toEqual({
            name,
            protocol,
            bug,
            seed,
            verdict: all,
          });
        }
      }
    // The runs break things, so the kinds are tried where they matter.
    expect(violations).toBeGreaterThan(20);
  });
});
