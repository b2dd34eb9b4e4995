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

interface Looking {
  readonly check: CheckName;
  readonly monitor: Monitor;
}

/** The monitors to feed each event kind (in CHECK_NAMES order), and those that read every kind. */
interface Routes {
  readonly byKind: ReadonlyMap<TraceEvent['kind'], readonly Looking[]>;
  readonly everyKind: readonly Looking[];
}

/** Most events (sends, deliveries) interest one monitor or none: routing them by kind skips the rest. */
function routes(looking: readonly Looking[]): Routes {
  const everyKind = looking.filter(({ monitor }) => monitor.kinds === undefined);
  const kinds = new Set(looking.flatMap(({ monitor }) => monitor.kinds ?? []));
  const byKind = new Map<TraceEvent['kind'], Looking[]>();
  for (const kind of kinds)
    byKind.set(
      kind,
      looking.filter(({ monitor }) => monitor.kinds === undefined || monitor.kinds.includes(kind)),
    );
  return { byKind, everyKind };
}

export class LiveChecks {
  private readonly monitors: Record<CheckName, Monitor>;
  /** The monitors still looking for their first violation, in CHECK_NAMES order (an array: fed every event). */
  private looking: Looking[];
  private routes: Routes;
  private readonly found = new Map<CheckName, LiveViolation>();
  /** Trace events fed so far. */
  fed = 0;

  constructor(readonly servers: number) {
    this.monitors = monitors(servers);
    this.looking = CHECK_NAMES.map((check) => ({ check, monitor: this.monitors[check] }));
    this.routes = routes(this.looking);
  }

  /** Feeds the next event (index `fed`); the violations it reveals (no allocation when none). */
  observe(e: TraceEvent): readonly LiveViolation[] {
    const index = this.fed++;
    let revealed: LiveViolation[] | undefined;
    const fed = this.routes.byKind.get(e.kind) ?? this.routes.everyKind;
    for (let k = 0; k < fed.length; k++) {
      const { check, monitor } = fed[k]!;
      const verdict = monitor.observe(e, index);
      if (verdict === null) continue;
      const violation: LiveViolation = { check, verdict, detectedAt: index };
      this.found.set(check, violation);
      (revealed ??= []).push(violation);
    }
    if (revealed === undefined) return NONE;
    this.looking = this.looking.filter(({ check }) => !this.found.has(check));
    this.routes = routes(this.looking);
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
