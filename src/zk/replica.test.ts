// One test per rule of /work/shared/reference/zookeeper.md (data model, zxids, versions, sequential
// names, sessions). zxids are consecutive from 1 (ZkDriver), so each step's zxid is noted.
import { describe, expect, it } from 'vitest';
import { cloneReplica, createReplica, replicaFingerprint } from './replica';
import { applyTxn } from './apply';
import { ZkDriver } from './testHarness';
import type { Stat } from './types';

function fields(
  s: Stat,
): Pick<Stat, 'czxid' | 'mzxid' | 'pzxid' | 'version' | 'cversion' | 'numChildren' | 'ephemeralOwner'> {
  return {
    czxid: s.czxid,
    mzxid: s.mzxid,
    pzxid: s.pzxid,
    version: s.version,
    cversion: s.cversion,
    numChildren: s.numChildren,
    ephemeralOwner: s.ephemeralOwner,
  };
}

describe('the initial tree', () => {
  it('has /, /zookeeper, /zookeeper/config, /zookeeper/quota with / cversion -1 and /zookeeper -2', () => {
    const zk = new ZkDriver();
    expect(zk.stat('/')).toEqual({
      czxid: 0,
      mzxid: 0,
      pzxid: 0,
      version: 0,
      cversion: -1,
      aversion: 0,
      ephemeralOwner: 0,
      ephemeralOwnerId: 0,
      dataLength: 0,
      numChildren: 1,
      ctime: 0,
      mtime: 0,
    });
    expect(fields(zk.stat('/zookeeper'))).toEqual({
      czxid: 0,
      mzxid: 0,
      pzxid: 0,
      version: 0,
      cversion: -2,
      numChildren: 2,
      ephemeralOwner: 0,
    });
    expect(fields(zk.stat('/zookeeper/config'))).toMatchObject({ cversion: 0, numChildren: 0 });
    expect(fields(zk.stat('/zookeeper/quota'))).toMatchObject({ cversion: 0, numChildren: 0 });
    expect(zk.ls('c', '/').children).toEqual(['zookeeper']);
    expect(zk.ls('c', '/zookeeper').children).toEqual(['config', 'quota']);
    expect(zk.r.lastZxid).toBe(0);
  });
});

describe('create', () => {
  it('sets czxid = mzxid = pzxid = its zxid, version 0; the parent gets pzxid and cversion +1', () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    const res = zk.create('c1', '/app', 'v1'); // 2
    expect(res.ok).toBe(true);
    expect(res.path).toBe('/app');
    expect(fields(res.stat!)).toEqual({
      czxid: 2,
      mzxid: 2,
      pzxid: 2,
      version: 0,
      cversion: 0,
      numChildren: 0,
      ephemeralOwner: 0,
    });
    expect(res.stat!.dataLength).toBe(2);
    expect(fields(zk.stat('/'))).toEqual({
      czxid: 0,
      mzxid: 0,
      pzxid: 2,
      version: 0,
      cversion: 0,
      numChildren: 2,
      ephemeralOwner: 0,
    });
    zk.create('c1', '/app/a'); // 3
    zk.create('c1', '/app/b'); // 4
    expect(fields(zk.stat('/app'))).toEqual({
      czxid: 2,
      mzxid: 2,
      pzxid: 4,
      version: 0,
      cversion: 2,
      numChildren: 2,
      ephemeralOwner: 0,
    });
  });
  it('under a missing parent is NONODE', () => {
    const zk = new ZkDriver();
    zk.open('c1');
    expect(zk.create('c1', '/nope/x', 'y')).toEqual({ ok: false, error: 'NONODE', path: '/nope/x' });
    expect(zk.create('c1', '/nope/x-', 'y', 's')).toEqual({ ok: false, error: 'NONODE', path: '/nope/x-' });
  });
  it('of an existing path is NODEEXISTS (including /)', () => {
    const zk = new ZkDriver();
    zk.open('c1');
    zk.create('c1', '/app');
    expect(zk.create('c1', '/app', 'again')).toEqual({ ok: false, error: 'NODEEXISTS', path: '/app' });
    expect(zk.create('c1', '/')).toMatchObject({ ok: false, error: 'NODEEXISTS' });
  });
  it('with a bad path is BADARGUMENTS with zkCli reason', () => {
    const zk = new ZkDriver();
    zk.open('c1');
    expect(zk.create('c1', '/a/')).toEqual({
      ok: false,
      error: 'BADARGUMENTS',
      reason: 'Path must not end with / character',
      path: '/a/',
    });
    expect(zk.create('c1', 'a')).toMatchObject({ error: 'BADARGUMENTS', reason: 'Path must start with / character' });
    expect(zk.create('c1', '/a/./b')).toMatchObject({
      error: 'BADARGUMENTS',
      reason: 'Invalid path string "/a/./b" caused by relative paths not allowed @3',
    });
  });
  it('dataLength counts UTF-8 bytes', () => {
    const zk = new ZkDriver();
    zk.open('c1');
    expect(zk.create('c1', '/u', 'é€😀').stat!.dataLength).toBe(2 + 3 + 4);
    expect(zk.get('c1', '/u').data).toBe('é€😀');
  });
});

