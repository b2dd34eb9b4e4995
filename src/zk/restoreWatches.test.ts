// ZooKeeper's setWatches on reconnect: watches move to the new server, or fire at once if they missed their event.
import { describe, expect, it } from 'vitest';
import { createReplica, type Replica } from './replica';
import { applyTxn } from './apply';
import { readOnReplica, restoreWatches } from './read';
import { hasWatch } from './watches';
import type { Txn } from './types';

function replicaWith(txns: Txn[]): { replica: Replica; zxid: number } {
  const replica = createReplica();
  let zxid = 0;
  for (const txn of [
    { op: 'createSession', session: 'c1', timeoutMs: 4000 } as Txn,
    { op: 'createSession', session: 'c2', timeoutMs: 4000 } as Txn,
    ...txns,
  ]) {
    applyTxn(replica, txn, ++zxid, 0);
  }
  return { replica, zxid };
}

describe('restoreWatches (setWatches on reconnect)', () => {
  it('registers watches whose events have not happened since the client last saw the tree', () => {
    const { replica, zxid } = replicaWith([
      { op: 'create', session: 'c2', path: '/a', data: 'x', ephemeral: false, sequential: false },
    ]);
    const events = restoreWatches(
      replica,
      'c1',
      [
        { path: '/a', kind: 'data' },
        { path: '/a', kind: 'child' },
        { path: '/b', kind: 'exist' },
      ],
      zxid,
    );
    expect(events).toEqual([]);
    expect(hasWatch(replica.watches, 'c1', '/a', 'data')).toBe(true);
    expect(hasWatch(replica.watches, 'c1', '/a', 'child')).toBe(true);
    expect(hasWatch(replica.watches, 'c1', '/b', 'exist')).toBe(true);
    // And they fire later like any other watch.
    const outcome = applyTxn(
      replica,
      { op: 'setData', session: 'c2', path: '/a', data: 'y', version: -1 },
      zxid + 1,
      0,
    );
    expect(outcome.events).toEqual([{ session: 'c1', type: 'NodeDataChanged', path: '/a' }]);
  });

  it('fires at once the events the client missed while it was moving', () => {
    const { replica, zxid } = replicaWith([
      { op: 'create', session: 'c2', path: '/a', data: 'x', ephemeral: false, sequential: false },
      { op: 'create', session: 'c2', path: '/p', data: '', ephemeral: false, sequential: false },
    ]);
    const seen = zxid;
    applyTxn(replica, { op: 'setData', session: 'c2', path: '/a', data: 'y', version: -1 }, zxid + 1, 0);
    applyTxn(
      replica,
      { op: 'create', session: 'c2', path: '/b', data: '', ephemeral: false, sequential: false },
      zxid + 2,
      0,
    );
    applyTxn(
      replica,
      { op: 'create', session: 'c2', path: '/p/k', data: '', ephemeral: false, sequential: false },
      zxid + 3,
      0,
    );
    const events = restoreWatches(
      replica,
      'c1',
      [
        { path: '/a', kind: 'data' },
        { path: '/b', kind: 'exist' },
        { path: '/p', kind: 'child' },
        { path: '/gone', kind: 'data' },
      ],
      seen,
    );
    expect(events).toEqual([
      { session: 'c1', type: 'NodeDataChanged', path: '/a' },
      { session: 'c1', type: 'NodeCreated', path: '/b' },
      { session: 'c1', type: 'NodeChildrenChanged', path: '/p' },
      { session: 'c1', type: 'NodeDeleted', path: '/gone' },
    ]);
    expect(hasWatch(replica.watches, 'c1', '/a', 'data')).toBe(false);
    // A read still works normally afterwards.
    expect(readOnReplica(replica, 'c1', { op: 'get', path: '/a', watch: false })).toMatchObject({
      ok: true,
      data: 'y',
    });
  });
});
