// Watches: one-shot, at most one per (session, path, kind), fired by this replica only.
import { describe, expect, it } from 'vitest';
import { cloneReplica } from './replica';
import { applyTxn } from './apply';
import { ZkDriver } from './testHarness';
import { hasWatch } from './watches';

function setup(): ZkDriver {
  const zk = new ZkDriver();
  zk.open('c1');
  zk.open('c2');
  zk.create('c1', '/data', 'd');
  return zk;
}

describe('watches', () => {
  it('a data watch (get -w) fires NodeDataChanged once, then is gone', () => {
    const zk = setup();
    expect(zk.get('c2', '/data', true).ok).toBe(true);
    zk.set('c1', '/data', 'x');
    expect(zk.takeEvents()).toEqual([{ session: 'c2', type: 'NodeDataChanged', path: '/data' }]);
    zk.set('c1', '/data', 'y');
    expect(zk.takeEvents()).toEqual([]);
  });

  it('at most one watch per session, path and kind: get -w twice + stat -w gives one NodeDataChanged', () => {
    const zk = setup();
    zk.get('c2', '/data', true);
    zk.get('c2', '/data', true);
    zk.exists('c2', '/data', true);
    zk.get('c1', '/data', true);
    zk.set('c1', '/data', 'x');
    expect(zk.takeEvents()).toEqual([
      { session: 'c2', type: 'NodeDataChanged', path: '/data' },
      { session: 'c1', type: 'NodeDataChanged', path: '/data' },
    ]);
  });

  it('the session that made the change gets its own watch event', () => {
    const zk = setup();
    zk.get('c1', '/data', true);
    zk.set('c1', '/data', 'x');
    expect(zk.takeEvents()).toEqual([{ session: 'c1', type: 'NodeDataChanged', path: '/data' }]);
  });

  it('stat -w on an existing node is a data watch: NodeDataChanged, or NodeDeleted on delete', () => {
    const zk = setup();
    expect(zk.exists('c2', '/data', true).ok).toBe(true);
    zk.del('c1', '/data');
    expect(zk.takeEvents()).toEqual([{ session: 'c2', type: 'NodeDeleted', path: '/data' }]);
  });

  it('stat -w on a missing node sets an exists watch that fires NodeCreated', () => {
    const zk = setup();
    expect(zk.exists('c2', '/maybe', true)).toEqual({ ok: false, error: 'NONODE', path: '/maybe' });
    expect(hasWatch(zk.r.watches, 'c2', '/maybe', 'exist')).toBe(true);
    zk.create('c1', '/nope/maybe'); // NONODE: no event
    expect(zk.takeEvents()).toEqual([]);
    zk.create('c1', '/maybe');
    expect(zk.takeEvents()).toEqual([{ session: 'c2', type: 'NodeCreated', path: '/maybe' }]);
    zk.set('c1', '/maybe', 'x');
    expect(zk.takeEvents()).toEqual([]);
  });

  it('a child watch (ls -w) fires NodeChildrenChanged on child create and child delete, not on data changes', () => {
    const zk = setup();
    zk.ls('c2', '/data', true);
    zk.set('c1', '/data', 'x');
    zk.create('c1', '/other');
    expect(zk.takeEvents()).toEqual([]);
    zk.create('c1', '/data/k');
    expect(zk.takeEvents()).toEqual([{ session: 'c2', type: 'NodeChildrenChanged', path: '/data' }]);
    zk.set('c1', '/data/k', 'x');
    zk.ls('c2', '/data', true);
    zk.set('c1', '/data/k', 'y');
    expect(zk.takeEvents()).toEqual([]);
    zk.del('c1', '/data/k');
    expect(zk.takeEvents()).toEqual([{ session: 'c2', type: 'NodeChildrenChanged', path: '/data' }]);
  });

  it("deleting a node fires its data watches (NodeDeleted) and the parent's child watches", () => {
    const zk = setup();
    zk.get('c2', '/data', true);
    zk.ls('c1', '/', true);
    zk.del('c1', '/data');
    expect(zk.takeEvents()).toEqual([
      { session: 'c2', type: 'NodeDeleted', path: '/data' },
      { session: 'c1', type: 'NodeChildrenChanged', path: '/' },
    ]);
  });

  it('a child watch fires NodeDeleted when the node itself goes; data + child watch of one session give a single NodeDeleted', () => {
    const zk = setup();
    zk.get('c2', '/data', true);
    zk.ls('c2', '/data', true);
    zk.ls('c1', '/data', true);
    zk.del('c1', '/data');
    expect(zk.takeEvents()).toEqual([
      { session: 'c2', type: 'NodeDeleted', path: '/data' },
      { session: 'c1', type: 'NodeDeleted', path: '/data' },
    ]);
    expect(hasWatch(zk.r.watches, 'c2', '/data', 'child')).toBe(false);
    zk.create('c1', '/data');
    zk.create('c1', '/data/k');
    expect(zk.takeEvents()).toEqual([]);
  });

  it('get -w / ls -w on a missing node fail with NONODE and leave no watch', () => {
    const zk = setup();
    expect(zk.get('c2', '/gone', true)).toEqual({ ok: false, error: 'NONODE', path: '/gone' });
    expect(zk.ls('c2', '/gone', true)).toEqual({ ok: false, error: 'NONODE', path: '/gone' });
    expect(hasWatch(zk.r.watches, 'c2', '/gone', 'data')).toBe(false);
    expect(hasWatch(zk.r.watches, 'c2', '/gone', 'child')).toBe(false);
    zk.create('c1', '/gone');
    zk.create('c1', '/gone/k');
    expect(zk.takeEvents()).toEqual([]);
  });

  it('failed writes fire nothing', () => {
    const zk = setup();
    zk.get('c2', '/data', true);
    zk.ls('c2', '/data', true);
    zk.set('c1', '/data', 'x', 9);
    zk.del('c1', '/data', 9);
    zk.create('c1', '/data');
    expect(zk.takeEvents()).toEqual([]);
  });

  it('closing a session deletes its ephemerals, fires the watches on them and their parents (its own included), then drops its other watches', () => {
    const zk = setup();
    zk.create('c1', '/data/e1', '', 'e');
    zk.create('c1', '/e2', '', 'e');
    zk.get('c2', '/data/e1', true);
    zk.ls('c2', '/data', true);
    zk.exists('c2', '/e2', true);
    zk.ls('c2', '/', true);
    zk.get('c1', '/data', true); // a data watch the close does not fire: dropped with the session
    zk.ls('c1', '/data/e1', true); // c1's own child watch on its own ephemeral: NodeDeleted reaches c1
    zk.get('c1', '/e2', true); // c1's own data watch on its own ephemeral
    zk.ls('c1', '/', true); // c1's own child watch on a parent of its ephemeral
    zk.close('c1');
    const events = zk.takeEvents();
    const asSet = new Set(events.map((e) => `${e.session} ${e.type} ${e.path}`));
    expect(events.length).toBe(asSet.size);
    expect(asSet).toEqual(
      new Set([
        'c2 NodeDeleted /data/e1',
        'c2 NodeChildrenChanged /data',
        'c2 NodeDeleted /e2',
        'c2 NodeChildrenChanged /',
        'c1 NodeDeleted /data/e1',
        'c1 NodeDeleted /e2',
        'c1 NodeChildrenChanged /',
      ]),
    );
    expect(zk.r.watches.bySession.has('c1')).toBe(false);
    zk.set('c2', '/data', 'x');
    expect(zk.takeEvents()).toEqual([]);
  });

  it("an expiry fires the expiring session's own watches on its ephemerals like a close", () => {
    const zk = setup();
    zk.create('c1', '/data/e1', '', 'e');
    zk.exists('c1', '/data/e1', true);
    zk.close('c1', 'expire');
    expect(zk.takeEvents()).toEqual([{ session: 'c1', type: 'NodeDeleted', path: '/data/e1' }]);
    expect(zk.r.watches.bySession.has('c1')).toBe(false);
  });

  it('a successful multi fires the watches of each sub-op in order; a failed one fires nothing', () => {
    const zk = setup();
    zk.get('c2', '/data', true);
    zk.exists('c2', '/new', true);
    zk.ls('c1', '/', true);
    zk.multi('c1', [
      { op: 'setData', path: '/data', data: 'x', version: -1 },
      { op: 'create', path: '/new', data: '', ephemeral: false, sequential: false },
      { op: 'check', path: '/nope', version: -1 },
    ]);
    expect(zk.takeEvents()).toEqual([]);
    zk.multi('c1', [
      { op: 'setData', path: '/data', data: 'x', version: -1 },
      { op: 'create', path: '/new', data: '', ephemeral: false, sequential: false },
    ]);
    expect(zk.takeEvents()).toEqual([
      { session: 'c2', type: 'NodeDataChanged', path: '/data' },
      { session: 'c2', type: 'NodeCreated', path: '/new' },
      { session: 'c1', type: 'NodeChildrenChanged', path: '/' },
    ]);
  });

  it('ls -R -w sets a child watch on every node listed', () => {
    const zk = setup();
    zk.create('c1', '/data/k');
    zk.ls('c2', '/data', true, true);
    zk.create('c1', '/data/k/x');
    expect(zk.takeEvents()).toEqual([{ session: 'c2', type: 'NodeChildrenChanged', path: '/data/k' }]);
  });

  it('only watches registered on this replica fire', () => {
    const zk = setup();
    const other = cloneReplica(zk.r);
    zk.get('c2', '/data', true);
    const txn = { op: 'setData', session: 'c1', path: '/data', data: 'x', version: -1 } as const;
    expect(applyTxn(other, txn, 100, 0).events).toEqual([]);
    expect(applyTxn(zk.r, txn, 100, 0).events).toEqual([{ session: 'c2', type: 'NodeDataChanged', path: '/data' }]);
  });
});
