// What the page shows of a run, as plain data: servers, messages on the wire, quorum tallies, a server's log and
// znode tree, links, console entries and event notes. The worker computes them; the store and the page draw them.
import type { Phase } from '../protocol/paxos/types';
import type { ZabMark } from '../protocol/zab/types';
import type { Role } from '../protocol/types';
import type { WireKind } from '../sim/trace';
import { language, type Multilingual } from '../script/language';
import type { ErrorCode } from '../zk/types';

export interface ServerView {
  readonly id: number;
  readonly up: boolean;
  readonly role: Role | 'crashed';
  /** Ballot this server leads or campaigns with, "-" when none, as "round.nK". */
  readonly ballot: string;
  readonly promised: string;
  readonly leader: number | null;
  /** Slots [0, decidedUpTo) are decided; [0, appliedUpTo) applied. */
  readonly decidedUpTo: number;
  readonly appliedUpTo: number;
  /** Txns (slots) in its log, decided or not: under ZAB, proposals logged past decidedUpTo are not committed yet. */
  readonly logged: number;
  /** ZAB's view: `ballot` is then its currentEpoch, `promised` its acceptedEpoch. */
  readonly zab: boolean;
  readonly lastZxid: string;
  readonly sessions: readonly string[];
}

export interface MessageView {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  readonly kind: WireKind;
  readonly label: string;
  readonly sentAt: number;
  readonly deliverAt: number;
  /** Will be dropped (loss) when it arrives; cut links and dead servers drop it at arrival too. */
  readonly lost: boolean;
  /** Set on the second copy of a duplicated message. */
  readonly copyOf?: number;
  /** What it carries, one short line each (see view/payload): shown when it is hovered or focused. */
  readonly payload?: readonly string[];
}

export interface MessageEnd {
  readonly id: number;
  readonly outcome: 'delivered' | 'dropped';
  readonly reason?: 'loss' | 'cut' | 'down';
  readonly at: number;
}

/** A tally's identity: one proposer, one kind of vote, one ballot, one slot. */
export function quorumKey(q: QuorumView): string {
  return `${q.server}:${q.vote}:${q.ballot}:${q.slot ?? ''}`;
}

/** A proposer's running tally of Promise or Accepted votes, or a ZAB server's election votes for `candidate`. */
export interface QuorumView {
  readonly server: number;
  readonly vote: 'promise' | 'accepted' | 'election';
  /** The server the election votes name (ZAB). */
  readonly candidate?: number;
  readonly ballot: string;
  readonly slot?: number;
  readonly voters: readonly number[];
  readonly needed: number;
  /** Simulated time the quorum was reached, if it was. */
  readonly reachedAt?: number;
}

/** The latest reached quorum and the earlier one it must share a server with (see worker/quorums.ts). */
export interface QuorumOverlapView {
  readonly current: QuorumView;
  readonly previous: QuorumView;
  /** Servers in both, ascending: empty only when the protocol is broken (minority-quorum). */
  readonly shared: readonly number[];
}

export interface LogEntryView {
  readonly slot: number;
  /** Accepted ballot as "round.nK", or "-" when nothing accepted. */
  readonly ballot: string;
  readonly text: string;
  readonly chosen: boolean;
  readonly applied: boolean;
  readonly zxid?: string;
}

export interface ZnodeView {
  readonly path: string;
  readonly name: string;
  readonly depth: number;
  readonly data: string;
  readonly version: number;
  readonly cversion: number;
  readonly mzxid: string;
  readonly ephemeralOwner: string | null;
  readonly numChildren: number;
  /** "c1 data", "c2 child", ... */
  readonly watches: readonly string[];
  /** Changed by the most recent transaction this server applied (the UI flashes it). */
  readonly changed: boolean;
}

export interface ServerDetail {
  readonly server: number;
  readonly log: readonly LogEntryView[];
  readonly znodes: readonly ZnodeView[];
  /** Highest decided slot on any server: entries of this server below it that are missing are stale. */
  readonly clusterDecidedUpTo: number;
  /** Every server's log side by side (the all-logs grid). */
  readonly logs?: AllLogsView;
}

/** One slot of one server's log in the all-logs grid. */
export type LogCell = 'none' | 'accepted' | 'chosen' | 'applied' | 'missing';

/** Cell codes, one character a slot: none, accepted, chosen, applied, missing (decided elsewhere, not here). */
export const LOG_CELL_CODES: Readonly<Record<string, LogCell>> = {
  '.': 'none',
  a: 'accepted',
  c: 'chosen',
  p: 'applied',
  m: 'missing',
};

/** The last slots of every server's log: `rows[i].cells[k]` is slot `from + k` of that server (LOG_CELL_CODES). */
export interface AllLogsView {
  readonly from: number;
  readonly to: number;
  readonly rows: readonly { readonly server: number; readonly up: boolean; readonly cells: string }[];
}

export interface LinkView {
  readonly from: number;
  readonly to: number;
  readonly up: boolean;
}

export type ConsoleEntry =
  | {
      readonly kind: 'input';
      readonly text: string;
      readonly t: number;
      /** Run by a button (Kill, Heal, a link on the ring) rather than typed. */
      readonly control?: true;
    }
  | {
      readonly kind: 'output';
      /** zkCli's own text, verbatim. */
      readonly text: string;
      readonly t: number;
      readonly session?: string;
      readonly ok: boolean;
      /** What the result answers ("c1 create /y"), on its first line: a reply can come long after its line. */
      readonly about?: string;
      /** The ZooKeeper error this line prints, so the page can gloss it by its code (never by its text). */
      readonly error?: ErrorCode;
      /** Set when the line is our own words (a note such as "(leader is n2)", "done"), not zkCli's: `text` in
       *  every language, so the page shows the one it is in now. */
      readonly said?: Multilingual;
    }
  | { readonly kind: 'watch'; readonly text: string; readonly t: number; readonly session: string }
  | {
      readonly kind: 'error';
      /** In the language of the moment it was printed; `said` has it in every language. */
      readonly text: string;
      readonly t: number;
      readonly said: Multilingual;
    };

/** A console entry's text as the page shows it now: our own words in the current language, zkCli's verbatim. */
export function entryText(entry: ConsoleEntry): string {
  return entry.kind === 'output' || entry.kind === 'error' ? (entry.said?.[language()] ?? entry.text) : entry.text;
}

/** A short line about one trace event, for the event log and for Step. */
export interface EventNote {
  readonly index: number;
  readonly t: number;
  readonly text: string;
  readonly phase?: Phase | ZabMark;
}
