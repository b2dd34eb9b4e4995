// linearizable on hand-made histories: races, sequential names, unknown outcomes, sessions, multi, partitions.
import { describe, expect, it } from 'vitest';
import { buildHistory, checkLinearizable, checkLinearizableWithBudget, partitionHistory } from './linearizable';
import { cmd, stat, TraceBuilder } from './testTrace';

/** Two clients race `set -v 0 /a` after c1 created /a. */
function race(resultC1: 'ok' | 'bad', resultC2: 'ok' | 'bad'): { b: TraceBuilder; c2Return: number } {
  const b = new TraceBuilder();
  b.openSessions('c1', 'c2');
  b.write('c1', 1, cmd.create('/a', 'x'), 10, 20, { ok: true, path: '/a', stat: stat(0), server: 1 });
  const res = (r: 'ok' | 'bad'): { ok: boolean; error?: 'BADVERSION'; path: string; stat?: ReturnType<typeof stat> } =>
    r === 'ok' ? { ok: true, path: '/a', stat: stat(1) } : { ok: false, error: 'BADVERSION', path: '/a' };
  b.at(30).invoke('c1', 2, cmd.set('/a', '1', 0));
  b.at(31).invoke('c2', 3, cmd.set('/a', '2', 0));
  b.at(32).request(1, 'c1:2:first', { op: 'setData', session: 'c1', path: '/a', data: '1', version: 0 });
  b.at(33).request(2, 'c2:3:first', { op: 'setData', session: 'c2', path: '/a', data: '2', version: 0 });
  b.at(50).ret('c1', 2, { ...res(resultC1), server: 1 });
  const c2Return = b.at(60).ret('c2', 3, { ...res(resultC2), server: 2 });
  return { b, c2Return };
}

