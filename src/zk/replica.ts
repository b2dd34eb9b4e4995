// One server's copy of the znode tree, its open sessions and its watch table, and how a decided
// transaction changes it. Semantics: /work/shared/reference/zookeeper.md (observed ZooKeeper 3.8).
//
// Functions here mutate the Replica they are given (the caller owns it); cloneReplica copies one.
import { basename, childPath, invalidPathMessage, parentOf, sequenceSuffix } from './path';
import type {
  ErrorCode,
  EventType,
  MultiOp,
  MultiOpResult,
  Read,
  ReadResult,
  SessionName,
  Stat,
  Txn,
  TxnResult,
  WatchEvent,
  WatchKind,
} from './types';
import {
  addWatch,
  cloneWatchTable,
  createWatchTable,
  dropSessionWatches,
  triggerWatches,
  type WatchTable,
} from './watches';

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

function newZnode(data: string, zxid: number, timeMs: number, owner: SessionName | 0, ownerId: number): Znode {
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
// Applying transactions

interface Ctx {
  readonly r: Replica;
  readonly session: SessionName;
  readonly zxid: number;
  readonly timeMs: number;
  /** Events to fire once the whole transaction has succeeded, in order. */
  readonly triggers: [string, EventType][];
  /** Undo steps for a multi (null outside a multi). */
  readonly undo: (() => void)[] | null;
}

interface OpOutcome {
  readonly error?: ErrorCode;
  readonly reason?: string;
  readonly path: string;
  readonly stat?: Stat;
}

function fail(error: ErrorCode, path: string, reason?: string): OpOutcome {
  return reason === undefined ? { error, path } : { error, path, reason };
}

function versionMatches(expected: number, actual: number): boolean {
  return expected === -1 || expected === actual;
}

function doCreate(ctx: Ctx, path: string, data: string, ephemeral: boolean, sequential: boolean): OpOutcome {
  const bad = invalidPathMessage(path, sequential);
  if (bad !== null) return fail('BADARGUMENTS', path, bad);
  const { r } = ctx;
  // The parent of the would-be path: for `/q/` (sequential) that is /q, for `/` it is `/`.
  const parentPath = parentOf(sequential ? path + '0' : path);
  if (parentPath === null) return fail('NODEEXISTS', path); // create `/`
  const parent = r.nodes.get(parentPath);
  if (parent === undefined) return fail('NONODE', path);
  const full = sequential ? path + sequenceSuffix(parent.childCreates) : path;
  if (r.nodes.has(full)) return fail('NODEEXISTS', path);
  if (parent.ephemeralOwner !== 0) return fail('NOCHILDRENFOREPHEMERALS', path);
  let owner: SessionName | 0 = 0;
  let ownerId = 0;
  let info: SessionInfo | undefined;
  if (ephemeral) {
    info = r.sessions.get(ctx.session);
    if (info === undefined) return fail('SESSIONEXPIRED', path);
    owner = ctx.session;
    ownerId = info.id;
  }
  const node = newZnode(data, ctx.zxid, ctx.timeMs, owner, ownerId);
  const name = basename(full);
  const oldPzxid = parent.pzxid;
  r.nodes.set(full, node);
  parent.children.add(name);
  parent.childCreates++;
  parent.pzxid = ctx.zxid;
  if (info !== undefined) info.ephemerals.add(full);
  if (ctx.undo !== null) {
    const ephemerals = info?.ephemerals;
    ctx.undo.push(() => {
      r.nodes.delete(full);
      parent.children.delete(name);
      parent.childCreates--;
      parent.pzxid = oldPzxid;
      ephemerals?.delete(full);
    });
  }
  ctx.triggers.push([full, 'NodeCreated'], [parentPath, 'NodeChildrenChanged']);
  return { path: full, stat: statOf(node) };
}

/** Removes an existing, childless, non-root znode (no checks). */
function removeNode(ctx: Ctx, path: string, node: Znode): void {
  const { r } = ctx;
  const parentPath = parentOf(path) ?? '/';
  const parent = r.nodes.get(parentPath);
  if (parent === undefined) throw new Error(`zk: parent of ${path} missing`);
  const name = basename(path);
  const oldPzxid = parent.pzxid;
  r.nodes.delete(path);
  parent.children.delete(name);
  parent.pzxid = ctx.zxid;
  const owner = node.ephemeralOwner === 0 ? undefined : r.sessions.get(node.ephemeralOwner);
  owner?.ephemerals.delete(path);
  if (ctx.undo !== null) {
    ctx.undo.push(() => {
      r.nodes.set(path, node);
      parent.children.add(name);
      parent.pzxid = oldPzxid;
      owner?.ephemerals.add(path);
    });
  }
  ctx.triggers.push([path, 'NodeDeleted'], [parentPath, 'NodeChildrenChanged']);
}

function doDelete(ctx: Ctx, path: string, version: number): OpOutcome {
  const bad = invalidPathMessage(path);
  if (bad !== null) return fail('BADARGUMENTS', path, bad);
  if (PROTECTED_PATHS.includes(path)) return fail('BADARGUMENTS', path);
  const node = ctx.r.nodes.get(path);
  if (node === undefined) return fail('NONODE', path);
  if (!versionMatches(version, node.version)) return fail('BADVERSION', path);
  if (node.children.size > 0) return fail('NOTEMPTY', path);
  if (path === '/') return fail('BADARGUMENTS', path);
  removeNode(ctx, path, node);
  return { path };
}

function doSetData(ctx: Ctx, path: string, data: string, version: number): OpOutcome {
  const bad = invalidPathMessage(path);
  if (bad !== null) return fail('BADARGUMENTS', path, bad);
  const node = ctx.r.nodes.get(path);
  if (node === undefined) return fail('NONODE', path);
  if (!versionMatches(version, node.version)) return fail('BADVERSION', path);
  if (ctx.undo !== null) {
    const { data: d, dataLength, version: v, mzxid, mtime } = node;
    ctx.undo.push(() => {
      node.data = d;
      node.dataLength = dataLength;
      node.version = v;
      node.mzxid = mzxid;
      node.mtime = mtime;
    });
  }
  node.data = data;
  node.dataLength = utf8Length(data);
  node.version++;
  node.mzxid = ctx.zxid;
  node.mtime = ctx.timeMs;
  ctx.triggers.push([path, 'NodeDataChanged']);
  return { path, stat: statOf(node) };
}

function doCheck(ctx: Ctx, path: string, version: number): OpOutcome {
  const bad = invalidPathMessage(path);
  if (bad !== null) return fail('BADARGUMENTS', path, bad);
  const node = ctx.r.nodes.get(path);
  if (node === undefined) return fail('NONODE', path);
  if (!versionMatches(version, node.version)) return fail('BADVERSION', path);
  return { path };
}

function doMultiOp(ctx: Ctx, op: MultiOp): OpOutcome {
  switch (op.op) {
    case 'check':
      return doCheck(ctx, op.path, op.version);
    case 'create':
      return doCreate(ctx, op.path, op.data, op.ephemeral, op.sequential);
    case 'setData':
      return doSetData(ctx, op.path, op.data, op.version);
    case 'delete':
      return doDelete(ctx, op.path, op.version);
  }
}

function outcomeToResult(o: OpOutcome): TxnResult {
  if (o.error !== undefined) {
    return o.reason === undefined
      ? { ok: false, error: o.error, path: o.path }
      : { ok: false, error: o.error, reason: o.reason, path: o.path };
  }
  return o.stat === undefined ? { ok: true, path: o.path } : { ok: true, path: o.path, stat: o.stat };
}

function doMulti(ctx: Ctx, ops: readonly MultiOp[]): TxnResult {
  const outcomes: OpOutcome[] = [];
  let failedAt = -1;
  for (let i = 0; i < ops.length; i++) {
    const o = doMultiOp(ctx, ops[i]!);
    outcomes.push(o);
    if (o.error !== undefined) {
      failedAt = i;
      break;
    }
  }
  if (failedAt < 0) {
    return { ok: true, results: outcomes.map((o) => outcomeToResult(o)) };
  }
  const undo = ctx.undo ?? [];
  for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
  undo.length = 0;
  ctx.triggers.length = 0;
  const failed = outcomes[failedAt]!;
  const results: MultiOpResult[] = ops.map((op, i): MultiOpResult => {
    if (i < failedAt) return { ok: false, error: 'ROLLEDBACK', path: op.path };
    if (i > failedAt) return { ok: false, error: 'RUNTIMEINCONSISTENCY', path: op.path };
    return outcomeToResult(failed);
  });
  const result: TxnResult = { ok: false, error: failed.error, path: failed.path, results };
  return failed.reason === undefined ? result : { ...result, reason: failed.reason };
}

function closeSession(ctx: Ctx, info: SessionInfo): void {
  const { r, session } = ctx;
  dropSessionWatches(r.watches, session);
  const paths = [...info.ephemerals].sort();
  for (const path of paths) {
    const node = r.nodes.get(path);
    if (node !== undefined) removeNode(ctx, path, node);
  }
  r.sessions.delete(session);
  r.closedSessions.add(session);
}

export interface ApplyOutcome {
  readonly result: TxnResult;
  /** The watch events this replica fires (watches registered on it), in order; already removed. */
  readonly events: WatchEvent[];
}

/**
 * Applies one decided transaction at `zxid` (simulated time `timeMs`) to `r`, in place.
 * Every transaction but sync moves r.lastZxid to `zxid`, failed ones included.
 */
export function applyTxn(r: Replica, txn: Txn, zxid: number, timeMs: number): ApplyOutcome {
  const events: WatchEvent[] = [];
  if (txn.op !== 'sync') r.lastZxid = zxid;
  if (txn.op === 'createSession') {
    const existing = r.sessions.get(txn.session);
    if (existing !== undefined) return { result: { ok: true, sessionId: existing.id }, events };
    r.sessions.set(txn.session, { id: zxid, timeoutMs: txn.timeoutMs, ephemerals: new Set() });
    r.closedSessions.delete(txn.session);
    return { result: { ok: true, sessionId: zxid }, events };
  }
  const info = r.sessions.get(txn.session);
  const path = txn.op === 'multi' || txn.op === 'closeSession' ? undefined : txn.path;
  if (info === undefined) {
    const result: TxnResult =
      path === undefined ? { ok: false, error: 'SESSIONEXPIRED' } : { ok: false, error: 'SESSIONEXPIRED', path };
    return { result, events };
  }
  const ctx: Ctx = { r, session: txn.session, zxid, timeMs, triggers: [], undo: txn.op === 'multi' ? [] : null };
  let result: TxnResult;
  switch (txn.op) {
    case 'closeSession':
      closeSession(ctx, info);
      result = { ok: true };
      break;
    case 'create':
      result = outcomeToResult(doCreate(ctx, txn.path, txn.data, txn.ephemeral, txn.sequential));
      break;
    case 'delete':
      result = outcomeToResult(doDelete(ctx, txn.path, txn.version));
      break;
    case 'setData':
      result = outcomeToResult(doSetData(ctx, txn.path, txn.data, txn.version));
      break;
    case 'multi':
      result = doMulti(ctx, txn.ops);
      break;
    case 'sync': {
      const bad = invalidPathMessage(txn.path);
      result =
        bad === null ? { ok: true, path: txn.path } : { ok: false, error: 'BADARGUMENTS', reason: bad, path: txn.path };
      break;
    }
  }
  for (const [p, type] of ctx.triggers) triggerWatches(r.watches, p, type, events);
  return { result, events };
}

// ---------------------------------------------------------------------------------------------
// Reads

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
