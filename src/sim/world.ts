// The World: everything a run is, in one plain value. The modules beside this one (network, host, apply, serve,
// client, faults, snapshot, simulator) are plain functions over it; the same config and inputs give the same run.
import { createProtocol } from '../protocol';
import type { Env, Protocol, ServerId } from '../protocol/types';
import type { ClientCommand } from '../zk/commands';
import { createReplica, type Replica } from '../zk/replica';
import type { EventType, SessionName, Txn, WatchKind } from '../zk/types';
import type { Header } from './config';
import { EventQueue } from './queue';
import { Rng } from './rng';
import type { RunState, WorldSnapshot } from './snapshot';
import type { OpResult, SessionStatus, TraceEvent } from './trace';
import type { Wire } from './wire';

export const HOUSEKEEPING_MS = 100;

/** A transaction as the log carries it: client writes also carry their session's sequence number. */
export type LoggedTxn = Txn & { readonly seq?: number };

/** What the event queue holds; `at` is when it happens, `seq` orders events at the same time. */
export type SimEvent = { readonly at: number; seq: number } & (
  | {
      readonly kind: 'deliver';
      readonly id: number;
      readonly from: string;
      readonly to: string;
      readonly fromServer: number;
      readonly toServer: number;
      readonly sentAt: number;
      readonly wire: Wire;
      readonly lost: boolean;
    }
  | { readonly kind: 'tick'; readonly server: ServerId; readonly gen: number }
  | { readonly kind: 'housekeeping' }
);

export interface NetworkSettings {
  latencyMsMin: number;
  latencyMsMax: number;
  loss: number;
  dup: number;
}

export interface SimConfig {
  readonly header: Header;
  /** Record send/deliver events (the UI and checkers need them; a benchmark may not). */
  readonly traceMessages: boolean;
  /** Record protocol, apply and client events (default true; the checkers need them). */
  readonly traceProtocol?: boolean;
}

/** A server: its protocol state, its znode replica, and the ZooKeeper server around them. */
export interface Server extends ZkState, Connections {
  readonly id: ServerId;
  up: boolean;
  /** Its protocol state (the protocol's own: the simulator only hands it to the protocol). */
  state: unknown;
  /** What a crashed server keeps (while up, the protocol state's own durable part). */
  durable: unknown;
  /** When it lost its established leader while serving (started electing), else null: later it stops serving. */
  leaderLostAt: number | null;
  /** Whether it takes client connections: from when it follows or leads an established leader (the protocol's
   *  `serving`) until it has been without one for a while. False while it starts up or restarts. */
  serving: boolean;
  tickAt: number;
  tickGen: number;
}

/** What a server rebuilds from its log when it restarts. */
interface ZkState {
  replica: Replica;
  /** Highest client write sequence applied per session: a retried write chosen twice applies once,
   *  and a session's writes apply in the order it issued them (ZooKeeper's per-session FIFO). */
  appliedSeq: Map<SessionName, number>;
  /** The other requests (session opens and expiries) already applied. */
  appliedIds: Set<string>;
  zxidEpoch: number;
  zxidCounter: number;
  /** The zxid each applied slot took here (0 for no-ops, syncs and duplicates). */
  zxids: number[];
}

/** What a server loses when it crashes: its client connections and what it tracked for them. */
interface Connections {
  /** Writes from this server's clients, answered when applied here. */
  awaiting: Map<string, { readonly session: SessionName; readonly opId: number }>;
  /** Sessions connected to this server. */
  clients: Set<SessionName>;
  /** Sessions that pinged since the last touch sent to the leader. */
  touched: Set<SessionName>;
  /** Leader only: when each session expires unless heard from. */
  sessionDeadlines: Map<SessionName, number>;
  expiring: Set<SessionName>;
}

export function freshZkState(): ZkState {
  return {
    replica: createReplica(),
    appliedSeq: new Map(),
    appliedIds: new Set(),
    zxidEpoch: 0,
    zxidCounter: 0,
    zxids: [],
  };
}

