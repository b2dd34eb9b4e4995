// A lesson's pause point: the first trace event matching it, or the first violation revealed, stops play.
import type { TraceEvent } from '../../sim/trace';
import { isViolationPoint, matchesEvent, type PausePoint } from '../matcher';

export interface PauseWatch {
  matcher: PausePoint | null;
  /** Trace events already looked at. */
  seen: number;
  /** The trace index where the pause was reached, until reported. */
  pausedAt: number | null;
}

/** Scan new trace events; true (and the matcher spent) when one matches. */
export function pauseReached(watch: PauseWatch, trace: readonly TraceEvent[]): boolean {
  const matcher = watch.matcher;
  if (matcher === null || isViolationPoint(matcher)) return false;
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

/** A violation stopped play at trace index `at`: true (and the point spent) when the watch waited for one. */
export function violationReached(watch: PauseWatch, at: number): boolean {
  if (watch.matcher === null || !isViolationPoint(watch.matcher)) return false;
  watch.pausedAt = at;
  watch.seen = at + 1;
  watch.matcher = null;
  return true;
}
