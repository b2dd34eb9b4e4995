// What a lesson step's narration may say about its pause: facts read off the run's trace and console at the
// moment the page paused, and the narration's template filled with them. Pure: the worker computes the facts
// when a pause is reached, the page fills the step's text, and a test replays every lesson to check them.
import { formatBallot } from '../../protocol/paxos/ballot';
import { describeTxn } from '../../sim/describe';
import type { TraceEvent } from '../../sim/trace';
import type { ConsoleEntry } from '../projections';
import { isZabMark } from '../zab/marks';
import { zabMarkFacts } from './zabFacts';
import { lessonsUiText as t } from './text';

/** Named values a narration template can use as `{name}`. */
export type PauseFacts = Readonly<Record<string, string>>;

export interface PauseInput {
  /** The trace as the page shows it at the pause: every event the simulator step that paused produced. */
  readonly trace: readonly TraceEvent[];
  /** Index of the event the step paused at. */
  readonly index: number;
  /** Servers in the cluster. */
  readonly servers: number;
  /** The console's lines at the pause (what the page prints). */
  readonly console: readonly ConsoleEntry[];
}

const name = (server: number): string => `n${server}`;
const names = (servers: readonly number[]): string => t.names(servers.map(name));

/** The facts at a pause: about the event it stopped at, and about the run as the page shows it then. */
export function pauseFacts(input: PauseInput): PauseFacts {
  const { trace, index } = input;
  const event = trace[index];
  const facts: Record<string, string> = { servers: String(input.servers), event: String(index) };
  if (event === undefined) return facts;
  Object.assign(facts, eventFacts(event, trace, index), runFacts(trace));
  if (event.kind === 'return') {
    // What the console printed for it: its first line (a read with -s goes on with the Stat, line by line).
    const printed = input.console.find(
      (entry) => entry.kind === 'output' && entry.session === event.session && entry.t === event.t,
    );
    if (printed !== undefined) facts.reply = printed.text;
    const stat = event.result.stat;
    if (stat !== undefined) facts.version = String(stat.version);
  }
  if (event.kind === 'phase' && isZabMark(event)) Object.assign(facts, zabMarkFacts(event, trace, index));
  else if (event.kind === 'phase') {
    const promises = event.phase === 'prepare' || event.phase === 'promise-quorum';
    Object.assign(
      facts,
      quorumFacts(trace, index, event.server, promises ? 'promise' : 'accepted', promises ? undefined : event.slot),
    );
    // A promise quorum starts phase 2 in the same instant: the slot and value its Accept carries.
    const slot = event.slot ?? acceptedSlot(trace, index, event.server);
    if (slot !== undefined) {
      facts.slot = String(slot);
      const value = slotValue(trace, index, event.server, slot);
      if (value !== undefined) facts.value = value;
    }
  }
  return facts;
}

function eventFacts(event: TraceEvent, trace: readonly TraceEvent[], index: number): Record<string, string> {
  switch (event.kind) {
    case 'send':
    case 'deliver':
    case 'drop':
    case 'duplicate':
      return {
        from: event.from,
        to: event.to,
        wire: event.wire,
        ...(event.kind === 'drop' ? { reason: event.reason } : {}),
        ...(event.kind === 'send' ? { label: event.label } : {}),
        ...(event.kind === 'deliver' ? { label: labelOf(trace, index, event.id) } : {}),
      };
    case 'crash':
    case 'restart':
      return { server: name(event.server) };
    case 'cut':
    case 'heal':
      return { from: name(event.from), to: name(event.to) };
    case 'network':
      return {};
    case 'decided':
    case 'apply':
      return { server: name(event.server), slot: String(event.slot), value: event.text };
    case 'request':
      return { server: name(event.server), value: describeTxn(event.txn) };
    case 'invoke':
      return { session: event.session, command: event.command.kind };
    case 'return':
      return {
        session: event.session,
        result: event.result.ok ? 'ok' : (event.result.error ?? 'error'),
        ...(event.result.server === undefined ? {} : { at: name(event.result.server) }),
      };
    case 'watch':
      return { session: event.session, watch: `${event.type} ${event.path}`, path: event.path };
    case 'session':
      return {
        session: event.session,
        status: event.status,
        ...(event.server === null ? {} : { at: name(event.server) }),
      };
    default: {
      // A protocol's note: every one names its server; most carry a ballot, some a slot and a phase.
      const note = event as {
        server: number;
        ballot?: Parameters<typeof formatBallot>[0];
        slot?: number;
        phase?: string;
      };
      return {
        server: name(note.server),
        ...(note.ballot === undefined ? {} : { ballot: formatBallot(note.ballot) }),
        ...(note.slot === undefined ? {} : { slot: String(note.slot) }),
        ...(note.phase === undefined ? {} : { phase: note.phase }),
      };
    }
  }
}

