// Liveness after healing: once the faults stop and a majority can talk, pending client ops complete.
//
// The last fault is the last crash, restart, cut, heal, or network change with loss > 0 (none: time 0).
// The check applies when, at the end of the trace (the time of its last event), a majority of servers is
// up with every link among them working (both directions), the network does not lose every message, and
// at least 10 s of simulated time passed since the last fault. Then every client op invoked before
// (last fault + 1 s) must have a `return`. Otherwise the verdict is ok with a "not applicable" note.
import type { TraceEvent } from '../sim/trace';
import { commandText } from './describe';
import { majority, OK, okWithNote, violation, type Verdict } from './types';

export const LIVENESS_QUIET_MS = 10_000;
export const LIVENESS_GRACE_MS = 1_000;

export function checkLiveness(trace: readonly TraceEvent[], servers: number): Verdict {
  if (trace.length === 0) return okWithNote('not applicable: empty trace');
  const up = new Set<number>();
  for (let id = 1; id <= servers; id++) up.add(id);
  const cuts = new Set<string>();
  let loss = 0;
  let lastFault = 0;
  let lastFaultText = 'the start';
  for (const e of trace) {
    switch (e.kind) {
      case 'crash':
        up.delete(e.server);
        lastFault = e.t;
        lastFaultText = `the crash of n${e.server}`;
        break;
      case 'restart':
        up.add(e.server);
        lastFault = e.t;
        lastFaultText = `the restart of n${e.server}`;
        break;
      case 'cut':
        cuts.add(`${e.from}>${e.to}`);
        lastFault = e.t;
        lastFaultText = `the cut n${e.from}->n${e.to}`;
        break;
      case 'heal':
        cuts.delete(`${e.from}>${e.to}`);
        lastFault = e.t;
        lastFaultText = `the heal n${e.from}->n${e.to}`;
        break;
      case 'network':
        loss = e.loss;
        if (e.loss > 0) {
          lastFault = e.t;
          lastFaultText = `the network change to ${Math.round(e.loss * 100)}% loss`;
        }
        break;
      default:
        break;
    }
  }
  const end = (trace[trace.length - 1] as TraceEvent).t;
  const group = largestConnectedGroup(
    [...up].sort((a, b) => a - b),
    cuts,
  );
  if (group < majority(servers)) {
    return okWithNote(
      `not applicable: at the end only ${group} of ${servers} servers are up and connected, no majority`,
    );
  }
  if (loss >= 1) return okWithNote('not applicable: the network loses every message at the end');
  if (end - lastFault < LIVENESS_QUIET_MS) {
    return okWithNote(
      `not applicable: only ${end - lastFault} ms passed after ${lastFaultText} (at ${lastFault} ms), less than ${LIVENESS_QUIET_MS} ms`,
    );
  }
  const deadline = lastFault + LIVENESS_GRACE_MS;
  const returned = new Set<string>();
  for (const e of trace) if (e.kind === 'return') returned.add(`${e.session}:${e.opId}`);
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind !== 'invoke') continue;
    if (e.t >= deadline) break;
    if (!returned.has(`${e.session}:${e.opId}`)) {
      return violation(
        i,
        `${e.session} "${commandText(e.command)}" (invoked at ${e.t} ms) never returned, though a majority was up and connected for ${end - lastFault} ms after ${lastFaultText} (at ${lastFault} ms)`,
      );
    }
  }
  return OK;
}

/** Size of the largest set of up servers with every directed link among them uncut (brute force for small n). */
function largestConnectedGroup(up: readonly number[], cuts: ReadonlySet<string>): number {
  const linked = (a: number, b: number): boolean => !cuts.has(`${a}>${b}`) && !cuts.has(`${b}>${a}`);
  if (up.length > 16) {
    // Greedy for large ensembles: a lower bound, so "not applicable" errs on the safe side.
    const group: number[] = [];
    for (const s of up) if (group.every((g) => linked(g, s))) group.push(s);
    return group.length;
  }
  let best = 0;
  const n = up.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) members.push(up[i] as number);
    if (members.length <= best) continue;
    let clique = true;
    for (let i = 0; i < members.length && clique; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (!linked(members[i] as number, members[j] as number)) {
          clique = false;
          break;
        }
      }
    }
    if (clique) best = members.length;
  }
  return best;
}
