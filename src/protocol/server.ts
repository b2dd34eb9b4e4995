// One Paxos server as a state machine: step(state, input, env) -> { state, messages, effects, wakeAt }.
// No I/O, no clock, no randomness of its own: time and random draws arrive in `env`.
// The state handed to step belongs to step from then on (it is updated in place for speed);
// a driver that keeps history clones it first (see cloneServerState).
import { ballotsEqual, compareBallots, ZERO_BALLOT } from './ballot';
import { quorumSize } from './quorum';
import type {
  AcceptedEntry,
  Ballot,
  DurableState,
  Effect,
  Env,
  Input,
  Message,
  Proposal,
  ProtocolConfig,
  ServerId,
  ServerState,
  StepOutput,
  VolatileState,
} from './types';

export const NOOP_ID = 'noop';

/** How many recently decided request ids a server remembers to ignore late forwards of them
 *  (an optimisation only: a request chosen twice is applied once by the state machine). */
const RECENT_DECIDED_IDS = 4096;

function rememberDecided<P>(v: VolatileState<P>, id: string): void {
  if (v.decidedIds.has(id)) return;
  // A ring of the most recent ids: the one it overwrites is forgotten.
  const oldest = v.decidedRing[v.decidedRingAt];
  if (oldest !== undefined) v.decidedIds.delete(oldest);
  v.decidedRing[v.decidedRingAt] = id;
  v.decidedRingAt = (v.decidedRingAt + 1) % RECENT_DECIDED_IDS;
  v.decidedIds.add(id);
}

/** Collects what one step sends and does. */
class Out<P> {
  readonly messages: Message<P>[] = [];
  readonly effects: Effect<P>[] = [];
  constructor(
    readonly state: ServerState<P>,
    readonly env: Env,
  ) {}
  send(message: Message<P>): void {
    this.messages.push(message);
  }
  /** One copy of a message to every other server. */
  broadcast(make: (to: ServerId) => Message<P>): void {
    for (let to = 1; to <= this.state.config.servers; to++) if (to !== this.state.id) this.messages.push(make(to));
  }
  effect(effect: Effect<P>): void {
    this.effects.push(effect);
  }
  finish(): StepOutput<P> {
    return { state: this.state, messages: this.messages, effects: this.effects, wakeAt: wakeAt(this.state) };
  }
}

/** How many slots from 0 a durable log holds decided, without a gap (what a restarted server knows is decided). */
export function decidedPrefix(durable: Pick<DurableState<unknown>, 'decided'>): number {
  let slot = 0;
  while (durable.decided[slot] !== undefined) slot++;
  return slot;
}

function freshVolatile<P>(config: ProtocolConfig, durable: DurableState<P>, env: Env): VolatileState<P> {
  const decidedUpTo = decidedPrefix(durable);

  const volatile: VolatileState<P> = {
    role: 'follower',
    leader: null,
    ballot: ZERO_BALLOT,
    highestRound: durable.promised.round,
    promisesFrom: new Set(),
    prepareFromSlot: 0,
    reportedAccepted: new Map(),
    nextSlot: 0,
    acceptVotes: new Map(),
    acceptSentAt: new Map(),
    leaderDecidedUpTo: 0,
    pending: new Map(),
    decidedIds: new Set(),
    decidedRing: [],
    decidedRingAt: 0,
    roundFor: null,
    decidedUpTo,
    appliedUpTo: 0,
    appliedAhead: new Set(),
    electionDeadline: env.now + electionTimeout(config, env),
    heartbeatDue: Infinity,
    lastHeardFrom: new Map(),
    lastForwardAt: -Infinity,
    probeAt: env.now + probeIntervalMs(config),
    probePeer: 0,
  };
  for (let slot = Math.max(0, durable.decided.length - RECENT_DECIDED_IDS); slot < durable.decided.length; slot++) {
    const proposal = durable.decided[slot];
    if (proposal !== undefined && proposal.payload !== null) rememberDecided(volatile, proposal.id);
  }
  return volatile;
}

function electionTimeout(config: ProtocolConfig, env: Env): number {
  const span = config.electionTimeoutMaxMs - config.electionTimeoutMinMs;
  return Math.floor(config.electionTimeoutMinMs + env.random() * span);
}

