// Prefix: each server applies slots 0, 1, 2, ... in order with no gap; a restart replays from slot 0.
import type { TraceEvent } from '../sim/trace';
import { foldMonitor, type Monitor } from './monitor';
import { OK, violation, type Verdict } from './types';

export function prefixMonitor(): Monitor {
  /** Per server: the slot its next apply must be. */
  const next = new Map<number, number>();
  return {
    observe(e, i) {
      if (e.kind === 'restart') next.set(e.server, 0);
      else if (e.kind === 'apply') {
        const expected = next.get(e.server) ?? 0;
        if (e.slot !== expected) {
          const what =
            e.slot > expected ? `before slot ${expected} (a gap)` : `again after slot ${expected - 1} (out of order)`;
          return violation(i, `n${e.server} applied slot ${e.slot} ${what}`);
        }
        next.set(e.server, expected + 1);
      }
      return null;
    },
    finish: () => OK,
  };
}

export function checkPrefix(trace: readonly TraceEvent[], _servers: number): Verdict {
  return foldMonitor(prefixMonitor(), trace);
}
