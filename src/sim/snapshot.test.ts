import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER } from '../script/ast';
import { Simulator } from './simulator';

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function busySim(): Simulator {
  const sim = new Simulator({ header: { ...DEFAULT_HEADER, servers: 5, seed: 3, loss: 0.05, dup: 0.05 }, traceMessages: true });
  for (let i = 0; i < 20; i++) {
    sim.invoke(`c${(i % 3) + 1}`, { kind: 'command', command: { kind: 'create', path: `/n${i}`, data: `${i}`, ephemeral: i % 2 === 0, sequential: i % 3 === 0 } });
  }
  return sim;
}

describe('snapshots', () => {
  it('restoring a snapshot and running on reproduces the run event for event', () => {
    const sim = busySim();
    sim.runUntil(700);
    const snapshot = sim.snapshot();
    sim.kill(1);
    sim.runUntil(1500);
    sim.restart(1);
    sim.runUntil(4000);
    const original = sim.trace.slice();
    const originalServers = hash(sim.servers.map((s) => s.paxos.durable));

    sim.restore(snapshot, original);
    expect(sim.now).toBe(700);
    expect(sim.trace.length).toBe(snapshot.traceLength);
    sim.kill(1);
    sim.runUntil(1500);
    sim.restart(1);
    sim.runUntil(4000);
    expect(hash(sim.trace)).toBe(hash(original));
    expect(hash(sim.servers.map((s) => s.paxos.durable))).toBe(originalServers);
  });

  it('a snapshot is a copy: running on does not change it', () => {
    const sim = busySim();
    sim.runUntil(500);
    const snapshot = sim.snapshot();
    const before = hash(snapshot);
    sim.runUntil(3000);
    expect(hash(snapshot)).toBe(before);
  });

  it('lists the messages on the wire', () => {
    const sim = busySim();
    sim.runUntil(300);
    const wire = sim.inFlight();
    expect(wire.length).toBeGreaterThan(0);
    const sent = new Set(sim.trace.filter((e) => e.kind === 'send' || e.kind === 'duplicate').map((e) => (e.kind === 'send' || e.kind === 'duplicate' ? e.id : -1)));
    for (const message of wire) {
      expect(sent.has(message.id)).toBe(true);
      expect(message.deliverAt).toBeGreaterThanOrEqual(sim.now);
    }
  });
});
