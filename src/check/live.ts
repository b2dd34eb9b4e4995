// Every checker as a live monitor over one run: fed the trace as it grows, it knows each invariant's first
// violation at the event that reveals it. Liveness is judged as of the latest event (see liveness.ts).
import type { TraceEvent } from '../sim/trace';
import { agreementMonitor } from './agreement';
import { chosenMonitor } from './chosen';
import { CHECK_NAMES, type CheckName } from './index';
import { LinearizableMonitor } from './linearizableMonitor';
import { livenessMonitor } from './liveness';
import type { Monitor } from './monitor';
import { prefixMonitor } from './prefix';
import { promisesMonitor } from './promises';
import type { Verdict, Violated } from './types';
import { validityMonitor } from './validity';

/** A violation the live checks found: which invariant, why, and the event that revealed it. */
export interface LiveViolation {
  readonly check: CheckName;
  readonly verdict: Violated;
  /** Trace index at which it became known (for linearizability and safety, the offending event itself). */
  readonly detectedAt: number;
}

function monitors(servers: number): Record<CheckName, Monitor> {
  return {
    agreement: agreementMonitor(),
    validity: validityMonitor(),
    prefix: prefixMonitor(),
    promises: promisesMonitor(),
    chosen: chosenMonitor(servers),
    linearizable: new LinearizableMonitor(),
    liveness: livenessMonitor(servers),
  };
}

const NONE: readonly LiveViolation[] = [];

export class LiveChecks {
  private readonly monitors: Record<CheckName, Monitor>;
  /** The monitors still looking for their first violation, in CHECK_NAMES order (an array: fed every event). */
  private looking: { readonly check: CheckName; readonly monitor: Monitor }[];
  private readonly found = new Map<CheckName, LiveViolation>();
  /** Trace events fed so far. */
  fed = 0;

  constructor(readonly servers: number) {
    this.monitors = monitors(servers);
    this.looking = CHECK_NAMES.map((check) => ({ check, monitor: this.monitors[check] }));
  }

  /** Feeds the next event (index `fed`); the violations it reveals (no allocation when none). */
  observe(e: TraceEvent): readonly LiveViolation[] {
    const index = this.fed++;
    let revealed: LiveViolation[] | undefined;
    for (const { check, monitor } of this.looking) {
      const verdict = monitor.observe(e, index);
      if (verdict === null) continue;
      const violation: LiveViolation = { check, verdict, detectedAt: index };
      this.found.set(check, violation);
      (revealed ??= []).push(violation);
    }
    if (revealed === undefined) return NONE;
    this.looking = this.looking.filter(({ check }) => !this.found.has(check));
    return revealed;
  }

  /** Feeds `trace` from `fed` on; the violations revealed, in order. */
  catchUp(trace: readonly TraceEvent[]): LiveViolation[] {
    const revealed: LiveViolation[] = [];
    while (this.fed < trace.length) {
      const now = this.observe(trace[this.fed]!);
      if (now.length > 0) revealed.push(...now);
    }
    return revealed;
  }

  /** Whether a violation was revealed at a trace index in [from, to) (no allocation: called every event). */
  revealedIn(from: number, to: number): boolean {
    for (const found of this.found.values()) if (found.detectedAt >= from && found.detectedAt < to) return true;
    return false;
  }

  /** Each invariant's first violation so far, in CHECK_NAMES order. */
  violations(): LiveViolation[] {
    return CHECK_NAMES.flatMap((check) => {
      const found = this.found.get(check);
      return found === undefined ? [] : [found];
    });
  }

  /** Every verdict as of the latest event fed (the offline checkers' answer for the trace so far). */
  verdicts(): Record<CheckName, Verdict> {
    const out = {} as Record<CheckName, Verdict>;
    for (const check of CHECK_NAMES) out[check] = this.found.get(check)?.verdict ?? this.monitors[check].finish();
    return out;
  }
}
