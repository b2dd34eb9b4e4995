// Fast Leader Election (ZooKeeper's FastLeaderElection): Notifications carrying votes (peerEpoch, zxid, sid),
// logicalclock rounds, finalizeWait once a quorum agrees, and a notification timeout that backs off.
// A function that ends the election returns the leader it chose; the caller starts leading or following.
import { quorum } from './common';
import type { Out } from './out';
import type { Message, PeerState, ReceivedVote, ServerId, Vote, ZabNote } from './types';
import { beats, lastZxidOf } from './zxid';

type Notification<P> = Extract<Message<P>, { type: 'NOTIFICATION' }>;

/** This server's own vote: itself, its last logged zxid, its currentEpoch. */
export function selfVote<P>(out: Out<P>): Vote {
  const { id, durable } = out.state;
  return { leader: id, zxid: lastZxidOf(durable.log), peerEpoch: durable.currentEpoch };
}

/**
 * LOOKING: a new round, a vote for itself sent to every peer. `mark` false for a fresh ensemble's first round (every
 * server starts at once; its Step phase stop is the election's end at the leader).
 */
export function startLooking<P>(
  out: Out<P>,
  reason?: Extract<ZabNote, { kind: 'zab-step-down' }>['reason'],
  mark = true,
): void {
  const { state, env } = out;
  const v = state.volatile;
  if (reason !== undefined) out.effect({ kind: 'zab-step-down', reason });
  if (mark) out.effect({ kind: 'phase', phase: 'election', epoch: state.durable.acceptedEpoch });
  v.peerState = 'looking';
  v.phase = 'election';
  v.leader = null;
  v.handlers = new Map();
  v.closedConns = new Set();
  v.conn = 0;
  v.early = new Map();
  v.epoch = 0;
  v.handshakeAt = Infinity;
  v.pingDue = Infinity;
  v.forwardAt = Infinity;
  v.logicalclock++;
  v.vote = selfVote(out);
  v.recvset = new Map();
  v.outofelection = new Map();
  v.recvset.set(state.id, { ...v.vote, electionEpoch: v.logicalclock, state: 'looking' });
  v.finalizeAt = Infinity;
  v.notifyTimeoutMs = state.config.finalizeWaitMs;
  v.nextNotifyAt = env.now + v.notifyTimeoutMs;
  out.effect({ kind: 'zab-state', state: 'looking', leader: null, round: v.logicalclock });
  out.effect({ kind: 'zab-phase', phase: 'election', epoch: state.durable.acceptedEpoch });
  sendNotifications(out);
  // One server alone is its own quorum.
  checkQuorum(out);
}

function notification<P>(out: Out<P>, to: ServerId): Message<P> {
  const v = out.state.volatile;
  return {
    type: 'NOTIFICATION',
    from: out.state.id,
    to,
    vote: v.vote,
    electionEpoch: v.logicalclock,
    state: v.peerState,
  };
}

function sendNotifications<P>(out: Out<P>): void {
  out.broadcast((to) => notification(out, to));
}

/** Out of the election, votes are the same when they name the same leader and epoch (Vote.equals). */
function sameVote(a: ReceivedVote, b: ReceivedVote): boolean {
  if (a.state === 'looking' || b.state === 'looking') {
    return (
      a.leader === b.leader && a.zxid === b.zxid && a.peerEpoch === b.peerEpoch && a.electionEpoch === b.electionEpoch
    );
  }
  return a.leader === b.leader && a.peerEpoch === b.peerEpoch;
}

function supporters(votes: ReadonlyMap<ServerId, ReceivedVote>, vote: ReceivedVote): number {
  let count = 0;
  for (const other of votes.values()) if (sameVote(other, vote)) count++;
  return count;
}

/** Who sent the vote, ascending (for the trace's tally). */
function voters(votes: ReadonlyMap<ServerId, ReceivedVote>, vote: ReceivedVote): ServerId[] {
  const ids: ServerId[] = [];
  for (const [id, other] of votes) if (sameVote(other, vote)) ids.push(id);
  return ids.sort((a, b) => a - b);
}

/** checkLeader: a quorum for another server counts only when that server itself says it leads. */
function leaderConfirmed<P>(
  out: Out<P>,
  votes: ReadonlyMap<ServerId, ReceivedVote>,
  leader: ServerId,
  electionEpoch: number,
): boolean {
  if (leader !== out.state.id) return votes.get(leader)?.state === 'leading';
  return out.state.volatile.logicalclock === electionEpoch;
}