export function freshConnections(): Connections {
  return {
    awaiting: new Map(),
    clients: new Set(),
    touched: new Set(),
    sessionDeadlines: new Map(),
    expiring: new Set(),
  };
}

export type ClientOp = { readonly kind: 'command'; readonly command: ClientCommand } | { readonly kind: 'close' };

export interface PendingOp {
  readonly opId: number;
  readonly op: ClientOp;
  readonly line: number;
  sent: boolean;
  /** deleteall runs as a read of the subtree, then one multi. */
  stage: 'first' | 'second';
}

/** A session as the ZooKeeper client library keeps it. */
export interface Client {
  readonly name: SessionName;
  server: ServerId | null;
  status: SessionStatus | 'new';
  sessionId: number;
  lastHeard: number;
  connectSentAt: number;
  connectSeq: number;
  queue: PendingOp[];
  /** The watches this session holds, as the client library tracks them, to re-send on reconnect. */
  watches: Map<string, Set<WatchKind>>;
  /** The newest zxid this session has seen in a reply. */
  lastZxid: number;
  /** Connects refused one after another (servers electing a leader), to pace the retries. */
  refusedInARow: number;
}

/** A finished client operation, as the script runner and the console report it. */
export interface OpCompletion {
  readonly t: number;
  readonly session: SessionName;
  readonly opId: number;
  readonly line: number;
  readonly op: ClientOp;
  readonly result: OpResult;
}

export interface WatchNotice {
  readonly t: number;
  readonly session: SessionName;
  readonly type: EventType;
  readonly path: string;
}

export interface SimListener {
  onComplete?(completion: OpCompletion): void;
  onWatch?(notice: WatchNotice): void;
  /** A message went on the wire with this id (its send or duplicate event in the trace has the same id). */
  onSend?(id: number, wire: Wire): void;
}

/** A run: what is fixed for it, and its state (RunState, declared with how a snapshot copies it in snapshot.ts). */
export interface World extends RunState {
  readonly header: Header;
  readonly protocol: Protocol<LoggedTxn>;
  readonly traceMessages: boolean;
  readonly traceProtocol: boolean;
  /** Handed to every protocol step: reads the clock, draws from the seeded PRNG. */
  readonly env: Env;
  listener: SimListener;
  /** The last snapshot taken or restored, whose unchanged chunks the next one shares. */
  lastSnapshot: WorldSnapshot | undefined;
}

/** "n1", "n2", ...: made once, since every message names its endpoints. */
const SERVER_NAMES: string[] = Array.from({ length: 128 }, (_, id) => `n${id}`);

export function serverName(id: ServerId): string {
  return SERVER_NAMES[id] ?? `n${id}`;
}

export function serverOf(world: World, id: ServerId): Server {
  const server = world.servers[id - 1];
  if (server === undefined) throw new Error(`no server n${id}`);
  return server;
}

export function record(world: World, event: TraceEvent): void {
  world.trace.push(event);
}

/** A world at time 0, before its servers boot (host.ts). */
export function createWorld(config: SimConfig): World {
  const { header } = config;
  const protocol = createProtocol<LoggedTxn>(header.protocol, {
    servers: header.servers,
    bugs: header.bugs,
    latencyMsMax: header.latency.msMax,
  });
  const world: World = {
    header,
    protocol,
    traceMessages: config.traceMessages,
    traceProtocol: config.traceProtocol ?? true,
    env: {
      get now(): number {
        return world.now;
      },
      random: (): number => world.rng.next(),
    },
    listener: {},
    lastSnapshot: undefined,
    now: 0,
    trace: [],
    servers: [],
    clients: new Map(),
    network: {
      latencyMsMin: header.latency.msMin,
      latencyMsMax: header.latency.msMax,
      loss: header.loss,
      dup: header.dup,
    },
    cuts: new Set(),
    rng: new Rng(header.seed),
    queue: new EventQueue<SimEvent>(),
    nextMessageId: 1,
    toServerClock: new Map(),
    toClientClock: new Map(),
    nextOpId: 1,
    nextServerForSession: 0,
    inFlightWork: 0,
    deliveries: 0,
    eventsProcessed: 0,
  };
  return world;
}