/** A server that has never run: empty durable state. */
export function initServer<P>(id: ServerId, config: ProtocolConfig, env: Env): ServerState<P> {
  const durable: DurableState<P> = { promised: ZERO_BALLOT, accepted: [], decided: [] };
  const volatile = freshVolatile(config, durable, env);
  // At boot the first timeouts are staggered by id, so n1 normally leads the first term (scenarios rely on it);
  // every later timeout is random.
  volatile.electionDeadline = env.now + Math.round(config.electionTimeoutMinMs * (0.1 + 0.25 * (id - 1)));
  return { id, config, durable, volatile };
}

/** What survives a crash: the durable part only (and not even the promise under forget-promise). */
export function crashServer<P>(state: ServerState<P>): DurableState<P> {
  const durable = state.durable;
  return state.config.bugs.has('forget-promise') ? { ...durable, promised: ZERO_BALLOT } : durable;
}

/** Restart from durable state: volatile state starts afresh and the decided prefix is applied again. */
export function restartServer<P>(
  id: ServerId,
  config: ProtocolConfig,
  durable: DurableState<P>,
  env: Env,
): StepOutput<P> {
  const state: ServerState<P> = { id, config, durable, volatile: freshVolatile(config, durable, env) };
  const out = new Out(state, env);
  applyReady(out);
  return out.finish();
}

export function cloneServerState<P>(state: ServerState<P>): ServerState<P> {
  return structuredClone(state);
}

/**
 * A copy of volatile state for a driver's snapshot: every collection the protocol changes in place is new,
 * while what is never changed once made (ballots, proposals, accepted entries, ids) is shared.
 * A new mutable field in VolatileState must be copied here.
 */
export function cloneVolatile<P>(v: VolatileState<P>): VolatileState<P> {
  return {
    ...v,
    promisesFrom: new Set(v.promisesFrom),
    reportedAccepted: new Map(v.reportedAccepted),
    acceptVotes: new Map([...v.acceptVotes].map(([slot, voters]) => [slot, new Set(voters)])),
    acceptSentAt: new Map(v.acceptSentAt),
    pending: new Map(v.pending),
    decidedIds: new Set(v.decidedIds),
    decidedRing: [...v.decidedRing],
    appliedAhead: new Set(v.appliedAhead),
    lastHeardFrom: new Map(v.lastHeardFrom),
  };
}

function wakeAt<P>(state: ServerState<P>): number {
  const v = state.volatile;
  if (v.role === 'leader') return v.heartbeatDue;
  if (state.config.mode === 'basic-paxos') {
    return Math.min(v.probeAt, v.pending.size > 0 || v.role === 'candidate' ? v.electionDeadline : Infinity);
  }
  return Math.min(
    v.electionDeadline,
    v.pending.size > 0 && v.leader !== null ? v.lastForwardAt + retryForwardMs(state.config) : Infinity,
  );
}

function probeIntervalMs(config: ProtocolConfig): number {
  return config.heartbeatMs * 4;
}

function retryForwardMs(config: ProtocolConfig): number {
  return config.electionTimeoutMinMs;
}

export function step<P>(state: ServerState<P>, input: Input<P>, env: Env): StepOutput<P> {
  const out = new Out(state, env);
  switch (input.kind) {
    case 'tick':
      onTick(out);
      break;
    case 'request':
      onRequest(out, { id: input.id, epoch: 0, time: env.now, payload: input.payload });
      break;
    case 'message':
      onMessage(out, input.message);
      break;
  }
  return out.finish();
}

function onMessage<P>(out: Out<P>, m: Message<P>): void {
  switch (m.type) {
    case 'prepare': {
      onPrepare(out, m.from, m.ballot, m.fromSlot);
      return;
    }
    case 'promise': {
      onPromise(out, m.from, m.ballot, m.accepted, m.decided);
      return;
    }
    case 'nack': {
      onNack(out, m.ballot, m.promised);
      return;
    }
    case 'accept': {
      onAccept(out, m.from, m.ballot, m.slot, m.proposal);
      return;
    }
    case 'accepted': {
      onAccepted(out, m.from, m.ballot, m.slot);
      return;
    }
    case 'decide': {
      onDecide(out, m.slot, m.proposal);
      return;
    }
    case 'heartbeat': {
      onHeartbeat(out, m.from, m.ballot, m.decidedUpTo);
      return;
    }
    case 'heartbeatAck': {
      onHeartbeatAck(out, m.from, m.ballot);
      return;
    }
    case 'catchUpRequest': {
      onCatchUpRequest(out, m.from, m.fromSlot);
      return;
    }
    case 'catchUpReply':
      for (const [slot, proposal] of m.entries) learn(out, slot, proposal);
      return;
    case 'forward': {
      onRequest(out, m.proposal);
      return;
    }
  }
}

