// The follower's side (ZooKeeper's Follower and Learner): FOLLOWERINFO, ACKEPOCH on LEADERINFO, the sync the
// leader sends (DIFF, TRUNC, SNAP, NEWLEADER, UPTODATE), then PROPOSAL/ACK and COMMIT; REQUEST forwarding.
// The leader's packets are numbered per connection and handled in order, as TCP would deliver them.
import { commitUpTo, truncateLog } from './common';
import { startLooking } from './election';
import type { Out } from './out';
import type { Message, Proposal, SeqPacket, ServerId, ZabVolatile } from './types';
import { countAtOrBelow, lastZxidOf, makeZxid } from './zxid';

type Packet<P> = SeqPacket<P>;

export function startFollowing<P>(out: Out<P>, leader: ServerId): void {
  const { state, env } = out;
  const v = state.volatile;
  v.peerState = 'following';
  v.phase = 'discovery';
  v.leader = leader;
  v.connCounter++;
  // A connection id no earlier connection of this server used, also across restarts (the clock moved on).
  v.conn = env.now * 64 + (v.connCounter % 64);
  v.recvSeq = 0;
  v.early = new Map();
  v.lead = 0;
  v.epoch = 0;
  v.newLeaderSeen = false;
  v.lastHeardLeader = env.now;
  v.phaseStart = env.now;
  out.effect({ kind: 'zab-state', state: 'following', leader, round: v.logicalclock });
  out.effect({ kind: 'zab-phase', phase: 'discovery', epoch: state.durable.acceptedEpoch });
  handshake(out);
}

/** The message that moves the current step on: repeated every other tick until the leader answers it. */
function handshake<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  const d = state.durable;
  const leader = v.leader!;
  v.handshakeAt = env.now + 2 * state.config.tickMs;
  if (v.epoch === 0) {
    out.send({ type: 'FOLLOWERINFO', from: state.id, to: leader, conn: v.conn, acceptedEpoch: d.acceptedEpoch });
  } else if (!v.newLeaderSeen) {
    out.send(ackEpoch(out));
  } else {
    out.send({ type: 'ACK', from: state.id, to: leader, conn: v.conn, zxid: lastAckZxid(out), recvSeq: v.recvSeq });
  }
}

function ackEpoch<P>(out: Out<P>): Message<P> {
  const { state } = out;
  const v = state.volatile;
  const d = state.durable;
  // Having acknowledged this epoch before, it reports -1: the ACKEPOCH does not count twice.
  const current = v.epochAckedBefore ? -1 : d.currentEpoch;
  return {
    type: 'ACKEPOCH',
    from: state.id,
    to: v.leader!,
    conn: v.conn,
    currentEpoch: current,
    lastZxid: lastZxidOf(d.log),
    recvSeq: v.recvSeq,
  };
}

/** After NEWLEADER: the new epoch's marker, or the last proposal of the new epoch it logged. */
function lastAckZxid<P>(out: Out<P>): number {
  const last = lastZxidOf(out.state.durable.log);
  const marker = makeZxid(out.state.volatile.epoch, 0);
  return last > marker ? last : marker;
}

/** A packet of the leader's connection: handled in sequence order, early ones kept, repeats dropped. */
export function onLeaderPacket<P>(out: Out<P>, m: Packet<P>): void {
  const v = out.state.volatile;
  if (v.peerState !== 'following' || m.from !== v.leader || m.conn !== v.conn) return;
  if (v.lead === 0) v.lead = m.lead;
  else if (m.lead !== v.lead) {
    // The leader restarted since: the connection is gone.
    startLooking(out, 'connection-reset');
    return;
  }
  v.lastHeardLeader = out.env.now;
  if (m.seq <= v.recvSeq) return;
  if (m.seq > v.recvSeq + 1) {
    v.early.set(m.seq, m);
    return;
  }
  let next: Packet<P> | undefined = m;
  while (next !== undefined && stillFollowing(v, next.conn)) {
    v.recvSeq = next.seq;
    handlePacket(out, next);
    v.early.delete(next.seq);
    next = v.early.get(v.recvSeq + 1);
  }
}

/** Still on this connection (a packet handled may have sent it back to LOOKING). */
function stillFollowing<P>(v: ZabVolatile<P>, conn: number): boolean {
  return v.peerState === 'following' && v.conn === conn;
}

