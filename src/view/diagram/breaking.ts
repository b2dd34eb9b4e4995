// The safety monitor's marks on the space-time diagram: a red ring at each event the violation shown involves,
// and a red band under the message whose delivery made it (the accept a server should have refused, say).
import type { TraceEvent } from '../../sim/trace';
import { lowerBound, type DiagramIndex } from './model';

/** One marked event where the diagram draws it, and the message that caused it, when one did. */
export interface BreakingMark {
  readonly index: number;
  readonly t: number;
  readonly lane: number;
  readonly breaking: boolean;
  /** The send whose delivery caused the event, or -1. */
  readonly cause: number;
}

/** The lane an event is drawn on: its server's for protocol and checker events, else the index's. */
function laneOfEvent(index: DiagramIndex, event: TraceEvent, i: number): number {
  if ('server' in event && typeof event.server === 'number' && event.server >= 1 && event.server <= index.servers)
    return event.server - 1;
  return i < index.length ? index.laneA[i]! : -1;
}

/** The send of the message delivered to `server` just before event `i`, at its instant (a step's input), or -1. */
export function causeOf(index: DiagramIndex, events: readonly TraceEvent[], i: number): number {
  const event = events[i];
  if (event === undefined || !('server' in event)) return -1;
  const to = `n${event.server}`;
  for (let k = i - 1; k >= 0 && events[k]!.t === event.t; k--) {
    const before = events[k]!;
    if (before.kind !== 'deliver' || before.to !== to) continue;
    // The send is at most the longest message span back.
    for (let j = lowerBound(index.times, Math.min(k, index.length), before.t - index.maxSpan); j < k; j++) {
      const sent = events[j]!;
      if ((sent.kind === 'send' || sent.kind === 'duplicate') && sent.id === before.id) return j;
    }
    return -1;
  }
  return -1;
}

/** The marks for `marked` (trace index → the breaking event itself, or one it involves). */
export function breakingMarks(
  index: DiagramIndex,
  events: readonly TraceEvent[],
  marked: ReadonlyMap<number, 'breaking' | 'involved'>,
): BreakingMark[] {
  const marks: BreakingMark[] = [];
  for (const [i, role] of marked) {
    const event = events[i];
    if (event === undefined) continue;
    const lane = laneOfEvent(index, event, i);
    if (lane < 0) continue;
    marks.push({ index: i, t: event.t, lane, breaking: role === 'breaking', cause: causeOf(index, events, i) });
  }
  return marks;
}
