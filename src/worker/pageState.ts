// What the page is shown that the trace implies (console, quorum tallies, links to redraw): the recorded run's
// observer, so its snapshots carry it.
import type { OutputRecord } from '../script/run';
import { language, type Multilingual } from '../script/language';
import type { Simulator } from '../sim/simulator';
import type { Wire } from '../sim/wire';
import type { LineSource, TimelineObserver } from '../scenario/timeline/timeline';
import { describePayload } from '../view/payload/describe';
import type { ConsoleEntry } from '../view/projections';
import { absorbRecords, drainConsole, newConsole, type ConsoleState } from './console';
import { absorbQuorumEvent, absorbReached, expireQuorums, type Quorums, type ReachedQuorum } from './quorums';

export interface PageDerived {
  /** The console as it was (entries are never changed, so a copy of the list is enough): a seek back shortens the
   *  log, and a later snapshot must bring its lines back, not only its length. */
  readonly console: readonly ConsoleEntry[];
  readonly quorums: Quorums;
  readonly reached: readonly ReachedQuorum[];
}

export class PageState implements TimelineObserver<PageDerived> {
  readonly console: ConsoleState = newConsole();
  quorums: Quorums = new Map();
  /** The latest reached quorums, oldest first (for the overlap the ring can show). */
  reached: ReachedQuorum[] = [];
  linksDirty = true;
  /** Trace events folded into the quorums so far. */
  private stateSeen = 0;
  private records: readonly OutputRecord[] = [];
  /** Every message this run put on the wire, by id (the trace keeps only labels): the page is shown their content.
   *  Not part of a snapshot: a seek back and a fork send each id again, so an id always names its latest message. */
  private readonly wires: Wire[] = [];

  sent(id: number, wire: Wire): void {
    this.wires[id] = wire;
  }

  /** The content of message `id`, as the page shows it on hover (undefined when this run never sent it). */
  payload(id: number): readonly string[] | undefined {
    const wire = this.wires[id];
    return wire === undefined ? undefined : describePayload(wire);
  }

  progress(sim: Simulator, records: readonly OutputRecord[]): void {
    this.records = records;
    absorbRecords(this.console, records);
    const trace = sim.trace;
    for (; this.stateSeen < trace.length; this.stateSeen++) {
      const event = trace[this.stateSeen]!;
      if (event.kind === 'cut' || event.kind === 'heal') this.linksDirty = true;
      else {
        absorbQuorumEvent(this.quorums, event);
        absorbReached(this.reached, this.quorums, event);
      }
    }
  }

  save(sim: Simulator): PageDerived {
    // Tallies that are done are dropped here too, not only when a frame is drawn (a fast replay draws none).
    expireQuorums(this.quorums, sim.now);
    absorbRecords(this.console, this.records);
    return {
      console: [...this.console.log],
      quorums: structuredClone(this.quorums),
      reached: [...this.reached],
    };
  }

  restore(derived: PageDerived, traceLength: number, records: number): void {
    const log = this.console.log;
    log.length = 0;
    for (const entry of derived.console) log.push(entry);
    this.console.recordsSeen = records;
    this.quorums = structuredClone(derived.quorums);
    this.reached = [...derived.reached];
    this.stateSeen = traceLength;
  }

  input(text: string, t: number, source: LineSource): void {
    this.console.log.push({ kind: 'input', text, t, ...(source === 'control' ? { control: true as const } : {}) });
  }

  refused(text: string, message: Multilingual, t: number): void {
    this.console.rejected.push(
      { kind: 'input', text, t },
      { kind: 'error', text: message[language()], t, said: message },
    );
  }

  error(said: Multilingual, t: number): void {
    this.console.log.push({ kind: 'error', text: said[language()], t, said });
  }

  /** The console entries a frame sends. */
  drainConsole(reset: boolean): ConsoleEntry[] {
    absorbRecords(this.console, this.records);
    return drainConsole(this.console, reset);
  }

  linksChanged(): void {
    this.linksDirty = true;
  }
}
