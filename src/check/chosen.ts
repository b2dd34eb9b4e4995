// Chosen-value stability: once a majority of distinct servers accepted (slot, ballot, value), every later
// `accepted` for that slot at a higher ballot carries the same value.
// ZAB chooses by primary order instead (zab.md): each server commits txns in strictly increasing zxid order,
// one zxid per slot everywhere, and only txns a leader proposed under that zxid.
import { compareBallots } from '../protocol/paxos/ballot';
import type { Ballot } from '../protocol/paxos/types';
import type { TraceEvent } from '../sim/trace';
import { formatZxid } from '../zk/format';
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
  const paxos = paxosChosenMonitor(servers);
  const zab = primaryOrderMonitor();
  return { observe: (e, i) => paxos.observe(e, i) ?? zab.observe(e, i), finish: () => OK };
}

function primaryOrderMonitor(): Monitor {
  const proposed = new Map<number, string>();
  const lastCommitted = new Map<number, { slot: number; zxid: number }>();
  const atSlot = new Map<number, { zxid: number; server: number; index: number }>();
  return {
    observe(e, i) {
      if (e.kind === 'zab-propose') {
        proposed.set(e.zxid, e.proposalId);
        return null;
      }
      if (e.kind !== 'zab-commit') return null;
      const zxid = formatZxid(e.zxid);
      if (proposed.get(e.zxid) !== e.proposalId)
        return violation(
          i,
          `n${e.server} committed ${e.proposalId} as ${zxid}, which no leader proposed under that zxid`,
        );
      const last = lastCommitted.get(e.server);
      if (last !== undefined && e.slot > last.slot && e.zxid <= last.zxid)
        return violation(
          i,
          `n${e.server} committed ${zxid} at slot ${e.slot} after ${formatZxid(last.zxid)} at slot ${last.slot}: not in zxid order`,
        );
      lastCommitted.set(e.server, { slot: e.slot, zxid: e.zxid });
      const known = atSlot.get(e.slot);
      if (known === undefined) atSlot.set(e.slot, { zxid: e.zxid, server: e.server, index: i });
      else if (known.zxid !== e.zxid)
        return violation(
          i,
          `n${e.server} committed ${zxid} at slot ${e.slot}, but n${known.server} committed ${formatZxid(known.zxid)} there (trace event ${known.index})`,
        );
      return null;
    },
    finish: () => OK,
  };
}

function paxosChosenMonitor(servers: number): Monitor {
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
