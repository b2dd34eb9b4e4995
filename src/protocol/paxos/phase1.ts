// Phase 1 of Paxos: a proposer asks for promises, and with a quorum of them becomes leader.
import { ballotsEqual, compareBallots } from './ballot';
import { learn, NOOP_ID, noteRound, resetElectionTimer, stepDown } from './common';
import type { Out } from './out';
import { proposeAt } from './phase2';
import { quorumSize } from './quorum';
import type { AcceptedEntry, Ballot, Env, Proposal, ServerId, VolatileState } from './types';

export function startPrepare<P>(out: Out<P>): void {
  const { state } = out;
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
  v.roundFor = state.config.policy.roundFor(v);
  resetElectionTimer(out);
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

/** The slots from `fromSlot` on that hold something, as [slot, entry] pairs (for a Promise). */
function entriesFrom<T>(log: readonly (T | undefined)[], fromSlot: number): [number, T][] {
  const entries: [number, T][] = [];
  for (let slot = fromSlot; slot < log.length; slot++) {
    const entry = log[slot];
    if (entry !== undefined) entries.push([slot, entry]);
  }
  return entries;
}

export function onPrepare<P>(out: Out<P>, from: ServerId, ballot: Ballot, fromSlot: number): void {
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

export function onPromise<P>(
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
  state.config.policy.afterElection(out, reproposedIds);
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

export function onNack<P>(out: Out<P>, ballot: Ballot, promised: Ballot): void {
  const { state } = out;
  const v = state.volatile;
  noteRound(state, promised);
  if (v.role === 'follower' || !ballotsEqual(ballot, v.ballot)) return;
  if (compareBallots(promised, v.ballot) <= 0) return;
  stepDown(out, null);
  // Back off for a random time before trying again, so that dueling proposers drift apart.
  resetElectionTimer(out);
}
