// ZAB's phase marks among the trace's 'phase' events (Paxos's carry a ballot, ZAB's an epoch), in words.
import type { ZabMark } from '../../protocol/zab/types';
import { serverName } from '../../sim/simulator';
import type { TraceEvent } from '../../sim/trace';
import { formatZxid } from '../../zk/format';
import type { ZabText } from './text';

export type PhaseEvent = Extract<TraceEvent, { kind: 'phase' }>;
export type ZabMarkEvent = Extract<PhaseEvent, { phase: ZabMark }>;
export type PaxosMarkEvent = Exclude<PhaseEvent, ZabMarkEvent>;

export function isZabMark(event: PhaseEvent): event is ZabMarkEvent {
  return !('ballot' in event);
}

/** The event log's line for a ZAB mark, from the catalogue `t` (English or Chinese). */
export function zabMarkLine(event: ZabMarkEvent, t: ZabText): string {
  const server = serverName(event.server);
  const zxid = formatZxid(event.zxid ?? 0);
  switch (event.phase) {
    case 'election':
      return event.leader === undefined ? t.mark.lookingStarted(server, event.epoch) : t.mark.electionWon(server);
    case 'discovery':
      return t.mark.discovery(server, event.epoch);
    case 'sync':
      return t.mark.sync(server, event.epoch);
    case 'proposal':
      return t.mark.proposal(server, zxid);
    case 'ack-quorum':
      return t.mark.ackQuorum(server, zxid);
    case 'commit':
      return t.mark.commit(server, zxid);
  }
}
