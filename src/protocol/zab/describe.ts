// ZAB as the screen and the trace see it: message labels and kinds, and a server's picture.
import type { ProtocolView, TimerView } from '../types';
import type { Message, MessageType, ZabDurable, ZabServer } from './types';
import { epochOf, zxidHex } from './zxid';

/** A message's label on the wire, with ZooKeeper's packet names: "PROPOSAL 0x100000001". */
export function describeMessage(m: Message<unknown>): string {
  switch (m.type) {
    case 'NOTIFICATION':
      return `Notification n${m.vote.leader} ${zxidHex(m.vote.zxid)} e${m.vote.peerEpoch} r${m.electionEpoch}`;
    case 'FOLLOWERINFO':
      return `FOLLOWERINFO e${m.acceptedEpoch}`;
    case 'LEADERINFO':
      return `LEADERINFO e${m.epoch}`;
    case 'ACKEPOCH':
      return `ACKEPOCH e${m.currentEpoch} ${zxidHex(m.lastZxid)}`;
    case 'DIFF':
      return `DIFF ${txnCount(m.txns.length)}`;
    case 'TRUNC':
      return `TRUNC to ${zxidHex(m.zxid)}`;
    case 'SNAP':
      return `SNAP ${txnCount(m.txns.length)}`;
    case 'NEWLEADER':
      return `NEWLEADER ${zxidHex(m.zxid)}`;
    case 'UPTODATE':
      return 'UPTODATE';
    case 'PROPOSAL':
      return `PROPOSAL ${zxidHex(m.txn.zxid)}`;
    case 'ACK':
      return `ACK ${zxidHex(m.zxid)}`;
    case 'COMMIT':
      return `COMMIT ${zxidHex(m.zxid)}`;
    case 'PING':
      return 'PING';
    case 'PINGACK':
      return 'PING';
    case 'REQUEST':
      return 'REQUEST';
  }
}

function txnCount(n: number): string {
  return `${n} txn${n === 1 ? '' : 's'}`;
}

/** Pings never stop; elections and syncs are judged by what they lead to, not by messages in flight. */
export function isChatter(type: MessageType): boolean {
  return type === 'PING' || type === 'PINGACK' || type === 'NOTIFICATION';
}

/** A server's picture (ballot: its currentEpoch, promised: its acceptedEpoch); a crashed one (state null) shows its durable log. */
export function zabView<P>(state: ZabServer<P> | null, durable: ZabDurable<P>): ProtocolView<P> {
  const v = state === null ? null : state.volatile;
  const d = state === null ? durable : state.durable;
  const role =
    v === null ? null : v.peerState === 'looking' ? 'candidate' : v.peerState === 'leading' ? 'leader' : 'follower';
  const last = d.log.length === 0 ? 0 : d.log[d.log.length - 1]!.zxid;
  return {
    role,
    leader: v === null || v.phase !== 'broadcast' ? null : v.leader,
    ballot: String(d.currentEpoch),
    promised: String(d.acceptedEpoch),
    decidedUpTo: d.committed,
    appliedUpTo: v === null ? 0 : v.applied,
    logLength: d.log.length,
    entry(slot) {
      const txn = d.log[slot];
      return {
        ballot: txn === undefined ? '-' : String(epochOf(txn.zxid)),
        proposal: txn?.proposal,
        chosen: slot < d.committed,
      };
    },
    timer: state === null ? null : zabTimer(state),
    revision: `${d.log.length}:${d.committed}:${d.acceptedEpoch}:${d.currentEpoch}:${last}`,
  };
}

/** What teaches of ZAB's timers: a leader's next PING, a follower's "leader silent for" (syncLimit, initLimit
 *  before broadcast), a LOOKING server's finalizeWait once it has a quorum, else its notification backoff. */
export function zabTimer<P>(state: ZabServer<P>): TimerView | null {
  const v = state.volatile;
  const { tickMs, syncLimit, initLimit, finalizeWaitMs } = state.config;
  if (v.peerState === 'leading')
    return v.pingDue === Infinity ? null : { kind: 'heartbeat', startedAt: v.pingDue - tickMs, firesAt: v.pingDue };
  if (v.peerState === 'following') {
    const limit = (v.phase === 'broadcast' ? syncLimit : initLimit) * tickMs;
    return { kind: 'election', startedAt: v.lastHeardLeader, firesAt: v.lastHeardLeader + limit };
  }
  if (v.finalizeAt !== Infinity)
    return { kind: 'election', startedAt: v.finalizeAt - finalizeWaitMs, firesAt: v.finalizeAt };
  if (v.nextNotifyAt === Infinity) return null;
  return { kind: 'election', startedAt: v.nextNotifyAt - v.notifyTimeoutMs, firesAt: v.nextNotifyAt };
}
