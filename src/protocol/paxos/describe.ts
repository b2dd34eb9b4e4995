// Paxos as the screen and the trace see it: message labels and kinds, and a server's picture.
import { formatBallot } from './ballot';
import { decidedPrefix } from './common';
import type { DurableState, Message, MessageType, ServerState } from './types';
import type { ProtocolView, TimerView } from '../types';

/** A message's label on the wire, e.g. "Accept 3.n1 #4". */
export function describeMessage(m: Message<unknown>): string {
  switch (m.type) {
    case 'prepare':
      return `Prepare ${formatBallot(m.ballot)}`;
    case 'promise':
      return `Promise ${formatBallot(m.ballot)}`;
    case 'nack':
      return `Nack ${formatBallot(m.promised)}`;
    case 'accept':
      return `Accept ${formatBallot(m.ballot)} #${m.slot}`;
    case 'accepted':
      return `Accepted ${formatBallot(m.ballot)} #${m.slot}`;
    case 'decide':
      return `Decide #${m.slot}`;
    case 'heartbeat':
      return `Heartbeat ${formatBallot(m.ballot)}`;
    case 'heartbeatAck':
      return `HeartbeatAck`;
    case 'catchUpRequest':
      return `CatchUp? #${m.fromSlot}`;
    case 'catchUpReply':
      return `CatchUp ${m.entries.length}`;
    case 'forward':
      return `Forward`;
  }
}

/** Heartbeats never stop, and catch-up is judged by what servers applied, not by messages in flight. */
export function isChatter(type: MessageType): boolean {
  return type === 'heartbeat' || type === 'heartbeatAck' || type === 'catchUpRequest' || type === 'catchUpReply';
}

/** A server's picture; a crashed one (state null) shows its durable log and applies nothing until restarted. */
export function paxosView<P>(state: ServerState<P> | null, durable: DurableState<P>): ProtocolView<P> {
  const v = state === null ? null : state.volatile;
  const d = state === null ? durable : state.durable;
  return {
    role: v === null ? null : v.role,
    leader: v === null ? null : v.leader,
    ballot: v === null || v.role === 'follower' ? '-' : formatBallot(v.ballot),
    promised: formatBallot(d.promised),
    decidedUpTo: v === null ? decidedPrefix(d) : v.decidedUpTo,
    appliedUpTo: v === null ? 0 : v.appliedUpTo,
    logLength: Math.max(d.accepted.length, d.decided.length),
    entry(slot) {
      const accepted = d.accepted[slot];
      const decided = d.decided[slot];
      return {
        ballot: accepted === undefined ? '-' : formatBallot(accepted.ballot),
        proposal: decided ?? accepted?.proposal,
        chosen: decided !== undefined,
      };
    },
    timer: state === null ? null : paxosTimer(state),
    revision: `${d.accepted.length}:${d.decided.length}:${d.promised.round}`,
  };
}

/** A multi-Paxos leader's next heartbeat, anyone else's election timeout; basic Paxos runs only a proposer's retry. */
export function paxosTimer<P>(state: ServerState<P>): TimerView | null {
  const v = state.volatile;
  const basic = !state.config.policy.hasStableLeader;
  if (v.role === 'leader') {
    if (basic || v.heartbeatDue === Infinity) return null;
    return { kind: 'heartbeat', startedAt: v.heartbeatDue - state.config.heartbeatMs, firesAt: v.heartbeatDue };
  }
  // A basic-Paxos server with nothing to propose waits for nothing (see BASIC_PAXOS.wakeAt).
  if (basic && v.role !== 'candidate' && v.pending.size === 0) return null;
  return { kind: 'election', startedAt: v.electionSetAt, firesAt: v.electionDeadline };
}
