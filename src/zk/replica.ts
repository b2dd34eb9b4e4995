// One server's copy of the znode tree, its open sessions and its watch table (applying transactions: ./apply,
// reads: ./read). Semantics: /work/shared/reference/zookeeper.md (observed ZooKeeper 3.8).
//
// Functions here mutate the Replica they are given (the caller owns it); cloneReplica copies one.
import type { SessionName, Stat } from './types';
import { cloneWatchTable, createWatchTable, type WatchTable } from './watches';

export interface Znode {
  data: string;
  /** UTF-8 byte length of data. */
  dataLength: number;
  czxid: number;
  mzxid: number;
  pzxid: number;
  ctime: number;
  mtime: number;
  version: number;
  aversion: number;
  ephemeralOwner: SessionName | 0;
  ephemeralOwnerId: number;
  /** Successful child creates ever: the sequential counter; cversion = 2 * childCreates - numChildren. */
  childCreates: number;
  /** Child names (unsorted; ls sorts). */
  children: Set<string>;
}

export interface SessionInfo {
  /** The zxid of the session's createSession transaction. */
  id: number;
  timeoutMs: number;
  /** Full paths of the ephemerals this session owns. */
  ephemerals: Set<string>;
}

export interface Replica {
  /** Full path -> znode. */
  nodes: Map<string, Znode>;
  sessions: Map<SessionName, SessionInfo>;
  /** Sessions closed or expired on this replica (and not reopened): their reads get SESSIONEXPIRED. */
  closedSessions: Set<SessionName>;
  watches: WatchTable;
  /** The zxid of the last transaction applied (0 initially). sync does not move it. */
  lastZxid: number;
}

export const PROTECTED_PATHS: readonly string[] = ['/zookeeper', '/zookeeper/quota'];

export function newZnode(data: string, zxid: number, timeMs: number, owner: SessionName | 0, ownerId: number): Znode {
  return {
    data,
    dataLength: utf8Length(data),
    czxid: zxid,
    mzxid: zxid,
    pzxid: zxid,
    ctime: timeMs,
    mtime: timeMs,
    version: 0,
    aversion: 0,
    ephemeralOwner: owner,
    ephemeralOwnerId: ownerId,
    childCreates: 0,
    children: new Set(),
  };
}

/** The initial tree: `/`, `/zookeeper`, `/zookeeper/config`, `/zookeeper/quota`, all with czxid 0. */
export function createReplica(): Replica {
  const nodes = new Map<string, Znode>();
  const root = newZnode('', 0, 0, 0, 0);
  const zk = newZnode('', 0, 0, 0, 0);
  root.children.add('zookeeper');
  zk.children.add('config');
  zk.children.add('quota');
  nodes.set('/', root);
  nodes.set('/zookeeper', zk);
  nodes.set('/zookeeper/config', newZnode('', 0, 0, 0, 0));
  nodes.set('/zookeeper/quota', newZnode('', 0, 0, 0, 0));
  return { nodes, sessions: new Map(), closedSessions: new Set(), watches: createWatchTable(), lastZxid: 0 };
}

export function cloneReplica(r: Replica): Replica {
  const nodes = new Map<string, Znode>();
  for (const [path, n] of r.nodes) nodes.set(path, { ...n, children: new Set(n.children) });
  const sessions = new Map<SessionName, SessionInfo>();
  for (const [name, s] of r.sessions) sessions.set(name, { ...s, ephemerals: new Set(s.ephemerals) });
  return {
    nodes,
    sessions,
    closedSessions: new Set(r.closedSessions),
    watches: cloneWatchTable(r.watches),
    lastZxid: r.lastZxid,
  };
}

