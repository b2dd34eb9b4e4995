// Between elections: a leader's heartbeats and re-sent Accepts, a follower's answers, and catching up on
// decided slots a server missed.
import { ballotsEqual, compareBallots } from './ballot';
import { learn, noteRound, probeIntervalMs, resetElectionTimer, stepDown } from './common';
import type { Out } from './out';
import { forwardPending } from './phase2';
import type { Ballot, Proposal, ServerId } from './types';

export function leaderHeartbeat<P>(out: Out<P>, resendAccepts = true): void {
  const { state, env } = out;
  const v = state.volatile;
  const config = state.config;
  if (!config.policy.keepLeading(out)) return;
  const ballot = v.ballot;
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

/** Basic Paxos: ask the next peer in turn for decided slots from our first gap on. */
export function probeForDecided<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  v.probeAt = env.now + probeIntervalMs(state.config);
  if (state.config.servers < 2) return;
  let peer = (v.probePeer % state.config.servers) + 1;
  if (peer === state.id) peer = (peer % state.config.servers) + 1;
  v.probePeer = peer;
  out.send({ type: 'catchUpRequest', from: state.id, to: peer, fromSlot: v.decidedUpTo });
}

export function onHeartbeat<P>(out: Out<P>, from: ServerId, ballot: Ballot, leaderDecidedUpTo: number): void {
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

export function onHeartbeatAck<P>(out: Out<P>, from: ServerId, ballot: Ballot): void {
  const v = out.state.volatile;
  if (v.role === 'leader' && ballotsEqual(ballot, v.ballot)) v.lastHeardFrom.set(from, out.env.now);
}

export function onCatchUpRequest<P>(out: Out<P>, from: ServerId, fromSlot: number): void {
  const { state } = out;
  const decided = state.durable.decided;
  const entries: [number, Proposal<P>][] = [];
  for (let slot = fromSlot; slot < decided.length && entries.length < state.config.catchUpBatch; slot++) {
    const proposal = decided[slot];
    if (proposal !== undefined) entries.push([slot, proposal]);
  }
  if (entries.length > 0) out.send({ type: 'catchUpReply', from: state.id, to: from, entries });
}

export function onCatchUpReply<P>(out: Out<P>, entries: readonly (readonly [number, Proposal<P>])[]): void {
  for (const [slot, proposal] of entries) learn(out, slot, proposal);
}
