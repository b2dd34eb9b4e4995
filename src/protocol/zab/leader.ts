// The leader's side (ZooKeeper's Leader and LearnerHandler): discovery (FOLLOWERINFO, LEADERINFO, ACKEPOCH),
// synchronisation per follower (DIFF, TRUNC, SNAP, then NEWLEADER), UPTODATE on a quorum of NEWLEADER ACKs,
// then broadcast (PROPOSAL, ACK, COMMIT in zxid order), PING every tick and syncLimit.
import { commitUpTo, quorum } from './common';
import { startLooking } from './election';
import type { Out } from './out';
import type { LeaderPacket, LearnerHandler, Message, Proposal, ServerId, SyncMode, Txn } from './types';
import { barrierZxid, countAtOrBelow, epochOf, indexOfZxid, lastZxidOf, makeZxid } from './zxid';

type Msg<P, T extends Message<P>['type']> = Extract<Message<P>, { type: T }>;

export function startLeading<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  v.peerState = 'leading';
  v.phase = 'discovery';
  v.leader = state.id;
  v.handlers = new Map();
  v.closedConns = new Set();
  v.epoch = 0;
  v.counter = 0;
  v.phaseStart = env.now;
  v.lead = env.now;
  v.pingDue = env.now + state.config.tickMs;
  v.ids = new Set(state.durable.log.map((txn) => txn.proposal.id));
  out.effect({ kind: 'zab-state', state: 'leading', leader: state.id, round: v.logicalclock });
  out.effect({ kind: 'phase', phase: 'election', epoch: state.durable.acceptedEpoch, leader: state.id });
  out.effect({ kind: 'zab-phase', phase: 'discovery', epoch: state.durable.acceptedEpoch });
  maybeChooseEpoch(out);
}

function sendPacket<P>(out: Out<P>, to: ServerId, h: LearnerHandler<P>, packet: LeaderPacket<P>): void {
  if (h.sent.length === 0) h.oldestSentAt = out.env.now;
  h.sent.push(packet);
  const seq = h.sentBase + h.sent.length - 1;
  out.send({ ...packet, from: out.state.id, to, conn: h.conn, seq, lead: out.state.volatile.lead });
}

/** The follower has every packet up to `seq`: forget them. */
function acknowledge<P>(out: Out<P>, h: LearnerHandler<P>, seq: number): void {
  h.lastHeard = out.env.now;
  if (seq <= h.ackedSeq) return;
  h.ackedSeq = seq;
  const drop = Math.min(h.sent.length, seq - h.sentBase + 1);
  if (drop > 0) {
    h.sent.splice(0, drop);
    h.sentBase += drop;
    // What remains was sent at the latest now (a close enough bound: it is re-sent a little late at worst).
    h.oldestSentAt = out.env.now;
  }
}

/** FOLLOWERINFO opens (or reopens) a follower's connection. */
export function onFollowerInfo<P>(out: Out<P>, m: Msg<P, 'FOLLOWERINFO'>): void {
  const v = out.state.volatile;
  if (v.peerState !== 'leading') return;
  const known = v.handlers.get(m.from);
  if (known !== undefined && known.conn === m.conn) {
    known.lastHeard = out.env.now;
    return;
  }
  // A connection the leader closed stays closed (as a TCP one would): the follower must connect anew.
  if (v.closedConns.has(m.conn)) return;
  if (known !== undefined) v.closedConns.add(known.conn);
  const h: LearnerHandler<P> = {
    conn: m.conn,
    sent: [],
    sentBase: 1,
    ackedSeq: 0,
    oldestSentAt: out.env.now,
    acceptedEpoch: m.acceptedEpoch,
    epochAck: null,
    synced: false,
    newLeaderAcked: false,
    upToDateSent: false,
    ackedZxid: 0,
    lastHeard: out.env.now,
  };
  v.handlers.set(m.from, h);
  if (v.epoch === 0) maybeChooseEpoch(out);
  else sendPacket(out, m.from, h, { type: 'LEADERINFO', epoch: v.epoch });
}

/** With FOLLOWERINFO from a quorum (counting itself): newEpoch = max acceptedEpoch + 1, sent as LEADERINFO. */
function maybeChooseEpoch<P>(out: Out<P>): void {
  const { state } = out;
  const v = state.volatile;
  if (v.handlers.size + 1 < quorum(state.config)) return;
  let max = state.durable.acceptedEpoch;
  for (const h of v.handlers.values()) max = Math.max(max, h.acceptedEpoch);
  v.epoch = max + 1;
  state.durable.acceptedEpoch = v.epoch;
  out.effect({ kind: 'zab-epoch', which: 'accepted', epoch: v.epoch });
  out.effect({ kind: 'phase', phase: 'discovery', epoch: v.epoch });
  for (const [to, h] of v.handlers) sendPacket(out, to, h, { type: 'LEADERINFO', epoch: v.epoch });
  maybeEpochQuorum(out);
}

