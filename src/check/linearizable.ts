// Linearizable writes: the client writes, with their results, fit some order that respects real time and a
// sequential znode tree (the zk layer's applyTxn on a private replica).
//
// The history
// - Every `invoke` with write === true is an op, matched to its `return` by session + opId. Its txn is
//   commandTxn(session, command); deleteall's is the multi its second stage sent (the `request` event
//   `${session}:${opId}:second`; with none, deleteall wrote nothing: its read failed or it never got that far).
// - Its interval starts at the first `request` event of its txn (the txn cannot take effect before a server
//   got it; this only narrows the invoke time, and a correct run still fits: a txn is chosen after its
//   request, and a txn whose reply came back precedes in the log every txn requested afterwards), or at
//   the invoke when no request was recorded. It ends at the `return`.
// - Unknown outcome (may take effect at any point after its start, or never): no `return`, or CONNECTIONLOSS /
//   OPERATIONTIMEOUT, or SESSIONEXPIRED made up by the client itself (no `server` in the result: the
//   session ended while the op was queued or in flight). An unknown op with no `request` event never
//   reached a server and is left out.
// - A txn takes effect no later than its first `apply` on any server (not one skipped as a duplicate) (it was decided before): an op's
//   interval ends there when that comes before its return, and an op of unknown outcome whose txn was
//   applied must take effect (its result is not compared). Session txns below follow the same rule.
// - Session transactions nobody invokes (createSession, closeSession on expiry or on a client's close):
//   from their first `request` to their first `apply` on any server; never applied: may or may not happen.
//   Their results are not compared.
// - Compared: ok, error code, path (the created name of a sequential create), the Stat's version, cversion,
//   numChildren, dataLength, aversion and ephemeralOwner, and per sub-op of a multi the same. zxids, times
//   and session ids depend on the exact position and are ignored.
//
// The search: Wing & Gong's depth-first search over which op linearizes next, with Lowe's cache of
// (linearized set, model state) and a budget of model steps. Only ops that no pending required op must
// precede (in real time) are tried; required ones first, earliest return first. An optional op that leaves
// the state unchanged is not tried (that is the same as it never happening).
//
// Partitioning (P-compositionality): the history is split into parts checked separately, which is sound
// when no op of one part can change anything an op of another part observes.
// - An op on /a/... touches key "a" (its top-level component); a multi touches every key of its sub-ops.
// - The root "/": its children count, cversion and sequential counter are observed only by ops on "/" itself
//   and by sequential creates directly under "/" (key "/"). When such an op exists, every op that creates or
//   deletes a top-level node joins key "/" too. The name a top-level sequential create makes is not known in
//   advance, so every op on a top-level name that such a create could have made (prefix + 10 digits) joins "/".
// - Sessions: every write fails with SESSIONEXPIRED when its session is not open, so each op reads its
//   session's "open" register, which only the session's createSession / closeSession change; a closeSession
//   also deletes the session's ephemerals. For each session s with session txns T_s:
//   * if two txns of T_s overlap in time, their order is open, so s's txns and all of s's ops form one part;
//   * otherwise a closeSession joins the keys of every op of s that creates an ephemeral (the only places
//     its deletions can land), and each op of s that overlaps a txn t of T_s in time joins t's part;
//     in every other part, each op of s is ordered in real time against every txn of T_s, so a copy of
//     each txn of T_s that must precede one of that part's ops is added there: the copies fix the register's
//     value for those ops, and have no other effect in that part (no ephemeral of s lives there).
import { commandTxn } from '../zk/commands';
import type { OpResult, TraceEvent } from '../sim/trace';
import type { Txn } from '../zk/types';
import { commandText, resultText, txnText } from './describe';
import { explainOperations } from './explain';
import { searchPartition, type Budget, type Operation } from './search';
import { znodeModel } from './znodeModel';
import { involving, OK, okWithNote, violation, type Verdict } from './types';
import { checkText } from './text';

/** Model steps (one applyTxn each) the search may take over the whole history. */
export const LINEARIZABILITY_BUDGET = 2_000_000;

