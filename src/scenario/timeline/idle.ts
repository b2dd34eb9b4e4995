// Idle waits: stretches of a run where only heartbeats and their like go by. A lesson waiting for its pause point
// fast-forwards through them (the same events, only faster), so a teacher is not left talking over heartbeats.
import type { TraceEvent } from '../../sim/trace';

/** Simulated ms of quiet after which a lesson's wait is fast-forwarded. */
export const IDLE_AFTER_MS = 100;
/** A quiet stretch longer than this is not a wait for something: play goes on at its own pace. */
export const MAX_IDLE_SKIP_MS = 30_000;
/** How much faster than the chosen speed an idle wait goes by. */
export const IDLE_FAST_FORWARD = 40;

/** True for an event that is only chatter (a heartbeat, PING, client ping or session touch sent, delivered, dropped
 *  or duplicated): the simulator marks those, from the protocol's own isChatter. */
export function isChatter(event: TraceEvent): boolean {
  switch (event.kind) {
    case 'send':
    case 'deliver':
    case 'drop':
    case 'duplicate':
      return event.chatter === true;
    default:
      return false;
  }
}

/** Whether an event from `from` on is more than chatter (no copy of the trace: called every event of a wait). */
export function activitySince(trace: readonly TraceEvent[], from: number): boolean {
  for (let i = from; i < trace.length; i++) if (!isChatter(trace[i]!)) return true;
  return false;
}

/** Where the latest event that is not chatter is, kept up to date as the trace grows (or starts over). */
export interface ActivityCursor {
  /** Trace events looked at. */
  seen: number;
  /** Time of the latest event that is not chatter (0 when none). */
  lastT: number;
}

/** The time of the trace's latest event that is not chatter. */
export function lastActivity(cursor: ActivityCursor, trace: readonly TraceEvent[]): number {
  if (cursor.seen > trace.length) {
    // The run went back (a seek): look again from the end.
    cursor.lastT = 0;
    for (let i = trace.length - 1; i >= 0; i--)
      if (!isChatter(trace[i]!)) {
        cursor.lastT = trace[i]!.t;
        break;
      }
    cursor.seen = trace.length;
  }
  for (; cursor.seen < trace.length; cursor.seen++)
    if (!isChatter(trace[cursor.seen]!)) cursor.lastT = trace[cursor.seen]!.t;
  return cursor.lastT;
}

/** A lesson waits and nothing but chatter happened for a while (not so long that nothing is coming). */
export function quietFor(cursor: ActivityCursor, trace: readonly TraceEvent[], now: number): boolean {
  const quiet = now - lastActivity(cursor, trace);
  return quiet >= IDLE_AFTER_MS && quiet < MAX_IDLE_SKIP_MS;
}

/** A stretch of fast-forward, in simulated ms. */
export interface Skip {
  readonly from: number;
  readonly to: number;
}

/** One stretch of fast-forward, however many chunks it takes: `from..to` continues `last` when it ended at `from`. */
export function extendSkip(last: Skip | null, from: number, to: number): Skip {
  return last !== null && last.to === from ? { from: last.from, to } : { from, to };
}

export interface IdleState {
  /** Off only to compare runs in tests. */
  enabled: boolean;
  /** The latest stretch that play fast-forwarded, or null (a new pause point starts afresh). */
  skipped: Skip | null;
  readonly activity: ActivityCursor;
}

export function newIdleState(): IdleState {
  return { enabled: true, skipped: null, activity: { seen: 0, lastT: 0 } };
}