export function onAckEpoch<P>(out: Out<P>, m: Msg<P, 'ACKEPOCH'>): void {
  const { state } = out;
  const v = state.volatile;
  const h = v.handlers.get(m.from);
  if (v.peerState !== 'leading' || h === undefined || h.conn !== m.conn) return;
  acknowledge(out, h, m.recvSeq);
  if (h.epochAck !== null) return;
  h.epochAck = { currentEpoch: m.currentEpoch, lastZxid: m.lastZxid };
  const d = state.durable;
  const ahead =
    m.currentEpoch > d.currentEpoch || (m.currentEpoch === d.currentEpoch && m.lastZxid > lastZxidOf(d.log));
  if (m.currentEpoch !== -1 && ahead && !state.config.bugs.has('zab-elect-by-id')) {
    // The election was wrong: a follower has a newer history than this leader.
    startLooking(out, 'follower-ahead');
    return;
  }
  if (v.phase === 'discovery') maybeEpochQuorum(out);
  else syncFollower(out, m.from, h);
}

/** A quorum acknowledged the epoch (ACKEPOCH with -1 does not count): currentEpoch is set, syncing starts. */
function maybeEpochQuorum<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  if (v.epoch === 0 || v.phase !== 'discovery') return;
  let acks = 1;
  for (const h of v.handlers.values()) if (h.epochAck !== null && h.epochAck.currentEpoch !== -1) acks++;
  if (acks < quorum(state.config)) return;
  state.durable.currentEpoch = v.epoch;
  out.effect({ kind: 'zab-epoch', which: 'current', epoch: v.epoch });
  v.phase = 'sync';
  v.phaseStart = env.now;
  out.effect({ kind: 'zab-phase', phase: 'sync', epoch: v.epoch });
  for (const [to, h] of v.handlers) if (h.epochAck !== null) syncFollower(out, to, h);
  maybeEstablish(out);
}

/** LearnerHandler.syncFollower: DIFF, TRUNC then DIFF, TRUNC or SNAP from the follower's last zxid, then NEWLEADER. */
function syncFollower<P>(out: Out<P>, to: ServerId, h: LearnerHandler<P>): void {
  const { state } = out;
  const v = state.volatile;
  const log = state.durable.log;
  const skipTruncate = state.config.bugs.has('zab-skip-truncate');
  // Before broadcast the whole log is the history being established; after, the committed part.
  const history = v.phase === 'broadcast' ? state.durable.committed : log.length;
  const maxZxid = lastZxidOf(log, history);
  const minIndex = Math.max(0, history - state.config.commitLogCount);
  const peer = h.epochAck!.lastZxid;
  let mode: SyncMode;
  let truncZxid = 0;
  let from = history;
  if (peer === maxZxid) mode = 'DIFF';
  else if (peer > maxZxid) {
    mode = 'TRUNC';
    truncZxid = maxZxid;
  } else if (minIndex > 0 && peer < log[minIndex]!.zxid) {
    mode = 'SNAP';
    from = 0;
  } else {
    const at = indexOfZxid(log, peer, history);
    if (at >= 0 || peer === 0) {
      mode = 'DIFF';
      from = at + 1;
    } else {
      // The follower's last txn is not in this history (an old epoch's uncommitted proposal).
      mode = 'TRUNC+DIFF';
      from = countAtOrBelow(log, peer, history);
      truncZxid = lastZxidOf(log, from);
    }
  }
  const txns: Txn<P>[] = log.slice(from, history);
  out.effect({ kind: 'zab-sync', follower: to, mode, peerLastZxid: peer, truncZxid, txns: txns.length });
  if (mode === 'SNAP') sendPacket(out, to, h, { type: 'SNAP', txns });
  else {
    if ((mode === 'TRUNC' || mode === 'TRUNC+DIFF') && !skipTruncate)
      sendPacket(out, to, h, { type: 'TRUNC', zxid: truncZxid });
    if (mode !== 'TRUNC' || skipTruncate) sendPacket(out, to, h, { type: 'DIFF', txns, lastZxid: maxZxid });
  }
  // Proposals not yet committed follow, then NEWLEADER; from now on this follower gets every PROPOSAL.
  for (let i = history; i < log.length; i++) sendPacket(out, to, h, { type: 'PROPOSAL', txn: log[i]! });
  sendPacket(out, to, h, { type: 'NEWLEADER', zxid: makeZxid(v.epoch, 0) });
  h.synced = true;
}

/** ACK of NEWLEADER or of proposals (cumulative: a follower logs them in zxid order). */
export function onAck<P>(out: Out<P>, m: Msg<P, 'ACK'> | Msg<P, 'PINGACK'>): void {
  const { state } = out;
  const v = state.volatile;
  const h = v.handlers.get(m.from);
  if (v.peerState !== 'leading' || h === undefined || h.conn !== m.conn) return;
  acknowledge(out, h, m.recvSeq);
  if (!h.synced || epochOf(m.zxid) !== v.epoch) return;
  if (!h.newLeaderAcked) {
    if (m.type !== 'ACK') return;
    h.newLeaderAcked = true;
    if (v.phase === 'broadcast') upToDate(out, m.from, h);
    else maybeEstablish(out);
  }
  if (m.zxid > h.ackedZxid) {
    h.ackedZxid = m.zxid;
    if (v.phase === 'broadcast') tryCommit(out);
  }
}