export interface HistoryOp {
  /** Position in the history. */
  readonly id: number;
  readonly session: string;
  readonly txn: Txn;
  readonly start: number;
  /** Infinity when the op may take effect at any later point. */
  readonly end: number;
  /** Must take effect (its result is known, or a session txn that was applied). */
  readonly required: boolean;
  /** The result to match; null when not compared. */
  readonly expected: OpResult | null;
  /** Trace index of its `return` (client op) or first `apply` (session txn); -1 when none. */
  readonly endEvent: number;
  /** Trace index of the client's `invoke`; -1 for a session txn. */
  readonly invokeEvent: number;
  /** Trace index of the event that brought it into the history: its invoke (a session txn: its request). */
  readonly enteredEvent: number;
  /** A session transaction that no client invoked. */
  readonly sessionTxn: boolean;
  /** "c1 set -v 0 /a x". */
  readonly label: string;
}

const UNKNOWN_ERRORS: ReadonlySet<string> = new Set(['CONNECTIONLOSS', 'OPERATIONTIMEOUT']);

/** A result that leaves open whether the write took effect (see the top of this file). */
export function isUnknown(result: OpResult): boolean {
  return (
    (result.error !== undefined && UNKNOWN_ERRORS.has(result.error)) ||
    (result.error === 'SESSIONEXPIRED' && result.server === undefined)
  );
}

/** Whether an apply changed the replica: not a no-op, nor a request a server skipped as already applied. */
export function tookEffect(e: Extract<TraceEvent, { kind: 'apply' }>): boolean {
  return e.zxid !== 0 || (e.text !== 'noop' && e.text !== `duplicate of ${e.proposalId}`);
}

/** The write history of a trace (exported for tests and tools). */
export function buildHistory(trace: readonly TraceEvent[]): HistoryOp[] {
  const requests = new Map<string, { t: number; txn: Txn; index: number }>();
  const firstApply = new Map<string, { t: number; index: number }>();
  const returns = new Map<string, { t: number; index: number; result: OpResult }>();
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'request') {
      if (!requests.has(e.proposalId)) requests.set(e.proposalId, { t: e.t, txn: e.txn, index: i });
    } else if (e.kind === 'apply') {
      if (tookEffect(e) && !firstApply.has(e.proposalId)) firstApply.set(e.proposalId, { t: e.t, index: i });
    } else if (e.kind === 'return') {
      const key = `${e.session}:${e.opId}`;
      if (!returns.has(key)) returns.set(key, { t: e.t, index: i, result: e.result });
    }
  }
  const ops: HistoryOp[] = [];
  const clientRequestIds = new Set<string>();
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind !== 'invoke' || !e.write) continue;
    const base = `${e.session}:${e.opId}:`;
    clientRequestIds.add(`${base}first`);
    clientRequestIds.add(`${base}second`);
    let txn: Txn;
    let request: { t: number; txn: Txn; index: number } | undefined;
    let requestId = `${base}first`;
    if (e.command.kind === 'deleteall') {
      requestId = `${base}second`;
      request = requests.get(requestId);
      if (request === undefined) continue;
      txn = request.txn;
    } else {
      request = requests.get(requestId);
      txn = commandTxn(e.session, e.command);
    }
    const ret = returns.get(`${e.session}:${e.opId}`);
    const result = ret?.result;
    const unknown = result === undefined || isUnknown(result);
    if (unknown && request === undefined) continue;
    // A txn takes effect no later than its first apply: an applied op of unknown outcome did take effect.
    const applied = firstApply.get(requestId);
    const known = unknown ? undefined : ret;
    const appliedFirst = applied !== undefined && (known === undefined || applied.t < known.t);
    ops.push({
      id: ops.length,
      session: e.session,
      txn,
      start: request?.t ?? e.t,
      end: appliedFirst ? applied.t : (known?.t ?? Infinity),
      required: known !== undefined || applied !== undefined,
      expected: unknown ? null : result,
      endEvent: appliedFirst ? applied.index : (known?.index ?? -1),
      invokeEvent: i,
      enteredEvent: i,
      sessionTxn: false,
      label: `${e.session} "${commandText(e.command)}"`,
    });
  }
  for (const [proposalId, request] of requests) {
    const txn = request.txn;
    if (txn.op !== 'createSession' && txn.op !== 'closeSession') continue;
    if (clientRequestIds.has(proposalId)) continue;
    const applied = firstApply.get(proposalId);
    ops.push({
      id: ops.length,
      session: txn.session,
      txn,
      start: request.t,
      end: applied?.t ?? Infinity,
      required: applied !== undefined,
      expected: null,
      endEvent: applied?.index ?? -1,
      invokeEvent: -1,
      enteredEvent: request.index,
      sessionTxn: true,
      label: `${txnText(txn)} (${proposalId})`,
    });
  }
  return ops;
}

