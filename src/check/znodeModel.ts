// The znode tree as a sequential specification: a private replica (the zk layer's applyTxn) that every
// transaction steps, and the parts of a write's result a client can compare.
import type { OpResult } from '../sim/trace';
import { parentOf } from '../zk/path';
import { createReplica, type Replica, type SessionInfo, type Znode } from '../zk/replica';
import { applyTxn } from '../zk/apply';
import type { MultiOpResult, SessionName, Stat, Txn, TxnResult } from '../zk/types';
import { createWatchTable } from '../zk/watches';
import { resultText } from './describe';
import { LayeredMap, LayeredSet } from './layeredMap';
import type { Model } from './search';

/** The model's state: the tree, how many transactions made it (their zxids), and its key. */
export interface ZnodeState {
  readonly replica: Replica;
  readonly depth: number;
  /** Equal keys iff equal states (StateNumbers). */
  readonly key: number;
  /** treeHash(replica), kept up to date step by step. */
  readonly treeHash: number;
  readonly sessionsHash: number;
  readonly numbers: StateNumbers;
}

function statMatches(model: Stat | undefined, actual: Stat | undefined): boolean {
  if (actual === undefined) return true;
  if (model === undefined) return false;
  return (
    model.version === actual.version &&
    model.cversion === actual.cversion &&
    model.numChildren === actual.numChildren &&
    model.dataLength === actual.dataLength &&
    model.aversion === actual.aversion &&
    model.ephemeralOwner === actual.ephemeralOwner
  );
}

function oneMatches(model: TxnResult | MultiOpResult, actual: OpResult | MultiOpResult): boolean {
  if (model.ok !== actual.ok) return false;
  if ((model.error ?? null) !== (actual.error ?? null)) return false;
  if (actual.path !== undefined && model.path !== actual.path) return false;
  return statMatches(model.stat, actual.stat);
}

/** Whether a result the model gives matches the one a client got (no zxids, times or session ids). */
export function resultMatches(model: TxnResult, actual: OpResult): boolean {
  if (!oneMatches(model, actual)) return false;
  if (actual.results === undefined) return true;
  const mine = model.results;
  if (mine === undefined || mine.length !== actual.results.length) return false;
  for (let k = 0; k < mine.length; k++) if (!oneMatches(mine[k]!, actual.results[k]!)) return false;
  return true;
}

