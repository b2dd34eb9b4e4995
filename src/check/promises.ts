// Promise monotonicity: per server, `promised` ballots strictly increase over the whole trace (crashes and
// restarts included), and no `accepted` carries a ballot below that server's latest promise.
// ZAB's promise is its epoch (zab.md): per server acceptedEpoch strictly increases, currentEpoch never
// decreases nor passes acceptedEpoch, and each established leader's epoch is above every earlier one.
import { compareBallots } from '../protocol/paxos/ballot';
import type { Ballot } from '../protocol/paxos/types';
import type { TraceEvent } from '../sim/trace';
import { foldMonitor, type Monitor } from './monitor';
import { ballotText, OK, violation, type Verdict } from './types';
import { checkText } from './text';

export function promisesMonitor(): Monitor {
  const latest = new Map<number, { ballot: Ballot; index: number }>();
  const epochs = zabEpochs();
  return {
    kinds: ['promised', 'accepted', 'zab-epoch', 'zab-established'],
    observe: (e, i) => observePromise(latest, e, i) ?? epochs(e, i),
    finish: () => OK,
  };
}

/** ZAB's epochs, per server (both durable, so across restarts) and per established leader. */
function zabEpochs(): (e: TraceEvent, i: number) => ReturnType<Monitor['observe']> {
  const accepted = new Map<number, number>();
  const current = new Map<number, number>();
  let established = { epoch: 0, index: -1 };
  return (e, i) => {
    if (e.kind === 'zab-epoch') {
      const acc = accepted.get(e.server) ?? 0;
      if (e.which === 'accepted') {
        if (e.epoch <= acc)
          return violation(i, `n${e.server} accepted epoch ${e.epoch}, not above its acceptedEpoch ${acc}`);
        accepted.set(e.server, e.epoch);
      } else {
        const cur = current.get(e.server) ?? 0;
        if (e.epoch < cur) return violation(i, `n${e.server} set currentEpoch ${e.epoch}, below its earlier ${cur}`);
        if (e.epoch > acc)
          return violation(i, `n${e.server} set currentEpoch ${e.epoch}, above its acceptedEpoch ${acc}`);
        current.set(e.server, e.epoch);
      }
    } else if (e.kind === 'zab-established') {
      if (e.epoch <= established.epoch)
        return violation(
          i,
          `n${e.server} established epoch ${e.epoch}, not above epoch ${established.epoch} established earlier (trace event ${established.index})`,
        );
      established = { epoch: e.epoch, index: i };
    }
    return null;
  };
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
