// A server serves clients only while it follows or leads an established leader (zookeeper.md): at start-up and
// after a restart it refuses connects until the election (and, under ZAB, the sync) is over.
import { describe, expect, it } from 'vitest';
import type { ProtocolName } from '../protocol';
import { DEFAULT_HEADER } from './config';
import { Simulator } from './simulator';
import type { TraceEvent } from './trace';

function simOf(protocol: ProtocolName, seed = 1): Simulator {
  return new Simulator({ header: { ...DEFAULT_HEADER, servers: 3, seed, protocol }, traceMessages: true });
}

/** When each server became established (the first note saying so, at or after `from`). */
function establishedAt(trace: readonly TraceEvent[], server: number, from = 0): number {
  const event = trace.find(
    (e) =>
      e.t >= from &&
      'server' in e &&
      e.server === server &&
      ((e.kind === 'zab-phase' && e.phase === 'broadcast') || (e.kind === 'role' && e.role === 'leader')),
  );
  return event?.t ?? Infinity;
}

const create = (path: string) =>
  ({ kind: 'command', command: { kind: 'create', path, data: 'x', ephemeral: false, sequential: false } }) as const;

describe('a server serves clients only once established', () => {
  for (const protocol of ['multi-paxos', 'zab'] as const) {
    it(`${protocol}: a client connecting at time 0 is refused until a leader is established, then its create succeeds`, () => {
      const sim = simOf(protocol);
      sim.connectSession('c1', 2);
      const op = sim.invoke('c1', create('/early'));
      sim.runUntilCondition(() => !sim.isPending('c1', op), 10_000);
      const trace = sim.trace;
      const refusals = trace.filter((e) => e.kind === 'send' && e.to === 'c1' && e.label === 'disconnected');
      expect(refusals.length).toBeGreaterThan(0);
      const firstLeader = Math.min(...[1, 2, 3].map((s) => establishedAt(trace, s)));
      expect(firstLeader).toBeLessThan(Infinity);
      // Every refusal came from a server not yet serving; the session's open went to the protocol only later.
      const opened = trace.find((e) => e.kind === 'request' && e.txn.op === 'createSession');
      expect(opened).toBeDefined();
      expect(opened!.t).toBeGreaterThanOrEqual(firstLeader);
      const done = trace.find((e) => e.kind === 'return' && e.opId === op);
      expect(done?.kind === 'return' && done.result.ok).toBe(true);
      expect(done!.t).toBeGreaterThan(firstLeader);
    });
  }

  it('zab: a restarted server refuses a moving session until it has synced, so the session cannot read the past', () => {
    const sim = simOf('zab', 11);
    sim.runUntilCondition(() => sim.isSettled(), 10_000);
    sim.connectSession('c1', 3);
    sim.connectSession('c2', 2);
    sim.invoke('c1', create('/x'));
    const seen = sim.invoke('c2', { kind: 'command', command: { kind: 'get', path: '/x', watch: false, stat: false } });
    sim.runUntilCondition(() => sim.isSettled() && !sim.isPending('c2', seen), 10_000);
    sim.kill(1);
    sim.invoke('c1', { kind: 'command', command: { kind: 'set', path: '/x', data: 'y', version: -1, stat: false } });
    sim.runUntilCondition(() => sim.isSettled(), 10_000);
    sim.restart(1);
    const restartedAt = sim.now;
    expect(sim.server(1).serving).toBe(false);
    sim.connectSession('c2', 1);
    const read = sim.invoke('c2', { kind: 'command', command: { kind: 'get', path: '/x', watch: false, stat: false } });
    sim.runUntilCondition(() => !sim.isPending('c2', read), 10_000);
    const synced = establishedAt(sim.trace, 1, restartedAt);
    const connectedToN1 = sim.trace.filter(
      (e) =>
        e.kind === 'session' && e.session === 'c2' && e.status === 'connected' && e.server === 1 && e.t >= restartedAt,
    );
    for (const e of connectedToN1) expect(e.t).toBeGreaterThan(synced);
    const answer = sim.trace.find((e) => e.kind === 'return' && e.opId === read);
    expect(answer?.kind === 'return' && answer.result).toMatchObject({ ok: true, data: 'y' });
  });

  it('basic Paxos has no leader to wait for: a server serves from the start', () => {
    const sim = simOf('basic-paxos');
    sim.connectSession('c1', 2);
    const op = sim.invoke('c1', create('/early'));
    sim.runUntilCondition(() => !sim.isPending('c1', op), 10_000);
    expect(sim.trace.some((e) => e.kind === 'send' && e.to === 'c1' && e.label === 'disconnected')).toBe(false);
    expect(sim.clients.get('c1')?.server).toBe(2);
  });
});
