// Chosen-value stability: once a majority of distinct servers accepted (slot, ballot, value), every later
// `accepted` for that slot at a higher ballot carries the same value.
// ZAB chooses by primary order instead (zab.md): each server commits txns in strictly increasing zxid order,
// one zxid per slot everywhere, and only txns a leader proposed under that zxid.
import { compareBallots } from '../protocol/paxos/ballot';
import type { Ballot } from '../protocol/paxos/types';
import type { TraceEvent } from '../sim/trace';
import { formatZxid } from '../zk/format';
import { foldMonitor, type Monitor } from './monitor';
import { ballotText, involving, majority, OK, violation, type Verdict } from './types';
import { checkText } from './text';

interface Chosen {
  readonly ballot: Ballot;
  readonly proposalId: string;
  /** The accepted event that completed the majority. */
  readonly index: number;
  /** The servers whose accepts chose it. */
  readonly voters: readonly number[];
}

export function chosenMonitor(servers: number): Monitor {
  const paxos = paxosChosenMonitor(servers);
  const zab = primaryOrderMonitor();
  return {
    kinds: ['accepted', 'zab-propose', 'zab-commit'],
    observe: (e, i) => paxos.observe(e, i) ?? zab.observe(e, i),
    finish: () => OK,
  };
}

function primaryOrderMonitor(): Monitor {
  const proposed = new Map<number, string>();
  const lastCommitted = new Map<number, { slot: number; zxid: number; index: number }>();
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
          checkText.zabNotProposed(e.server, e.proposalId, zxid),
          involving([e.server], [e.slot], [i]),
        );
      const last = lastCommitted.get(e.server);
      if (last !== undefined && e.slot > last.slot && e.zxid <= last.zxid)
        return violation(
          i,
          checkText.zabOutOfOrder(e.server, zxid, e.slot, formatZxid(last.zxid), last.slot),
          involving([e.server], [last.slot, e.slot], [last.index, i]),
        );
      lastCommitted.set(e.server, { slot: e.slot, zxid: e.zxid, index: i });
      const known = atSlot.get(e.slot);
      if (known === undefined) atSlot.set(e.slot, { zxid: e.zxid, server: e.server, index: i });
      else if (known.zxid !== e.zxid)
        return violation(
          i,
          checkText.zabSlotDisagrees(e.server, zxid, e.slot, known.server, formatZxid(known.zxid), known.index),
          involving([known.server, e.server], [e.slot], [known.index, i]),
        );
      return null;
    },
    finish: () => OK,
  };
}

/** One (ballot, value) accepted for a slot, and the distinct servers that accepted it. */
interface Candidate {
  readonly round: number;
  readonly server: number;
  readonly proposalId: string;
  readonly voters: number[];
}

/** A slot's candidates and the ones a majority accepted (numbers and arrays, no string keys: fed every accepted). */
interface SlotVotes {
  readonly candidates: Candidate[];
  readonly chosen: Chosen[];
}

function paxosChosenMonitor(servers: number): Monitor {
  const needed = majority(servers);
  /** By slot (slots are small dense integers). */
  const slots: (SlotVotes | undefined)[] = [];
  return {
    observe(e, i) {
      if (e.kind !== 'accepted') return null;
      let votes = slots[e.slot];
      if (votes === undefined) {
        votes = { candidates: [], chosen: [] };
        slots[e.slot] = votes;
      }
      for (const c of votes.chosen) {
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
            involving([...c.voters, e.server], [e.slot], [c.index, i]),
          );
        }
      }
      const { round, server } = e.ballot;
      let candidate: Candidate | undefined;
      for (const c of votes.candidates)
        if (c.round === round && c.server === server && c.proposalId === e.proposalId) {
          candidate = c;
          break;
        }
      if (candidate === undefined) {
        candidate = { round, server, proposalId: e.proposalId, voters: [] };
        votes.candidates.push(candidate);
      }
      if (candidate.voters.includes(e.server)) return null;
      candidate.voters.push(e.server);
      if (candidate.voters.length === needed)
        votes.chosen.push({ ballot: e.ballot, proposalId: e.proposalId, index: i, voters: [...candidate.voters] });
      return null;
    },
    finish: () => OK,
  };
}

export function checkChosen(trace: readonly TraceEvent[], servers: number): Verdict {
  return foldMonitor(chosenMonitor(servers), trace);
}
