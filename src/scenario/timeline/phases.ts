// Step phase's stops: one simulator event can make several phase marks (a promise quorum and the accept it
// starts): each is a stop, the later ones taken without running anything while the run stays at that instant.
import type { Simulator } from '../../sim/simulator';

export interface PhaseStops {
  /** The trace index of the mark Step phase stopped at; null once the run moves on. */
  stop: number | null;
  /** Marks of that instant still to stop at. */
  marks: number[];
  /** Trace length and simulator events processed when they were queued: the run must still be there. */
  length: number;
  events: number;
}

/** Stop at the next queued mark, if the run has not moved since: true when it did. */
export function takeQueuedPhase(phases: PhaseStops, sim: Simulator): boolean {
  const still = phases.length === sim.trace.length && phases.events === sim.eventsProcessed;
  phases.stop = still ? (phases.marks.shift() ?? null) : null;
  return phases.stop !== null;
}

/** The phase marks among the trace's events from `from` on: stop at the first, queue the rest (true when any). */
export function queueMarks(phases: PhaseStops, sim: Simulator, from: number): boolean {
  const marks: number[] = [];
  for (let i = from; i < sim.trace.length; i++) if (sim.trace[i]!.kind === 'phase') marks.push(i);
  if (marks.length === 0) return false;
  phases.stop = marks[0]!;
  phases.marks = marks.slice(1);
  phases.length = sim.trace.length;
  phases.events = sim.eventsProcessed;
  return true;
}
