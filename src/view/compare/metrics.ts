// What the compare view's table shows of one run, folded over its trace: messages between servers per committed
// write, mean write latency, and for the last leader crash the time to the next committed write and the messages
// spent on the way. Pure: the worker feeds its trace as it grows; a test feeds a whole scripted run.
import { resultText } from '../../script/output';
import type { TraceEvent, WireKind } from '../../sim/trace';
import type { ClientCommand } from '../../zk/commands';

/** Messages that never stop whatever the load (heartbeats, pings, session touches): not the cost of a write. */
const CHATTER: ReadonlySet<WireKind> = new Set<WireKind>([
  'heartbeat',
  'heartbeatAck',
  'PING',
  'PINGACK',
  'session-touch',
]);

export interface CompareMetrics {
  /** Client writes answered ok outside a recovery (the writes the two figures below are per). */
  readonly writes: number;
  /** Messages between servers per write in steady state, session opens and closes counted as the writes they are
   *  (null: no write yet). */
  readonly messagesPerWrite: number | null;
  /** Mean simulated ms from a write's request to its reply, in steady state (null: no write yet). */
  readonly writeLatencyMs: number | null;
  /** The last leader crash: simulated ms to the next committed client write (null: no recovery finished yet). */
  readonly recoveryMs: number | null;
  /** Messages between servers from that crash to that commit (null: as above). */
  readonly recoveryMessages: number | null;
  /** A leader crashed and no client write has committed since. */
  readonly recovering: boolean;
  /** What zkCli printed for the last client write if it failed (a write on the crashed leader's own connection
   *  fails with ConnectionLoss and commits nothing, so the recovery waits for the next one); null: it succeeded. */
  readonly lastWriteFailure: string | null;
}

/** The fold's state: plain data, so the worker can keep one per run and start again after a seek. */
export interface MetricsState {
  /** Trace events folded so far. */
  seen: number;
  leaders: Set<number>;
  /** Client writes in flight: invoke time, the command, and whether a recovery overlapped them. */
  open: Map<string, { at: number; command: ClientCommand; disturbed: boolean }>;
  /** Which requests are client writes (by proposal id): their commit ends a recovery. */
  clientWrites: Set<string>;
  /** Session opens and closes (by proposal id): transactions too, so their messages are a write's. */
  sessionTxns: Set<string>;
  /** Proposals decided somewhere already (each transaction counts once). */
  decided: Set<string>;
  /** Session transactions committed in steady state. */
  steadySessionTxns: number;
  firstWriteAt: number | null;
  /** Writes in flight that a recovery touched: while any is open, messages are not steady state either. */
  disturbedOpen: number;
  steadyMessages: number;
  steadyWrites: number;
  latencySum: number;
  /** The recovery under way: when the leader crashed, and the messages since. */
  pending: { at: number; messages: number } | null;
  last: { ms: number; messages: number } | null;
  lastWriteFailure: string | null;
}

export function newMetricsState(): MetricsState {
  return {
    seen: 0,
    leaders: new Set(),
    open: new Map(),
    clientWrites: new Set(),
    sessionTxns: new Set(),
    decided: new Set(),
    steadySessionTxns: 0,
    firstWriteAt: null,
    disturbedOpen: 0,
    steadyMessages: 0,
    steadyWrites: 0,
    latencySum: 0,
    pending: null,
    last: null,
    lastWriteFailure: null,
  };
}

const SERVER = /^n\d+$/;

function isServerMessage(event: Extract<TraceEvent, { kind: 'send' }>): boolean {
  return SERVER.test(event.from) && SERVER.test(event.to) && !CHATTER.has(event.wire);
}

/** After the first write, no recovery under way and no write in flight that one touched. */
function steady(state: MetricsState): boolean {
  return state.firstWriteAt !== null && state.pending === null && state.disturbedOpen === 0;
}

function absorb(state: MetricsState, event: TraceEvent): void {
  switch (event.kind) {
    case 'role':
      if (event.role === 'leader') state.leaders.add(event.server);
      else state.leaders.delete(event.server);
      return;
    case 'zab-state':
      if (event.state === 'leading') state.leaders.add(event.server);
      else state.leaders.delete(event.server);
      return;
    case 'crash':
      if (state.leaders.delete(event.server) && state.pending === null) {
        state.pending = { at: event.t, messages: 0 };
        for (const write of state.open.values()) write.disturbed = true;
        state.disturbedOpen = state.open.size;
      }
      return;
    case 'send':
      if (!isServerMessage(event)) return;
      if (state.pending !== null) state.pending.messages++;
      else if (steady(state)) state.steadyMessages++;
      return;
    case 'invoke': {
      if (!event.write) return;
      state.firstWriteAt ??= event.t;
      const write = { at: event.t, command: event.command, disturbed: state.pending !== null };
      state.open.set(`${event.session}:${event.opId}`, write);
      if (state.pending !== null) state.disturbedOpen++;
      return;
    }
    case 'return': {
      const key = `${event.session}:${event.opId}`;
      const write = state.open.get(key);
      if (write === undefined) return;
      state.open.delete(key);
      if (write.disturbed) state.disturbedOpen--;
      state.lastWriteFailure = event.result.ok ? null : (resultText(write.command, event.result)[0] ?? null);
      if (!event.result.ok || write.disturbed) return;
      state.steadyWrites++;
      state.latencySum += event.t - write.at;
      return;
    }
    case 'request':
      if (event.txn.op === 'createSession' || event.txn.op === 'closeSession') state.sessionTxns.add(event.proposalId);
      else if (event.txn.op !== 'sync') state.clientWrites.add(event.proposalId);
      return;
    case 'decided':
      if (state.decided.has(event.proposalId)) return;
      state.decided.add(event.proposalId);
      if (state.pending === null) {
        if (state.sessionTxns.has(event.proposalId) && steady(state)) state.steadySessionTxns++;
        return;
      }
      if (!state.clientWrites.has(event.proposalId)) return;
      state.last = { ms: event.t - state.pending.at, messages: state.pending.messages };
      state.pending = null;
      return;
    default:
      return;
  }
}

/** Fold the events the state has not seen yet (a trace that got shorter, after a seek back, is folded afresh). */
export function absorbTrace(state: MetricsState, trace: readonly TraceEvent[]): MetricsState {
  const from = trace.length < state.seen ? newMetricsState() : state;
  for (let i = from.seen; i < trace.length; i++) absorb(from, trace[i]!);
  from.seen = trace.length;
  return from;
}

export function metricsOf(state: MetricsState): CompareMetrics {
  const writes = state.steadyWrites;
  const txns = writes + state.steadySessionTxns;
  return {
    writes,
    messagesPerWrite: writes === 0 ? null : state.steadyMessages / txns,
    writeLatencyMs: writes === 0 ? null : state.latencySum / writes,
    recoveryMs: state.last?.ms ?? null,
    recoveryMessages: state.last?.messages ?? null,
    recovering: state.pending !== null,
    lastWriteFailure: state.lastWriteFailure,
  };
}

/** The table's figures for a whole trace. */
export function compareMetrics(trace: readonly TraceEvent[]): CompareMetrics {
  return metricsOf(absorbTrace(newMetricsState(), trace));
}
