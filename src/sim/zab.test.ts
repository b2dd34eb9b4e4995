// ZAB in the simulator: random writes racing crashes, restarts and cut links, every invariant checked after
// every single event (the live checks), then the cluster heals, settles and every replica is the same.
import { describe, expect, it } from 'vitest';
import { LiveChecks } from '../check/live';
import { DEFAULT_HEADER } from './config';
import { Simulator } from './simulator';
import { replicaFingerprint } from '../zk/replica';
import type { ClientCommand } from '../zk/commands';
import { describeTxn } from './describe';
import type { OpResult } from './trace';

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
    if (r < 0.44) {
      const session = `c${pick(3)}`;
      sim.invoke(session, {
        kind: 'command',
        command: { kind: 'set', path: '/', data: `v${writes++}`, version: -1, stat: false },
      });
    } else if (r < 0.5) sim.invoke(`c${pick(3)}`, { kind: 'command', command: { kind: 'sync', path: '/' } });
    else if (r < 0.62) sim.kill(pick(servers));
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

describe('ZAB zxids around a sync', () => {
  it('a sync takes no zxid (zookeeper.md): the Stat and the zxids the leader proposed agree, counting the writes only', () => {
    const sim = new Simulator({
      header: { ...DEFAULT_HEADER, servers: 3, seed: 1, protocol: 'zab' },
      traceMessages: true,
    });
    const run = (command: ClientCommand): OpResult => {
      const op = sim.invoke('c1', { kind: 'command', command });
      sim.runUntilCondition(() => !sim.isPending('c1', op), 10_000);
      const done = sim.trace.find((e) => e.kind === 'return' && e.opId === op);
      return done?.kind === 'return' ? done.result : { ok: false };
    };
    run({ kind: 'create', path: '/a', data: '1', ephemeral: false, sequential: false });
    expect(run({ kind: 'sync', path: '/a' }).ok).toBe(true);
    run({ kind: 'create', path: '/a/b', data: '2', ephemeral: false, sequential: false });
    run({ kind: 'sync', path: '/a' });
    run({ kind: 'sync', path: '/a' });
    run({ kind: 'set', path: '/a', data: '3', version: -1, stat: false });
    const stat = run({ kind: 'get', path: '/a', watch: false, stat: true }).stat!;
    // createSession 0x100000001, then the writes one by one: the syncs between them take nothing.
    expect([stat.czxid, stat.pzxid, stat.mzxid]).toEqual([0x100000002, 0x100000003, 0x100000004]);
    // The leader proposed the writes under those same zxids (what the ring and the log show).
    const proposed = new Map<string, number>();
    for (const e of sim.trace) if (e.kind === 'zab-propose') proposed.set(e.proposalId, e.zxid);
    const zxidOfWrite = (text: string): number | undefined => {
      const request = sim.trace.find((e) => e.kind === 'request' && describeTxn(e.txn) === text);
      return request?.kind === 'request' ? proposed.get(request.proposalId) : undefined;
    };
    expect(zxidOfWrite('c1: create /a/b 2')).toBe(stat.pzxid);
    expect(zxidOfWrite('c1: set /a 3')).toBe(stat.mzxid);
  });
});