describe('linearizable', () => {
  it('accepts a race of set -v 0 that exactly one client wins, either one', () => {
    expect(checkLinearizable(race('ok', 'bad').b.events, 3)).toEqual({ ok: true });
    expect(checkLinearizable(race('bad', 'ok').b.events, 3)).toEqual({ ok: true });
  });

  it('rejects both winning, at the later return, naming session, command and result', () => {
    const { b, c2Return } = race('ok', 'ok');
    const v = checkLinearizable(b.events, 3);
    expect(v).toMatchObject({ ok: false, event: c2Return });
    if (!v.ok) {
      expect(v.reason).toContain('c2');
      expect(v.reason).toContain('set -v 0 /a 2');
      expect(v.reason).toContain('ok /a (version 1)');
      expect(v.reason).not.toContain('\n');
    }
  });

  it('rejects both losing (someone must win)', () => {
    expect(checkLinearizable(race('bad', 'bad').b.events, 3).ok).toBe(false);
  });

  it('respects real time: a write that returned before another began comes first', () => {
    const b = new TraceBuilder();
    b.openSessions('c1', 'c2');
    b.write('c1', 1, cmd.create('/a'), 10, 20, { ok: true, path: '/a', stat: stat(0) });
    b.write('c1', 2, cmd.set('/a', 'y'), 30, 40, { ok: true, path: '/a', stat: stat(1) });
    // Starts after c1's set returned, yet claims to have seen version 0.
    const bad = b.write('c2', 3, cmd.set('/a', 'z', 0), 50, 60, { ok: true, path: '/a', stat: stat(1) }).ret;
    expect(checkLinearizable(b.events, 3)).toMatchObject({ ok: false, event: bad });
    // Concurrent with c1's set instead: fine (c2's set first makes version 1, then c1's makes version 2).
    const c = new TraceBuilder();
    c.openSessions('c1', 'c2');
    c.write('c1', 1, cmd.create('/a'), 10, 20, { ok: true, path: '/a', stat: stat(0) });
    c.write('c1', 2, cmd.set('/a', 'y'), 30, 70, { ok: true, path: '/a', stat: stat(2) });
    c.write('c2', 3, cmd.set('/a', 'z', 0), 50, 60, { ok: true, path: '/a', stat: stat(1) });
    expect(checkLinearizable(c.events, 3)).toEqual({ ok: true });
  });

  it('checks sequential names: concurrent creates -s get distinct suffixes', () => {
    const build = (first: string, second: string): TraceBuilder => {
      const b = new TraceBuilder();
      b.openSessions('c1', 'c2');
      b.write('c1', 1, cmd.create('/q'), 10, 20, { ok: true, path: '/q', stat: stat(0) });
      b.at(30).invoke('c1', 2, cmd.create('/q/n-', 'a', { sequential: true }));
      b.at(30).invoke('c2', 3, cmd.create('/q/n-', 'b', { sequential: true }));
      b.at(31).request(1, 'c1:2:first', {
        op: 'create',
        session: 'c1',
        path: '/q/n-',
        data: 'a',
        ephemeral: false,
        sequential: true,
      });
      b.at(31).request(1, 'c2:3:first', {
        op: 'create',
        session: 'c2',
        path: '/q/n-',
        data: 'b',
        ephemeral: false,
        sequential: true,
      });
      b.at(40).ret('c1', 2, { ok: true, path: `/q/n-${first}`, stat: stat(0) });
      b.at(41).ret('c2', 3, { ok: true, path: `/q/n-${second}`, stat: stat(0) });
      return b;
    };
    expect(checkLinearizable(build('0000000001', '0000000000').events, 3)).toEqual({ ok: true });
    expect(checkLinearizable(build('0000000000', '0000000001').events, 3)).toEqual({ ok: true });
    const bad = build('0000000000', '0000000000');
    expect(checkLinearizable(bad.events, 3)).toMatchObject({ ok: false, event: bad.events.length - 1 });
  });

  it('lets an op with an unknown outcome take effect, or not', () => {
    const b = new TraceBuilder();
    b.openSessions('c1', 'c2');
    b.write('c1', 1, cmd.create('/a'), 10, 20, { ok: false, error: 'CONNECTIONLOSS', path: '/a' });
    b.write('c2', 2, cmd.create('/a'), 30, 40, { ok: false, error: 'NODEEXISTS', path: '/a' });
    expect(checkLinearizable(b.events, 3)).toEqual({ ok: true });
    const c = new TraceBuilder();
    c.openSessions('c1', 'c2');
    c.write('c1', 1, cmd.create('/a'), 10, null); // no return at all
    c.write('c2', 2, cmd.create('/a'), 30, 40, { ok: true, path: '/a', stat: stat(0) });
    c.write('c2', 3, cmd.create('/a'), 50, 60, { ok: false, error: 'NODEEXISTS', path: '/a' });
    expect(checkLinearizable(c.events, 3)).toEqual({ ok: true });
  });

  it('leaves out an unknown op that never reached a server', () => {
    const b = new TraceBuilder();
    b.openSessions('c1', 'c2');
    b.at(10).invoke('c1', 1, cmd.create('/a'));
    b.at(20).ret('c1', 1, { ok: false, error: 'CONNECTIONLOSS', path: '/a' }); // no request event
    const bad = b.write('c2', 2, cmd.create('/a'), 30, 40, { ok: false, error: 'NODEEXISTS', path: '/a' }).ret;
    expect(buildHistory(b.events).filter((op) => !op.sessionTxn)).toHaveLength(1);
    expect(checkLinearizable(b.events, 3)).toMatchObject({ ok: false, event: bad });
  });

  it('models sessions: an expiry deletes ephemerals and later writes of the session fail', () => {
    const b = new TraceBuilder();
    b.openSessions('c1', 'c2');
    b.write('c1', 1, cmd.create('/e', 'x', { ephemeral: true }), 10, 20, {
      ok: true,
      path: '/e',
      stat: stat(0, { ephemeralOwner: 'c1', ephemeralOwnerId: 7 }),
    });
    b.at(30).sessionTxn('c1#expire@30', { op: 'closeSession', session: 'c1', reason: 'expire' }, 40, 2);
    b.write('c2', 2, cmd.create('/e'), 50, 60, { ok: true, path: '/e', stat: stat(0) });
    b.write('c1', 3, cmd.set('/other', 'y'), 70, 80, { ok: false, error: 'SESSIONEXPIRED', path: '/other', server: 2 });
    expect(checkLinearizable(b.events, 3)).toEqual({ ok: true });
    // Without the expiry, /e still exists.
    const c = new TraceBuilder();
    c.openSessions('c1', 'c2');
    c.write('c1', 1, cmd.create('/e', 'x', { ephemeral: true }), 10, 20, {
      ok: true,
      path: '/e',
      stat: stat(0, { ephemeralOwner: 'c1' }),
    });
    const bad = c.write('c2', 2, cmd.create('/e'), 50, 60, { ok: true, path: '/e', stat: stat(0) }).ret;
    expect(checkLinearizable(c.events, 3)).toMatchObject({ ok: false, event: bad });
  });

  it('lets a never-applied session close happen or not', () => {
    const b = new TraceBuilder();
    b.openSessions('c1', 'c2');
    b.write('c1', 1, cmd.create('/e', 'x', { ephemeral: true }), 10, 20, {
      ok: true,
      path: '/e',
      stat: stat(0, { ephemeralOwner: 'c1' }),
    });
    b.at(30).sessionTxn('c1#expire@30', { op: 'closeSession', session: 'c1', reason: 'expire' }, null);
    b.write('c2', 2, cmd.create('/e'), 50, 60, { ok: true, path: '/e', stat: stat(0) });
    expect(checkLinearizable(b.events, 3)).toEqual({ ok: true });
  });

  it('compares each sub-op of a multi', () => {
    const multi = {
      kind: 'multi',
      ops: [
        { op: 'check', path: '/a', version: 0 },
        { op: 'create', path: '/a/b', data: 'x', ephemeral: false, sequential: false },
      ],
    } as const;
    const build = (secondOk: boolean): TraceBuilder => {
      const b = new TraceBuilder();
      b.openSessions('c1');
      b.write('c1', 1, cmd.create('/a'), 10, 20, { ok: true, path: '/a', stat: stat(0) });
      b.write('c1', 2, multi, 30, 40, {
        ok: true,
        results: [
          { ok: true, path: '/a' },
          secondOk ? { ok: true, path: '/a/b', stat: stat(0) } : { ok: false, error: 'NODEEXISTS', path: '/a/b' },
        ],
      });
      return b;
    };
    expect(checkLinearizable(build(true).events, 3)).toEqual({ ok: true });
    const bad = build(false);
    expect(checkLinearizable(bad.events, 3)).toMatchObject({ ok: false, event: bad.events.length - 1 });
  });

  it('says "unknown" when the search budget runs out', () => {
    const v = checkLinearizableWithBudget(race('ok', 'ok').b.events, 1);
    expect(v).toEqual({ ok: true, note: 'unknown: search budget exhausted' });
  });
});

