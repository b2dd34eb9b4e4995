// Liveness after healing: once the faults stop and a majority can talk, pending client ops complete.
//
// The last fault is the last crash, restart, cut, heal, or network change with loss > 0 (none: time 0).
// The check applies when, at the end of the trace (the time of its last event), a majority of servers is
// up with every link among them working (both directions), the network does not lose every message, and
// at least 10 s of simulated time passed since the last fault. Then every client op invoked before
// (last fault + 1 s) must have a `return`. Otherwise the verdict is ok with a "not applicable" note.
// A 60 s deadline per quiet period was tried: basic Paxos keeps a client waiting on a server cut off from
// every peer until the cut heals (ZooKeeper's server would drop it), so the check stays as of the end.
import type { TraceEvent } from '../sim/trace';
import type { ClientCommand } from '../zk/commands';
import { commandText } from './describe';
import { foldMonitor, type Monitor } from './monitor';
import { involving, majority, OK, okWithNote, violation, type Verdict } from './types';
import { checkText } from './text';

export const LIVENESS_QUIET_MS = 10_000;
export const LIVENESS_GRACE_MS = 1_000;

interface Outstanding {
  readonly index: number;
  readonly t: number;
  readonly session: string;
  readonly command: ClientCommand;
}

/** What the faults left: who is up, which links are cut, the loss, and the last fault. */
interface Faults {
  readonly up: Set<number>;
  readonly cuts: Set<string>;
  loss: number;
  lastFault: number;
  lastFaultText: string;
}

/** Folds a fault event into `f`; true when it is a fault (a network change without loss is not). */
function applyFault(f: Faults, e: TraceEvent): boolean {
  switch (e.kind) {
    case 'crash':
      f.up.delete(e.server);
      f.lastFaultText = checkText.faultCrash(e.server);
      break;
    case 'restart':
      f.up.add(e.server);
      f.lastFaultText = checkText.faultRestart(e.server);
      break;
    case 'cut':
      f.cuts.add(`${e.from}>${e.to}`);
      f.lastFaultText = checkText.faultCut(e.from, e.to);
      break;
    case 'heal':
      f.cuts.delete(`${e.from}>${e.to}`);
      f.lastFaultText = checkText.faultHeal(e.from, e.to);
      break;
    case 'network':
      f.loss = e.loss;
      if (e.loss <= 0) return false;
      f.lastFaultText = checkText.faultLoss(Math.round(e.loss * 100));
      break;
    default:
      return false;
  }
  f.lastFault = e.t;
  return true;
}

/** Why the check does not apply with these faults (no connected majority, total loss), or null. */
function notApplicable(f: Faults, servers: number): string | null {
  const group = largestConnectedGroup(
    [...f.up].sort((a, b) => a - b),
    f.cuts,
  );
  if (group < majority(servers)) {
    return checkText.livenessNoMajority(group, servers);
  }
  if (f.loss >= 1) return checkText.livenessTotalLoss;
  return null;
}

/**
 * As of the last event: when LIVENESS_QUIET_MS passed after the last fault, with a majority up and connected
 * and some messages getting through, every op invoked before (last fault + LIVENESS_GRACE_MS) has returned.
 */
export function livenessMonitor(servers: number): Monitor {
  const faults: Faults = { up: new Set(), cuts: new Set(), loss: 0, lastFault: 0, lastFaultText: checkText.faultStart };
  for (let id = 1; id <= servers; id++) faults.up.add(id);
  /** Client ops not yet returned, in invoke order. */
  const outstanding = new Map<string, Outstanding>();
  let end: number | null = null;
  const overdue = (t: number): ReturnType<Monitor['observe']> => {
    const { lastFault, lastFaultText } = faults;
    const oldest = outstanding.values().next();
    if (oldest.done === true || oldest.value.t >= lastFault + LIVENESS_GRACE_MS) return null;
    const op = oldest.value;
    return violation(
      op.index,
      checkText.neverReturned(op.session, commandText(op.command), op.t, t - lastFault, lastFaultText, lastFault),
      involving([], [], [op.index]),
    );
  };
  return {
    // Liveness is judged as of the end (a later fault forgives an earlier stall), so nothing fails mid-run.
    observe(e, i) {
      end = e.t;
      if (applyFault(faults, e)) return null;
      if (e.kind === 'invoke') {
        outstanding.set(`${e.session}:${e.opId}`, { index: i, t: e.t, session: e.session, command: e.command });
      } else if (e.kind === 'return') outstanding.delete(`${e.session}:${e.opId}`);
      return null;
    },
    finish() {
      if (end === null) return okWithNote(checkText.livenessEmpty);
      const why = notApplicable(faults, servers);
      if (why !== null) return okWithNote(why);
      const { lastFault, lastFaultText } = faults;
      if (end - lastFault < LIVENESS_QUIET_MS) {
        return okWithNote(checkText.livenessTooSoon(end - lastFault, lastFaultText, lastFault, LIVENESS_QUIET_MS));
      }
      return overdue(end) ?? OK;
    },
  };
}

export function checkLiveness(trace: readonly TraceEvent[], servers: number): Verdict {
  return foldMonitor(livenessMonitor(servers), trace);
}

/** Size of the largest set of up servers with every directed link among them uncut (brute force for small n). */
export function largestConnectedGroup(up: readonly number[], cuts: ReadonlySet<string>): number {
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
