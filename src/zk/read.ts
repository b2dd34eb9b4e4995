// Reads on one replica's (possibly stale) tree, and the watches a reconnecting client re-sends.
import { childPath, invalidPathMessage } from './path';
import { statOf, type Replica } from './replica';
import type { Read, ReadResult, SessionName, WatchEvent, WatchKind } from './types';
import { addWatch } from './watches';

/** Every path under `path` (itself first), breadth first, children in sorted order, as `ls -R`. */
function subtreeBreadthFirst(r: Replica, path: string): string[] {
  const out = [path];
  for (let i = 0; i < out.length; i++) {
    const p = out[i]!;
    const node = r.nodes.get(p);
    if (node === undefined) continue;
    const names = [...node.children].sort();
    for (const name of names) out.push(childPath(p, name));
  }
  return out;
}

/**
 * Answers a read from this replica's tree (possibly stale), registering the watch when asked:
 * get -w / stat -w on an existing node set a data watch, stat -w on a missing node an exists watch,
 * ls -w a child watch (ls -R -w: on every node listed). get -w / ls -w on a missing node fail with
 * NONODE and set nothing. A session this replica has seen closed gets SESSIONEXPIRED.
 */
export function readOnReplica(r: Replica, session: SessionName, read: Read): ReadResult {
  const path = read.path;
  if (r.closedSessions.has(session)) return { ok: false, error: 'SESSIONEXPIRED', path };
  const bad = invalidPathMessage(path);
  if (bad !== null) return { ok: false, error: 'BADARGUMENTS', reason: bad, path };
  const node = r.nodes.get(path);
  switch (read.op) {
    case 'get':
      if (node === undefined) return { ok: false, error: 'NONODE', path };
      if (read.watch) addWatch(r.watches, session, path, 'data');
      return { ok: true, path, data: node.data, stat: statOf(node) };
    case 'exists':
      if (node === undefined) {
        if (read.watch) addWatch(r.watches, session, path, 'exist');
        return { ok: false, error: 'NONODE', path };
      }
      if (read.watch) addWatch(r.watches, session, path, 'data');
      return { ok: true, path, stat: statOf(node) };
    case 'ls': {
      if (node === undefined) return { ok: false, error: 'NONODE', path };
      if (read.recursive) {
        const all = subtreeBreadthFirst(r, path);
        if (read.watch) for (const p of all) addWatch(r.watches, session, p, 'child');
        return { ok: true, path, children: all, stat: statOf(node) };
      }
      if (read.watch) addWatch(r.watches, session, path, 'child');
      return { ok: true, path, children: [...node.children].sort(), stat: statOf(node) };
    }
  }
}

/** A watch a client re-sends when it reconnects to another server. */
export interface ClientWatch {
  readonly path: string;
  readonly kind: WatchKind;
}

/**
 * ZooKeeper's setWatches on reconnect: the client re-sends its watches and the last zxid it saw. A watch whose
 * event already happened on this server (data changed after that zxid, node created or deleted, children
 * changed) fires at once instead of being set; the rest are registered here.
 */
export function restoreWatches(
  r: Replica,
  session: SessionName,
  watches: readonly ClientWatch[],
  lastZxid: number,
): WatchEvent[] {
  const events: WatchEvent[] = [];
  const fire = (type: WatchEvent['type'], path: string): void => {
    if (!events.some((e) => e.type === type && e.path === path)) events.push({ session, type, path });
  };
  for (const { path, kind } of watches) {
    const node = r.nodes.get(path);
    switch (kind) {
      case 'data':
        if (node === undefined) fire('NodeDeleted', path);
        else if (node.mzxid > lastZxid) fire('NodeDataChanged', path);
        else addWatch(r.watches, session, path, 'data');
        break;
      case 'exist':
        if (node !== undefined) fire('NodeCreated', path);
        else addWatch(r.watches, session, path, 'exist');
        break;
      case 'child':
        if (node === undefined) fire('NodeDeleted', path);
        else if (node.pzxid > lastZxid) fire('NodeChildrenChanged', path);
        else addWatch(r.watches, session, path, 'child');
        break;
    }
  }
  return events;
}