// ---- timers ----

function onTick<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  if (v.role === 'leader') {
    if (env.now >= v.heartbeatDue) leaderHeartbeat(out);
    return;
  }
  if (state.config.mode === 'basic-paxos') {
    if (env.now >= v.probeAt) probeForDecided(out);
    // A basic-Paxos proposer runs phase 1 whenever it holds a request; a stalled round retries higher.
    if (v.pending.size > 0 && env.now >= v.electionDeadline) startPrepare(out);
    return;
  }
  if (env.now >= v.electionDeadline) {
    startPrepare(out);
    return;
  }
  if (v.pending.size > 0 && v.leader !== null && env.now >= v.lastForwardAt + retryForwardMs(state.config)) {
    forwardPending(out);
  }
}

/** Basic Paxos: ask the next peer in turn for decided slots from our first gap on. */
function probeForDecided<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  v.probeAt = env.now + probeIntervalMs(state.config);
  if (state.config.servers < 2) return;
  let peer = (v.probePeer % state.config.servers) + 1;
  if (peer === state.id) peer = (peer % state.config.servers) + 1;
  v.probePeer = peer;
  out.send({ type: 'catchUpRequest', from: state.id, to: peer, fromSlot: v.decidedUpTo });
}

function leaderHeartbeat<P>(out: Out<P>, resendAccepts = true): void {
  const { state, env } = out;
  const v = state.volatile;
  const config = state.config;
  // Check quorum: a leader that has not heard from a majority for a whole election timeout steps down.
  let heard = 1;
  for (const [, at] of v.lastHeardFrom) if (env.now - at <= config.electionTimeoutMaxMs) heard++;
  if (config.mode === 'multi-paxos' && heard < quorumSize(config)) {
    stepDown(out, null);
    return;
  }
  const ballot = v.ballot;
  const decidedUpTo = v.decidedUpTo;
  if (config.mode === 'multi-paxos')
    out.broadcast((to) => ({ type: 'heartbeat', from: state.id, to, ballot, decidedUpTo }));
  // Resend Accepts that have not reached a quorum yet, to those that have not voted.
  // Only those out for two heartbeats: younger ones are most likely still on their way.
  if (resendAccepts)
    for (const [slot, voters] of v.acceptVotes) {
      const entry = state.durable.accepted[slot];
      if (entry === undefined || !ballotsEqual(entry.ballot, ballot)) continue;
      const sentAt = v.acceptSentAt.get(slot) ?? -Infinity;
      if (env.now - sentAt < config.heartbeatMs * 2) continue;
      v.acceptSentAt.set(slot, env.now);
      for (let to = 1; to <= config.servers; to++) {
        if (!voters.has(to)) out.send({ type: 'accept', from: state.id, to, ballot, slot, proposal: entry.proposal });
      }
    }
  v.heartbeatDue = env.now + config.heartbeatMs;
}

// ---- phase 1 ----

function startPrepare<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  const d = state.durable;
  const round = Math.max(v.highestRound, d.promised.round) + 1;
  const ballot: Ballot = { round, server: state.id };
  v.highestRound = round;
  v.role = 'candidate';
  v.leader = null;
  v.ballot = ballot;
  v.promisesFrom = new Set();
  v.reportedAccepted = new Map();
  v.acceptVotes = new Map();
  v.acceptSentAt = new Map();
  v.prepareFromSlot = v.decidedUpTo;
  v.roundFor = state.config.mode === 'basic-paxos' ? firstPending(v) : null;
  v.electionDeadline = env.now + electionTimeout(state.config, env);
  out.effect({ kind: 'role', role: 'candidate', ballot });
  out.effect({ kind: 'phase', phase: 'prepare', ballot });
  const fromSlot = v.prepareFromSlot;
  out.broadcast((to) => ({ type: 'prepare', from: state.id, to, ballot, fromSlot }));
  // The proposer is also an acceptor: it promises itself.
  if (compareBallots(ballot, d.promised) > 0) {
    d.promised = ballot;
    out.effect({ kind: 'promised', ballot });
    recordPromise(out, state.id, ballot, entriesFrom(d.accepted, fromSlot), entriesFrom(d.decided, fromSlot));
  }
}

