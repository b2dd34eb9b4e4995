// Quorum tallies the page draws, derived from the trace (votes, role changes, crashes).
import { formatBallot } from '../protocol/paxos/ballot';
import type { TraceEvent } from '../sim/trace';
import type { QuorumOverlapView, QuorumView } from '../view/projections';

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
    case 'zab-tally': {
      // One tally per LOOKING server: its current vote's supporters in its current round.
      for (const [key, q] of quorums) if (q.server === event.server && q.vote === 'election') quorums.delete(key);
      quorums.set(`${event.server}:election:${event.round}:`, {
        server: event.server,
        vote: 'election',
        ballot: String(event.round),
        candidate: event.candidate,
        voters: event.voters,
        needed: event.needed,
        ...(event.votes >= event.needed ? { reachedAt: event.t } : {}),
      });
      return;
    }
    case 'zab-state':
      // The election is over for this server: its tally fades as a reached one would.
      if (event.state !== 'looking')
        for (const [key, q] of quorums)
          if (q.server === event.server && q.vote === 'election' && q.reachedAt === undefined)
            quorums.set(key, { ...q, reachedAt: event.t });
      return;
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

/** A quorum as it was the moment it was reached (later votes do not change it). */
export type ReachedQuorum = Omit<QuorumView, 'reachedAt'> & { readonly reachedAt: number };

/** Reached quorums kept to compare the next one with (enough for one slot's ballots and one election). */
const REACHED_KEPT = 64;

/** Remember a vote that completed a quorum. */
export function absorbReached(reached: ReachedQuorum[], quorums: Quorums, event: TraceEvent): void {
  if (event.kind !== 'vote' || event.votes !== event.needed) return;
  const q = quorums.get(`${event.server}:${event.vote}:${formatBallot(event.ballot)}:${event.slot ?? ''}`);
  if (q === undefined) return;
  reached.push({ ...q, reachedAt: event.t });
  if (reached.length > REACHED_KEPT) reached.splice(0, reached.length - REACHED_KEPT);
}

/**
 * The latest quorum beside the one it must share a server with: for an accepted quorum of a slot, the latest
 * accepted quorum of that slot at another ballot, else its own ballot's promise quorum; for a promise quorum,
 * the latest accepted quorum at another ballot (what the new ballot must learn of), else the latest promise quorum
 * at another ballot. Null until two such quorums exist.
 */
export function quorumOverlap(reached: readonly ReachedQuorum[]): QuorumOverlapView | null {
  const current = reached[reached.length - 1];
  if (current === undefined) return null;
  const earlier = reached.slice(0, -1).reverse();
  const pick = (test: (q: ReachedQuorum) => boolean): ReachedQuorum | undefined => earlier.find(test);
  const previous =
    current.vote === 'accepted'
      ? (pick((q) => q.vote === 'accepted' && q.slot === current.slot && q.ballot !== current.ballot) ??
        pick((q) => q.vote === 'promise' && q.ballot === current.ballot))
      : (pick((q) => q.vote === 'accepted' && q.ballot !== current.ballot) ??
        pick((q) => q.vote === 'promise' && q.ballot !== current.ballot));
  if (previous === undefined) return null;
  const shared = current.voters.filter((v) => previous.voters.includes(v)).sort((a, b) => a - b);
  return { current, previous, shared };
}
