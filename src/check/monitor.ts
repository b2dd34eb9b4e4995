// Live checking: an invariant as a monitor fed one trace event at a time, in O(1) amortised per event, that
// knows its first violation the moment its event happens. An offline checker is the same monitor folded over
// a whole trace, so the live verdict and the offline one cannot differ.
import type { TraceEvent } from '../sim/trace';
import type { Verdict, Violated } from './types';

export interface Monitor {
  /** The event kinds it reads (every other kind it ignores, so live checks need not feed it them); all when absent. */
  readonly kinds?: readonly TraceEvent['kind'][];
  /** Feeds trace event `index`: the violation it reveals, or null. After a violation nothing more is fed. */
  observe(e: TraceEvent, index: number): Violated | null;
  /** The verdict when the trace ends with no violation (an ok, maybe with a note). */
  finish(): Verdict;
}

/** A monitor run over a whole trace: its first violation, or its verdict at the end. */
export function foldMonitor(monitor: Monitor, trace: readonly TraceEvent[]): Verdict {
  for (let i = 0; i < trace.length; i++) {
    const found = monitor.observe(trace[i]!, i);
    if (found !== null) return found;
  }
  return monitor.finish();
}