/** The label of the message a delivery or drop ends (from its send). */
function labelOf(trace: readonly TraceEvent[], index: number, id: number): string {
  for (let i = index; i >= 0; i--) {
    const e = trace[i]!;
    if ((e.kind === 'send' || e.kind === 'duplicate') && e.id === id) return e.label;
  }
  return '';
}

/** ZAB's peer states as the roles the page names (a LOOKING server runs for leader). */
const ZAB_ROLES = { looking: 'candidate', following: 'follower', leading: 'leader' } as const;

/** The leaders as the page shows them: servers whose latest role note says leader, and that are up. */
function runFacts(trace: readonly TraceEvent[]): Record<string, string> {
  const role = new Map<number, string>();
  for (const e of trace) {
    if (e.kind === 'role') role.set(e.server, e.role);
    else if (e.kind === 'zab-state') role.set(e.server, ZAB_ROLES[e.state]);
    else if (e.kind === 'crash') role.set(e.server, 'crashed');
    else if (e.kind === 'restart') role.set(e.server, 'follower');
  }
  const leaders = [...role]
    .filter(([, r]) => r === 'leader')
    .map(([s]) => s)
    .sort((a, b) => a - b);
  const facts: Record<string, string> = { leader: leaders.length === 0 ? t.nobody : names(leaders) };
  for (const [server, r] of role) facts[`role.${name(server)}`] = r;
  return facts;
}

/** Who a quorum counted (`voters`, `count`), who else it counted (`others`), and whose vote is still on the wire. */
function quorumFacts(
  trace: readonly TraceEvent[],
  index: number,
  server: number,
  vote: 'promise' | 'accepted',
  slot: number | undefined,
): Record<string, string> {
  const voters: number[] = [];
  let needed = 0;
  let ballot = '';
  for (let i = index; i >= 0; i--) {
    const e = trace[i]!;
    if (e.kind !== 'vote' || e.server !== server || e.vote !== vote || e.slot !== slot) continue;
    if (ballot === '') {
      ballot = formatBallot(e.ballot);
      needed = e.needed;
    } else if (formatBallot(e.ballot) !== ballot) break;
    voters.unshift(e.voter);
  }
  // Replies of this round sent to the proposer and not yet delivered or dropped when the page paused.
  const pending = new Map<number, number>();
  const label = vote === 'promise' ? `Promise ${ballot}` : `Accepted ${ballot} #${slot ?? ''}`;
  for (const e of trace) {
    if (e.kind === 'send' && e.to === name(server) && e.label === label) pending.set(e.id, Number(e.from.slice(1)));
    else if ((e.kind === 'deliver' || e.kind === 'drop') && pending.has(e.id)) pending.delete(e.id);
  }
  voters.sort((a, b) => a - b);
  const late = [...pending.values()].filter((s) => !voters.includes(s)).sort((a, b) => a - b);
  return {
    voters: names(voters),
    count: String(voters.length),
    needed: String(needed),
    others: names(voters.filter((v) => v !== server)),
    late: late.length === 0 ? t.nobody : names(late),
  };
}

/** The first slot a server starts phase 2 for in the same instant as event `index`. */
function acceptedSlot(trace: readonly TraceEvent[], index: number, server: number): number | undefined {
  for (let i = index + 1; i < trace.length && trace[i]!.t === trace[index]!.t; i++) {
    const e = trace[i]!;
    if (e.kind === 'phase' && e.server === server && e.phase === 'accept') return e.slot;
  }
  return undefined;
}

/** The value a server proposes or decides for a slot: its decision, or the proposal it accepted there. */
function slotValue(trace: readonly TraceEvent[], index: number, server: number, slot: number): string | undefined {
  let proposalId: string | undefined;
  for (let i = index; i < trace.length; i++) {
    const e = trace[i]!;
    if (e.t !== trace[index]!.t) break;
    if (e.kind === 'decided' && e.server === server && e.slot === slot) return e.text;
    if (e.kind === 'accepted' && e.server === server && e.slot === slot) {
      proposalId = e.proposalId;
      break;
    }
  }
  if (proposalId === undefined) return undefined;
  for (const e of trace) {
    if (e.kind === 'request' && e.proposalId === proposalId) return describeTxn(e.txn);
    if ((e.kind === 'decided' || e.kind === 'apply') && e.proposalId === proposalId) return e.text;
  }
  return proposalId.startsWith('noop') ? 'noop' : undefined;
}

/** The `{name}` placeholders a template uses. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([a-z][\w.]*)\}/gi)].map((m) => m[1]!);
}

/** The template with each `{name}` replaced by its fact; a fact the pause lacks stays as written. */
export function fillNarration(template: string, facts: PauseFacts): string {
  return template.replace(/\{([a-z][\w.]*)\}/gi, (whole, key: string) => facts[key] ?? whole);
}
