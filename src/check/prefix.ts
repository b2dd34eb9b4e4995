// Prefix: each server applies slots 0, 1, 2, ... in order with no gap; a restart replays from slot 0.
import type { TraceEvent } from '../sim/trace';
import { foldMonitor, type Monitor } from './monitor';
import { involving, OK, violation, type Verdict } from './types';
import { checkText } from './text';

export function prefixMonitor(): Monitor {
  /** Per server: the slot its next apply must be. */
  const next = new Map<number, number>();
  return {
    kinds: ['restart', 'apply'],
    observe(e, i) {
      if (e.kind === 'restart') next.set(e.server, 0);
      else if (e.kind === 'apply') {
        const expected = next.get(e.server) ?? 0;
        if (e.slot !== expected) {
          const reason = e.slot > expected ? checkText.prefixGap : checkText.prefixAgain;
          return violation(i, reason(e.server, e.slot, expected), involving([e.server], [e.slot], [i]));
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
