import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER } from './config';
import { paxos } from './testPaxos';
import { Simulator } from './simulator';

function connectedTo(sim: Simulator, session: string): number | null {
  const client = sim.clients.get(session);
  return client?.status === 'connected' ? client.server : null;
}

describe('sessions', () => {
  it('a session pinned with connect moves to another server when that one dies, within its timeout', () => {
    const sim = new Simulator({ header: { ...DEFAULT_HEADER, servers: 3, seed: 4 }, traceMessages: true });
    sim.runUntil(500);
    sim.connectSession('c1', 2);
    sim.runUntilCondition(() => connectedTo(sim, 'c1') === 2, 5000);
    expect(connectedTo(sim, 'c1')).toBe(2);
    sim.invoke('c1', {
      kind: 'command',
      command: { kind: 'create', path: '/e', data: 'x', ephemeral: true, sequential: false },
    });
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    sim.kill(2);
    sim.runUntilCondition(() => connectedTo(sim, 'c1') !== null && connectedTo(sim, 'c1') !== 2, 4000);
    const server = connectedTo(sim, 'c1');
    expect(server).not.toBeNull();
    expect(server).not.toBe(2);
    // Same session: its ephemeral is still there.
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    expect(sim.server(1).replica.nodes.has('/e')).toBe(true);
  });

  it('a session never moves to a server behind what it has seen: that server refuses, and it goes elsewhere', () => {
    const sim = new Simulator({ header: { ...DEFAULT_HEADER, servers: 3, seed: 4 }, traceMessages: true });
    // Every server serves first (a server starting up refuses connects).
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    sim.connectSession('c1', 1);
    sim.runUntilCondition(() => connectedTo(sim, 'c1') === 1, 5000);
    // n3 is cut off from the others, so it misses the write c1 then sees.
    sim.cut(1, 3);
    sim.cut(3, 1);
    sim.cut(2, 3);
    sim.cut(3, 2);
    sim.invoke('c1', {
      kind: 'command',
      command: { kind: 'create', path: '/y', data: '1', ephemeral: false, sequential: false },
    });
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    expect(sim.server(3).replica.nodes.has('/y')).toBe(false);
    sim.connectSession('c1', 3);
    const read = sim.invoke('c1', { kind: 'command', command: { kind: 'get', path: '/y', watch: false, stat: false } });
    sim.runUntilCondition(() => !sim.isPending('c1', read), 10_000);
    // Not n3: it would have said /y does not exist, taking back what c1 saw.
    expect(connectedTo(sim, 'c1')).not.toBe(3);
    expect(sim.trace.some((event) => event.kind === 'return' && event.opId === read && event.result.ok)).toBe(true);
  });

  it('a server that loses its leader stops serving: its sessions move to the majority instead of reading the past', () => {
    const sim = new Simulator({ header: { ...DEFAULT_HEADER, servers: 3, seed: 4 }, traceMessages: true });
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    sim.connectSession('c1', 1);
    sim.connectSession('c2', 3);
    sim.invoke('c1', {
      kind: 'command',
      command: { kind: 'create', path: '/x', data: '0', ephemeral: false, sequential: false },
    });
    sim.runUntilCondition(() => sim.isSettled() && connectedTo(sim, 'c2') === 3, 5000);
    // n3 is cut off from the others; the majority goes on.
    for (const [a, b] of [
      [1, 3],
      [3, 1],
      [2, 3],
      [3, 2],
    ] as const)
      sim.cut(a, b);
    sim.invoke('c1', { kind: 'command', command: { kind: 'set', path: '/x', data: '1', version: -1, stat: false } });
    sim.runUntil(sim.now + 10_000);
    // n3 noticed, went electing, and closed its connections: c2 now reads from the majority.
    expect(paxos(sim.server(3)).volatile.role).toBe('candidate');
    expect(
      sim.trace.some((event) => event.kind === 'session' && event.session === 'c2' && event.status === 'disconnected'),
    ).toBe(true);
    const read = sim.invoke('c2', { kind: 'command', command: { kind: 'get', path: '/x', watch: false, stat: false } });
    sim.runUntilCondition(() => !sim.isPending('c2', read), 10_000);
    const answer = sim.trace.find((event) => event.kind === 'return' && event.opId === read);
    expect(answer?.kind === 'return' && answer.result).toMatchObject({ ok: true, data: '1' });
    expect(connectedTo(sim, 'c2')).not.toBe(3);
  });

  it('a server restarted into a minority never serves: it refuses the session, which stays with the majority', () => {
    const sim = new Simulator({ header: { ...DEFAULT_HEADER, servers: 3, seed: 5 }, traceMessages: true });
    sim.connectSession('c1', 1);
    sim.connectSession('c3', 1);
    sim.invoke('c1', {
      kind: 'command',
      command: { kind: 'create', path: '/x', data: '0', ephemeral: false, sequential: false },
    });
    sim.invoke('c3', { kind: 'command', command: { kind: 'get', path: '/', watch: false, stat: false } });
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    sim.kill(3);
    for (const [a, b] of [
      [1, 3],
      [3, 1],
      [2, 3],
      [3, 2],
    ] as const)
      sim.cut(a, b);
    sim.restart(3);
    // The restarted server has replayed its log (so it is not behind c3), but it has no leader to follow.
    const from = sim.trace.length;
    sim.connectSession('c3', 3);
    sim.runUntil(sim.now + DEFAULT_HEADER.sessionTimeoutMs);
    const c3 = sim.trace.slice(from).filter((e) => e.kind === 'session' && e.session === 'c3');
    expect(c3.some((e) => e.kind === 'session' && e.status === 'connected' && e.server === 3)).toBe(false);
    expect(sim.server(3).clients.size).toBe(0);
    expect(connectedTo(sim, 'c3')).not.toBeNull();
    expect(connectedTo(sim, 'c3')).not.toBe(3);
  });

  it('a session whose timeout passes without a live server expires, and its ephemerals go', () => {
    const sim = new Simulator({
      header: { ...DEFAULT_HEADER, servers: 3, seed: 4, sessionTimeoutMs: 2000 },
      traceMessages: true,
    });
    sim.invoke('c1', {
      kind: 'command',
      command: { kind: 'create', path: '/e', data: 'x', ephemeral: true, sequential: false },
    });
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    // c2 watches the ephemeral once it exists everywhere (stat -w on an existing node: a data watch).
    sim.invoke('c2', { kind: 'command', command: { kind: 'sync', path: '/e' } });
    sim.invoke('c2', { kind: 'command', command: { kind: 'stat', path: '/e', watch: true } });
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    expect(sim.expireSession('c1')).toBe(true);
    sim.runUntilCondition(() => sim.clients.get('c1')?.status === 'expired', 5000);
    expect(sim.clients.get('c1')?.status).toBe('expired');
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    for (const server of sim.servers) expect(server.replica.nodes.has('/e')).toBe(false);
    expect(
      sim.trace.some((e) => e.kind === 'watch' && e.session === 'c2' && e.type === 'NodeDeleted' && e.path === '/e'),
    ).toBe(true);
  });

  it('watches move with a session to its new server, and one that missed its event fires on reconnect', () => {
    const sim = new Simulator({ header: { ...DEFAULT_HEADER, servers: 3, seed: 8 }, traceMessages: true });
    sim.runUntil(500);
    sim.invoke('c2', {
      kind: 'command',
      command: { kind: 'create', path: '/a', data: '1', ephemeral: false, sequential: false },
    });
    sim.invoke('c2', {
      kind: 'command',
      command: { kind: 'create', path: '/b', data: '1', ephemeral: false, sequential: false },
    });
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    sim.connectSession('c1', 2);
    sim.invoke('c1', { kind: 'command', command: { kind: 'get', path: '/a', stat: false, watch: true } });
    sim.invoke('c1', { kind: 'command', command: { kind: 'get', path: '/b', stat: false, watch: true } });
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    expect(connectedTo(sim, 'c1')).toBe(2);
    sim.kill(2);
    // While c1 is away, /b changes: its watch missed the event.
    sim.invoke('c2', { kind: 'command', command: { kind: 'set', path: '/b', data: '2', version: -1, stat: false } });
    sim.runUntilCondition(() => connectedTo(sim, 'c1') !== null && connectedTo(sim, 'c1') !== 2, 5000);
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    const watches = () =>
      sim.trace
        .filter((e) => e.kind === 'watch' && e.session === 'c1')
        .map((e) => (e.kind === 'watch' ? `${e.type} ${e.path}` : ''));
    expect(watches()).toEqual(['NodeDataChanged /b']);
    // /a's watch now lives on the new server and fires there.
    sim.invoke('c2', { kind: 'command', command: { kind: 'set', path: '/a', data: '2', version: -1, stat: false } });
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    expect(watches()).toEqual(['NodeDataChanged /b', 'NodeDataChanged /a']);
  });
});