/** A notification arrived; returns the leader when the election ended with it. */
export function onNotification<P>(out: Out<P>, n: Notification<P>): ServerId | null {
  const { state, env } = out;
  const v = state.volatile;
  if (v.peerState !== 'looking') {
    // A server out of the election tells a looking one whom it follows.
    if (n.state === 'looking') out.send(notification(out, n.from));
    return null;
  }
  v.nextNotifyAt = env.now + v.notifyTimeoutMs;
  const received: ReceivedVote = { ...n.vote, electionEpoch: n.electionEpoch, state: n.state };
  const byId = state.config.bugs.has('zab-elect-by-id');
  if (v.finalizeAt !== Infinity && !beats(n.vote, v.vote, byId)) {
    // finalizeWait drains notifications that do not beat the proposed vote.
    return null;
  }
  if (n.state === 'looking') return onLookingPeer(out, n, received, byId);
  if (n.electionEpoch === v.logicalclock) {
    v.recvset.set(n.from, received);
    if (
      supporters(v.recvset, received) >= quorum(state.config) &&
      leaderConfirmed(out, v.recvset, n.vote.leader, n.electionEpoch)
    )
      return decide(out, n.vote);
  }
  v.outofelection.set(n.from, received);
  if (
    supporters(v.outofelection, received) >= quorum(state.config) &&
    leaderConfirmed(out, v.outofelection, n.vote.leader, n.electionEpoch)
  ) {
    v.logicalclock = n.electionEpoch;
    return decide(out, n.vote);
  }
  return null;
}

function onLookingPeer<P>(out: Out<P>, n: Notification<P>, received: ReceivedVote, byId: boolean): ServerId | null {
  const { state } = out;
  const v = state.volatile;
  if (n.electionEpoch > v.logicalclock) {
    v.logicalclock = n.electionEpoch;
    v.recvset = new Map();
    const own = selfVote(out);
    v.vote = beats(n.vote, own, byId) ? n.vote : own;
    v.finalizeAt = Infinity;
    sendNotifications(out);
  } else if (n.electionEpoch < v.logicalclock) {
    // An older round: ignored, but the sender is told the current one.
    out.send(notification(out, n.from));
    return null;
  } else if (beats(n.vote, v.vote, byId)) {
    v.vote = n.vote;
    v.finalizeAt = Infinity;
    sendNotifications(out);
  }
  v.recvset.set(n.from, received);
  v.recvset.set(state.id, { ...v.vote, electionEpoch: v.logicalclock, state: 'looking' });
  checkQuorum(out);
  return null;
}

/** With a quorum for the proposed vote, wait finalizeWait for a better one. */
function checkQuorum<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  const own: ReceivedVote = { ...v.vote, electionEpoch: v.logicalclock, state: 'looking' };
  const who = voters(v.recvset, own);
  const votes = who.length;
  const needed = quorum(state.config);
  out.effect({ kind: 'zab-tally', round: v.logicalclock, candidate: v.vote.leader, votes, needed, voters: who });
  if (votes >= needed) {
    if (v.finalizeAt === Infinity) v.finalizeAt = env.now + state.config.finalizeWaitMs;
  } else v.finalizeAt = Infinity;
}

function decide<P>(out: Out<P>, vote: Vote): ServerId {
  const v = out.state.volatile;
  v.vote = vote;
  v.finalizeAt = Infinity;
  return vote.leader;
}

/** A LOOKING server's tick: finalizeWait over, or no notification in time (send again, back off). */
export function electionTick<P>(out: Out<P>): ServerId | null {
  const { state, env } = out;
  const v = state.volatile;
  if (v.logicalclock === 0) {
    startLooking(out, undefined, false);
    return null;
  }
  if (env.now >= v.finalizeAt) return decide(out, v.vote);
  if (env.now >= v.nextNotifyAt) {
    sendNotifications(out);
    v.notifyTimeoutMs = Math.min(v.notifyTimeoutMs * 2, state.config.maxNotificationIntervalMs);
    v.nextNotifyAt = env.now + v.notifyTimeoutMs;
  }
  return null;
}

/** What the election ended in, for this server. */
export function stateFor(id: ServerId, leader: ServerId): PeerState {
  return leader === id ? 'leading' : 'following';
}