describe('zxids', () => {
  it('failed writes take a zxid too (NODEEXISTS, BADVERSION, failed and empty multi, BADARGUMENTS)', () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    zk.create('c1', '/app'); // 2
    const before = replicaFingerprint(zk.r).replace(/^lastZxid \d+/, '');
    expect(zk.create('c1', '/app', 'again').error).toBe('NODEEXISTS'); // 3
    expect(zk.r.lastZxid).toBe(3);
    expect(zk.set('c1', '/app', 'x', 7).error).toBe('BADVERSION'); // 4
    expect(zk.r.lastZxid).toBe(4);
    expect(zk.multi('c1', [{ op: 'check', path: '/app', version: 3 }]).ok).toBe(false); // 5
    expect(zk.r.lastZxid).toBe(5);
    expect(zk.multi('c1', [])).toEqual({ ok: true, results: [] }); // 6
    expect(zk.r.lastZxid).toBe(6);
    expect(zk.create('c1', '/bad/').error).toBe('BADARGUMENTS'); // 7
    expect(zk.del('c1', '/zookeeper').error).toBe('BADARGUMENTS'); // 8
    expect(zk.r.lastZxid).toBe(8);
    expect(replicaFingerprint(zk.r).replace(/^lastZxid \d+/, '')).toBe(before);
    expect(zk.create('c1', '/b').stat!.czxid).toBe(9);
    expect(fields(zk.stat('/'))).toMatchObject({ pzxid: 9, cversion: 2 * 2 - 3, numChildren: 3 });
  });
  it('applyTxn moves lastZxid to the zxid given, even for a failed write, and returns a result', () => {
    const r = createReplica();
    applyTxn(r, { op: 'createSession', session: 'c1', timeoutMs: 4000 }, 10, 0);
    const out = applyTxn(r, { op: 'delete', session: 'c1', path: '/missing', version: -1 }, 11, 5);
    expect(out.result).toEqual({ ok: false, error: 'NONODE', path: '/missing' });
    expect(out.events).toEqual([]);
    expect(r.lastZxid).toBe(11);
  });
  it('sync takes no zxid, changes nothing and succeeds on a missing path', () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    const before = replicaFingerprint(zk.r);
    expect(zk.sync('c1', '/missing')).toEqual({ ok: true, path: '/missing' });
    expect(zk.r.lastZxid).toBe(1);
    expect(replicaFingerprint(zk.r)).toBe(before);
  });
});

