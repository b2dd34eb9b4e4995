// A pattern over trace events: lessons pause where one matches ("the first promise quorum", "c1's watch fires").
import type { TraceEvent, TraceKind } from '../sim/trace';

/** Matches an event of `kind` whose listed fields all equal the given values (ballots compare by round). */
export interface EventMatcher {
  readonly kind: TraceKind;
  readonly [field: string]: string | number | boolean | undefined;
}

/** Where the live checks stop play because an invariant broke (a lesson's "the monitor catches it" step). */
export interface ViolationPoint {
  readonly kind: 'violation';
}

/** Where a lesson step ends: the first matching trace event, or the first violation the checks reveal. */
export type PausePoint = EventMatcher | ViolationPoint;

export const isViolationPoint = (point: PausePoint): point is ViolationPoint => point.kind === 'violation';

export function matchesEvent(event: TraceEvent, matcher: EventMatcher): boolean {
  if (event.kind !== matcher.kind) return false;
  const fields = event as unknown as Readonly<Record<string, unknown>>;
  for (const [field, expected] of Object.entries(matcher)) {
    if (field === 'kind' || expected === undefined) continue;
    if (fields[field] !== expected) return false;
  }
  return true;
}
