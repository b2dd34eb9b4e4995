// What a recorded run is made of and who watches it: the actions it records and the observer the driver gives it.
import type { OutputRecord } from '../../script/run';
import type { Simulator } from '../../sim/simulator';
import type { Wire } from '../../sim/wire';
import type { Multilingual } from '../../script/language';

/** A user action as the scenario records it: the line, and exactly when it ran. */
export interface RecordedAction {
  /** Queue events processed before it ran; -1 when unknown (an imported script): then it runs once time reaches t. */
  events: number;
  readonly t: number;
  readonly text: string;
  /** Run by a button: its echo says so again when the action is replayed (links keep only the text). */
  readonly control?: true;
}

export type LineSource = 'console' | 'control';

/** What a driver derives from the run (the page's console and quorum tallies); snapshots carry it. */
export interface TimelineObserver<Derived> {
  /** The trace or the runner's records grew: fold the new part in. */
  progress(sim: Simulator, records: readonly OutputRecord[]): void;
  save(sim: Simulator): Derived;
  /** Back to a snapshot: `traceLength` events and `records` runner records are folded in. */
  restore(derived: Derived, traceLength: number, records: number): void;
  /** A console line or a control's line ran (its echo); a line was refused (`message`); a notice (`text`) for the
   *  console. Our own messages come in every language, so the page shows them in its current one. */
  input(text: string, t: number, source: LineSource): void;
  refused(text: string, message: Multilingual, t: number): void;
  error(text: Multilingual, t: number): void;
  /** The links between servers may have changed (a cut, heal or partition). */
  linksChanged(): void;
  /** A message went on the wire (the page shows its content): replays and re-runs send the same id again. */
  sent?(id: number, wire: Wire): void;
}

/** The observer of a run nobody watches (the CLI bench). */
export const NO_OBSERVER: TimelineObserver<null> = {
  progress: () => undefined,
  save: () => null,
  restore: () => undefined,
  input: () => undefined,
  refused: () => undefined,
  error: () => undefined,
  linksChanged: () => undefined,
};
