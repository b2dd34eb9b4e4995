// The znode tree as a sequential specification: a private replica (the zk layer's applyTxn) that every
// transaction steps, and the parts of a write's result a client can compare.
import type { OpResult } from '../sim/trace';
import { parentOf } from '../zk/path';
import { createReplica, type Replica, type SessionInfo, type Znode } from '../zk/replica';
import { applyTxn } from '../zk/apply';
import type { MultiOpResult, SessionName, Stat, Txn, TxnResult } from '../zk/types';
import { createWatchTable } from '../zk/watches';
import { resultText } from './describe';
import type { Model } from './search';

/** The model's state: the tree, how many transactions made it (their zxids), and its key. */
export interface ZnodeState {
  readonly replica: Replica;
  readonly depth: number;
  readonly key: string;
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

// Znodes no step changes are shared between states (copyForTxn): their keys are made once.
const nodeKeys = new WeakMap<Znode, string>();

function nodeKey(path: string, n: Znode): string {
  let key = nodeKeys.get(n);
  if (key === undefined) {
    key = `${path}\u0001${n.data}\u0001${n.version}\u0001${n.childCreates}\u0001${n.ephemeralOwner === 0 ? '' : n.ephemeralOwner}`;
    nodeKeys.set(n, key);
  }
  return key;
}

/** What of a replica decides future results (no zxids, times or session ids). */
function replicaKey(r: Replica): string {
  const parts: string[] = [];
  for (const [path, n] of r.nodes) parts.push(nodeKey(path, n));
  parts.sort();
  parts.push(`\u0002${[...r.sessions.keys()].sort().join('\u0001')}`);
  return parts.join('\u0003');
}

/** The paths whose znodes `txn` may change in place on `r` (applyTxn changes a parent, never a removed node). */
function touchedPaths(r: Replica, txn: Txn): string[] {
  const paths: string[] = [];
  const touch = (path: string, sequential: boolean): void => {
    paths.push(path);
    const parent = parentOf(sequential ? `${path}0` : path);
    if (parent !== null) paths.push(parent);
  };
  switch (txn.op) {
    case 'create':
      touch(txn.path, txn.sequential);
      break;
    case 'delete':
    case 'setData':
    case 'sync':
      touch(txn.path, false);
      break;
    case 'multi':
      for (const op of txn.ops) touch(op.path, op.op === 'create' && op.sequential);
      break;
    case 'closeSession':
      for (const path of r.sessions.get(txn.session)?.ephemerals ?? []) touch(path, false);
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
 */
function copyForTxn(r: Replica, txn: Txn): Replica {
  const nodes = new Map(r.nodes);
  for (const path of touchedPaths(r, txn)) {
    const node = r.nodes.get(path);
    if (node !== undefined && nodes.get(path) === node) nodes.set(path, { ...node, children: new Set(node.children) });
  }
  if (!touchesSessions(r, txn)) return { ...r, nodes };
  const sessions = new Map<SessionName, SessionInfo>();
  for (const [name, info] of r.sessions) sessions.set(name, { ...info, ephemerals: new Set(info.ephemerals) });
  return { nodes, sessions, closedSessions: new Set(r.closedSessions), watches: NO_WATCHES, lastZxid: r.lastZxid };
}

function apply(state: ZnodeState, txn: Txn): { replica: Replica; result: TxnResult } {
  const replica = copyForTxn(state.replica, txn);
  const { result } = applyTxn(replica, txn, state.depth + 1, 0);
  return { replica, result };
}

/** Input: the transaction; output: the result to match, or null when it is not compared. */
export const znodeModel: Model<ZnodeState, Txn, OpResult | null> = {
  init() {
    const replica = { ...createReplica(), watches: NO_WATCHES };
    return { replica, depth: 0, key: replicaKey(replica) };
  },
  step(state, txn, expected) {
    const { replica, result } = apply(state, txn);
    if (expected !== null && !resultMatches(result, expected)) return undefined;
    return { replica, depth: state.depth + 1, key: replicaKey(replica) };
  },
  key: (state) => state.key,
  describeOperation: (txn, expected) => `${txn.op} ${expected === null ? '' : resultText(expected)}`,
  describeAnswer: (state, txn) => resultText(apply(state, txn).result),
};
