// ZAB in the simulator: random writes racing crashes, restarts and cut links, every invariant checked after
// every single event (the live checks), then the cluster heals, settles and every replica is the same.
import { describe, expect, it } from 'vitest';
import { LiveChecks } from '../check/live';
import { DEFAULT_HEADER } from './config';
import { Simulator } from './simulator';
import { replicaFingerprint } from '../zk/replica';

/** A small seeded generator for the schedule (the simulator has its own). */
function lcg(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

function runOnce(seed: number, servers: number): void {
  const sim = new Simulator({
    header: { ...DEFAULT_HEADER, servers, seed, protocol: 'zab', dup: 0.05 },
    traceMessages: true,
  });
  const live = new LiveChecks(servers);
  const rand = lcg(seed);
  const pick = (n: number): number => 1 + Math.floor(rand() * n);
  let writes = 0;
  const stepTo = (until: number): void => {
    while (sim.nextEventTime() <= until) {
      sim.stepEvent();
      const found = live.catchUp(sim.trace);
      expect(
        found.map((f) => `${f.check}: ${f.verdict.reason}`),
        `seed ${seed}`,
      ).toEqual([]);
    }
    if (until > sim.now) sim.now = until;
  };
  for (let action = 0; action < 40; action++) {
    const r = rand();
    if (r < 0.5) {
      const session = `c${pick(3)}`;
      sim.invoke(session, {
        kind: 'command',
        command: { kind: 'set', path: '/', data: `v${writes++}`, version: -1, stat: false },
      });
    } else if (r < 0.62) sim.kill(pick(servers));
    else if (r < 0.75) {
      const id = pick(servers);
      if (!sim.server(id).up) sim.restart(id);
    } else if (r < 0.85) {
      const from = pick(servers);
      const to = pick(servers);
      if (from !== to) sim.cut(from, to);
    } else if (r < 0.9) sim.healAll();
    stepTo(sim.now + Math.floor(rand() * 400));
  }
  sim.healAll();
  for (let id = 1; id <= servers; id++) if (!sim.server(id).up) sim.restart(id);
  stepTo(sim.now + 15_000);
  const verdicts = live.verdicts();
  for (const [name, verdict] of Object.entries(verdicts)) expect(verdict.ok, `${name} at seed ${seed}`).toBe(true);
  const fingerprints = new Set(sim.servers.map((s) => replicaFingerprint(s.replica)));
  expect(fingerprints.size, `replicas at seed ${seed}`).toBe(1);
}

describe('ZAB in the simulator', () => {
  it('keeps every invariant after every event, and the replicas converge, on 3 servers', () => {
    for (let seed = 1; seed <= 12; seed++) runOnce(seed, 3);
  });
  it('and on 5 servers', () => {
    for (let seed = 1; seed <= 8; seed++) runOnce(seed, 5);
  });
});
