// A server's watch table: one-shot watches, at most one per (session, path, kind).
// Plain Maps/Sets so a replica stays structuredClone-able.
import type { EventType, SessionName, WatchEvent, WatchKind } from './types';

export interface WatchTable {
  /** path -> sessions holding a data watch (get -w, or stat -w on an existing node). */
  data: Map<string, Set<SessionName>>;
  /** path -> sessions holding an exists watch (stat -w on a missing node). */
  exist: Map<string, Set<SessionName>>;
  /** path -> sessions holding a child watch (ls -w). */
  child: Map<string, Set<SessionName>>;
  /** session -> its watch keys (kind letter + path), so a closing session's watches go in O(its watches). */
  bySession: Map<SessionName, Set<string>>;
}

export function createWatchTable(): WatchTable {
  return { data: new Map(), exist: new Map(), child: new Map(), bySession: new Map() };
}

function kindLetter(kind: WatchKind): string {
  return kind === 'data' ? 'd' : kind === 'exist' ? 'e' : 'c';
}

function tableFor(w: WatchTable, kind: WatchKind): Map<string, Set<SessionName>> {
  return kind === 'data' ? w.data : kind === 'exist' ? w.exist : w.child;
}

/** Registers a watch; a second one of the same (session, path, kind) is the same watch. */
export function addWatch(w: WatchTable, session: SessionName, path: string, kind: WatchKind): void {
  const table = tableFor(w, kind);
  let sessions = table.get(path);
  if (sessions === undefined) {
    sessions = new Set();
    table.set(path, sessions);
  }
  sessions.add(session);
  let keys = w.bySession.get(session);
  if (keys === undefined) {
    keys = new Set();
    w.bySession.set(session, keys);
  }
  keys.add(kindLetter(kind) + path);
}

/** Whether `session` holds a watch of `kind` on `path`. */
export function hasWatch(w: WatchTable, session: SessionName, path: string, kind: WatchKind): boolean {
  return tableFor(w, kind).get(path)?.has(session) ?? false;
}

/** Removes and returns every watch of `kind` on `path` (one-shot). */
function take(w: WatchTable, kind: WatchKind, path: string): Set<SessionName> | undefined {
  const table = tableFor(w, kind);
  const sessions = table.get(path);
  if (sessions === undefined) return undefined;
  table.delete(path);
  const key = kindLetter(kind) + path;
  for (const s of sessions) {
    const keys = w.bySession.get(s);
    if (keys !== undefined) {
      keys.delete(key);
      if (keys.size === 0) w.bySession.delete(s);
    }
  }
  return sessions;
}

/** Drops every watch `session` holds (its session closed or expired). */
export function dropSessionWatches(w: WatchTable, session: SessionName): void {
  const keys = w.bySession.get(session);
  if (keys === undefined) return;
  w.bySession.delete(session);
  for (const key of keys) {
    const letter = key[0];
    const table = letter === 'd' ? w.data : letter === 'e' ? w.exist : w.child;
    const path = key.slice(1);
    const sessions = table.get(path);
    if (sessions !== undefined) {
      sessions.delete(session);
      if (sessions.size === 0) table.delete(path);
    }
  }
}

/**
 * Fires the watches an event on `path` triggers, removing them, and appends one WatchEvent per
 * session to `out`. As ZooKeeper's server: data and exists watches fire on NodeCreated,
 * NodeDataChanged and NodeDeleted; child watches on NodeChildrenChanged and NodeDeleted; a session
 * holding several watches the event triggers gets it once.
 */
export function triggerWatches(w: WatchTable, path: string, type: EventType, out: WatchEvent[]): void {
  const groups: (Set<SessionName> | undefined)[] =
    type === 'NodeChildrenChanged'
      ? [take(w, 'child', path)]
      : type === 'NodeDeleted'
        ? [take(w, 'data', path), take(w, 'exist', path), take(w, 'child', path)]
        : [take(w, 'data', path), take(w, 'exist', path)];
  let seen: Set<SessionName> | null = null;
  const several = groups.filter((g) => g !== undefined).length > 1;
  if (several) seen = new Set();
  for (const g of groups) {
    if (g === undefined) continue;
    for (const session of g) {
      if (seen !== null) {
        if (seen.has(session)) continue;
        seen.add(session);
      }
      out.push({ session, type, path });
    }
  }
}

export function cloneWatchTable(w: WatchTable): WatchTable {
  const copy = (m: Map<string, Set<SessionName>>): Map<string, Set<SessionName>> => {
    const out = new Map<string, Set<SessionName>>();
    for (const [k, v] of m) out.set(k, new Set(v));
    return out;
  };
  return { data: copy(w.data), exist: copy(w.exist), child: copy(w.child), bySession: copy(w.bySession) };
}
