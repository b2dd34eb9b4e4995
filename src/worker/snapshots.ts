// The run's time-travel snapshots: what one keeps, and how many are kept as the run grows.
import type { RunnerState } from '../script/run';
import type { WorldSnapshot } from '../sim/simulator';
import type { QuorumView } from '../view/projections';

/** Queue events between time-travel snapshots: a seek replays at most this many (about 1,000 trace events). */
export const SNAPSHOT_EVERY = 1_000;

export interface Snapshot {
  readonly events: number;
  readonly now: number;
  readonly sim: WorldSnapshot;
  readonly runner: RunnerState;
  readonly nextAction: number;
  readonly consoleLength: number;
  readonly quorums: Map<string, QuorumView>;
}

/**
 * Keep about 4·√(events / SNAPSHOT_EVERY) snapshots: when there are more, every second one in the older half
 * goes. Memory then grows with the square root of the run, and a seek replays at most a few thousand events.
 */
export function thinned(snapshots: Snapshot[], eventsProcessed: number): Snapshot[] {
  const limit = Math.ceil(4 * Math.sqrt(eventsProcessed / SNAPSHOT_EVERY)) + 8;
  if (snapshots.length <= limit) return snapshots;
  const half = Math.floor(snapshots.length / 2);
  return snapshots.filter((_, index) => index === 0 || index >= half || index % 2 === 0);
}
