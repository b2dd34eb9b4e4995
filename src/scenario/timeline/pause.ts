// A lesson's pause point: the first trace event matching it stops play.
import type { TraceEvent } from '../../sim/trace';
import { matchesEvent, type EventMatcher } from '../matcher';

export interface PauseWatch {
  matcher: EventMatcher | null;
  /** Trace events already looked at. */
  seen: number;
  /** The trace index where the pause was reached, until reported. */
  pausedAt: number | null;
}

/** Scan new trace events; true (and the matcher spent) when one matches. */
export function pauseReached(watch: PauseWatch, trace: readonly TraceEvent[]): boolean {
  const matcher = watch.matcher;
  if (matcher === null) return false;
  for (; watch.seen < trace.length; watch.seen++) {
    if (matchesEvent(trace[watch.seen]!, matcher)) {
      watch.pausedAt = watch.seen;
      watch.seen++;
      watch.matcher = null;
      return true;
    }
  }
  return false;
}
