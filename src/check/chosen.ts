// Chosen-value stability: once a majority of distinct servers accepted (slot, ballot, value), every later
// `accepted` for that slot at a higher ballot carries the same value.
import { compareBallots } from '../protocol/paxos/ballot';
import type { Ballot } from '../protocol/paxos/types';
import type { TraceEvent } from '../sim/trace';
import { foldMonitor, type Monitor } from './monitor';
import { ballotText, majority, OK, violation, type Verdict } from './types';
import { checkText } from './text';

interface Chosen {
  readonly ballot: Ballot;
  readonly proposalId: string;
  /** The accepted event that completed the majority. */
  readonly index: number;
}

export function chosenMonitor(servers: number): Monitor {
  const needed = majority(servers);
  /** `${slot}|${round}.${server}|${proposalId}` -> servers that accepted it. */
  const voters = new Map<string, Set<number>>();
  const chosen = new Map<number, Chosen[]>();
  return {
    observe(e, i) {
      if (e.kind !== 'accepted') return null;
      const already = chosen.get(e.slot);
      if (already !== undefined) {
        for (const c of already) {
          if (compareBallots(e.ballot, c.ballot) > 0 && e.proposalId !== c.proposalId) {
            return violation(
              i,
              checkText.chosen(
                e.server,
                e.proposalId,
                e.slot,
                ballotText(e.ballot),
                c.proposalId,
                ballotText(c.ballot),
                c.index,
              ),
            );
          }
        }
      }
      const key = `${e.slot}|${e.ballot.round}.${e.ballot.server}|${e.proposalId}`;
      let set = voters.get(key);
      if (set === undefined) {
        set = new Set();
        voters.set(key, set);
      }
      if (set.has(e.server)) return null;
      set.add(e.server);
      if (set.size === needed) {
        const list = already ?? [];
        list.push({ ballot: e.ballot, proposalId: e.proposalId, index: i });
        if (already === undefined) chosen.set(e.slot, list);
      }
      return null;
    },
    finish: () => OK,
  };
}

export function checkChosen(trace: readonly TraceEvent[], servers: number): Verdict {
  return foldMonitor(chosenMonitor(servers), trace);
}
