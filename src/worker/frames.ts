// Frames: what changed since the previous frame, for the page. The writer remembers what it has sent (trace
// position, links, the selected server's detail); the run tells it when the page must start over.
import type { Header } from '../sim/config';
import type { Simulator } from '../sim/simulator';
import type { TraceEvent } from '../sim/trace';
import { describeEvent } from '../view/events/text';
import type { ConsoleEntry, EventNote, MessageEnd, MessageView, QuorumView } from '../view/projections';
import {
  detailSignature,
  expireQuorums,
  linkViews,
  messageChange,
  serverDetail,
  serverViews,
  wireNow,
} from './frameViews';
import type { Frame } from './ipc';

const MAX_NOTES_PER_FRAME = 200;
/** While playing the page shows only the newest few notes: a frame carries at most this many (the rest is the
 *  bulk of a frame at 25 servers). When the run stops, the next frame sends the latest notes whole again. */
const NOTES_PER_FRAME_PLAYING = 40;
/** Trace events a frame reads messages from: further behind (the page stopped taking frames, a hidden tab), the
 *  frame lists what is on the wire now instead, as a reset does. */
const MAX_MESSAGE_EVENTS_PER_FRAME = 20_000;

/** What the run hands the writer for one frame. */
export interface FrameInput {
  readonly sim: Simulator;
  readonly header: Header;
  readonly head: { t: number; events: number };
  readonly playing: boolean;
  readonly speed: number;
  readonly quorums: Map<string, QuorumView>;
  readonly console: ConsoleEntry[];
  readonly selected: number;
  readonly pausedAt: number | null;
  readonly withDetail: boolean;
}

function eventNotes(trace: readonly TraceEvent[], from: number): EventNote[] {
  const notes: EventNote[] = [];
  for (let index = from; index < trace.length; index++) {
    const event = trace[index]!;
    const text = describeEvent(event);
    if (text !== null)
      notes.push({ index, t: event.t, text, ...(event.kind === 'phase' ? { phase: event.phase } : {}) });
  }
  return notes;
}

export class FrameWriter {
  private traceSeen = 0;
  private linksDirty = true;
  private detailSignature = '';
  /** Notes were left out of a frame while playing (the page's list has gaps until it gets them afresh). */
  private notesLeftOut = false;
  private resetPending = true;

  /** Whether the next frame starts the page over (after a load or a seek). */
  get resetting(): boolean {
    return this.resetPending;
  }

  /** After a load or a seek: the next frame starts over from trace position `traceLength`. */
  reset(traceLength: number): void {
    this.traceSeen = traceLength;
    this.linksDirty = true;
    this.detailSignature = '';
    this.resetPending = true;
  }

  linksChanged(): void {
    this.linksDirty = true;
  }

  /** Another server was selected: its detail goes in the next frame. */
  detailChanged(): void {
    this.detailSignature = '';
  }

  /** What changed since the previous frame. Without `withDetail` the selected server's log and tree (hundreds of
   *  rows) stay out: a playing run sends them only as often as the page shows them. */
  write(input: FrameInput): Frame {
    const { sim } = input;
    const reset = this.resetPending;
    // Notes were left out while playing: once stopped, the page gets the latest ones whole, replacing its list.
    const notesAfresh = reset || (this.notesLeftOut && !input.playing);
    const notesLimit = input.playing && !notesAfresh ? NOTES_PER_FRAME_PLAYING : MAX_NOTES_PER_FRAME;
    const sent: MessageView[] = [];
    const ended: MessageEnd[] = [];
    const trace = sim.trace;
    const messagesAfresh = reset || trace.length - this.traceSeen > MAX_MESSAGE_EVENTS_PER_FRAME;
    // After a load or a seek (or a long gap) the page starts over from what is on the wire now.
    if (messagesAfresh) sent.push(...wireNow(sim));
    else for (let index = this.traceSeen; index < trace.length; index++) messageChange(trace[index]!, sent, ended);
    const firstNote = notesAfresh
      ? Math.max(0, trace.length - notesLimit)
      : Math.max(this.traceSeen, trace.length - notesLimit);
    if (!notesAfresh && firstNote > this.traceSeen) this.notesLeftOut = true;
    if (notesAfresh) this.notesLeftOut = false;
    const notes = eventNotes(trace, firstNote);
    this.traceSeen = trace.length;
    expireQuorums(input.quorums, sim.now);
    const detail = input.withDetail || reset ? this.detail(sim, input.selected) : null;
    const frame: Frame = {
      type: 'frame',
      now: sim.now,
      eventCount: trace.length,
      head: input.head,
      playing: input.playing,
      speed: input.speed,
      header: input.header,
      servers: serverViews(sim),
      ...(this.linksDirty ? { links: linkViews(sim) } : {}),
      sent,
      ended,
      ...(messagesAfresh && !reset ? { messagesAfresh: true } : {}),
      quorums: [...input.quorums.values()],
      ...(detail === null ? {} : { detail }),
      console: input.console,
      events: notes,
      ...(notesAfresh ? { eventsAfresh: true } : {}),
      ...(input.pausedAt === null ? {} : { pausedAt: input.pausedAt }),
      reset,
      network: { ...sim.network },
    };
    this.linksDirty = false;
    this.resetPending = false;
    return frame;
  }

  private detail(sim: Simulator, selected: number): ReturnType<typeof serverDetail> | null {
    const signature = detailSignature(sim, selected);
    if (signature === this.detailSignature) return null;
    this.detailSignature = signature;
    return serverDetail(sim, selected);
  }
}
