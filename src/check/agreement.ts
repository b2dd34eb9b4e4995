// Agreement: no two `decided` events for one slot carry different proposalIds (any servers, any time).
import type { TraceEvent } from '../sim/trace';
import { OK, violation, type Verdict } from './types';

export function checkAgreement(trace: readonly TraceEvent[], _servers: number): Verdict {
  const first = new Map<number, { proposalId: string; server: number; index: number }>();
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind !== 'decided') continue;
    const known = first.get(e.slot);
    if (known === undefined) {
      first.set(e.slot, { proposalId: e.proposalId, server: e.server, index: i });
    } else if (known.proposalId !== e.proposalId) {
      return violation(
        i,
        `n${e.server} decided ${e.proposalId} for slot ${e.slot}, but n${known.server} decided ${known.proposalId} there (trace event ${known.index})`,
      );
    }
  }
  return OK;
}
