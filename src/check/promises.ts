// Promise monotonicity: per server, `promised` ballots strictly increase over the whole trace (crashes and
// restarts included), and no `accepted` carries a ballot below that server's latest promise.
import { compareBallots } from '../protocol/paxos/ballot';
import type { Ballot } from '../protocol/paxos/types';
import type { TraceEvent } from '../sim/trace';
import { foldMonitor, type Monitor } from './monitor';
import { ballotText, OK, violation, type Verdict } from './types';
import { checkText } from './text';

export function promisesMonitor(): Monitor {
  const latest = new Map<number, { ballot: Ballot; index: number }>();
  return { observe: (e, i) => observePromise(latest, e, i), finish: () => OK };
}

export function checkPromises(trace: readonly TraceEvent[], _servers: number): Verdict {
  return foldMonitor(promisesMonitor(), trace);
}

function observePromise(
  latest: Map<number, { ballot: Ballot; index: number }>,
  e: TraceEvent,
  i: number,
): ReturnType<Monitor['observe']> {
  if (e.kind === 'promised') {
    const known = latest.get(e.server);
    if (known !== undefined && compareBallots(e.ballot, known.ballot) <= 0) {
      return violation(
        i,
        checkText.promiseNotAbove(e.server, ballotText(e.ballot), ballotText(known.ballot), known.index),
      );
    }
    latest.set(e.server, { ballot: e.ballot, index: i });
  } else if (e.kind === 'accepted') {
    const known = latest.get(e.server);
    if (known !== undefined && compareBallots(e.ballot, known.ballot) < 0) {
      return violation(
        i,
        checkText.acceptBelowPromise(
          e.server,
          e.proposalId,
          e.slot,
          ballotText(e.ballot),
          ballotText(known.ballot),
          known.index,
        ),
      );
    }
  }
  return null;
}