function firstPending<P>(v: VolatileState<P>): string | null {
  for (const id of v.pending.keys()) return id;
  return null;
}

/** The slots from `fromSlot` on that hold something, as [slot, entry] pairs (for a Promise). */
function entriesFrom<T>(log: readonly (T | undefined)[], fromSlot: number): [number, T][] {
  const entries: [number, T][] = [];
  for (let slot = fromSlot; slot < log.length; slot++) {
    const entry = log[slot];
    if (entry !== undefined) entries.push([slot, entry]);
  }
  return entries;
}

function onPrepare<P>(out: Out<P>, from: ServerId, ballot: Ballot, fromSlot: number): void {
  const { state } = out;
  const d = state.durable;
  noteRound(state, ballot);
  if (compareBallots(ballot, d.promised) <= 0) {
    out.send({ type: 'nack', from: state.id, to: from, ballot, promised: d.promised });
    return;
  }
  d.promised = ballot;
  out.effect({ kind: 'promised', ballot });
  if (state.volatile.role !== 'follower') stepDown(out, null);
  state.volatile.leader = null;
  resetElectionTimer(out);
  out.send({
    type: 'promise',
    from: state.id,
    to: from,
    ballot,
    accepted: entriesFrom(d.accepted, fromSlot),
    decided: entriesFrom(d.decided, fromSlot),
  });
}

function onPromise<P>(
  out: Out<P>,
  from: ServerId,
  ballot: Ballot,
  accepted: readonly (readonly [number, AcceptedEntry<P>])[],
  decided: readonly (readonly [number, Proposal<P>])[],
): void {
  const v = out.state.volatile;
  if (v.role !== 'candidate' || !ballotsEqual(ballot, v.ballot)) return;
  recordPromise(out, from, ballot, accepted, decided);
}

function recordPromise<P>(
  out: Out<P>,
  from: ServerId,
  ballot: Ballot,
  accepted: readonly (readonly [number, AcceptedEntry<P>])[],
  decided: readonly (readonly [number, Proposal<P>])[],
): void {
  const v = out.state.volatile;
  if (v.promisesFrom.has(from)) return;
  v.promisesFrom.add(from);
  for (const [slot, proposal] of decided) learn(out, slot, proposal);
  for (const [slot, entry] of accepted) {
    const known = v.reportedAccepted.get(slot);
    if (known === undefined || compareBallots(entry.ballot, known.ballot) > 0) v.reportedAccepted.set(slot, entry);
  }
  const needed = quorumSize(out.state.config);
  out.effect({ kind: 'vote', vote: 'promise', ballot, voter: from, votes: v.promisesFrom.size, needed });
  if (v.promisesFrom.size >= needed) becomeLeader(out);
}

