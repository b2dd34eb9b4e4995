// multi: all or nothing, one zxid; per-sub-op results (ROLLEDBACK / own code / RUNTIMEINCONSISTENCY).
import { describe, expect, it } from 'vitest';
import { replicaFingerprint } from './replica';
import { ZkDriver } from './testHarness';

function setup(): ZkDriver {
  const zk = new ZkDriver();
  zk.open('c1'); // 1
  zk.create('c1', '/m', 'm'); // 2
  return zk;
}

describe('multi', () => {
  it('applies every sub-op in one zxid and reports each outcome', () => {
    const zk = setup();
    const res = zk.multi('c1', [
      { op: 'create', path: '/m/a', data: 'a', ephemeral: false, sequential: false },
      { op: 'create', path: '/m/a/x', data: '', ephemeral: false, sequential: false },
      { op: 'create', path: '/m/s-', data: '', ephemeral: true, sequential: true },
      { op: 'setData', path: '/m', data: 'mm', version: 0 },
      { op: 'check', path: '/m', version: 1 },
      { op: 'delete', path: '/m/a/x', version: 0 },
    ]); // 3
    expect(res.ok).toBe(true);
    expect(res.error).toBeUndefined();
    const results = res.results!;
    expect(results.map((r) => [r.ok, r.path])).toEqual([
      [true, '/m/a'],
      [true, '/m/a/x'],
      [true, '/m/s-0000000001'],
      [true, '/m'],
      [true, '/m'],
      [true, '/m/a/x'],
    ]);
    expect(results[0]!.stat).toMatchObject({ czxid: 3, mzxid: 3, pzxid: 3, version: 0 });
    expect(results[2]!.stat).toMatchObject({ czxid: 3, ephemeralOwner: 'c1', ephemeralOwnerId: 1 });
    expect(results[3]!.stat).toMatchObject({ czxid: 2, mzxid: 3, version: 1 });
    expect(zk.r.lastZxid).toBe(3);
    expect(zk.stat('/m')).toMatchObject({
      czxid: 2,
      mzxid: 3,
      pzxid: 3,
      version: 1,
      cversion: 2 * 2 - 2,
      numChildren: 2,
    });
    expect(zk.stat('/m/a')).toMatchObject({ czxid: 3, pzxid: 3, cversion: 2 * 1 - 0, numChildren: 0 });
    expect(zk.get('c1', '/m').data).toBe('mm');
  });

  it('on failure: earlier sub-ops ROLLEDBACK, the failing one its code, later ones RUNTIMEINCONSISTENCY; nothing changes', () => {
    const zk = setup();
    zk.create('c1', '/m/a'); // 3
    const before = replicaFingerprint(zk.r).replace(/^lastZxid \d+/, '');
    const res = zk.multi('c1', [
      { op: 'create', path: '/m/c', data: '', ephemeral: true, sequential: false },
      { op: 'delete', path: '/m/a', version: 0 },
      { op: 'create', path: '/m/s-', data: '', ephemeral: false, sequential: true },
      { op: 'setData', path: '/m', data: 'x', version: 5 },
      { op: 'delete', path: '/m/a', version: 0 },
      { op: 'check', path: '/m', version: 0 },
    ]); // 4
    expect(res.ok).toBe(false);
    expect(res.error).toBe('BADVERSION');
    expect(res.results!.map((r) => [r.ok, r.error, r.path])).toEqual([
      [false, 'ROLLEDBACK', '/m/c'],
      [false, 'ROLLEDBACK', '/m/a'],
      [false, 'ROLLEDBACK', '/m/s-'],
      [false, 'BADVERSION', '/m'],
      [false, 'RUNTIMEINCONSISTENCY', '/m/a'],
      [false, 'RUNTIMEINCONSISTENCY', '/m'],
    ]);
    expect(zk.r.lastZxid).toBe(4);
    expect(replicaFingerprint(zk.r).replace(/^lastZxid \d+/, '')).toBe(before);
    expect(zk.stat('/m/a')).toMatchObject({ czxid: 3 });
    // the sequential counter was rolled back too: /m has had one successful child create
    expect(zk.create('c1', '/m/s-', '', 's').path).toBe('/m/s-0000000001');
    // the rolled-back ephemeral is not the session's: closing it leaves /m's pzxid at the last real change
    zk.close('c1');
    expect(zk.stat('/m')).toMatchObject({ pzxid: 5 });
  });

  it('a failing sub-op reports its own code (NONODE, NODEEXISTS, NOTEMPTY, NOCHILDRENFOREPHEMERALS, BADARGUMENTS)', () => {
    const zk = setup();
    zk.create('c1', '/m/kid'); // 3
    zk.create('c1', '/e', '', 'e'); // 4
    const first = (ops: Parameters<ZkDriver['multi']>[1]) => zk.multi('c1', ops).results!.map((r) => r.error);
    expect(first([{ op: 'check', path: '/nope', version: -1 }])).toEqual(['NONODE']);
    expect(first([{ op: 'create', path: '/m', data: '', ephemeral: false, sequential: false }])).toEqual([
      'NODEEXISTS',
    ]);
    expect(
      first([
        { op: 'check', path: '/m', version: -1 },
        { op: 'delete', path: '/m', version: -1 },
      ]),
    ).toEqual(['ROLLEDBACK', 'NOTEMPTY']);
    expect(first([{ op: 'create', path: '/e/x', data: '', ephemeral: false, sequential: false }])).toEqual([
      'NOCHILDRENFOREPHEMERALS',
    ]);
    const bad = zk.multi('c1', [{ op: 'setData', path: 'm', data: '', version: -1 }]);
    expect(bad).toMatchObject({ ok: false, error: 'BADARGUMENTS', reason: 'Path must start with / character' });
    expect(bad.results![0]).toEqual({
      ok: false,
      error: 'BADARGUMENTS',
      reason: 'Path must start with / character',
      path: 'm',
    });
    expect(first([{ op: 'delete', path: '/zookeeper', version: -1 }])).toEqual(['BADARGUMENTS']);
  });

  it('sub-ops see the effects of earlier ones (delete then re-create in one multi)', () => {
    const zk = setup();
    zk.create('c1', '/m/a', 'old'); // 3
    const res = zk.multi('c1', [
      { op: 'delete', path: '/m/a', version: 0 },
      { op: 'create', path: '/m/a', data: 'new', ephemeral: false, sequential: false },
    ]); // 4
    expect(res.ok).toBe(true);
    expect(zk.stat('/m/a')).toMatchObject({ czxid: 4, version: 0 });
    expect(zk.stat('/m')).toMatchObject({ pzxid: 4, cversion: 2 * 2 - 1, numChildren: 1 });
  });

  it('rolls back a delete and a setData exactly', () => {
    const zk = setup();
    zk.create('c1', '/m/a', 'a', 'e'); // 3
    zk.set('c1', '/m/a', 'a2'); // 4
    const before = replicaFingerprint(zk.r).replace(/^lastZxid \d+/, '');
    const res = zk.multi('c1', [
      { op: 'setData', path: '/m', data: 'changed', version: -1 },
      { op: 'delete', path: '/m/a', version: 1 },
      { op: 'create', path: '/m/a/x', data: '', ephemeral: false, sequential: false },
    ]);
    expect(res.results!.map((r) => r.error)).toEqual(['ROLLEDBACK', 'ROLLEDBACK', 'NONODE']);
    expect(replicaFingerprint(zk.r).replace(/^lastZxid \d+/, '')).toBe(before);
    expect(zk.r.sessions.get('c1')!.ephemerals.has('/m/a')).toBe(true);
  });
});