// ------------------------------------------------------------------------------------------ partitioning

function overlap(a: HistoryOp, b: HistoryOp): boolean {
  return !(a.end < b.start || b.end < a.start);
}

interface PathRef {
  readonly path: string;
  readonly kind: 'create' | 'delete' | 'setData' | 'check';
  readonly sequential: boolean;
  readonly ephemeral: boolean;
}

function pathRefs(txn: Txn): PathRef[] {
  switch (txn.op) {
    case 'create':
      return [{ path: txn.path, kind: 'create', sequential: txn.sequential, ephemeral: txn.ephemeral }];
    case 'delete':
    case 'setData':
      return [{ path: txn.path, kind: txn.op, sequential: false, ephemeral: false }];
    case 'multi':
      return txn.ops.map((op) => ({
        path: op.path,
        kind: op.op,
        sequential: op.op === 'create' && op.sequential,
        ephemeral: op.op === 'create' && op.ephemeral,
      }));
    case 'sync':
      return [{ path: txn.path, kind: 'check', sequential: false, ephemeral: false }];
    case 'createSession':
    case 'closeSession':
      return [];
  }
}

const ROOT_KEY = '/';

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    for (;;) {
      const p = this.parent.get(root);
      if (p === undefined || p === root) break;
      root = p;
    }
    let k = key;
    while (k !== root) {
      const p = this.parent.get(k) as string;
      this.parent.set(k, root);
      k = p;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** Each op's partition keys from the paths it touches, and whether it creates an ephemeral. */
function pathKeys(ops: readonly HistoryOp[]): { keys: string[][]; createsEphemeral: boolean[] } {
  const keys: string[][] = ops.map(() => []);
  const rootWriter: boolean[] = ops.map(() => false);
  const topName: (string | null)[][] = ops.map(() => []);
  const seqPrefixes = new Set<string>();
  let rootRead = false;
  const createsEphemeral: boolean[] = ops.map(() => false);
  for (const op of ops) {
    for (const ref of pathRefs(op.txn)) {
      if (ref.kind === 'create' && ref.ephemeral) createsEphemeral[op.id] = true;
      const effective = ref.sequential ? `${ref.path}0` : ref.path;
      const comps = effective.split('/').filter((c) => c.length > 0);
      const first = comps[0];
      if (first === undefined) {
        keys[op.id]?.push(ROOT_KEY);
        rootRead = true;
      } else if (comps.length === 1 && ref.kind === 'create' && ref.sequential) {
        keys[op.id]?.push(ROOT_KEY);
        rootRead = true;
        seqPrefixes.add(first.slice(0, -1));
      } else {
        keys[op.id]?.push(`p:${first}`);
        topName[op.id]?.push(first);
        if (comps.length === 1 && (ref.kind === 'create' || ref.kind === 'delete')) rootWriter[op.id] = true;
      }
    }
  }
  for (const op of ops) {
    const own = keys[op.id] as string[];
    if (rootRead && rootWriter[op.id]) own.push(ROOT_KEY);
    if (seqPrefixes.size > 0) {
      for (const name of topName[op.id] as string[]) {
        for (const prefix of seqPrefixes) {
          if (
            name.length === prefix.length + 10 &&
            name.startsWith(prefix) &&
            /^\d{10}$/.test(name.slice(prefix.length))
          ) {
            own.push(ROOT_KEY);
          }
        }
      }
    }
  }
  return { keys, createsEphemeral };
}

/** Adds each op's session keys (see the comment at the top); the tangled sessions and each session's txns. */
function sessionKeys(
  ops: readonly HistoryOp[],
  keys: string[][],
  createsEphemeral: readonly boolean[],
): { tangled: Set<string>; sessionTxns: Map<string, HistoryOp[]> } {
  const sessionTxns = new Map<string, HistoryOp[]>();
  const sessionOps = new Map<string, HistoryOp[]>();
  for (const op of ops) {
    const map = op.sessionTxn ? sessionTxns : sessionOps;
    const list = map.get(op.session);
    if (list === undefined) map.set(op.session, [op]);
    else list.push(op);
  }
  const tangled = new Set<string>();
  for (const [session, txns] of sessionTxns) {
    const clientOps = sessionOps.get(session) ?? [];
    let isTangled = false;
    for (let i = 0; i < txns.length && !isTangled; i++) {
      for (let j = i + 1; j < txns.length; j++) {
        if (overlap(txns[i] as HistoryOp, txns[j] as HistoryOp)) {
          isTangled = true;
          break;
        }
      }
    }
    if (isTangled) {
      tangled.add(session);
      for (const op of [...txns, ...clientOps]) keys[op.id]?.push(`S:${session}`);
      continue;
    }
    const ephemeralKeys: string[] = [];
    for (const op of clientOps) if (createsEphemeral[op.id]) ephemeralKeys.push(...(keys[op.id] as string[]));
    for (const t of txns) {
      const own = keys[t.id] as string[];
      own.push(`T:${t.id}`);
      if (t.txn.op === 'closeSession') own.push(...ephemeralKeys);
      for (const op of clientOps) if (overlap(op, t)) keys[op.id]?.push(`T:${t.id}`);
    }
  }
  return { tangled, sessionTxns };
}

/** Splits the history into independently checkable parts (see the comment at the top). */
export function partitionHistory(ops: readonly HistoryOp[]): HistoryOp[][] {
  const { keys, createsEphemeral } = pathKeys(ops);
  const { tangled, sessionTxns } = sessionKeys(ops, keys, createsEphemeral);
  const uf = new UnionFind();
  for (const op of ops) {
    const own = keys[op.id] as string[];
    if (own.length === 0) own.push(`op:${op.id}`);
    for (let k = 1; k < own.length; k++) uf.union(own[0] as string, own[k] as string);
  }
  const parts = new Map<string, HistoryOp[]>();
  const partOf = (op: HistoryOp): string => uf.find((keys[op.id] as string[])[0] as string);
  for (const op of ops) {
    const root = partOf(op);
    const part = parts.get(root);
    if (part === undefined) parts.set(root, [op]);
    else part.push(op);
  }
  // Copies of the session txns that must precede a part's ops of that session.
  for (const [root, part] of parts) {
    const copies = new Set<HistoryOp>();
    for (const op of part) {
      if (op.sessionTxn || tangled.has(op.session)) continue;
      for (const t of sessionTxns.get(op.session) ?? []) {
        if (t.end < op.start && partOf(t) !== root) copies.add(t);
      }
    }
    part.push(...copies);
  }
  return [...parts.values()];
}

// ------------------------------------------------------------------------------------------ the search

function operationOf(op: HistoryOp): Operation<Txn, OpResult | null> {
  return {
    input: op.txn,
    output: op.expected,
    call: op.start,
    ret: op.end,
    required: op.required,
    compared: op.expected !== null,
  };
}

export function checkLinearizable(trace: readonly TraceEvent[], _servers: number): Verdict {
  return checkLinearizableWithBudget(trace, LINEARIZABILITY_BUDGET);
}

/** checkLinearizable with another step budget (tests and tools). */
export function checkLinearizableWithBudget(trace: readonly TraceEvent[], limit: number): Verdict {
  const whole = searchHistory(buildHistory(trace), limit);
  if (whole.kind === 'unknown') return okWithNote('unknown: search budget exhausted');
  if (whole.kind === 'ok') return OK;
  // The first event after which no linearization exists (a prefix of a linearizable history is one, so the
  // search halves); the reason names the op that cannot be placed in that prefix.
  let lo = 0;
  let hi = trace.length - 1;
  let found: Failure = whole;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const prefix = searchHistory(buildHistory(trace.slice(0, mid + 1)), limit);
    if (prefix.kind === 'violation') {
      hi = mid;
      found = prefix;
    } else lo = mid + 1;
  }
  const { op, model } = found;
  return violation(
    hi,
    checkText.notLinearizable(op.label, op.expected === null ? null : resultText(op.expected), model),
    involving([], [], [op.enteredEvent, hi]),
  );
}