/** A 32-bit hash of a string's code units (FNV-1a with a final mix). */
function textHash(text: string, seed: number): number {
  let h = seed ^ 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** What of a znode decides future results (no zxids, times or session ids), hashed with its path. */
function nodeHash(path: string, n: Znode): number {
  let h = textHash(path, 1) ^ textHash(n.data, 2);
  h = mix(h + Math.imul(n.version, 0x9e3779b1));
  h = mix(h + Math.imul(n.childCreates, 0x7feb352d));
  return n.ephemeralOwner === 0 ? h : mix(h ^ textHash(n.ephemeralOwner, 3));
}

function sameNode(a: Znode, b: Znode): boolean {
  return (
    a === b ||
    (a.data === b.data &&
      a.version === b.version &&
      a.childCreates === b.childCreates &&
      a.ephemeralOwner === b.ephemeralOwner)
  );
}

/** The same state as far as future results go: the same znodes (as nodeHash reads them) and open sessions. */
export function sameState(a: Replica, b: Replica): boolean {
  if (a.nodes.size !== b.nodes.size || a.sessions.size !== b.sessions.size) return false;
  if (!sameNodes(a.nodes, b.nodes)) return false;
  if (a.sessions !== b.sessions) for (const name of a.sessions.keys()) if (!b.sessions.has(name)) return false;
  return true;
}

/** The same znodes at the same paths (as nodeHash reads them); over one base only the changed paths can differ. */
function sameNodes(a: ReadonlyMap<string, Znode>, b: ReadonlyMap<string, Znode>): boolean {
  if (a instanceof LayeredMap && b instanceof LayeredMap && a.sharesBaseWith(b)) {
    return sameAt(a.changedKeys(), a, b) && sameAt(b.changedKeys(), a, b);
  }
  return sameAt(a.keys(), a, b);
}

function sameAt(paths: Iterable<string>, a: ReadonlyMap<string, Znode>, b: ReadonlyMap<string, Znode>): boolean {
  for (const path of paths) {
    const n = a.get(path);
    const m = b.get(path);
    if (n === undefined || m === undefined ? n !== m : !sameNode(n, m)) return false;
  }
  return true;
}

/** The order-free hash of a replica's znodes (XOR over nodes: a step updates it by its changed nodes). */
export function treeHash(r: Replica): number {
  let h = 0;
  for (const [path, n] of r.nodes) h ^= nodeHash(path, n);
  return h;
}

function sessionsHash(r: Replica): number {
  let h = 0;
  for (const name of r.sessions.keys()) h ^= textHash(name, 4);
  return h;
}

/**
 * The states of one search by number: a state's key is the number of the first equal state met. Hashes only
 * find the candidates; equality is decided by comparing the states (sameState), so no collision merges two.
 */
class StateNumbers {
  /** One state per hash, or (on a collision) every state with that hash. */
  private readonly byHash = new Map<number, Numbered | Numbered[]>();
  private count = 0;

  idOf(replica: Replica, hash: number): number {
    const known = this.byHash.get(hash);
    const entry = { replica, id: this.count };
    if (known === undefined) this.byHash.set(hash, entry);
    else if (Array.isArray(known)) {
      for (const other of known) if (sameState(other.replica, replica)) return other.id;
      known.push(entry);
    } else if (sameState(known.replica, replica)) return known.id;
    else this.byHash.set(hash, [known, entry]);
    return this.count++;
  }
}

interface Numbered {
  readonly replica: Replica;
  readonly id: number;
}

/** `path`, and its parent when `txn` may change that too (a create or delete of `path`). */
function touch(paths: string[], path: string, sequential: boolean): void {
  paths.push(path);
  const parent = parentOf(sequential ? `${path}0` : path);
  if (parent !== null) paths.push(parent);
}

/** The paths whose znodes `txn` may change in place on `r` (applyTxn changes a parent, never a removed node). */
function touchedPaths(r: Replica, txn: Txn): string[] {
  const paths: string[] = [];
  switch (txn.op) {
    case 'create':
      touch(paths, txn.path, txn.sequential);
      break;
    case 'delete':
      touch(paths, txn.path, false);
      break;
    case 'setData':
    case 'sync':
      // They change the znode itself, never its parent.
      paths.push(txn.path);
      break;
    case 'multi':
      for (const op of txn.ops) touch(paths, op.path, op.op === 'create' && op.sequential);
      break;
    case 'closeSession':
      for (const path of r.sessions.get(txn.session)?.ephemerals ?? []) touch(paths, path, false);
      break;
    case 'createSession':
      break;
  }
  return paths;
}

/** Whether `txn` may change a session (open, close, or an ephemeral it owns), else the sessions are shared. */
function touchesSessions(r: Replica, txn: Txn): boolean {
  switch (txn.op) {
    case 'create':
      return txn.ephemeral;
    case 'delete':
      return (r.nodes.get(txn.path)?.ephemeralOwner ?? 0) !== 0;
    case 'setData':
    case 'sync':
      return false;
    case 'multi':
    case 'createSession':
    case 'closeSession':
      return true;
  }
}

// The model's replicas never register a watch, so they share one empty table (applyTxn only reads it then).
const NO_WATCHES = createWatchTable();

/**
 * A copy of `r` that `txn` may change: its node map, the znodes `txn` touches and, when it may change one, the
 * sessions (the rest are shared with `r`, which no later step changes). Far cheaper than cloneReplica per step.
 * setData and sync change no child list, so those znodes keep sharing theirs.
 */
function copyForTxn(r: Replica, txn: Txn, touched: readonly string[]): Replica {
  const nodes = r.nodes instanceof LayeredMap ? r.nodes.fork() : LayeredMap.of(r.nodes);
  const sameChildren = txn.op === 'setData' || txn.op === 'sync';
  for (const path of touched) {
    const node = r.nodes.get(path);
    if (node !== undefined && nodes.get(path) === node)
      nodes.set(path, sameChildren ? { ...node } : { ...node, children: forkChildren(node.children) });
  }
  if (!touchesSessions(r, txn)) return { ...r, nodes };
  const sessions = new Map<SessionName, SessionInfo>();
  for (const [name, info] of r.sessions) sessions.set(name, { ...info, ephemerals: new Set(info.ephemerals) });
  return { nodes, sessions, closedSessions: new Set(r.closedSessions), watches: NO_WATCHES, lastZxid: r.lastZxid };
}

/** A child list to change; a long one (a parent of many sequential znodes) shares its base with the original. */
function forkChildren(children: Set<string>): Set<string> {
  if (children instanceof LayeredSet) return children.fork();
  return children.size > 32 ? LayeredSet.of(children) : new Set(children);
}

interface Stepped {
  readonly replica: Replica;
  readonly result: TxnResult;
  /** The paths copyForTxn copied. */
  readonly touched: readonly string[];
}

function apply(state: ZnodeState, txn: Txn): Stepped {
  const touched = touchedPaths(state.replica, txn);
  const replica = copyForTxn(state.replica, txn, touched);
  const { result } = applyTxn(replica, txn, state.depth + 1, 0);
  return { replica, result, touched };
}

/**
 * treeHash of a step's replica from its parent's: a znode can only change at a path the step copied or one its
 * result names (a created node), so only those are rehashed. O(what the step touched), not O(tree).
 */
function steppedTreeHash(state: ZnodeState, { replica, result, touched }: Stepped): number {
  const before = state.replica.nodes;
  const after = replica.nodes;
  let h = state.treeHash;
  const seen: string[] = [];
  for (const path of touched) h = rehash(h, seen, path, before, after);
  if (result.path !== undefined) h = rehash(h, seen, result.path, before, after);
  for (const sub of result.results ?? []) if (sub.path !== undefined) h = rehash(h, seen, sub.path, before, after);
  return h;
}

/** `h` with the znode at `path` in `before` hashed out and the one in `after` in (once per path). */
function rehash(
  h: number,
  seen: string[],
  path: string,
  before: ReadonlyMap<string, Znode>,
  after: ReadonlyMap<string, Znode>,
): number {
  if (seen.includes(path)) return h;
  seen.push(path);
  const old = before.get(path);
  const now = after.get(path);
  if (old === now) return h;
  if (old !== undefined) h ^= nodeHash(path, old);
  if (now !== undefined) h ^= nodeHash(path, now);
  return h;
}

function numbered(replica: Replica, depth: number, tree: number, sessions: number, numbers: StateNumbers): ZnodeState {
  const key = numbers.idOf(replica, mix(tree ^ Math.imul(sessions, 0x27d4eb2d)));
  return { replica, depth, key, treeHash: tree, sessionsHash: sessions, numbers };
}

/**
 * The same states numbered in a table of their own, so a long-lived holder (the live monitor's frontier) lets go of
 * every state its earlier searches met.
 */
export function renumbered(states: readonly ZnodeState[]): ZnodeState[] {
  const numbers = new StateNumbers();
  return states.map((s) => numbered(s.replica, s.depth, s.treeHash, s.sessionsHash, numbers));
}

/** A step whatever the client got: the next state and the result the model gives (for a caller that keeps steps). */
export function stepTxn(state: ZnodeState, txn: Txn): { readonly state: ZnodeState; readonly result: TxnResult } {
  const stepped = apply(state, txn);
  const { replica } = stepped;
  const sessions = replica.sessions === state.replica.sessions ? state.sessionsHash : sessionsHash(replica);
  const next = numbered(replica, state.depth + 1, steppedTreeHash(state, stepped), sessions, state.numbers);
  return { state: next, result: stepped.result };
}

/** Input: the transaction; output: the result to match, or null when it is not compared. */
export const znodeModel: Model<ZnodeState, Txn, OpResult | null> = {
  init() {
    const replica = { ...createReplica(), watches: NO_WATCHES };
    // Each search numbers its own states (and lets them go with it).
    return numbered(replica, 0, treeHash(replica), sessionsHash(replica), new StateNumbers());
  },
  // Not compared: the txn applies whatever it answers.
  unknownOutput: () => null,
  step(state, txn, expected) {
    const stepped = apply(state, txn);
    if (expected !== null && !resultMatches(stepped.result, expected)) return undefined;
    const { replica } = stepped;
    const sessions = replica.sessions === state.replica.sessions ? state.sessionsHash : sessionsHash(replica);
    return numbered(replica, state.depth + 1, steppedTreeHash(state, stepped), sessions, state.numbers);
  },
  key: (state) => state.key,
  rekey: (state) => renumbered([state])[0]!,
  describeOperation: (txn, expected) => `${txn.op} ${expected === null ? '' : resultText(expected)}`,
  describeAnswer: (state, txn) => resultText(apply(state, txn).result),
};