describe('versions', () => {
  it('set -v V succeeds only when V is the data version or -1; -2 is BADVERSION', () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    zk.create('c1', '/v', 'a'); // 2
    const s1 = zk.set('c1', '/v', 'bb', 0); // 3
    expect(s1.ok).toBe(true);
    expect(fields(s1.stat!)).toEqual({
      czxid: 2,
      mzxid: 3,
      pzxid: 2,
      version: 1,
      cversion: 0,
      numChildren: 0,
      ephemeralOwner: 0,
    });
    expect(s1.stat!.dataLength).toBe(2);
    expect(s1.stat!.mtime).toBe(3000);
    expect(s1.stat!.ctime).toBe(2000);
    expect(zk.set('c1', '/v', 'x', 0)).toEqual({ ok: false, error: 'BADVERSION', path: '/v' }); // 4
    expect(zk.set('c1', '/v', 'x', -2).error).toBe('BADVERSION'); // 5
    expect(zk.set('c1', '/v', 'x', 2).error).toBe('BADVERSION'); // 6
    const s2 = zk.set('c1', '/v', 'ccc', -1); // 7
    expect(fields(s2.stat!)).toMatchObject({ mzxid: 7, version: 2 });
    expect(zk.get('c1', '/v').data).toBe('ccc');
    expect(zk.set('c1', '/missing', 'x').error).toBe('NONODE');
  });
  it('delete -v V: BADVERSION unless V matches or is -1', () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    zk.create('c1', '/d'); // 2
    zk.set('c1', '/d', 'x'); // 3 (version 1)
    expect(zk.del('c1', '/d', 0)).toEqual({ ok: false, error: 'BADVERSION', path: '/d' }); // 4
    expect(zk.del('c1', '/d', -2).error).toBe('BADVERSION'); // 5
    expect(zk.del('c1', '/d', 1)).toEqual({ ok: true, path: '/d' }); // 6
    expect(zk.exists('c1', '/d')).toEqual({ ok: false, error: 'NONODE', path: '/d' });
    expect(fields(zk.stat('/'))).toMatchObject({ pzxid: 6, cversion: 1, numChildren: 1 });
    expect(zk.del('c1', '/d').error).toBe('NONODE');
  });
  it('deleting a node with children: the version check comes before NOTEMPTY', () => {
    const zk = new ZkDriver();
    zk.open('c1');
    zk.create('c1', '/p');
    zk.create('c1', '/p/c');
    expect(zk.del('c1', '/p', 9).error).toBe('BADVERSION');
    expect(zk.del('c1', '/p', 0)).toEqual({ ok: false, error: 'NOTEMPTY', path: '/p' });
    expect(zk.del('c1', '/p', -1).error).toBe('NOTEMPTY');
    expect(zk.del('c1', '/', -1).error).toBe('NOTEMPTY');
    expect(zk.del('c1', '/', 3).error).toBe('BADVERSION');
  });
  it('cversion = 2 * (child creates ever) - numChildren: +1 per child create and per child delete', () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    zk.create('c1', '/p'); // 2
    zk.create('c1', '/p/a'); // 3
    zk.create('c1', '/p/b'); // 4
    zk.create('c1', '/p/c'); // 5
    expect(fields(zk.stat('/p'))).toMatchObject({ pzxid: 5, cversion: 3, numChildren: 3 });
    zk.del('c1', '/p/b'); // 6
    expect(fields(zk.stat('/p'))).toMatchObject({ pzxid: 6, cversion: 4, numChildren: 2 });
    zk.del('c1', '/p/a'); // 7
    expect(fields(zk.stat('/p'))).toMatchObject({ pzxid: 7, cversion: 5, numChildren: 1 });
    zk.create('c1', '/p/d'); // 8
    expect(fields(zk.stat('/p'))).toMatchObject({
      czxid: 2,
      mzxid: 2,
      pzxid: 8,
      cversion: 6,
      numChildren: 2,
      version: 0,
    });
    zk.create('c1', '/p/e'); // 9 failed creates do not count:
    zk.create('c1', '/p/e'); // 10 NODEEXISTS
    expect(fields(zk.stat('/p'))).toMatchObject({ pzxid: 9, cversion: 7, numChildren: 3 });
  });
});

describe('sequential names', () => {
  it("suffix is the parent's successful child-create count, ten digits; deletes do not reuse numbers", () => {
    const zk = new ZkDriver();
    zk.open('c1');
    zk.create('c1', '/q');
    expect(zk.create('c1', '/q/n-', 'x', 's').path).toBe('/q/n-0000000000');
    expect(zk.create('c1', '/q/n-', 'x', 's').path).toBe('/q/n-0000000001');
    expect(zk.create('c1', '/q/n-', 'x', 's').path).toBe('/q/n-0000000002');
    zk.del('c1', '/q/n-0000000001');
    const next = zk.create('c1', '/q/n-', 'x', 's');
    expect(next.path).toBe('/q/n-0000000003');
    expect(next.stat!.czxid).toBe(zk.zxid);
    // failed creates do not advance it
    expect(zk.create('c1', '/q/n-0000000000').error).toBe('NODEEXISTS');
    expect(zk.create('c1', '/q/n-', 'x', 's').path).toBe('/q/n-0000000004');
    // creates of any kind count: the sixth child create below is a bare number with `create -s /q/ x`
    zk.create('c1', '/q/eph', 'x', 'e');
    expect(zk.create('c1', '/q/', 'x', 's').path).toBe('/q/0000000006');
    expect(zk.ls('c1', '/q').children).toEqual([
      '0000000006',
      'eph',
      'n-0000000000',
      'n-0000000002',
      'n-0000000003',
      'n-0000000004',
    ]);
  });
  it('a sequential create whose name already exists is NODEEXISTS until another child is created', () => {
    const zk = new ZkDriver();
    zk.open('c1');
    zk.create('c1', '/r');
    zk.create('c1', '/r/job-0000000001'); // by hand: count is now 1
    expect(zk.create('c1', '/r/job-', 'x', 's')).toEqual({ ok: false, error: 'NODEEXISTS', path: '/r/job-' });
    expect(zk.create('c1', '/r/job-', 'x', 's').error).toBe('NODEEXISTS');
    zk.create('c1', '/r/other');
    expect(zk.create('c1', '/r/job-', 'x', 's').path).toBe('/r/job-0000000002');
  });
  it('sequential under / and ephemeral sequential', () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    expect(zk.create('c1', '/', 'x', 's').path).toBe('/0000000000');
    const e = zk.create('c1', '/lock-', '', 'es');
    expect(e.path).toBe('/lock-0000000001');
    expect(e.stat).toMatchObject({ ephemeralOwner: 'c1', ephemeralOwnerId: 1 });
  });
});

