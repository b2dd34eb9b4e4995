// Promise monotonicity: per server, `promised` ballots strictly increase over the whole trace (crashes and
// restarts included), and no `accepted` carries a ballot below that server's latest promise.
// ZAB's promise is its epoch (zab.md): per server acceptedEpoch strictly increases, currentEpoch never
// decreases nor passes acceptedEpoch, and each established leader's epoch is above every earlier one.
import { compareBallots } from '../protocol/paxos/ballot';
import type { Ballot } from '../protocol/paxos/types';
import type { TraceEvent } from '../sim/trace';
import { foldMonitor, type Monitor } from './monitor';
import { ballotText, involving, OK, violation, type Verdict } from './types';
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
  const accepted = new Map<number, { epoch: number; index: number }>();
  const current = new Map<number, { epoch: number; index: number }>();
  const NONE = { epoch: 0, index: -1 };
  let established = { epoch: 0, index: -1, server: 0 };
  return (e, i) => {
    if (e.kind === 'zab-epoch') {
      const acc = accepted.get(e.server) ?? NONE;
      if (e.which === 'accepted') {
        if (e.epoch <= acc.epoch)
          return violation(
            i,
            checkText.zabAcceptedEpochNotAbove(e.server, e.epoch, acc.epoch),
            involving([e.server], [], [acc.index, i]),
          );
        accepted.set(e.server, { epoch: e.epoch, index: i });
      } else {
        const cur = current.get(e.server) ?? NONE;
        if (e.epoch < cur.epoch)
          return violation(
            i,
            checkText.zabCurrentEpochBelow(e.server, e.epoch, cur.epoch),
            involving([e.server], [], [cur.index, i]),
          );
        if (e.epoch > acc.epoch)
          return violation(
            i,
            checkText.zabCurrentEpochAbove(e.server, e.epoch, acc.epoch),
            involving([e.server], [], [acc.index, i]),
          );
        current.set(e.server, { epoch: e.epoch, index: i });
      }
    } else if (e.kind === 'zab-established') {
      if (e.epoch <= established.epoch)
        return violation(
          i,
          checkText.zabEstablishedNotAbove(e.server, e.epoch, established.epoch, established.index),
          involving([established.server, e.server], [], [established.index, i]),
        );
      established = { epoch: e.epoch, index: i, server: e.server };
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
        involving([e.server], [], [known.index, i]),
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
        involving([e.server], [e.slot], [known.index, i]),
      );
    }
  }
  return null;
}
