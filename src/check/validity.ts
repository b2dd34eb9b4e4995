// Validity: every decided value is a no-op or was asked for by an earlier `request` event.
import { NOOP_ID } from '../protocol/paxos/common';
import type { TraceEvent } from '../sim/trace';
import { foldMonitor, type Monitor } from './monitor';
import { involving, OK, violation, type Verdict } from './types';
import { checkText } from './text';

export function validityMonitor(): Monitor {
  const requested = new Set<string>();
  return {
    kinds: ['request', 'decided'],
    observe(e, i) {
      if (e.kind === 'request') requested.add(e.proposalId);
      else if (e.kind === 'decided' && e.proposalId !== NOOP_ID && !requested.has(e.proposalId)) {
        return violation(i, checkText.validity(e.server, e.proposalId, e.slot), involving([e.server], [e.slot], [i]));
      }
      return null;
    },
    finish: () => OK,
  };
}

export function checkValidity(trace: readonly TraceEvent[], _servers: number): Verdict {
  return foldMonitor(validityMonitor(), trace);
}