function upToDate<P>(out: Out<P>, to: ServerId, h: LearnerHandler<P>): void {
  if (h.upToDateSent) return;
  h.upToDateSent = true;
  sendPacket(out, to, h, { type: 'UPTODATE' });
}

/** A quorum acknowledged NEWLEADER: the history is committed, followers are told UPTODATE, clients served. */
function maybeEstablish<P>(out: Out<P>): void {
  const { state } = out;
  const v = state.volatile;
  if (v.phase !== 'sync') return;
  let acks = 1;
  for (const h of v.handlers.values()) if (h.newLeaderAcked) acks++;
  if (acks < quorum(state.config)) return;
  v.phase = 'broadcast';
  out.effect({ kind: 'phase', phase: 'sync', epoch: v.epoch });
  out.effect({ kind: 'zab-established', epoch: v.epoch });
  out.effect({ kind: 'zab-phase', phase: 'broadcast', epoch: v.epoch });
  commitUpTo(out, state.durable.log.length);
  for (const [to, h] of v.handlers) if (h.newLeaderAcked) upToDate(out, to, h);
  for (const proposal of [...v.pending.values()]) propose(out, proposal);
}

/** A write to propose: the next zxid of this epoch, logged, sent to every synced follower. */
export function propose<P>(out: Out<P>, request: Proposal<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  if (v.ids.has(request.id)) return;
  const zxid =
    (request.barrier === true ? barrierZxid(state.durable.log, v.epoch) : null) ?? makeZxid(v.epoch, ++v.counter);
  const proposal: Proposal<P> = { ...request, epoch: v.epoch, time: env.now };
  const txn: Txn<P> = { zxid, proposal };
  state.durable.log.push(txn);
  v.ids.add(request.id);
  out.effect({ kind: 'zab-propose', zxid, proposalId: request.id });
  out.effect({ kind: 'phase', phase: 'proposal', epoch: v.epoch, zxid });
  for (const [to, h] of v.handlers) if (h.synced) sendPacket(out, to, h, { type: 'PROPOSAL', txn });
  tryCommit(out);
}

/** COMMIT strictly in zxid order: the lowest uncommitted proposal first, once a quorum logged it. */
function tryCommit<P>(out: Out<P>): void {
  const { state } = out;
  const v = state.volatile;
  const d = state.durable;
  const needed = quorum(state.config);
  while (d.committed < d.log.length) {
    const zxid = d.log[d.committed]!.zxid;
    let acks = 1;
    for (const h of v.handlers.values()) if (h.newLeaderAcked && h.ackedZxid >= zxid) acks++;
    if (acks < needed) return;
    out.effect({ kind: 'phase', phase: 'ack-quorum', epoch: v.epoch, zxid });
    out.effect({ kind: 'phase', phase: 'commit', epoch: v.epoch, zxid });
    commitUpTo(out, d.committed + 1);
    for (const [to, h] of v.handlers) if (h.synced) sendPacket(out, to, h, { type: 'COMMIT', zxid });
  }
}

/** Every tick: PING, re-send what a follower lacks, drop silent followers, give up without a quorum. */
export function leaderTick<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  const { tickMs, syncLimit, initLimit, resendMs } = state.config;
  if (env.now < v.pingDue) return;
  v.pingDue = env.now + tickMs;
  if (v.phase !== 'broadcast' && env.now - v.phaseStart > initLimit * tickMs) {
    startLooking(out, 'timeout');
    return;
  }
  let live = 1;
  for (const [to, h] of v.handlers) {
    if (env.now - h.lastHeard > syncLimit * tickMs) {
      v.handlers.delete(to);
      v.closedConns.add(h.conn);
      continue;
    }
    if (h.newLeaderAcked) live++;
    if (h.sent.length > 0 && env.now - h.oldestSentAt >= resendMs) {
      h.oldestSentAt = env.now;
      h.sent.forEach((packet, i) =>
        out.send({ ...packet, from: state.id, to, conn: h.conn, seq: h.sentBase + i, lead: v.lead }),
      );
    }
    if (v.epoch > 0) sendPacket(out, to, h, { type: 'PING' });
  }
  if (v.phase === 'broadcast' && live < quorum(state.config)) startLooking(out, 'no-quorum');
}

/** A write at the leader, from its own client or forwarded (REQUEST). */
export function leaderRequest<P>(out: Out<P>, proposal: Proposal<P>): void {
  const v = out.state.volatile;
  if (v.phase === 'broadcast') propose(out, proposal);
  else if (!v.ids.has(proposal.id)) v.pending.set(proposal.id, proposal);
}
