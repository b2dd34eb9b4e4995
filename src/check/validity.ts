// Validity: every decided value is a no-op or was asked for by an earlier `request` event.
import { NOOP_ID } from '../protocol/paxos/common';
import type { TraceEvent } from '../sim/trace';
import { OK, violation, type Verdict } from './types';

export function checkValidity(trace: readonly TraceEvent[], _servers: number): Verdict {
  const requested = new Set<string>();
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'request') requested.add(e.proposalId);
    else if (e.kind === 'decided' && e.proposalId !== NOOP_ID && !requested.has(e.proposalId)) {
      return violation(
        i,
        `n${e.server} decided ${e.proposalId} for slot ${e.slot}, which no client or session ever requested`,
      );
    }
  }
  return OK;
}