function becomeLeader<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  const d = state.durable;
  const ballot = v.ballot;
  v.role = 'leader';
  v.leader = state.id;
  v.heartbeatDue = env.now;
  v.lastHeardFrom = new Map();
  for (const voter of v.promisesFrom) if (voter !== state.id) v.lastHeardFrom.set(voter, env.now);
  out.effect({ kind: 'phase', phase: 'promise-quorum', ballot });
  out.effect({ kind: 'role', role: 'leader', ballot });
  // Every slot a promise reported must carry the highest-ballot value reported for it; holes get no-ops.
  let top = v.decidedUpTo;
  for (const slot of v.reportedAccepted.keys()) top = Math.max(top, slot + 1);
  for (let slot = d.decided.length - 1; slot >= top; slot--) if (d.decided[slot] !== undefined) top = slot + 1;
  v.nextSlot = top;
  const ignoreReported = state.config.bugs.has('ignore-promised-values');
  const reproposedIds = new Set<string>();
  for (let slot = v.prepareFromSlot; slot < top; slot++) {
    if (d.decided[slot] !== undefined) continue;
    const reported = v.reportedAccepted.get(slot);
    let proposal: Proposal<P>;
    if (reported !== undefined && !ignoreReported) proposal = reported.proposal;
    else if (ignoreReported && reported !== undefined) proposal = takeOwnValue(v, ballot, env) ?? noop(ballot, env);
    else proposal = noop(ballot, env);
    reproposedIds.add(proposal.id);
    proposeAt(out, slot, proposal);
  }
  v.reportedAccepted = new Map();
  if (state.config.mode === 'basic-paxos') {
    // One client value per phase 1: the request this round was started for.
    const id = v.roundFor;
    const proposal = id === null ? undefined : v.pending.get(id);
    if (proposal !== undefined && !reproposedIds.has(proposal.id)) proposeNew(out, proposal);
  } else {
    for (const proposal of v.pending.values()) if (!reproposedIds.has(proposal.id)) proposeNew(out, proposal);
  }
  // The Accepts just went out: this first heartbeat need not repeat them.
  if (state.config.mode === 'multi-paxos') leaderHeartbeat(out, false);
  maybeFinishBasicRound(out);
}

/** The bug ignore-promised-values: the new leader pushes a value of its own over what was reported. */
function takeOwnValue<P>(v: VolatileState<P>, ballot: Ballot, env: Env): Proposal<P> | undefined {
  for (const proposal of v.pending.values()) {
    v.pending.delete(proposal.id);
    return { ...proposal, epoch: ballot.round, time: env.now };
  }
  return undefined;
}

function noop<P>(ballot: Ballot, env: Env): Proposal<P> {
  return { id: NOOP_ID, epoch: ballot.round, time: env.now, payload: null };
}

function onNack<P>(out: Out<P>, ballot: Ballot, promised: Ballot): void {
  const { state, env } = out;
  const v = state.volatile;
  noteRound(state, promised);
  if (v.role === 'follower' || !ballotsEqual(ballot, v.ballot)) return;
  if (compareBallots(promised, v.ballot) <= 0) return;
  stepDown(out, null);
  // Back off for a random time before trying again, so that dueling proposers drift apart.
  v.electionDeadline = env.now + electionTimeout(state.config, env);
}

function stepDown<P>(out: Out<P>, leader: ServerId | null): void {
  const v = out.state.volatile;
  const wasFollower = v.role === 'follower';
  v.role = 'follower';
  v.leader = leader;
  v.acceptVotes = new Map();
  v.acceptSentAt = new Map();
  v.promisesFrom = new Set();
  v.reportedAccepted = new Map();
  v.roundFor = null;
  v.heartbeatDue = Infinity;
  if (!wasFollower) out.effect({ kind: 'role', role: 'follower', ballot: out.state.durable.promised });
}

function noteRound<P>(state: ServerState<P>, ballot: Ballot): void {
  if (ballot.round > state.volatile.highestRound) state.volatile.highestRound = ballot.round;
}

function resetElectionTimer<P>(out: Out<P>): void {
  out.state.volatile.electionDeadline = out.env.now + electionTimeout(out.state.config, out.env);
}

// ---- phase 2 ----

function onRequest<P>(out: Out<P>, proposal: Proposal<P>): void {
  const { state } = out;
  const v = state.volatile;
  // Retries and forwards repeat requests: propose each at most once per leadership.
  if (v.pending.has(proposal.id) || v.decidedIds.has(proposal.id)) return;
  if (v.pending.size === 0) v.lastForwardAt = out.env.now;
  v.pending.set(proposal.id, proposal);
  if (v.role === 'leader' && state.config.mode === 'multi-paxos') {
    proposeNew(out, proposal);
    return;
  }
  if (state.config.mode === 'basic-paxos') {
    // Every server proposes its own clients' writes; it starts phase 1 unless a round is under way.
    if (v.role === 'follower') startPrepare(out);
    return;
  }
  if (v.leader !== null && v.leader !== state.id) {
    out.send({ type: 'forward', from: state.id, to: v.leader, proposal });
  }
}