describe('ephemerals', () => {
  it('carry the owner session name and id; cannot have children (NOCHILDRENFOREPHEMERALS)', () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    zk.open('c2'); // 2
    const e = zk.create('c2', '/eph', 'd', 'e'); // 3
    expect(e.stat).toMatchObject({ czxid: 3, ephemeralOwner: 'c2', ephemeralOwnerId: 2 });
    expect(zk.create('c1', '/eph/kid', 'k')).toEqual({ ok: false, error: 'NOCHILDRENFOREPHEMERALS', path: '/eph/kid' });
    expect(zk.create('c1', '/eph/k-', 'k', 's')).toEqual({
      ok: false,
      error: 'NOCHILDRENFOREPHEMERALS',
      path: '/eph/k-',
    });
    expect(zk.create('c2', '/eph/kid', 'k', 'e').error).toBe('NOCHILDRENFOREPHEMERALS');
    expect(fields(zk.stat('/eph'))).toMatchObject({ cversion: 0, numChildren: 0, pzxid: 3 });
    // another session may delete it
    expect(zk.del('c1', '/eph').ok).toBe(true);
    zk.close('c2');
    expect(zk.exists('c1', '/eph').ok).toBe(false);
  });
});

describe('/zookeeper', () => {
  it('deleting /zookeeper or /zookeeper/quota is BADARGUMENTS; creating /zookeeper/mine is allowed', () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    expect(zk.del('c1', '/zookeeper')).toEqual({ ok: false, error: 'BADARGUMENTS', path: '/zookeeper' });
    expect(zk.del('c1', '/zookeeper/quota')).toEqual({ ok: false, error: 'BADARGUMENTS', path: '/zookeeper/quota' });
    expect(zk.create('c1', '/zookeeper/mine', 'x').ok).toBe(true); // 4
    expect(fields(zk.stat('/zookeeper'))).toMatchObject({ pzxid: 4, cversion: -1, numChildren: 3 });
    expect(zk.del('c1', '/zookeeper/mine').ok).toBe(true);
    expect(zk.ls('c1', '/zookeeper').children).toEqual(['config', 'quota']);
  });
});

