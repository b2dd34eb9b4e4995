import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER } from './config';
import { paxos } from './testPaxos';
import { Simulator } from './simulator';

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** A canonical text of plain data: Maps and Sets in their iteration order (which the protocol relies on), object keys sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { map: [...v] };
    if (v instanceof Set) return { set: [...v] };
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)));
    return v;
  });
}

function busySim(): Simulator {
  const sim = new Simulator({
    header: { ...DEFAULT_HEADER, servers: 5, seed: 3, loss: 0.05, dup: 0.05 },
    traceMessages: true,
  });
  for (let i = 0; i < 20; i++) {
    sim.invoke(`c${(i % 3) + 1}`, {
      kind: 'command',
      command: { kind: 'create', path: `/n${i}`, data: `${i}`, ephemeral: i % 2 === 0, sequential: i % 3 === 0 },
    });
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
    const originalServers = hash(sim.servers.map((s) => paxos(s).durable));

    sim.restore(snapshot, original);
    expect(sim.now).toBe(700);
    expect(sim.trace.length).toBe(snapshot.trace.length);
    sim.kill(1);
    sim.runUntil(1500);
    sim.restart(1);
    sim.runUntil(4000);
    expect(hash(sim.trace)).toBe(hash(original));
    expect(hash(sim.servers.map((s) => paxos(s).durable))).toBe(originalServers);
  });

  it('a snapshot is a copy: running on does not change it', () => {
    const sim = busySim();
    sim.runUntil(500);
    const snapshot = sim.snapshot();
    const before = hash(snapshot);
    sim.runUntil(3000);
    expect(hash(snapshot)).toBe(before);
  });

  it('restores volatile protocol state exactly, the recent-decided ring included once it has wrapped', () => {
    const sim = new Simulator({
      header: { ...DEFAULT_HEADER, servers: 3, seed: 5 },
      traceMessages: false,
      traceProtocol: false,
    });
    // More decided requests than the ring holds (4,096), so it wraps and forgets its oldest ids.
    for (let i = 0; i < 4500; i++)
      sim.invoke(`c${(i % 64) + 1}`, {
        kind: 'command',
        command: { kind: 'set', path: '/', data: `${i}`, version: -1, stat: false },
      });
    const taken: { snapshot: ReturnType<Simulator['snapshot']>; volatile: string[]; ids: string[][] }[] = [];
    const volatileOf = (s: Simulator): string[] =>
      s.servers.map((server) => canonical({ ...paxos(server).volatile, decidedIds: null }));
    const idsOf = (s: Simulator): string[][] =>
      s.servers.map((server) => [...paxos(server).volatile.decidedIds].sort());
    for (let t = 4000; t <= 24000; t += 4000) {
      sim.runUntil(t);
      taken.push({ snapshot: sim.snapshot(), volatile: volatileOf(sim), ids: idsOf(sim) });
    }
    const leader = sim.servers.find((s) => paxos(s).volatile.role === 'leader')!;
    expect(paxos(leader).volatile.decidedRing.length).toBe(4096);
    expect(paxos(leader).volatile.decidedIds.size).toBe(4096);
    const trace = sim.trace.slice();
    for (const { snapshot, volatile, ids } of taken.reverse()) {
      sim.restore(snapshot, trace);
      expect(volatileOf(sim)).toEqual(volatile);
      expect(idsOf(sim)).toEqual(ids);
    }
  });

  it('snapshots share unchanged znodes across servers and with the previous snapshot, and stay as taken', () => {
    const sim = new Simulator({ header: { ...DEFAULT_HEADER, servers: 5, seed: 9 }, traceMessages: false });
    for (let i = 0; i < 200; i++)
      sim.invoke(`c${(i % 4) + 1}`, {
        kind: 'command',
        command: { kind: 'create', path: `/z${i}`, data: `${i}`, ephemeral: false, sequential: false },
      });
    sim.runUntil(20_000);
    const first = sim.snapshot();
    const firstReplicas = sim.servers.map((server) => canonical(server.replica));
    const firstHash = hash(canonical(first));
    sim.invoke('c1', {
      kind: 'command',
      command: { kind: 'set', path: '/z7', data: 'changed', version: -1, stat: false },
    });
    sim.runUntil(23_000);
    const second = sim.snapshot();
    const secondReplicas = sim.servers.map((server) => canonical(server.replica));
    const secondHash = hash(canonical(second));
    sim.runUntil(26_000);

    const [a, b] = [second.servers[0]!.replica, second.servers[1]!.replica];
    expect(a.nodes.size).toBeGreaterThan(200);
    // Servers in the same state share one node map; an unchanged znode is the previous snapshot's object.
    expect(a.lastZxid).toBe(b.lastZxid);
    expect(a.nodes).toBe(b.nodes);
    expect(a.nodes.get('/z100')).toBe(first.servers[0]!.replica.nodes.get('/z100'));
    // The znode that changed is not shared with the first snapshot, which still holds the old data.
    expect(a.nodes.get('/z7')!.data).toBe('changed');
    expect(first.servers[0]!.replica.nodes.get('/z7')!.data).toBe('7');

    // Running on changed neither snapshot, and each restores the replicas as they were.
    expect(hash(canonical(first))).toBe(firstHash);
    expect(hash(canonical(second))).toBe(secondHash);
    const trace = sim.trace.slice();
    sim.restore(second, trace);
    expect(sim.servers.map((server) => canonical(server.replica))).toEqual(secondReplicas);
    // A restored replica is the run's own: changing it leaves the snapshot alone.
    sim.invoke('c2', { kind: 'command', command: { kind: 'delete', path: '/z100', version: -1 } });
    sim.runUntil(25_000);
    expect(hash(canonical(second))).toBe(secondHash);
    sim.restore(first, trace);
    expect(sim.servers.map((server) => canonical(server.replica))).toEqual(firstReplicas);
  });

  it('lists the messages on the wire', () => {
    const sim = busySim();
    sim.runUntil(300);
    const wire = sim.inFlight();
    expect(wire.length).toBeGreaterThan(0);
    const sent = new Set(sim.trace.flatMap((e) => (e.kind === 'send' || e.kind === 'duplicate' ? [e.id] : [])));
    for (const message of wire) {
      expect(sent.has(message.id)).toBe(true);
      expect(message.deliverAt).toBeGreaterThanOrEqual(sim.now);
    }
  });
});
