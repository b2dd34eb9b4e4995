// Phase 2 of Paxos: proposing values for slots, accepting them, counting Accepted votes until one is chosen.
import { ballotsEqual, compareBallots } from './ballot';
import { learn, noteRound, resetElectionTimer, stepDown } from './common';
import type { Out } from './out';
import { quorumSize } from './quorum';
import type { Ballot, Proposal, ServerId } from './types';

export function onRequest<P>(out: Out<P>, proposal: Proposal<P>): void {
  const v = out.state.volatile;
  // Retries and forwards repeat requests: propose each at most once per leadership.
  if (v.pending.has(proposal.id) || v.decidedIds.has(proposal.id)) return;
  if (v.pending.size === 0) v.lastForwardAt = out.env.now;
  v.pending.set(proposal.id, proposal);
  out.state.config.policy.onRequest(out, proposal);
}

export function forwardPending<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  v.lastForwardAt = env.now;
  const leader = v.leader;
  if (leader === null || leader === state.id) return;
  for (const proposal of v.pending.values()) out.send({ type: 'forward', from: state.id, to: leader, proposal });
}

/** A client value gets the next free slot; its epoch is this leader's round. */
export function proposeNew<P>(out: Out<P>, proposal: Proposal<P>): void {
  const v = out.state.volatile;
  const slot = v.nextSlot;
  proposeAt(out, slot, { ...proposal, epoch: v.ballot.round, time: out.env.now });
}

export function proposeAt<P>(out: Out<P>, slot: number, proposal: Proposal<P>): void {
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

export function onAccept<P>(out: Out<P>, from: ServerId, ballot: Ballot, slot: number, proposal: Proposal<P>): void {
  const { state } = out;
  noteRound(state, ballot);
  const v = state.volatile;
  if (compareBallots(ballot, state.durable.promised) >= 0 && from !== state.id) {
    if (v.role !== 'follower' && compareBallots(ballot, v.ballot) > 0) stepDown(out, from);
    if (state.config.policy.hasStableLeader || v.role === 'follower') v.leader = from;
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

export function onAccepted<P>(out: Out<P>, from: ServerId, ballot: Ballot, slot: number): void {
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
  state.config.policy.afterChosen(out);
}
