// Quorum tallies the page draws, derived from the trace (votes, role changes, crashes).
import { formatBallot } from '../protocol/paxos/ballot';
import type { TraceEvent } from '../sim/trace';
import type { QuorumView } from '../view/projections';

/** How long a reached quorum stays on screen (simulated ms). */
const QUORUM_LINGER_MS = 400;

export type Quorums = Map<string, QuorumView>;

/** Fold one trace event into the tallies. */
export function absorbQuorumEvent(quorums: Quorums, event: TraceEvent): void {
  switch (event.kind) {
    case 'vote': {
      const ballot = formatBallot(event.ballot);
      const key = `${event.server}:${event.vote}:${ballot}:${event.slot ?? ''}`;
      const known = quorums.get(key);
      const voters = known === undefined ? [event.voter] : [...known.voters, event.voter];
      const reached = known?.reachedAt ?? (event.votes >= event.needed ? event.t : undefined);
      quorums.set(key, {
        server: event.server,
        vote: event.vote,
        ballot,
        ...(event.slot === undefined ? {} : { slot: event.slot }),
        voters,
        needed: event.needed,
        ...(reached === undefined ? {} : { reachedAt: reached }),
      });
      return;
    }
    case 'role':
      // A proposer that steps down or starts a new round drops its older tallies.
      for (const [key, q] of quorums)
        if (q.server === event.server && q.ballot !== formatBallot(event.ballot)) quorums.delete(key);
      return;
    case 'crash':
      for (const [key, q] of quorums) if (q.server === event.server) quorums.delete(key);
      return;
    default:
      return;
  }
}

/** Drop tallies that were reached long enough ago. */
export function expireQuorums(quorums: Quorums, now: number): void {
  for (const [key, q] of quorums)
    if (q.reachedAt !== undefined && now - q.reachedAt > QUORUM_LINGER_MS) quorums.delete(key);
}
