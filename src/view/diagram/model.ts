// An index over the run's trace for the space-time diagram: lanes, message ends, crash and operation
// intervals. It follows a growing trace incrementally (a fork or a new run rescans).
import type { TraceEvent } from '../../sim/trace';

type InvokeEvent = Extract<TraceEvent, { kind: 'invoke' }>;
type ReturnEvent = Extract<TraceEvent, { kind: 'return' }>;

/** A client operation from its invocation to its return (end NaN while it is pending). */
export interface OpBar {
  readonly session: string;
  readonly start: number;
  end: number;
  readonly invokeIndex: number;
  returnIndex: number;
  readonly invoke: InvokeEvent;
  result: ReturnEvent['result'] | null;
}

/** A server down from its crash to its restart (end Infinity while it stays down). */
export interface DownBar {
  readonly server: number;
  readonly start: number;
  end: number;
  readonly crashIndex: number;
}

const SESSION_RE = /^c(\d+)$/;

function sessionOrder(a: string, b: string): number {
  const ma = SESSION_RE.exec(a);
  const mb = SESSION_RE.exec(b);
  if (ma !== null && mb !== null) return Number(ma[1]) - Number(mb[1]);
  return a < b ? -1 : a > b ? 1 : 0;
}

function grow<T extends Int32Array | Float64Array>(array: T, need: number, make: (n: number) => T, fill?: number): T {
  if (need <= array.length) return array;
  let size = array.length;
  while (size < need) size *= 2;
  const next = make(size);
  next.set(array);
  if (fill !== undefined) next.fill(fill, array.length);
  return next;
}

export class DiagramIndex {
  servers = 0;
  /** Lane names top to bottom: n1..nN, then client sessions in number order. */
  lanes: string[] = [];
  readonly laneOf = new Map<string, number>();
  /** Per trace index: event time; for send/duplicate the index of its deliver or drop (-1 when none yet). */
  times = new Float64Array(4096);
  endIndex = new Int32Array(4096).fill(-1);
  /** Per trace index: the lane of the event (a message's sender) and of a message's receiver (-1 none). */
  laneA = new Int32Array(4096).fill(-1);
  laneB = new Int32Array(4096).fill(-1);
  /** The longest a message took (or will take) from send to its end: how far back culling must look. */
  maxSpan = 0;
  ops: OpBar[] = [];
  downs: DownBar[] = [];
  length = 0;
  private lastScanned: TraceEvent | undefined;
  /** The trace array this index follows: another array (a new run) means a rescan. */
  private source: readonly TraceEvent[] | null = null;
  private readonly messageAt = new Map<number, number>();
  private readonly openOps = new Map<string, OpBar>();
  private readonly openDowns = new Map<number, DownBar>();
  private sessions = new Set<string>();

  /** Catch up with `events` (appended to, cut back by a fork, or a new run's); returns true when anything changed. */
  sync(events: readonly TraceEvent[], servers: number): boolean {
    const rescan =
      events !== this.source ||
      this.servers !== servers ||
      events.length < this.length ||
      (this.length > 0 && events[this.length - 1] !== this.lastScanned);
    if (!rescan && events.length === this.length) return false;
    if (rescan) this.reset(servers, false);
    this.source = events;
    this.scan(events, this.length);
    return true;
  }

  private reset(servers: number, keepSessions: boolean): void {
    this.servers = servers;
    if (!keepSessions) this.sessions.clear();
    this.length = 0;
    this.lastScanned = undefined;
    this.maxSpan = 0;
    this.ops = [];
    this.downs = [];
    this.messageAt.clear();
    this.openOps.clear();
    this.openDowns.clear();
    this.buildLanes();
  }

  private buildLanes(): void {
    const sessions = [...this.sessions].sort(sessionOrder);
    this.lanes = [];
    this.laneOf.clear();
    for (let s = 1; s <= this.servers; s++) this.lanes.push(`n${s}`);
    for (const name of sessions) this.lanes.push(name);
    this.lanes.forEach((name, i) => this.laneOf.set(name, i));
  }

