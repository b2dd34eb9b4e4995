// How a decided transaction changes a replica: create, delete, setData, multi (all or nothing), createSession and
// closeSession, with the watch events each fires. Semantics: /work/shared/reference/zookeeper.md (ZooKeeper 3.8).
// The functions mutate the Replica they are given (the caller owns it).
import { basename, invalidPathMessage, parentOf, sequenceSuffix } from './path';
import { newZnode, PROTECTED_PATHS, statOf, utf8Length, type Replica, type SessionInfo, type Znode } from './replica';
import type {
  ErrorCode,
  EventType,
  MultiOp,
  MultiOpResult,
  SessionName,
  Stat,
  Txn,
  TxnResult,
  WatchEvent,
} from './types';
import { dropSessionWatches, triggerWatches } from './watches';

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

/**
 * Deletes the session's ephemerals. Its watches stay until the close's events have fired (applyTxn drops them
 * after): the closing session hears what its own close fires, as any session hears its own writes' events.
 */
function closeSession(ctx: Ctx, info: SessionInfo): void {
  const { r, session } = ctx;
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
  // The watches a closed session still holds (those its close did not fire) go with it.
  if (txn.op === 'closeSession') dropSessionWatches(r.watches, txn.session);
  return { result, events };
}
