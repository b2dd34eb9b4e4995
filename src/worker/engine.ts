// The live run behind the page: the recorded run (src/scenario/timeline) plus what the page is sent, as Frames.
// Free of worker globals and timers, so Node tests drive it directly; sim.worker.ts adds the pacing.
import type { Header } from '../sim/config';
import { MAX_HISTORY_EVENTS, Timeline, type RecordedAction } from '../scenario/timeline/timeline';
import { pauseFacts } from '../view/lessons/facts';
import type { ServerDetail } from '../view/projections';
import { detailSignature, serverDetail } from './detail';
import { frameNotes, linkViews, messageChanges, serverTimers, serverViews, type FrameCursor } from './frames';
import { MAX_SPEED, MIN_SPEED, type Frame } from './ipc';
import { PageState, type PageDerived } from './pageState';
import { expireQuorums, quorumOverlap } from './quorums';
import { workerText } from './text';

export { MAX_HISTORY_EVENTS, MAX_REPLAY_EVENTS, type RecordedAction } from '../scenario/timeline/timeline';
export { SNAPSHOT_EVERY } from '../scenario/timeline/snapshots';
export { messageChange } from './frames';

/** A fast-forwarded idle wait shorter than this (simulated ms) is not worth a note. */
const SKIP_NOTED_MS = 250;

export class LiveRun extends Timeline<PageDerived> {
  selected = 1;
  private readonly page: PageState;
  private readonly cursor: FrameCursor = { traceSeen: 0, notesLeftOut: false };
  private detailSignature = '';
  private resetPending = true;
  /** The language changed: the next frame sends the latest notes and the selected server's detail again. */
  private relabelPending = false;
  private violationsSent = -1;
  /** A message's content by id (the frames carry it with each message sent; the diagram asks on hover). */
  readonly payloadOf = (id: number): readonly string[] | undefined => this.page.payload(id);

  /** A run from time 0: `actions` are replayed at their recorded moments (plain lines run at once). */
  constructor(header: Header, actions: readonly (RecordedAction | string)[] = [], historyLimit = MAX_HISTORY_EVENTS) {
    const page = new PageState();
    super(header, page, actions, historyLimit);
    this.page = page;
  }

  setSpeed(speed: number): string | null {
    if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED)
      return workerText.badSpeed(speed, MIN_SPEED, MAX_SPEED);
    this.speed = speed;
    return null;
  }

  select(server: number): string | null {
    if (!Number.isInteger(server) || server < 1 || server > this.header.servers)
      return workerText.noSuchServer(server, this.header.servers);
    this.selected = server;
    this.detailSignature = '';
    return null;
  }

  /** The page switched language: the notes it shows are sent again, in the new words (the run is unchanged). */
  relabel(): void {
    this.relabelPending = true;
    this.detailSignature = '';
    this.violationsSent = -1;
  }

  protected override afterSeek(): void {
    super.afterSeek();
    this.cursor.traceSeen = this.sim.trace.length;
    this.page.console.sent = 0;
    this.page.linksDirty = true;
    this.detailSignature = '';
    this.resetPending = true;
  }

  /** What changed since the previous frame. `withDetail` false leaves out the selected server's log and tree
   *  (hundreds of rows): a playing run sends them only as often as the page shows them. */
  frame(withDetail = true): Frame {
    const sim = this.sim;
    const page = this.page;
    const reset = this.resetPending;
    const messages = messageChanges(sim, this.cursor.traceSeen, reset, this.payloadOf);
    const notes = frameNotes(sim.trace, this.cursor, this.playing, reset || this.relabelPending);
    this.cursor.traceSeen = sim.trace.length;
    expireQuorums(page.quorums, sim.now);
    const consoleEntries = page.drainConsole(reset);
    const servers = serverViews(sim);
    const detail = withDetail || reset ? this.detail() : null;
    const pausedAt = this.takePausedAt();
    const skipped = this.idle.skipped;
    const violations = reset || this.violationsSent !== this.violationsVersion ? this.violations : null;
    this.violationsSent = this.violationsVersion;
    const frame: Frame = {
      type: 'frame',
      now: sim.now,
      eventCount: sim.trace.length,
      head: this.head,
      playing: this.playing,
      speed: this.speed,
      header: this.header,
      servers,
      timers: serverTimers(sim),
      ...(page.linksDirty ? { links: linkViews(sim, this.header.servers) } : {}),
      sent: messages.sent,
      ended: messages.ended,
      ...(messages.afresh && !reset ? { messagesAfresh: true } : {}),
      quorums: [...page.quorums.values()],
      quorumOverlap: quorumOverlap(page.reached),
      ...(detail === null ? {} : { detail }),
      console: consoleEntries,
      events: notes.notes,
      ...(notes.afresh ? { eventsAfresh: true } : {}),
      ...(pausedAt === null
        ? {}
        : {
            pausedAt,
            pauseFacts: pauseFacts({
              trace: sim.trace,
              index: pausedAt,
              servers: this.header.servers,
              console: page.console.log,
            }),
          }),
      ...(violations === null ? {} : { violations }),
      ...(this.phases.stop === null ? {} : { phaseStop: this.phases.stop }),
      ...(skipped === null || skipped.to - skipped.from < SKIP_NOTED_MS ? {} : { skipped }),
      reset,
      network: { ...sim.network },
    };
    page.linksDirty = false;
    this.resetPending = false;
    this.relabelPending = false;
    return frame;
  }

  /** The selected server's detail when it changed since the last one sent, else null. */
  private detail(): ServerDetail | null {
    const signature = detailSignature(this.sim, this.selected);
    if (signature === this.detailSignature) return null;
    this.detailSignature = signature;
    return serverDetail(this.sim, this.selected);
  }
}