type Failure = { kind: 'violation'; op: HistoryOp; model: string | null };

/** The whole search over a history, partition by partition: the op that fits least where it failed. */
function searchHistory(history: readonly HistoryOp[], limit: number): Failure | { kind: 'ok' } | { kind: 'unknown' } {
  const parts = partitionHistory(history)
    .filter((part) => part.some((op) => op.expected !== null))
    .sort((a, b) => a.length - b.length);
  const budget: Budget = { used: 0, limit };
  let failure: Failure | null = null;
  let exhausted = false;
  for (const part of parts) {
    if (budget.used >= budget.limit) {
      exhausted = true;
      break;
    }
    const outcome = searchPartition(znodeModel, part.map(operationOf), budget);
    if (outcome.kind === 'exhausted') exhausted = true;
    else if (outcome.kind === 'violation') {
      const op = part[outcome.culprit]!;
      if (failure === null || rankOf(op) < rankOf(failure.op))
        failure = {
          kind: 'violation',
          op,
          model: outcome.placeable ? znodeModel.describeAnswer(outcome.state, op.txn) : null,
        };
    }
  }
  if (failure !== null) return failure;
  return exhausted ? { kind: 'unknown' } : { kind: 'ok' };
}

function rankOf(op: HistoryOp): number {
  return op.endEvent < 0 ? Number.MAX_SAFE_INTEGER : op.endEvent;
}