  /** A session lane, added on first sight; returns false when the lane order changed (a rescan is due). */
  private noteSession(name: string): boolean {
    if (this.laneOf.has(name)) return true;
    const sorted = [...this.sessions];
    this.sessions.add(name);
    const last = sorted.sort(sessionOrder).at(-1);
    const appended = last === undefined || sessionOrder(last, name) < 0;
    this.buildLanes();
    return appended;
  }

  private lane(endpoint: string): number {
    if (!this.laneOf.has(endpoint) && SESSION_RE.test(endpoint) && !this.noteSession(endpoint))
      throw new LaneOrderChanged();
    return this.laneOf.get(endpoint) ?? -1;
  }

  private scan(events: readonly TraceEvent[], from: number): void {
    const n = events.length;
    this.times = grow(this.times, n, (k) => new Float64Array(k));
    this.endIndex = grow(this.endIndex, n, (k) => new Int32Array(k), -1);
    this.laneA = grow(this.laneA, n, (k) => new Int32Array(k), -1);
    this.laneB = grow(this.laneB, n, (k) => new Int32Array(k), -1);
    try {
      for (let i = from; i < n; i++) this.absorb(events[i]!, i);
    } catch (error) {
      if (!(error instanceof LaneOrderChanged)) throw error;
      // A session that sorts before one already seen: lay the lanes out again from the start.
      this.reset(this.servers, true);
      this.scan(events, 0);
      return;
    }
    this.length = n;
    this.lastScanned = events[n - 1];
  }

  private absorb(event: TraceEvent, i: number): void {
    this.times[i] = event.t;
    this.endIndex[i] = -1;
    this.laneA[i] = -1;
    this.laneB[i] = -1;
    switch (event.kind) {
      case 'send':
      case 'duplicate':
        this.laneA[i] = this.lane(event.from);
        this.laneB[i] = this.lane(event.to);
        this.messageAt.set(event.id, i);
        this.maxSpan = Math.max(this.maxSpan, event.deliverAt - event.t);
        return;
      case 'deliver':
      case 'drop': {
        this.laneA[i] = this.lane(event.from);
        this.laneB[i] = this.lane(event.to);
        const sent = this.messageAt.get(event.id);
        if (sent !== undefined) {
          this.endIndex[sent] = i;
          this.messageAt.delete(event.id);
          this.maxSpan = Math.max(this.maxSpan, event.t - this.times[sent]!);
        }
        return;
      }
      case 'crash': {
        this.laneA[i] = event.server - 1;
        const down: DownBar = { server: event.server, start: event.t, end: Infinity, crashIndex: i };
        this.downs.push(down);
        this.openDowns.set(event.server, down);
        return;
      }
      case 'restart': {
        this.laneA[i] = event.server - 1;
        const down = this.openDowns.get(event.server);
        if (down !== undefined) {
          down.end = event.t;
          this.openDowns.delete(event.server);
        }
        return;
      }
      case 'phase':
      case 'role':
        this.laneA[i] = event.server - 1;
        return;
      case 'invoke': {
        this.laneA[i] = this.lane(event.session);
        const op: OpBar = {
          session: event.session,
          start: event.t,
          end: NaN,
          invokeIndex: i,
          returnIndex: -1,
          invoke: event,
          result: null,
        };
        this.ops.push(op);
        this.openOps.set(`${event.session}:${event.opId}`, op);
        return;
      }
      case 'return': {
        this.laneA[i] = this.lane(event.session);
        const key = `${event.session}:${event.opId}`;
        const op = this.openOps.get(key);
        if (op !== undefined) {
          op.end = event.t;
          op.returnIndex = i;
          op.result = event.result;
          this.openOps.delete(key);
        }
        return;
      }
      case 'watch':
      case 'session':
        this.laneA[i] = this.lane(event.session);
        return;
      default:
        return;
    }
  }
}

class LaneOrderChanged extends Error {}

/** First index whose time is >= t. */
export function lowerBound(times: Float64Array, length: number, t: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose time is > t. */
export function upperBound(times: Float64Array, length: number, t: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
