// Which quorum tallies the ring shows by each proposer, and what they say: the pending ones, newest first, then the
// latest reached one faded (a decided slot's tally must not pile up), each named by its owner when several run.
import type { QuorumView } from '../projections';
import { text } from '../text';
import { zabText } from '../zab/text';

/** At most this many pending tallies per proposer; beyond, "+N more". */
export const MAX_PENDING = 2;
/** Owner colours (cluster.css .quorum-owner-0 ... -5), by server id. */
export const OWNER_COLOURS = 6;

export interface BadgeGroup {
  readonly server: number;
  /** Pending tallies newest first, then at most one reached tally. */
  readonly shown: readonly QuorumView[];
  readonly labels: readonly string[];
  /** "+N more" pending tallies, if any. */
  readonly more: string | undefined;
  /** Index into the owner colours when several proposers have tallies, else undefined (the vote's own colour). */
  readonly owner: number | undefined;
}

const newestFirst = (a: QuorumView, b: QuorumView): number =>
  (b.slot ?? -1) - (a.slot ?? -1) || (b.reachedAt ?? 0) - (a.reachedAt ?? 0);

/** Each proposer's tallies to show on a ring of `servers` servers, by server id. */
export function badgeGroups(quorums: readonly QuorumView[], servers: number): BadgeGroup[] {
  const byServer = new Map<number, QuorumView[]>();
  for (const q of quorums) byServer.set(q.server, [...(byServer.get(q.server) ?? []), q]);
  const several = byServer.size > 1;
  return [...byServer.keys()]
    .sort((a, b) => a - b)
    .map((server) => {
      const list = byServer.get(server)!;
      const pending = list.filter((q) => q.reachedAt === undefined).sort(newestFirst);
      const reached = list.filter((q) => q.reachedAt !== undefined).sort(newestFirst);
      const shown = pending.slice(0, MAX_PENDING);
      if (shown.length < MAX_PENDING && reached[0] !== undefined) shown.push(reached[0]);
      const owner = several ? server : undefined;
      return {
        server,
        shown,
        labels: shown.map((q) =>
          q.candidate === undefined
            ? text.cluster.quorumVotes(q.voters.length, q.needed, servers, q.slot, owner)
            : zabText.tally(q.voters.length, servers, q.candidate, owner),
        ),
        more: pending.length > MAX_PENDING ? text.cluster.quorumMore(pending.length - MAX_PENDING) : undefined,
        owner: several ? (server - 1) % OWNER_COLOURS : undefined,
      };
    });
}
