// The seam between the simulator and a consensus protocol: what a driver needs to run one, and nothing more.
// A protocol replicates a log of proposals carrying a payload P (Paxoscope replicates znode transactions);
// its state, messages and trace notes are its own, and the driver only moves them around.

/** Servers are numbered 1..n; the UI and scripts write them n1..nN. */
export type ServerId = number;

/** A value proposed for a log slot. `payload` null is a no-op (fills a hole). */
export interface Proposal<P> {
  /** Unique per client request (retries keep it); "noop" for no-ops. */
  readonly id: string;
  /** The leader's round or epoch when first proposed; zxids take their epoch from it. */
  readonly epoch: number;
  /** Simulated time when it was first proposed (ZooKeeper stamps txns at the leader). */
  readonly time: number;
  readonly payload: P | null;
  /** A request that writes nothing (ZooKeeper's sync): ordered behind the proposals before it, it takes no zxid. */
  readonly barrier?: true;
}

/** Time and randomness come in from the driver, so the protocol runs the same everywhere. */
export interface Env {
  readonly now: number;
  /** A uniform draw in [0, 1) from the driver's seeded PRNG. */
  random(): number;
}

/** Every protocol message names its two servers; the rest is the protocol's own. */
export interface Envelope {
  readonly from: ServerId;
  readonly to: ServerId;
}

export type Input<P, M extends Envelope = Envelope> =
  | { readonly kind: 'message'; readonly message: M }
  | { readonly kind: 'tick' }
  /** A client write reaching this server; `id` is unique per request. */
  | { readonly kind: 'request'; readonly id: string; readonly payload: P; readonly barrier?: true };

/** What the driver acts on: a slot to apply to the state machine, a slot learned as decided. */
export type LogEffect<P> =
  | { readonly kind: 'apply'; readonly slot: number; readonly proposal: Proposal<P> }
  | { readonly kind: 'decided'; readonly slot: number; readonly proposal: Proposal<P> };

/** A protocol's own note for the trace: recorded as it is, with the time and the server in front. */
export interface Note {
  readonly kind: string;
}

export interface StepOutput<P, S = unknown, M extends Envelope = Envelope, N extends Note = Note> {
  readonly state: S;
  readonly messages: M[];
  readonly effects: (LogEffect<P> | N)[];
  /** The earliest simulated time at which this server wants a tick. */
  readonly wakeAt: number;
}

export type Role = 'follower' | 'candidate' | 'leader';

/** One log slot as the screen shows it. */
export interface LogEntryView<P> {
  /** The ballot or epoch it was accepted under, as text ("-" when none). */
  readonly ballot: string;
  /** The chosen value, else the accepted one. */
  readonly proposal: Proposal<P> | undefined;
  readonly chosen: boolean;
}

/** The timer a server is running as the screen draws it: an election timeout running down (a follower's
 *  "leader silent for", a candidate's retry), or a leader's time to its next heartbeat. */
export interface TimerView {
  readonly kind: 'election' | 'heartbeat';
  /** Simulated ms when it was set, and when it goes off. */
  readonly startedAt: number;
  readonly firesAt: number;
}

/** A server's protocol state as the screen and the summary show it. */
export interface ProtocolView<P> {
  /** null while the server is down. */
  readonly role: Role | null;
  readonly leader: ServerId | null;
  /** Its own ballot or epoch while it leads or runs for it, as text ("-" otherwise). */
  readonly ballot: string;
  /** The ballot or epoch it has promised, as text. */
  readonly promised: string;
  readonly decidedUpTo: number;
  readonly appliedUpTo: number;
  readonly logLength: number;
  entry(slot: number): LogEntryView<P>;
  /** null while the server is down, or runs no timer worth drawing. */
  readonly timer: TimerView | null;
  /** Changes whenever the log or the promise does: a cheap test for a new picture. */
  readonly revision: string;
}

/** What a run tells a protocol about itself. */
export interface ProtocolSettings {
  readonly servers: number;
  /** Deliberate bugs switched on (each protocol knows its own names and ignores the rest). */
  readonly bugs: readonly string[];
  /** The slowest one-way delay on the network: the protocol's timers are set from it. */
  readonly latencyMsMax: number;
}

/**
 * A protocol as the simulator drives it, replicating payloads P. S is a server's state, D what survives a crash, F a state frozen in a
 * snapshot and FD a frozen durable state. The state handed to step belongs to step from then on (it may be
 * updated in place); a driver keeping history freezes it first.
 */
export interface Protocol<P, S = unknown, D = unknown, F = unknown, FD = unknown> {
  /** A leader keeps its place between elections (heartbeats; a server that loses it stops serving clients). */
  readonly hasStableLeader: boolean;
  /** A server that has never run, and when it first wants a tick. */
  init(id: ServerId, env: Env): { readonly state: S; readonly wakeAt: number };
  step(state: S, input: Input<P>, env: Env): StepOutput<P, S>;
  /** What survives a crash. */
  crash(state: S): D;
  restart(id: ServerId, durable: D, env: Env): StepOutput<P, S>;
  durableOf(state: S): D;
  role(state: S): Role;
  leader(state: S): ServerId | null;
  /** Whether this server may serve clients now: it follows or leads an established leader (where the protocol has one). */
  serving(state: S): boolean;
  decidedUpTo(state: S): number;
  appliedUpTo(state: S): number;
  /** A note (an effect that is not a LogEffect) saying this server now leads. */
  startsLeading(note: Note): boolean;
  /** A server's picture: `state` null while it is down, with only `durable` left. */
  view(state: S | null, durable: D): ProtocolView<P>;
  /** A copy for a snapshot, sharing what is unchanged since `previous` (this server's previous snapshot). */
  freeze(state: S, previous: F | undefined): F;
  thaw(frozen: F): S;
  freezeDurable(durable: D, previous: FD | undefined): FD;
  thawDurable(frozen: FD): D;
  /** The kind of a message, as the trace and the colours name it. */
  messageKind(message: Envelope): string;
  /** A message's label on the wire, e.g. "Accept 3.n1 #4". */
  messageLabel(message: Envelope): string;
  /** Messages that never stop (heartbeats) or are judged by their outcome (catch-up): not work in flight. */
  isChatter(message: Envelope): boolean;
}
