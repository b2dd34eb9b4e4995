// Agreement: no two `decided` events for one slot carry different proposalIds (any servers, any time).
import type { TraceEvent } from '../sim/trace';
import { foldMonitor, type Monitor } from './monitor';
import { involving, OK, violation, type Verdict } from './types';
import { checkText } from './text';

export function agreementMonitor(): Monitor {
  const first = new Map<number, { proposalId: string; server: number; index: number }>();
  return {
    kinds: ['decided'],
    observe(e, i) {
      if (e.kind !== 'decided') return null;
      const known = first.get(e.slot);
      if (known === undefined) {
        first.set(e.slot, { proposalId: e.proposalId, server: e.server, index: i });
        return null;
      }
      if (known.proposalId === e.proposalId) return null;
      return violation(
        i,
        checkText.agreement(e.server, e.proposalId, e.slot, known.server, known.proposalId, known.index),
        involving([known.server, e.server], [e.slot], [known.index, i]),
      );
    },
    finish: () => OK,
  };
}

export function checkAgreement(trace: readonly TraceEvent[], _servers: number): Verdict {
  return foldMonitor(agreementMonitor(), trace);
}
