// Time-travel snapshots: a copy of the run every SNAPSHOT_EVERY queue events, thinned as the run grows.
import type { RunnerState } from '../../script/run';
import type { WorldSnapshot } from '../../sim/simulator';

/** Queue events between time-travel snapshots: a seek replays at most this many (about 1,000 trace events). */
export const SNAPSHOT_EVERY = 1_000;

export interface Snapshot<Derived> {
  readonly events: number;
  readonly now: number;
  readonly sim: WorldSnapshot;
  readonly runner: RunnerState;
  readonly nextAction: number;
  /** What the driver derives from the trace (console, quorum tallies), as of this point. */
  readonly derived: Derived;
}

/**
 * Keep about 4·√(events / SNAPSHOT_EVERY) snapshots: when there are more, every second one in the older half
 * goes. Memory then grows with the square root of the run, and a seek replays at most a few thousand events.
 */
export function thinSnapshots<D>(snapshots: Snapshot<D>[], eventsProcessed: number): Snapshot<D>[] {
  const limit = Math.ceil(4 * Math.sqrt(eventsProcessed / SNAPSHOT_EVERY)) + 8;
  if (snapshots.length <= limit) return snapshots;
  const half = Math.floor(snapshots.length / 2);
  return snapshots.filter((_, index) => index === 0 || index >= half || index % 2 === 0);
}

/** The latest snapshot that fits (the first one when none does). */
export function latestFitting<D>(snapshots: readonly Snapshot<D>[], fits: (s: Snapshot<D>) => boolean): Snapshot<D> {
  let chosen = snapshots[0]!;
  for (const snapshot of snapshots) if (fits(snapshot)) chosen = snapshot;
  return chosen;
}