/** Why the write history is or is not linearizable, by op id (the client history view draws it). */
export type HistoryExplanation =
  | { readonly kind: 'ok'; readonly points: ReadonlyMap<number, number> }
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'violation';
      readonly prefix: readonly number[];
      readonly culprit: number;
      readonly unorderable: readonly number[];
      readonly answer: string | null;
    };

/** explainOperations over the history's partitions: points by op id, or the violation whose culprit ends first. */
export function explainHistory(history: readonly HistoryOp[], limit = LINEARIZABILITY_BUDGET): HistoryExplanation {
  const budget: Budget = { used: 0, limit };
  const points = new Map<number, number>();
  let found: Extract<HistoryExplanation, { kind: 'violation' }> | null = null;
  let foundRank = Number.POSITIVE_INFINITY;
  const parts = partitionHistory(history).filter((part) => part.some((op) => op.expected !== null));
  for (const part of parts) {
    const outcome = explainOperations(znodeModel, part.map(operationOf), budget);
    if (outcome.kind === 'unknown') return outcome;
    const id = (k: number): number => part[k]!.id;
    if (outcome.kind === 'ok') {
      outcome.points.forEach((at, k) => {
        if (at !== null) points.set(id(k), at);
      });
    } else if (rankOf(part[outcome.culprit]!) < foundRank) {
      foundRank = rankOf(part[outcome.culprit]!);
      found = {
        kind: 'violation',
        prefix: outcome.prefix.map(id),
        culprit: id(outcome.culprit),
        unorderable: [...new Set(outcome.unorderable.map(id))],
        answer: outcome.answer,
      };
    }
  }
  return found ?? { kind: 'ok', points };
}