describe('sessions', () => {
  it('createSession takes a zxid; the id is that zxid; a second createSession for an open name is a no-op', () => {
    const zk = new ZkDriver();
    expect(zk.open('c1')).toEqual({ ok: true, sessionId: 1 });
    zk.create('c1', '/x'); // 2
    expect(zk.open('c2')).toEqual({ ok: true, sessionId: 3 });
    expect(zk.open('c1')).toEqual({ ok: true, sessionId: 1 }); // 4
    expect(zk.r.lastZxid).toBe(4);
    expect(zk.r.sessions.get('c1')).toMatchObject({ id: 1, timeoutMs: 4000 });
  });
  it('writes by a session that is not open are SESSIONEXPIRED and still take a zxid', () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    expect(zk.create('c9', '/x')).toEqual({ ok: false, error: 'SESSIONEXPIRED', path: '/x' }); // 2
    expect(zk.r.lastZxid).toBe(2);
    expect(zk.multi('c9', [])).toEqual({ ok: false, error: 'SESSIONEXPIRED' });
    expect(zk.close('c9')).toEqual({ ok: false, error: 'SESSIONEXPIRED' });
    expect(zk.exists('c1', '/x').ok).toBe(false);
  });
  it("closeSession deletes all the session's ephemerals in its one zxid (parents' pzxid = that zxid)", () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    zk.open('c2'); // 2
    zk.create('c2', '/a'); // 3
    zk.create('c1', '/a/e1', '', 'e'); // 4
    zk.create('c1', '/e2', '', 'e'); // 5
    expect(zk.create('c1', '/a/s-', '', 'es').path).toBe('/a/s-0000000001'); // 6
    zk.create('c2', '/a/mine', '', 'e'); // 7
    expect(zk.close('c1')).toEqual({ ok: true }); // 8
    expect(zk.ls('c2', '/a').children).toEqual(['mine']);
    expect(zk.ls('c2', '/').children).toEqual(['a', 'zookeeper']);
    expect(fields(zk.stat('/a'))).toMatchObject({ pzxid: 8, cversion: 2 * 3 - 1, numChildren: 1 });
    expect(fields(zk.stat('/'))).toMatchObject({ pzxid: 8, cversion: 2 * 2 - 2, numChildren: 2 });
    expect(zk.r.sessions.has('c1')).toBe(false);
    // the closed session can do nothing more
    expect(zk.create('c1', '/z').error).toBe('SESSIONEXPIRED'); // 9
    expect(zk.get('c1', '/a')).toEqual({ ok: false, error: 'SESSIONEXPIRED', path: '/a' });
    // reopened, it is a new session with a new id
    expect(zk.open('c1')).toEqual({ ok: true, sessionId: 10 });
    expect(zk.get('c1', '/a').ok).toBe(true);
  });
  it('expiry is a closeSession like an explicit close', () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    zk.create('c1', '/e', '', 'e'); // 2
    expect(zk.close('c1', 'expire')).toEqual({ ok: true }); // 3
    expect(fields(zk.stat('/'))).toMatchObject({ pzxid: 3, numChildren: 1, cversion: 1 });
  });
});

describe('reads', () => {
  it('get / exists / ls (sorted) / ls -R (breadth first, itself first)', () => {
    const zk = new ZkDriver();
    zk.open('c1');
    zk.create('c1', '/app', 'v1');
    zk.create('c1', '/app/z');
    zk.create('c1', '/app/b');
    zk.create('c1', '/app/b/x');
    zk.create('c1', '/aa');
    expect(zk.get('c1', '/app')).toMatchObject({ ok: true, path: '/app', data: 'v1' });
    expect(zk.get('c1', '/nope')).toEqual({ ok: false, error: 'NONODE', path: '/nope' });
    expect(zk.exists('c1', '/app').stat!.numChildren).toBe(2);
    expect(zk.ls('c1', '/app')).toMatchObject({ ok: true, children: ['b', 'z'] });
    expect(zk.ls('c1', '/').children).toEqual(['aa', 'app', 'zookeeper']);
    expect(zk.ls('c1', '/', false, true).children).toEqual([
      '/',
      '/aa',
      '/app',
      '/zookeeper',
      '/app/b',
      '/app/z',
      '/zookeeper/config',
      '/zookeeper/quota',
      '/app/b/x',
    ]);
    expect(zk.ls('c1', '/app', false, true).children).toEqual(['/app', '/app/b', '/app/z', '/app/b/x']);
    expect(zk.ls('c1', '/nope')).toEqual({ ok: false, error: 'NONODE', path: '/nope' });
    expect(zk.get('c1', '/bad/')).toEqual({
      ok: false,
      error: 'BADARGUMENTS',
      reason: 'Path must not end with / character',
      path: '/bad/',
    });
  });
  it('reads take no zxid', () => {
    const zk = new ZkDriver();
    zk.open('c1');
    zk.get('c1', '/');
    zk.ls('c1', '/', true, true);
    zk.exists('c1', '/x', true);
    expect(zk.r.lastZxid).toBe(1);
  });
});

describe('cloneReplica', () => {
  it('gives an independent copy', () => {
    const zk = new ZkDriver();
    zk.open('c1');
    zk.create('c1', '/a', 'x');
    zk.get('c1', '/a', true);
    const copy = cloneReplica(zk.r);
    const snap = replicaFingerprint(copy);
    zk.set('c1', '/a', 'y');
    zk.create('c1', '/a/b', '', 'e');
    expect(replicaFingerprint(copy)).toBe(snap);
    expect(copy.watches.data.get('/a')?.has('c1')).toBe(true);
    expect(zk.r.watches.data.has('/a')).toBe(false);
    expect(replicaFingerprint(structuredClone(zk.r))).toBe(replicaFingerprint(zk.r));
  });
});