function handlePacket<P>(out: Out<P>, m: Packet<P>): void {
  const { state } = out;
  const v = state.volatile;
  const d = state.durable;
  const reply = { from: state.id, to: m.from, conn: v.conn };
  switch (m.type) {
    case 'LEADERINFO':
      if (m.epoch < d.acceptedEpoch) {
        startLooking(out, 'stale-epoch');
        return;
      }
      v.epochAckedBefore = m.epoch === d.acceptedEpoch;
      if (m.epoch > d.acceptedEpoch) {
        d.acceptedEpoch = m.epoch;
        out.effect({ kind: 'zab-epoch', which: 'accepted', epoch: m.epoch });
      }
      v.epoch = m.epoch;
      handshake(out);
      return;
    case 'TRUNC':
      enterSync(out);
      truncateLog(out, countAtOrBelow(d.log, m.zxid));
      v.commitZxid = Math.max(v.commitZxid, m.zxid);
      return;
    case 'DIFF': {
      enterSync(out);
      const last = lastZxidOf(d.log);
      for (const txn of m.txns) if (txn.zxid > last) d.log.push(txn);
      // A DIFF brings the leader's history up to its last zxid: all of it committed once UPTODATE comes.
      v.commitZxid = Math.max(v.commitZxid, m.lastZxid);
      return;
    }
    case 'SNAP':
      enterSync(out);
      {
        // The snapshot replaces the log; the prefix it shares is kept, so what was applied stays applied.
        let same = 0;
        while (same < d.log.length && same < m.txns.length && d.log[same]!.zxid === m.txns[same]!.zxid) same++;
        truncateLog(out, same);
        for (let i = same; i < m.txns.length; i++) d.log.push(m.txns[i]!);
      }
      v.commitZxid = Math.max(v.commitZxid, lastZxidOf(d.log));
      return;
    case 'NEWLEADER':
      enterSync(out);
      v.newLeaderSeen = true;
      if (d.currentEpoch !== v.epoch) {
        d.currentEpoch = v.epoch;
        out.effect({ kind: 'zab-epoch', which: 'current', epoch: v.epoch });
      }
      handshake(out);
      return;
    case 'UPTODATE': {
      v.phase = 'broadcast';
      v.handshakeAt = Infinity;
      out.effect({ kind: 'zab-phase', phase: 'broadcast', epoch: v.epoch });
      // The history the leader established is committed: every txn of an earlier epoch, and what COMMITs said.
      let upTo = countAtOrBelow(d.log, makeZxid(v.epoch, 0));
      if (v.commitZxid > 0) upTo = Math.max(upTo, countAtOrBelow(d.log, v.commitZxid));
      commitUpTo(out, upTo);
      forwardPending(out);
      return;
    }
    case 'PROPOSAL': {
      if (m.txn.zxid <= lastZxidOf(d.log)) return;
      d.log.push(m.txn);
      if (v.newLeaderSeen) out.send({ type: 'ACK', ...reply, zxid: m.txn.zxid, recvSeq: v.recvSeq });
      return;
    }
    case 'COMMIT':
      if (v.phase === 'broadcast') commitUpTo(out, countAtOrBelow(d.log, m.zxid));
      else v.commitZxid = Math.max(v.commitZxid, m.zxid);
      return;
    case 'PING':
      out.send({ type: 'PINGACK', ...reply, zxid: lastZxidOf(d.log), recvSeq: v.recvSeq });
      return;
  }
}

function enterSync<P>(out: Out<P>): void {
  const v = out.state.volatile;
  if (v.phase !== 'discovery') return;
  v.phase = 'sync';
  v.commitZxid = 0;
  out.effect({ kind: 'zab-phase', phase: 'sync', epoch: v.epoch });
}

/** A follower's tick: LOOKING again after syncLimit (initLimit before broadcast) silent ticks; repeat what waits. */
export function followerTick<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  const { tickMs, syncLimit, initLimit } = state.config;
  const limit = (v.phase === 'broadcast' ? syncLimit : initLimit) * tickMs;
  if (env.now - v.lastHeardLeader > limit) {
    startLooking(out, 'timeout');
    return;
  }
  if (v.phase !== 'broadcast') {
    if (env.now >= v.handshakeAt) handshake(out);
  } else if (env.now >= v.forwardAt) forwardPending(out);
}

/** Writes held here go to the leader (REQUEST), again now and then until they commit. */
export function forwardPending<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  v.forwardAt = v.pending.size === 0 ? Infinity : env.now + state.config.initLimit * state.config.tickMs;
  for (const proposal of v.pending.values()) {
    out.send({ type: 'REQUEST', from: state.id, to: v.leader!, proposal });
  }
}

export function followerRequest<P>(out: Out<P>, proposal: Proposal<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  if (v.phase !== 'broadcast') return;
  out.send({ type: 'REQUEST', from: state.id, to: v.leader!, proposal });
  if (v.forwardAt === Infinity) v.forwardAt = env.now + state.config.initLimit * state.config.tickMs;
}