/** Every field of a znode but its children: listed as a record so that a new field cannot be left out. */
const ZNODE_SCALARS: Record<Exclude<keyof Znode, 'children'>, true> = {
  data: true,
  dataLength: true,
  czxid: true,
  mzxid: true,
  pzxid: true,
  ctime: true,
  mtime: true,
  version: true,
  aversion: true,
  ephemeralOwner: true,
  ephemeralOwnerId: true,
  childCreates: true,
};
const SCALAR_KEYS = Object.keys(ZNODE_SCALARS) as (keyof typeof ZNODE_SCALARS)[];

/** Whether two znodes are equal in every field, children by content. */
export function sameZnode(a: Znode, b: Znode): boolean {
  if (a === b) return true;
  for (const key of SCALAR_KEYS) if (a[key] !== b[key]) return false;
  if (a.children.size !== b.children.size) return false;
  for (const child of a.children) if (!b.children.has(child)) return false;
  return true;
}

function sameNodes(a: ReadonlyMap<string, Znode>, b: ReadonlyMap<string, Znode>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [path, node] of a) {
    const other = b.get(path);
    if (other === undefined || !sameZnode(node, other)) return false;
  }
  return true;
}

/**
 * A copy of `r` for a time-travel snapshot, sharing what it can with `candidates` (snapshot replicas: this
 * server's previous one, other servers' in the same snapshot): their whole node map when it is equal, else each
 * znode equal to theirs at the same path. Snapshot replicas are never changed (restoring one clones it), so a
 * run's snapshots cost what changed between them, not the size of the tree times their number.
 */
export function snapshotReplica(r: Replica, candidates: readonly Replica[]): Replica {
  let nodes: Map<string, Znode> | undefined = candidates.find(
    (c) => c.lastZxid === r.lastZxid && sameNodes(c.nodes, r.nodes),
  )?.nodes;
  if (nodes === undefined) {
    nodes = new Map();
    for (const [path, node] of r.nodes) {
      let shared: Znode | undefined;
      for (const candidate of candidates) {
        const other = candidate.nodes.get(path);
        if (other !== undefined && sameZnode(other, node)) {
          shared = other;
          break;
        }
      }
      nodes.set(path, shared ?? { ...node, children: new Set(node.children) });
    }
  }
  return { ...cloneReplica({ ...r, nodes: new Map() }), nodes };
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

export function statOf(n: Znode): Stat {
  const numChildren = n.children.size;
  return {
    czxid: n.czxid,
    mzxid: n.mzxid,
    pzxid: n.pzxid,
    version: n.version,
    cversion: 2 * n.childCreates - numChildren,
    aversion: n.aversion,
    ephemeralOwner: n.ephemeralOwner,
    ephemeralOwnerId: n.ephemeralOwnerId,
    dataLength: n.dataLength,
    numChildren,
    ctime: n.ctime,
    mtime: n.mtime,
  };
}

/** The Stat of `path` on this replica, or null when it does not exist. */
export function statAt(r: Replica, path: string): Stat | null {
  const n = r.nodes.get(path);
  return n === undefined ? null : statOf(n);
}

// ---------------------------------------------------------------------------------------------
// Comparison

/**
 * A deterministic text of the replica's tree, sessions and lastZxid (not its watches, which are
 * per server): two replicas that applied the same log have equal fingerprints. O(n log n).
 */
export function replicaFingerprint(r: Replica): string {
  const parts: string[] = [`lastZxid ${r.lastZxid}`];
  for (const path of [...r.nodes.keys()].sort()) {
    const n = r.nodes.get(path) as Znode;
    parts.push(`${path} ${JSON.stringify(n.data)} ${JSON.stringify(statOf(n))} [${[...n.children].sort().join(',')}]`);
  }
  for (const name of [...r.sessions.keys()].sort()) {
    const s = r.sessions.get(name) as SessionInfo;
    parts.push(`session ${name} ${s.id} ${s.timeoutMs} [${[...s.ephemerals].sort().join(',')}]`);
  }
  parts.push(`closed [${[...r.closedSessions].sort().join(',')}]`);
  return parts.join('\n');
}
