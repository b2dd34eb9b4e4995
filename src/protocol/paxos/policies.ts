// Multi-Paxos and basic Paxos as two policies of one Paxos server: what differs is how a server behaves
// between elections (the way etcd/raft swaps its step function per role), while the rules of phases 1 and 2
// are the same code.
import { retryForwardMs, stepDown } from './common';
import { leaderHeartbeat, probeForDecided } from './heartbeat';
import type { Out } from './out';
import { startPrepare } from './phase1';
import { forwardPending, proposeNew } from './phase2';
import { quorumSize } from './quorum';
import type { PaxosPolicy, Proposal, ServerState, VolatileState } from './types';

/** A stable leader: elected once, it proposes every request, sends heartbeats and steps down without a quorum. */
export const MULTI_PAXOS: PaxosPolicy = {
  name: 'multi-paxos',
  hasStableLeader: true,
  wakeAt<P>(state: ServerState<P>): number {
    const v = state.volatile;
    return Math.min(
      v.electionDeadline,
      v.pending.size > 0 && v.leader !== null ? v.lastForwardAt + retryForwardMs(state.config) : Infinity,
    );
  },
  tick<P>(out: Out<P>): void {
    const { state, env } = out;
    const v = state.volatile;
    if (env.now >= v.electionDeadline) {
      startPrepare(out);
      return;
    }
    if (v.pending.size > 0 && v.leader !== null && env.now >= v.lastForwardAt + retryForwardMs(state.config)) {
      forwardPending(out);
    }
  },
  keepLeading<P>(out: Out<P>): boolean {
    const { state, env } = out;
    const v = state.volatile;
    const config = state.config;
    // Check quorum: a leader that has not heard from a majority for a whole election timeout steps down.
    let heard = 1;
    for (const [, at] of v.lastHeardFrom) if (env.now - at <= config.electionTimeoutMaxMs) heard++;
    if (heard < quorumSize(config)) {
      stepDown(out, null);
      return false;
    }
    const ballot = v.ballot;
    const decidedUpTo = v.decidedUpTo;
    out.broadcast((to) => ({ type: 'heartbeat', from: state.id, to, ballot, decidedUpTo }));
    return true;
  },
  onRequest<P>(out: Out<P>, proposal: Proposal<P>): void {
    const { state } = out;
    const v = state.volatile;
    if (v.role === 'leader') {
      proposeNew(out, proposal);
      return;
    }
    if (v.leader !== null && v.leader !== state.id) {
      out.send({ type: 'forward', from: state.id, to: v.leader, proposal });
    }
  },
  roundFor(): null {
    return null;
  },
  afterElection<P>(out: Out<P>, reproposed: ReadonlySet<string>): void {
    for (const proposal of out.state.volatile.pending.values())
      if (!reproposed.has(proposal.id)) proposeNew(out, proposal);
    // The Accepts just went out: this first heartbeat need not repeat them.
    leaderHeartbeat(out, false);
  },
  afterChosen(): void {
    // A multi-Paxos leader keeps leading.
  },
};

/** Every server proposes its own clients' writes, one phase 1 per value; no heartbeats, peers probed in turn. */
export const BASIC_PAXOS: PaxosPolicy = {
  name: 'basic-paxos',
  hasStableLeader: false,
  wakeAt<P>(state: ServerState<P>): number {
    const v = state.volatile;
    return Math.min(v.probeAt, v.pending.size > 0 || v.role === 'candidate' ? v.electionDeadline : Infinity);
  },
  tick<P>(out: Out<P>): void {
    const { env } = out;
    const v = out.state.volatile;
    if (env.now >= v.probeAt) probeForDecided(out);
    // A basic-Paxos proposer runs phase 1 whenever it holds a request; a stalled round retries higher.
    if (v.pending.size > 0 && env.now >= v.electionDeadline) startPrepare(out);
  },
  keepLeading(): boolean {
    return true;
  },
  onRequest<P>(out: Out<P>): void {
    // Every server proposes its own clients' writes; it starts phase 1 unless a round is under way.
    if (out.state.volatile.role === 'follower') startPrepare(out);
  },
  roundFor<P>(v: VolatileState<P>): string | null {
    for (const id of v.pending.keys()) return id;
    return null;
  },
  afterElection<P>(out: Out<P>, reproposed: ReadonlySet<string>): void {
    const v = out.state.volatile;
    // One client value per phase 1: the request this round was started for.
    const id = v.roundFor;
    const proposal = id === null ? undefined : v.pending.get(id);
    if (proposal !== undefined && !reproposed.has(proposal.id)) proposeNew(out, proposal);
    finishRound(out);
  },
  afterChosen<P>(out: Out<P>): void {
    finishRound(out);
  },
};

/** Once this round's values are chosen the proposer lets go; the next write runs phase 1 again. */
function finishRound<P>(out: Out<P>): void {
  const v = out.state.volatile;
  if (v.role !== 'leader' || v.acceptVotes.size > 0) return;
  stepDown(out, null);
  if (v.pending.size > 0) startPrepare(out);
}