function forwardPending<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  v.lastForwardAt = env.now;
  const leader = v.leader;
  if (leader === null || leader === state.id) return;
  for (const proposal of v.pending.values()) out.send({ type: 'forward', from: state.id, to: leader, proposal });
}

/** A client value gets the next free slot; its epoch is this leader's round. */
function proposeNew<P>(out: Out<P>, proposal: Proposal<P>): void {
  const v = out.state.volatile;
  const slot = v.nextSlot;
  proposeAt(out, slot, { ...proposal, epoch: v.ballot.round, time: out.env.now });
}

function proposeAt<P>(out: Out<P>, slot: number, proposal: Proposal<P>): void {
  const { state } = out;
  const v = state.volatile;
  const ballot = v.ballot;
  if (slot >= v.nextSlot) v.nextSlot = slot + 1;
  v.acceptVotes.set(slot, new Set());
  v.acceptSentAt.set(slot, out.env.now);
  out.effect({ kind: 'phase', phase: 'accept', ballot, slot });
  out.broadcast((to) => ({ type: 'accept', from: state.id, to, ballot, slot, proposal }));
  acceptLocally(out, state.id, ballot, slot, proposal);
}

function onAccept<P>(out: Out<P>, from: ServerId, ballot: Ballot, slot: number, proposal: Proposal<P>): void {
  const { state } = out;
  noteRound(state, ballot);
  const v = state.volatile;
  if (compareBallots(ballot, state.durable.promised) >= 0 && from !== state.id) {
    if (v.role !== 'follower' && compareBallots(ballot, v.ballot) > 0) stepDown(out, from);
    if (state.config.mode === 'multi-paxos' || v.role === 'follower') v.leader = from;
    resetElectionTimer(out);
  }
  acceptLocally(out, from, ballot, slot, proposal);
}

/** The acceptor's rule: accept when ballot >= promised (durably), answer Accepted; else Nack. */
function acceptLocally<P>(out: Out<P>, from: ServerId, ballot: Ballot, slot: number, proposal: Proposal<P>): void {
  const { state } = out;
  const d = state.durable;
  const allowed = compareBallots(ballot, d.promised) >= 0 || state.config.bugs.has('accept-below-promise');
  if (!allowed) {
    out.send({ type: 'nack', from: state.id, to: from, ballot, promised: d.promised });
    return;
  }
  if (compareBallots(ballot, d.promised) > 0) {
    d.promised = ballot;
    out.effect({ kind: 'promised', ballot });
  }
  const current = d.accepted[slot];
  if (current === undefined || !ballotsEqual(current.ballot, ballot) || current.proposal.id !== proposal.id) {
    d.accepted[slot] = { ballot, proposal };
    out.effect({ kind: 'accepted', slot, ballot, proposalId: proposal.id });
  }
  if (from === state.id) onAccepted(out, state.id, ballot, slot);
  else out.send({ type: 'accepted', from: state.id, to: from, ballot, slot });
}

function onAccepted<P>(out: Out<P>, from: ServerId, ballot: Ballot, slot: number): void {
  const { state } = out;
  const v = state.volatile;
  if (v.role !== 'leader' || !ballotsEqual(ballot, v.ballot)) return;
  v.lastHeardFrom.set(from, out.env.now);
  const voters = v.acceptVotes.get(slot);
  if (voters === undefined || voters.has(from)) return;
  voters.add(from);
  const needed = quorumSize(state.config);
  out.effect({ kind: 'vote', vote: 'accepted', ballot, slot, voter: from, votes: voters.size, needed });
  if (voters.size < needed) return;
  // Chosen: a quorum accepted this value under one ballot.
  v.acceptVotes.delete(slot);
  v.acceptSentAt.delete(slot);
  const entry = state.durable.accepted[slot];
  if (entry === undefined) return;
  out.effect({ kind: 'phase', phase: 'accepted-quorum', ballot, slot });
  out.effect({ kind: 'phase', phase: 'decide', ballot, slot });
  const proposal = entry.proposal;
  out.broadcast((to) => ({ type: 'decide', from: state.id, to, slot, proposal }));
  learn(out, slot, proposal);
  maybeFinishBasicRound(out);
}