describe('partitionHistory', () => {
  const parts = (b: TraceBuilder): string[][] =>
    partitionHistory(buildHistory(b.events))
      .filter((part) => part.some((op) => !op.sessionTxn))
      .map((part) =>
        part
          .filter((op) => !op.sessionTxn)
          .map((op) => op.label)
          .sort(),
      )
      .sort();

  it('splits independent top-level components, and copies the session opens into each', () => {
    const b = new TraceBuilder();
    b.openSessions('c1', 'c2');
    b.write('c1', 1, cmd.create('/a'), 10, 20, { ok: true, path: '/a', stat: stat(0) });
    b.write('c2', 2, cmd.create('/b'), 10, 20, { ok: true, path: '/b', stat: stat(0) });
    b.write('c2', 3, cmd.create('/a/x'), 30, 40, { ok: true, path: '/a/x', stat: stat(0) });
    expect(parts(b)).toEqual([['c1 "create /a x"', 'c2 "create /a/x x"'], ['c2 "create /b x"']]);
    const all = partitionHistory(buildHistory(b.events));
    for (const part of all) if (part.some((op) => !op.sessionTxn)) expect(part.some((op) => op.sessionTxn)).toBe(true);
  });

  it('glues components a multi spans, and top-level creates to a sequential create under /', () => {
    const b = new TraceBuilder();
    b.openSessions('c1', 'c2');
    b.write(
      'c1',
      1,
      {
        kind: 'multi',
        ops: [
          { op: 'check', path: '/a', version: 0 },
          { op: 'setData', path: '/b', data: 'y', version: -1 },
        ],
      },
      10,
      20,
      { ok: false, error: 'NONODE' },
    );
    b.write('c2', 2, cmd.create('/c'), 10, 20, { ok: true, path: '/c', stat: stat(0) });
    b.write('c2', 3, cmd.set('/d', 'x'), 10, 20, { ok: false, error: 'NONODE', path: '/d' });
    expect(parts(b)).toHaveLength(3);
    b.write('c1', 4, cmd.create('/s-', 'x', { sequential: true }), 30, 40, {
      ok: true,
      path: '/s-0000000001',
      stat: stat(0),
    });
    // /c (a top-level create) now shares the root's sequential counter with the create -s; /d does not.
    expect(parts(b)).toEqual([
      ['c1 "create -s /s- x"', 'c2 "create /c x"'],
      ['c1 "multi check /a 0; set /b y"'],
      ['c2 "set /d x"'],
    ]);
  });

  it('glues the ephemerals of a session that closes', () => {
    const b = new TraceBuilder();
    b.openSessions('c1', 'c2');
    b.write('c1', 1, cmd.create('/a', 'x', { ephemeral: true }), 10, 20, {
      ok: true,
      path: '/a',
      stat: stat(0, { ephemeralOwner: 'c1' }),
    });
    b.write('c1', 2, cmd.create('/b', 'x', { ephemeral: true }), 30, 40, {
      ok: true,
      path: '/b',
      stat: stat(0, { ephemeralOwner: 'c1' }),
    });
    b.write('c2', 3, cmd.create('/c'), 30, 40, { ok: true, path: '/c', stat: stat(0) });
    expect(parts(b)).toHaveLength(3);
    b.at(50).sessionTxn('c1#expire@50', { op: 'closeSession', session: 'c1', reason: 'expire' }, 60, 5);
    expect(parts(b)).toHaveLength(2);
  });
});
