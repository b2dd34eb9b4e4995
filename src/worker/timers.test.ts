// The timers the ring draws as arcs, as a frame projects them from a run: a leader's next heartbeat, the
// others' election timeouts, under each protocol.
import { describe, expect, it } from 'vitest';
import type { ProtocolName } from '../protocol';
import { DEFAULT_HEADER } from '../sim/config';
import { Simulator } from '../sim/simulator';
import { timerFraction } from '../view/cluster/timer';
import { serverTimers } from './frames';

function run(protocol: ProtocolName, until: number): Simulator {
  const sim = new Simulator({ header: { ...DEFAULT_HEADER, servers: 3, protocol }, traceMessages: true });
  sim.runUntil(until);
  return sim;
}

function leaderOf(sim: Simulator): number {
  const leader = sim.servers.find((s) => sim.viewOf(s.id).role === 'leader');
  expect(leader, 'a leader').toBeDefined();
  return leader!.id;
}

describe.each(['multi-paxos', 'zab'] as const)('%s timers', (protocol) => {
  it('a leader runs down to its next heartbeat; the others to their election timeout, reset by it', () => {
    const sim = run(protocol, 5000);
    const leader = leaderOf(sim);
    const timers = serverTimers(sim);
    expect(timers).toHaveLength(3);
    timers.forEach((timer, index) => {
      expect(timer, `n${index + 1}`).not.toBeNull();
      expect(timer!.kind).toBe(index + 1 === leader ? 'heartbeat' : 'election');
      // Set at or before now, going off after it: part of the arc is left.
      expect(timer!.startedAt).toBeLessThanOrEqual(sim.now);
      const fraction = timerFraction(timer!, sim.now);
      expect(fraction).toBeGreaterThan(0);
      expect(fraction).toBeLessThanOrEqual(1);
    });
    // A follower's timeout is many heartbeats long.
    const follower = timers.find((_, index) => index + 1 !== leader)!;
    const heartbeat = timers[leader - 1]!;
    const beat = heartbeat.firesAt - heartbeat.startedAt;
    expect(follower.firesAt - follower.startedAt).toBeGreaterThan(2 * beat);
    // ...and each heartbeat sets it again, so it was set within about the last one.
    expect(sim.now - follower.startedAt).toBeLessThanOrEqual(2 * beat);
  });

  it("with the leader dead, a follower's timer is not reset: its arc only shrinks", () => {
    const sim = run(protocol, 5000);
    const leader = leaderOf(sim);
    sim.kill(leader);
    expect(serverTimers(sim)[leader - 1]).toBeNull();
    const follower = leader === 1 ? 2 : 1;
    const before = serverTimers(sim)[follower - 1]!;
    const at = sim.now;
    sim.runUntil(at + 10);
    const after = serverTimers(sim)[follower - 1]!;
    expect(after).toEqual(before);
    expect(timerFraction(after, sim.now)).toBeLessThan(timerFraction(before, at));
  });
});

describe('basic Paxos timers', () => {
  it('an idle server runs none; a proposer with a write runs its retry timeout', () => {
    const sim = run('basic-paxos', 2000);
    expect(serverTimers(sim)).toEqual([null, null, null]);
    sim.invoke('c1', {
      kind: 'command',
      command: { kind: 'create', path: '/a', data: 'x', ephemeral: false, sequential: false },
    });
    const proposing = (): boolean => serverTimers(sim).some((timer) => timer?.kind === 'election');
    expect(sim.runUntilCondition(proposing, 2000)).toBe(true);
    // Once the write is chosen the proposer lets go, and no timer runs again.
    expect(sim.runUntilCondition(() => !proposing(), 5000)).toBe(true);
  });
});
