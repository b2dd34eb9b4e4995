// A run's configuration: the scenario header (../shared/reference/script-language.md), with its defaults.
import type { BugName, ProtocolName } from '../protocol';

export { BUG_NAMES } from '../protocol';

export interface LatencyRange {
  readonly msMin: number;
  readonly msMax: number;
}

/** The header; every field has its documented default after parsing. */
export interface Header {
  readonly servers: number;
  readonly seed: number;
  readonly protocol: ProtocolName;
  readonly latency: LatencyRange;
  /** 0..1 */
  readonly loss: number;
  /** 0..1 */
  readonly dup: number;
  readonly sessionTimeoutMs: number;
  readonly bugs: readonly BugName[];
}

export const DEFAULT_HEADER: Header = {
  servers: 3,
  seed: 1,
  protocol: 'multi-paxos',
  latency: { msMin: 10, msMax: 50 },
  loss: 0,
  dup: 0,
  sessionTimeoutMs: 4000,
  bugs: [],
};
