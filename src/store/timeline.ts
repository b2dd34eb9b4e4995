// The run's trace as the space-time diagram draws it, kept outside React (it can hold 100,000+ events).
import type { TraceEvent } from '../sim/trace';

export const timeline = {
  events: [] as TraceEvent[],
  /** Bumped on every change, so a canvas knows to redraw. */
  version: 0,
};

/** Drop what the worker replaced (a fork or a new run) and append what it sent. */
export function absorbTimeline(from: number, events: readonly TraceEvent[]): void {
  if (from === timeline.events.length && events.length === 0) return;
  if (from < timeline.events.length) timeline.events.length = from;
  for (const event of events) timeline.events.push(event);
  timeline.version++;
}
