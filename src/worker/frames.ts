// Frames: what changed since the previous frame, as the page draws it (messages, notes, servers, links).
import type { Simulator } from '../sim/simulator';
import type { TraceEvent } from '../sim/trace';
import { formatZxid } from '../zk/format';
import { describeEvent } from '../view/events/text';
import type { EventNote, LinkView, MessageEnd, MessageView, ServerView } from '../view/projections';
import type { TimerView } from '../view/cluster/timer';

const MAX_NOTES_PER_FRAME = 200;
/** While playing the page shows only the newest few notes: a frame carries at most this many (the rest is the
 *  bulk of a frame at 25 servers). When the run stops, the next frame sends the latest notes whole again. */
const NOTES_PER_FRAME_PLAYING = 40;
/** Trace events a frame reads messages from: further behind (the page stopped taking frames, a hidden tab), the
 *  frame lists what is on the wire now instead, as a reset does. */
const MAX_MESSAGE_EVENTS_PER_FRAME = 20_000;

/** What a frame knows of the page: the trace it has seen, and whether its notes list has gaps. */
export interface FrameCursor {
  traceSeen: number;
  /** Notes were left out of a frame while playing (the page's list has gaps until it gets them afresh). */
  notesLeftOut: boolean;
}

export interface MessageChanges {
  readonly sent: MessageView[];
  readonly ended: MessageEnd[];
  /** The page starts over from what is on the wire now. */
  readonly afresh: boolean;
}

/** A message's content by its id, as the page shows it on hover (see PageState.payload). */
export type PayloadOf = (id: number) => readonly string[] | undefined;

const NO_PAYLOADS: PayloadOf = () => undefined;

/** Messages sent and ended since the page last saw the trace (after a reset or a long gap: all in flight). */
export function messageChanges(
  sim: Simulator,
  traceSeen: number,
  reset: boolean,
  payloadOf: PayloadOf = NO_PAYLOADS,
): MessageChanges {
  const sent: MessageView[] = [];
  const ended: MessageEnd[] = [];
  const trace = sim.trace;
  const afresh = reset || trace.length - traceSeen > MAX_MESSAGE_EVENTS_PER_FRAME;
  if (afresh) {
    // After a load or a seek (or a long gap) the page starts over from what is on the wire now.
    for (const m of sim.inFlight())
      sent.push({
        id: m.id,
        from: m.from,
        to: m.to,
        kind: m.wire,
        label: m.label,
        sentAt: m.sentAt,
        deliverAt: m.deliverAt,
        lost: m.lost,
        ...withPayload(payloadOf(m.id)),
      });
  } else {
    for (let index = traceSeen; index < trace.length; index++) messageChange(trace[index]!, sent, ended, payloadOf);
  }
  return { sent, ended, afresh };
}

/** The notes a frame carries, and whether they replace the page's list. */
export function frameNotes(
  trace: readonly TraceEvent[],
  cursor: FrameCursor,
  playing: boolean,
  reset: boolean,
): { notes: EventNote[]; afresh: boolean } {
  // Notes were left out while playing: once stopped, the page gets the latest ones whole, replacing its list.
  const afresh = reset || (cursor.notesLeftOut && !playing);
  const limit = playing && !afresh ? NOTES_PER_FRAME_PLAYING : MAX_NOTES_PER_FRAME;
  const first = afresh ? Math.max(0, trace.length - limit) : Math.max(cursor.traceSeen, trace.length - limit);
  if (!afresh && first > cursor.traceSeen) cursor.notesLeftOut = true;
  if (afresh) cursor.notesLeftOut = false;
  const notes: EventNote[] = [];
  for (let index = first; index < trace.length; index++) {
    const event = trace[index]!;
    const text = describeEvent(event);
    if (text !== null)
      notes.push({ index, t: event.t, text, ...(event.kind === 'phase' ? { phase: event.phase } : {}) });
  }
  return { notes, afresh };
}

export function serverViews(sim: Simulator): ServerView[] {
  return sim.servers.map((server): ServerView => {
    // A crashed server still has its durable log: what it decided shows; it applies nothing until restarted.
    const view = sim.viewOf(server.id);
    return {
      id: server.id,
      up: server.up,
      role: view.role ?? 'crashed',
      ballot: view.ballot,
      promised: view.promised,
      leader: view.leader,
      decidedUpTo: view.decidedUpTo,
      appliedUpTo: view.appliedUpTo,
      logged: view.logLength,
      zab: sim.header.protocol === 'zab',
      lastZxid: formatZxid(sim.replicaOf(server.id).lastZxid),
      sessions: [...server.clients].sort(),
    };
  });
}

/** Each server's running timer (by id - 1; null while down or idle): the ring draws it as an arc. */
export function serverTimers(sim: Simulator): (TimerView | null)[] {
  return sim.servers.map((server) => sim.viewOf(server.id).timer);
}

export function linkViews(sim: Simulator, servers: number): LinkView[] {
  const links: LinkView[] = [];
  for (let from = 1; from <= servers; from++) {
    for (let to = 1; to <= servers; to++) if (from !== to) links.push({ from, to, up: !sim.isCut(from, to) });
  }
  return links;
}

function withPayload(payload: readonly string[] | undefined): { payload?: readonly string[] } {
  return payload === undefined || payload.length === 0 ? {} : { payload };
}

/** A message put on the wire (sent, or a network duplicate of one), as the page draws it. */
function sentView(
  event: Extract<TraceEvent, { kind: 'send' | 'duplicate' }>,
  lost: boolean,
  payloadOf: PayloadOf,
): MessageView {
  const { id, from, to, wire: kind, label, t: sentAt, deliverAt } = event;
  return { id, from, to, kind, label, sentAt, deliverAt, lost, ...withPayload(payloadOf(id)) };
}

/** What a trace event changes on the wire, as the page draws it. */
export function messageChange(
  event: TraceEvent,
  sent: MessageView[],
  ended: MessageEnd[],
  payloadOf: PayloadOf = NO_PAYLOADS,
): void {
  switch (event.kind) {
    case 'send':
      sent.push(sentView(event, event.lost, payloadOf));
      return;
    case 'duplicate':
      sent.push({ ...sentView(event, false, payloadOf), copyOf: event.copyOf });
      return;
    case 'deliver':
      ended.push({ id: event.id, outcome: 'delivered', at: event.t });
      return;
    case 'drop':
      ended.push({ id: event.id, outcome: 'dropped', reason: event.reason, at: event.t });
      return;
    default:
      return;
  }
}