/** Basic Paxos: once this round's values are chosen the proposer lets go; the next write runs phase 1 again. */
function maybeFinishBasicRound<P>(out: Out<P>): void {
  const { state } = out;
  const v = state.volatile;
  if (state.config.mode !== 'basic-paxos' || v.role !== 'leader' || v.acceptVotes.size > 0) return;
  stepDown(out, null);
  if (v.pending.size > 0) startPrepare(out);
}

// ---- learning and applying ----

function onDecide<P>(out: Out<P>, slot: number, proposal: Proposal<P>): void {
  // A Decide beyond a hole asks for nothing yet: the missing Decides are usually still on the wire.
  // Heartbeats (multi-Paxos) and probes (basic Paxos) fetch what stays missing.
  learn(out, slot, proposal);
}

function learn<P>(out: Out<P>, slot: number, proposal: Proposal<P>): void {
  const { state } = out;
  const d = state.durable;
  const v = state.volatile;
  if (d.decided[slot] !== undefined) return;
  d.decided[slot] = proposal;
  v.pending.delete(proposal.id);
  // Only a leader is sent forwards that can arrive late; a request chosen twice anyway is applied once.
  if (proposal.payload !== null && v.role === 'leader') rememberDecided(v, proposal.id);
  v.acceptVotes.delete(slot);
  v.acceptSentAt.delete(slot);
  out.effect({ kind: 'decided', slot, proposal });
  while (d.decided[v.decidedUpTo] !== undefined) v.decidedUpTo++;
  if (slot >= v.nextSlot) v.nextSlot = slot + 1;
  if (state.config.bugs.has('apply-out-of-order') && slot > v.appliedUpTo) {
    v.appliedAhead.add(slot);
    out.effect({ kind: 'apply', slot, proposal });
  }
  applyReady(out);
}

/** Apply decided slots strictly in slot order. */
function applyReady<P>(out: Out<P>): void {
  const { state } = out;
  const v = state.volatile;
  const decided = state.durable.decided;
  while (v.appliedUpTo < v.decidedUpTo) {
    const slot = v.appliedUpTo;
    v.appliedUpTo++;
    if (v.appliedAhead.delete(slot)) continue;
    const proposal = decided[slot];
    if (proposal !== undefined) out.effect({ kind: 'apply', slot, proposal });
  }
}

function onHeartbeat<P>(out: Out<P>, from: ServerId, ballot: Ballot, leaderDecidedUpTo: number): void {
  const { state } = out;
  const v = state.volatile;
  noteRound(state, ballot);
  if (compareBallots(ballot, state.durable.promised) < 0) {
    // A stale leader: tell it a newer ballot exists.
    out.send({ type: 'nack', from: state.id, to: from, ballot, promised: state.durable.promised });
    return;
  }
  if (v.role !== 'follower') stepDown(out, from);
  const leaderChanged = v.leader !== from;
  v.leader = from;
  resetElectionTimer(out);
  out.send({ type: 'heartbeatAck', from: state.id, to: from, ballot, decidedUpTo: v.decidedUpTo });
  // Behind what the leader had decided one heartbeat ago: those Decides had time to arrive, so they were lost.
  if (!leaderChanged && v.decidedUpTo < v.leaderDecidedUpTo) {
    out.send({ type: 'catchUpRequest', from: state.id, to: from, fromSlot: v.decidedUpTo });
  }
  v.leaderDecidedUpTo = leaderDecidedUpTo;
  if (leaderChanged && v.pending.size > 0) forwardPending(out);
}

function onHeartbeatAck<P>(out: Out<P>, from: ServerId, ballot: Ballot): void {
  const v = out.state.volatile;
  if (v.role === 'leader' && ballotsEqual(ballot, v.ballot)) v.lastHeardFrom.set(from, out.env.now);
}

function onCatchUpRequest<P>(out: Out<P>, from: ServerId, fromSlot: number): void {
  const { state } = out;
  const decided = state.durable.decided;
  const entries: [number, Proposal<P>][] = [];
  for (let slot = fromSlot; slot < decided.length && entries.length < state.config.catchUpBatch; slot++) {
    const proposal = decided[slot];
    if (proposal !== undefined) entries.push([slot, proposal]);
  }
  if (entries.length > 0) out.send({ type: 'catchUpReply', from: state.id, to: from, entries });
}
