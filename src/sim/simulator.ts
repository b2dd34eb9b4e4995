// The deterministic simulator: a virtual clock, a seeded PRNG, a network, Paxos servers with their znode
// replicas, and ZooKeeper client sessions. One event at a time; the same config and inputs give the same run.
import { cloneVolatile, crashServer, initServer, restartServer, step } from '../protocol/server';
import type { DurableState, Effect, Env, Message, ProtocolConfig, ServerState, VolatileState } from '../protocol/types';
import type { ClientCommand } from '../zk/commands';
import type { Header } from './config';
import { cloneReplica, createReplica, snapshotReplica, type Replica } from '../zk/replica';
import { applyTxn } from '../zk/apply';
import { readOnReplica, restoreWatches, type ClientWatch } from '../zk/read';
import { commandRead, commandTxn, isWriteCommand } from '../zk/commands';
import type { EventType, MultiOp, Read, ReadResult, SessionName, Txn, TxnResult, WatchKind } from '../zk/types';
import { describeMessage, describeTxn } from './describe';
import { EventQueue } from './queue';
import { Rng } from './rng';
import type { OpResult, SessionStatus, TraceEvent, WireKind } from './trace';

/** What travels on the simulated network. */
type Wire =
  | { readonly kind: 'paxos'; readonly message: Message<Txn> }
  | { readonly kind: 'session-touch'; readonly sessions: readonly SessionName[] }
  /** sessionId 0 opens a new session; otherwise the client reconnects the session it has. */
  | {
      readonly kind: 'client-connect';
      readonly session: SessionName;
      readonly sessionId: number;
      readonly requestId: string;
      readonly timeoutMs: number;
      /** A reconnect re-sends the session's watches and the last zxid it saw (ZooKeeper's setWatches). */
      readonly watches: readonly ClientWatch[];
      readonly lastZxid: number;
    }
  | {
      readonly kind: 'client-write';
      readonly session: SessionName;
      readonly opId: number;
      readonly requestId: string;
      readonly txn: LoggedTxn;
    }
  | { readonly kind: 'client-read'; readonly session: SessionName; readonly opId: number; readonly read: Read }
  | { readonly kind: 'client-ping'; readonly session: SessionName }
  | { readonly kind: 'client-pong' }
  | { readonly kind: 'connected'; readonly ok: boolean; readonly sessionId: number }
  | { readonly kind: 'session-ended'; readonly reason: 'close' | 'expire' }
  /** The server stopped serving clients (it lost its leader and is electing): reconnect elsewhere. */
  | { readonly kind: 'connection-closed' }
  /** lastZxid: the newest transaction the answering server had applied (every ZooKeeper reply carries it). */
  | { readonly kind: 'reply'; readonly opId: number; readonly result: OpResult; readonly lastZxid: number }
  | { readonly kind: 'watch-event'; readonly type: EventType; readonly path: string };

/** What the event queue holds; `at` is when it happens, `seq` orders events at the same time. */
type SimEvent = { readonly at: number; seq: number } & (
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
  | { readonly kind: 'tick'; readonly server: number; readonly gen: number }
  | { readonly kind: 'housekeeping' }
);

export interface NetworkSettings {
  latencyMin: number;
  latencyMax: number;
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

interface SimServer {
  readonly id: number;
  up: boolean;
  paxos: ServerState<LoggedTxn>;
  /** What a crashed server keeps. */
  durable: DurableState<LoggedTxn>;
  replica: Replica;
  /** Highest client write sequence applied per session: a retried write chosen twice applies once,
   *  and a session's writes apply in the order it issued them (ZooKeeper's per-session FIFO). */
  appliedSeq: Map<SessionName, number>;
  /** The other requests (session opens and expiries) already applied. */
  appliedIds: Set<string>;
  /** It has led or followed a leader since it (re)started: losing that leader stops it serving clients. */
  hadLeader: boolean;
  /** When it lost its leader (started electing), or null while it has one: after SYNC_LIMIT it stops serving. */
  leaderLostAt: number | null;
  /** False once it stopped serving clients (until it has a leader again). */
  serving: boolean;
  zxidEpoch: number;
  zxidCounter: number;
  /** The zxid each applied slot took here (0 for no-ops, syncs and duplicates). */
  zxids: number[];
  /** Writes from this server's clients, answered when applied here. */
  awaiting: Map<string, { session: SessionName; opId: number }>;
  /** Sessions connected to this server (volatile). */
  clients: Set<SessionName>;
  /** Sessions that pinged since the last touch sent to the leader. */
  touched: Set<SessionName>;
  /** Leader only: when each session expires unless heard from. */
  sessionDeadlines: Map<SessionName, number>;
  expiring: Set<SessionName>;
  tickAt: number;
  tickGen: number;
}

/** A log as a snapshot keeps it: fixed-size chunks, shared with the previous snapshot where unchanged. */
interface ChunkedLog<T> {
  readonly length: number;
  readonly chunks: readonly (readonly (T | undefined)[])[];
}

interface SnapshotDurable {
  readonly promised: DurableState<LoggedTxn>['promised'];
  readonly accepted: ChunkedLog<DurableState<LoggedTxn>['accepted'][number]>;
  readonly decided: ChunkedLog<DurableState<LoggedTxn>['decided'][number]>;
}

/** Volatile protocol state as a snapshot keeps it: the recent-decided ring chunked, its Set rebuilt on restore. */
interface SnapshotVolatile extends Omit<VolatileState<LoggedTxn>, 'decidedIds' | 'decidedRing'> {
  readonly decidedRing: ChunkedLog<string>;
}

/** A server as a snapshot keeps it: its logs chunked; `durable` null when it is the protocol's own (server up). */
interface SnapshotServer extends Omit<SimServer, 'paxos' | 'durable' | 'zxids'> {
  readonly paxos: Omit<ServerState<LoggedTxn>, 'durable' | 'volatile'> & {
    readonly durable: SnapshotDurable;
    readonly volatile: SnapshotVolatile;
  };
  readonly durable: SnapshotDurable | null;
  readonly zxids: ChunkedLog<number>;
}

export interface SimSnapshot {
  readonly now: number;
  readonly traceLength: number;
  readonly servers: readonly SnapshotServer[];
  readonly clients: Map<SessionName, SimClient>;
  readonly network: NetworkSettings;
  readonly cuts: Set<number>;
  readonly rng: number[];
  readonly queue: readonly SimEvent[];
  readonly queueSeq: number;
  readonly nextMessageId: number;
  readonly nextOpId: number;
  readonly nextServerForSession: number;
  readonly inFlightWork: number;
  readonly toServerClock: Map<SessionName, number>;
  readonly toClientClock: Map<SessionName, number>;
  readonly deliveries: number;
  readonly eventsProcessed: number;
}

export interface InFlightMessage {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  readonly wire: WireKind;
  readonly label: string;
  readonly sentAt: number;
  readonly deliverAt: number;
  readonly lost: boolean;
}

export type ClientOp = { readonly kind: 'command'; readonly command: ClientCommand } | { readonly kind: 'close' };

interface PendingOp {
  readonly opId: number;
  readonly op: ClientOp;
  readonly line: number;
  sent: boolean;
  /** deleteall runs as a read of the subtree, then one multi. */
  stage: 'first' | 'second';
}

interface SimClient {
  readonly name: SessionName;
  server: number | null;
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

export type SimListener = {
  onComplete?(completion: OpCompletion): void;
  onWatch?(notice: WatchNotice): void;
};

const HOUSEKEEPING_MS = 100;

export function protocolConfigFor(header: Header): ProtocolConfig {
  const heartbeatMs = Math.max(50, Math.round(header.latency.maxMs * 1.5));
  const electionMin = Math.max(300, header.latency.maxMs * 6);
  return {
    servers: header.servers,
    mode: header.protocol,
    bugs: new Set(header.bugs),
    heartbeatMs,
    electionTimeoutMinMs: electionMin,
    electionTimeoutMaxMs: electionMin * 2,
    catchUpBatch: 64,
  };
}

/** "n1", "n2", ...: made once, since every message names its endpoints. */
const SERVER_NAMES: string[] = Array.from({ length: 128 }, (_, id) => `n${id}`);

export function serverName(id: number): string {
  return SERVER_NAMES[id] ?? `n${id}`;
}

export class Simulator {
  readonly header: Header;
  readonly protocol: ProtocolConfig;
  now = 0;
  trace: TraceEvent[] = [];
  servers: SimServer[] = [];
  clients = new Map<SessionName, SimClient>();
  readonly network: NetworkSettings;
  /** Directed links that are cut, as from * 1024 + to. */
  cuts = new Set<number>();
  listener: SimListener = {};
  private rng: Rng;
  private queue = new EventQueue<SimEvent>();
  private nextMessageId = 1;
  /** The last snapshot taken, whose unchanged log chunks the next one shares. */
  private lastSnapshot: SimSnapshot | undefined;
  /** Last delivery time of each session's stream, per direction, to keep TCP order. */
  private toServerClock = new Map<SessionName, number>();
  private toClientClock = new Map<SessionName, number>();
  private nextOpId = 1;
  private nextServerForSession = 0;
  /** Messages sent and not yet delivered or dropped, heartbeats aside (for settle). */
  private inFlightWork = 0;
  private readonly traceMessages: boolean;
  private readonly traceProtocol: boolean;
  /** Handed to every protocol step: reads the clock, draws from the seeded PRNG. */
  private readonly stepEnv: Env;
  deliveries = 0;
  /** Queue events processed so far: with the clock, the exact point at which a user action happened. */
  eventsProcessed = 0;

  constructor(config: SimConfig) {
    this.header = config.header;
    this.traceMessages = config.traceMessages;
    this.traceProtocol = config.traceProtocol ?? true;
    this.protocol = protocolConfigFor(config.header);
    this.rng = new Rng(config.header.seed);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the env reads the clock live
    const sim = this;
    this.stepEnv = {
      get now(): number {
        return sim.now;
      },
      random: (): number => sim.rng.next(),
    };
    this.network = {
      latencyMin: config.header.latency.minMs,
      latencyMax: config.header.latency.maxMs,
      loss: config.header.loss,
      dup: config.header.dup,
    };
    const env = this.env();
    for (let id = 1; id <= config.header.servers; id++) {
      const paxos = initServer<Txn>(id, this.protocol, env);
      const server: SimServer = {
        id,
        up: true,
        paxos,
        durable: paxos.durable,
        replica: createReplica(),
        appliedSeq: new Map(),
        appliedIds: new Set(),
        hadLeader: false,
        leaderLostAt: null,
        serving: true,
        zxidEpoch: 0,
        zxidCounter: 0,
        zxids: [],
        awaiting: new Map(),
        clients: new Set(),
        touched: new Set(),
        sessionDeadlines: new Map(),
        expiring: new Set(),
        tickAt: Infinity,
        tickGen: 0,
      };
      this.servers.push(server);
      this.scheduleTick(server, paxos.volatile.electionDeadline);
    }
    this.queue.push({ kind: 'housekeeping', at: HOUSEKEEPING_MS, seq: 0 });
    // The starting network is part of the run: checkers treat a lossy start like a later change.
    const { loss, dup, latencyMin, latencyMax } = this.network;
    this.record({ t: 0, kind: 'network', loss, dup, latencyMin, latencyMax });
  }

  private env(): Env {
    return this.stepEnv;
  }

  server(id: number): SimServer {
    const server = this.servers[id - 1];
    if (server === undefined) throw new Error(`no server n${id}`);
    return server;
  }

  private record(event: TraceEvent): void {
    this.trace.push(event);
  }

  // ---------------------------------------------------------------- snapshots

  /** Everything that determines the rest of the run, copied (the trace only by length: it is append-only). */
  snapshot(): SimSnapshot {
    const previous = this.lastSnapshot;
    const snapshot = copySnapshotParts({
      now: this.now,
      traceLength: this.trace.length,
      servers: snapshotServers(this.servers, previous?.servers),
      clients: this.clients,
      network: this.network,
      cuts: this.cuts,
      rng: this.rng.saveState(),
      queue: this.queue.items(),
      queueSeq: this.queue.sequence,
      nextMessageId: this.nextMessageId,
      nextOpId: this.nextOpId,
      nextServerForSession: this.nextServerForSession,
      inFlightWork: this.inFlightWork,
      toServerClock: this.toServerClock,
      toClientClock: this.toClientClock,
      deliveries: this.deliveries,
      eventsProcessed: this.eventsProcessed,
    });
    this.lastSnapshot = snapshot;
    return snapshot;
  }

  /** Go back (or forward) to a snapshot; `trace` is the run's trace of which the snapshot's prefix is kept. */
  restore(snapshot: SimSnapshot, trace: readonly TraceEvent[]): void {
    const copy = copySnapshotParts(snapshot);
    // The next snapshot shares with this one (not with one from a future a fork may throw away).
    this.lastSnapshot = snapshot;
    this.now = copy.now;
    this.trace = trace.slice(0, copy.traceLength);
    this.servers = copy.servers.map(liveServer);
    this.clients = copy.clients;
    Object.assign(this.network, copy.network);
    this.cuts = copy.cuts;
    this.rng = new Rng(copy.rng);
    this.queue = EventQueue.restore(copy.queue, copy.queueSeq);
    this.nextMessageId = copy.nextMessageId;
    this.nextOpId = copy.nextOpId;
    this.nextServerForSession = copy.nextServerForSession;
    this.inFlightWork = copy.inFlightWork;
    this.toServerClock = copy.toServerClock;
    this.toClientClock = copy.toClientClock;
    this.deliveries = copy.deliveries;
    this.eventsProcessed = copy.eventsProcessed;
  }

  /** Messages on the wire now, in the form the trace's send events have. */
  inFlight(): InFlightMessage[] {
    const messages: InFlightMessage[] = [];
    for (const event of this.queue.items()) {
      if (event.kind !== 'deliver') continue;
      messages.push({
        id: event.id,
        from: event.from,
        to: event.to,
        wire: wireKind(event.wire),
        label: wireLabel(event.wire),
        sentAt: event.sentAt,
        deliverAt: event.at,
        lost: event.lost,
      });
    }
    return messages.sort((a, b) => a.id - b.id);
  }

  // ---------------------------------------------------------------- running

  /** Time of the next event, or Infinity. */
  nextEventTime(): number {
    return this.queue.peek()?.at ?? Infinity;
  }

  /** Process one event; false when the queue is empty. */
  stepEvent(): boolean {
    const event = this.queue.pop();
    if (event === undefined) return false;
    this.now = event.at;
    this.eventsProcessed++;
    switch (event.kind) {
      case 'deliver':
        this.deliver(event);
        break;
      case 'tick': {
        const server = this.server(event.server);
        if (!server.up || event.gen !== server.tickGen) break;
        server.tickAt = Infinity;
        this.stepServer(server, { kind: 'tick' });
        break;
      }
      case 'housekeeping':
        this.housekeeping();
        this.queue.push({ kind: 'housekeeping', at: this.now + HOUSEKEEPING_MS, seq: 0 });
        break;
    }
    return true;
  }

  /** Run every event up to and including time `t`, then set the clock to `t`. */
  runUntil(t: number): void {
    while (this.nextEventTime() <= t) this.stepEvent();
    if (t > this.now) this.now = t;
  }

  /** Run until `done()` or until `limitMs` of simulated time pass; true when done. */
  runUntilCondition(done: () => boolean, limitMs: number): boolean {
    const deadline = this.now + limitMs;
    while (!done()) {
      if (this.nextEventTime() > deadline) {
        this.now = Math.max(this.now, deadline);
        return done();
      }
      this.stepEvent();
    }
    return true;
  }

  /** No protocol work in flight, no client op outstanding, every live server caught up. */
  isSettled(): boolean {
    if (this.inFlightWork > 0) return false;
    for (const client of this.clients.values())
      if (client.queue.length > 0 || client.status === 'connecting') return false;
    let maxDecided = 0;
    let leaders = 0;
    for (const server of this.servers) {
      if (!server.up) continue;
      const v = server.paxos.volatile;
      maxDecided = Math.max(maxDecided, v.decidedUpTo);
      if (v.role === 'leader') leaders++;
      if (v.role === 'candidate') return false;
    }
    if (this.protocol.mode === 'multi-paxos' && leaders === 0) return false;
    for (const server of this.servers) if (server.up && server.paxos.volatile.appliedUpTo < maxDecided) return false;
    return true;
  }

  // ---------------------------------------------------------------- network

  private send(from: string, to: string, wire: Wire, fromServer: number, toServer: number): void {
    const id = this.nextMessageId++;
    const latency = this.rng.int(this.network.latencyMin, this.network.latencyMax);
    const betweenServers = fromServer > 0 && toServer > 0;
    // Client connections are TCP: no loss or duplication; server links follow the network settings.
    const lost = betweenServers && this.rng.chance(this.network.loss);
    const work = isWork(wire);
    if (work) this.inFlightWork++;
    let deliverAt = this.now + latency;
    if (!betweenServers) {
      // A client connection is a TCP stream: its messages arrive in the order sent.
      // A session talks to one server at a time, so the session and the direction name the stream.
      const clock = toServer > 0 ? this.toServerClock : this.toClientClock;
      const session = toServer > 0 ? from : to;
      deliverAt = Math.max(deliverAt, clock.get(session) ?? 0);
      clock.set(session, deliverAt);
    }
    if (this.traceMessages) {
      this.record({
        t: this.now,
        kind: 'send',
        id,
        from,
        to,
        wire: wireKind(wire),
        label: wireLabel(wire),
        deliverAt,
        lost,
      });
    }
    this.queue.push({
      kind: 'deliver',
      at: deliverAt,
      seq: 0,
      id,
      from,
      to,
      fromServer,
      toServer,
      sentAt: this.now,
      wire,
      lost,
    });
    if (betweenServers && !lost && this.rng.chance(this.network.dup)) {
      const copy = this.nextMessageId++;
      const copyAt = this.now + this.rng.int(this.network.latencyMin, this.network.latencyMax);
      if (work) this.inFlightWork++;
      if (this.traceMessages) {
        this.record({
          t: this.now,
          kind: 'duplicate',
          id: copy,
          copyOf: id,
          from,
          to,
          wire: wireKind(wire),
          label: wireLabel(wire),
          deliverAt: copyAt,
        });
      }
      this.queue.push({
        kind: 'deliver',
        at: copyAt,
        seq: 0,
        id: copy,
        from,
        to,
        fromServer,
        toServer,
        sentAt: this.now,
        wire,
        lost: false,
      });
    }
  }

  private sendPaxos(message: Message<Txn>): void {
    this.send(serverName(message.from), serverName(message.to), { kind: 'paxos', message }, message.from, message.to);
  }

  isCut(from: number, to: number): boolean {
    return this.cuts.has(from * 1024 + to);
  }

  private deliver(event: Extract<SimEvent, { kind: 'deliver' }>): void {
    if (isWork(event.wire)) this.inFlightWork--;
    const { toServer, fromServer } = event;
    let dropReason: 'loss' | 'cut' | 'down' | null = null;
    if (event.lost) dropReason = 'loss';
    else if (toServer > 0 && fromServer > 0 && this.isCut(fromServer, toServer)) dropReason = 'cut';
    else if (toServer > 0 && !this.server(toServer).up) dropReason = 'down';
    if (dropReason !== null) {
      if (this.traceMessages) {
        this.record({
          t: this.now,
          kind: 'drop',
          id: event.id,
          from: event.from,
          to: event.to,
          wire: wireKind(event.wire),
          reason: dropReason,
        });
      }
      return;
    }
    this.deliveries++;
    if (this.traceMessages) {
      this.record({
        t: this.now,
        kind: 'deliver',
        id: event.id,
        from: event.from,
        to: event.to,
        wire: wireKind(event.wire),
      });
    }
    if (toServer > 0) this.deliverToServer(this.server(toServer), event.from, event.wire);
    else this.deliverToClient(event.to, fromServer, event.wire);
  }

  // ---------------------------------------------------------------- servers

  private scheduleTick(server: SimServer, at: number): void {
    if (!(at < server.tickAt)) return;
    const when = Math.max(at, this.now);
    server.tickAt = when;
    server.tickGen++;
    this.queue.push({ kind: 'tick', at: when, seq: 0, server: server.id, gen: server.tickGen });
  }

  private stepServer(server: SimServer, input: Parameters<typeof step<Txn>>[1]): void {
    if (input.kind === 'request' && this.traceProtocol)
      this.record({ t: this.now, kind: 'request', server: server.id, proposalId: input.id, txn: input.payload });
    const output = step(server.paxos, input, this.env());
    server.paxos = output.state;
    const v = output.state.volatile;
    if (v.leader !== null && v.role !== 'candidate') {
      server.hadLeader = true;
      server.leaderLostAt = null;
      server.serving = true;
    } else if (server.hadLeader && server.leaderLostAt === null) {
      // It no longer knows a leader (electing, or promised to a candidate): the clock to stop serving starts.
      server.leaderLostAt = this.now;
    }
    for (const effect of output.effects) this.onEffect(server, effect);
    for (const message of output.messages) this.sendPaxos(message);
    this.scheduleTick(server, output.wakeAt);
  }

  private onEffect(server: SimServer, effect: Effect<Txn>): void {
    const t = this.now;
    const id = server.id;
    if (effect.kind === 'apply') {
      this.applyEntry(
        server,
        effect.slot,
        effect.proposal.id,
        effect.proposal.epoch,
        effect.proposal.time,
        effect.proposal.payload,
      );
      return;
    }
    if (effect.kind === 'role' && effect.role === 'leader') this.startSessionTracking(server);
    if (!this.traceProtocol) return;
    switch (effect.kind) {
      case 'decided':
        this.record({
          t,
          kind: 'decided',
          server: id,
          slot: effect.slot,
          proposalId: effect.proposal.id,
          text: describeTxn(effect.proposal.payload),
        });
        return;
      case 'phase':
        this.record({
          t,
          kind: 'phase',
          server: id,
          phase: effect.phase,
          ballot: effect.ballot,
          ...(effect.slot === undefined ? {} : { slot: effect.slot }),
        });
        return;
      case 'vote':
        this.record({
          t,
          kind: 'vote',
          server: id,
          vote: effect.vote,
          ballot: effect.ballot,
          ...(effect.slot === undefined ? {} : { slot: effect.slot }),
          voter: effect.voter,
          votes: effect.votes,
          needed: effect.needed,
        });
        return;
      case 'promised':
        this.record({ t, kind: 'promised', server: id, ballot: effect.ballot });
        return;
      case 'accepted':
        this.record({
          t,
          kind: 'accepted',
          server: id,
          slot: effect.slot,
          ballot: effect.ballot,
          proposalId: effect.proposalId,
        });
        return;
      case 'role':
        this.record({ t, kind: 'role', server: id, role: effect.role, ballot: effect.ballot });
        return;
    }
  }

  /**
   * A ZooKeeper follower cut off from its leader for syncLimit ticks goes LOOKING: it stops serving and closes its
   * client connections, and the clients reconnect elsewhere (a request in flight fails with CONNECTIONLOSS). So a
   * server on the minority side serves stale reads for a while, never for good. Here it stops half a session timeout
   * after it last knew a leader (ZooKeeper's 10 s syncLimit sits between its 4 s and 40 s session timeouts); with a
   * slow network, noticing the loss plus that can outlast a session the majority has already expired, as it can in
   * ZooKeeper when syncLimit exceeds the session timeout. Servers starting up serve at once, so runs begin without refused connects; in
   * basic Paxos every proposer runs phase 1 for its writes, so there the candidate role says nothing of a lost leader.
   */
  private stopServingClients(server: SimServer): void {
    server.serving = false;
    for (const session of server.clients)
      this.send(serverName(server.id), session, { kind: 'connection-closed' }, server.id, 0);
    server.clients.clear();
  }

  /** Whether a server takes client connections: not once it stopped serving after losing its leader. */
  private serving(server: SimServer): boolean {
    return this.header.protocol !== 'multi-paxos' || server.serving;
  }

  /** A new leader gives every open session a fresh timeout, as ZooKeeper's leader does. */
  private startSessionTracking(server: SimServer): void {
    server.sessionDeadlines.clear();
    server.expiring.clear();
    for (const [name, info] of server.replica.sessions) server.sessionDeadlines.set(name, this.now + info.timeoutMs);
  }

  /** zxid = epoch << 32 | counter, derived from the decided log so every server computes the same. */
  private nextZxid(server: SimServer, epoch: number): number {
    if (epoch > server.zxidEpoch) {
      server.zxidEpoch = epoch;
      server.zxidCounter = 1;
    } else {
      server.zxidCounter++;
    }
    return server.zxidEpoch * 4294967296 + server.zxidCounter;
  }

  private applyEntry(
    server: SimServer,
    slot: number,
    proposalId: string,
    epoch: number,
    time: number,
    txn: LoggedTxn | null,
  ): void {
    const t = this.now;
    if (txn === null || isDuplicate(server, proposalId, txn)) {
      server.zxids[slot] = 0;
      if (this.traceProtocol)
        this.record({
          t,
          kind: 'apply',
          server: server.id,
          slot,
          proposalId,
          zxid: 0,
          text: txn === null ? 'noop' : `duplicate of ${proposalId}`,
          ok: true,
        });
      return;
    }
    let result: TxnResult;
    let zxid = 0;
    if (txn.op === 'sync') {
      result = { ok: true, path: txn.path };
    } else {
      zxid = this.nextZxid(server, epoch);
      const outcome = applyTxn(server.replica, txn, zxid, time);
      result = outcome.result;
      for (const event of outcome.events) {
        if (server.clients.has(event.session)) {
          this.send(
            serverName(server.id),
            event.session,
            { kind: 'watch-event', type: event.type, path: event.path },
            server.id,
            0,
          );
        }
      }
    }
    server.zxids[slot] = zxid;
    if (this.traceProtocol)
      this.record({
        t,
        kind: 'apply',
        server: server.id,
        slot,
        proposalId,
        zxid,
        text: describeTxn(txn),
        ok: result.ok,
        ...(result.error === undefined ? {} : { error: result.error }),
      });
    const waiting = server.awaiting.get(proposalId);
    if (waiting !== undefined) {
      server.awaiting.delete(proposalId);
      if (txn.op === 'createSession') {
        server.clients.add(txn.session);
        this.send(
          serverName(server.id),
          txn.session,
          { kind: 'connected', ok: result.ok, sessionId: result.sessionId ?? 0 },
          server.id,
          0,
        );
      } else {
        this.send(
          serverName(server.id),
          waiting.session,
          {
            kind: 'reply',
            opId: waiting.opId,
            result: opResult(result, zxid, server.id),
            lastZxid: server.replica.lastZxid,
          },
          server.id,
          0,
        );
      }
    }
    if (txn.op === 'createSession' && server.paxos.volatile.role === 'leader') {
      server.sessionDeadlines.set(txn.session, this.now + txn.timeoutMs);
    }
    if (txn.op === 'closeSession') {
      server.sessionDeadlines.delete(txn.session);
      server.expiring.delete(txn.session);
      if (server.clients.delete(txn.session) && waiting === undefined) {
        this.send(serverName(server.id), txn.session, { kind: 'session-ended', reason: txn.reason }, server.id, 0);
      }
    }
  }

  private deliverToServer(server: SimServer, _from: string, wire: Wire): void {
    if (
      (wire.kind === 'client-write' || wire.kind === 'client-read' || wire.kind === 'client-ping') &&
      !server.clients.has(wire.session)
    ) {
      // A client connection does not survive its server's crash: a restarted server does not know the old
      // connection and ignores its traffic. The client, hearing nothing, times out and reconnects elsewhere,
      // failing its outstanding op with CONNECTIONLOSS (as it does while the server is down).
      return;
    }
    switch (wire.kind) {
      case 'paxos':
        this.stepServer(server, { kind: 'message', message: wire.message });
        return;
      case 'session-touch':
        if (server.paxos.volatile.role === 'leader') {
          for (const name of wire.sessions) this.touchSession(server, name);
        }
        return;
      case 'client-connect': {
        // An electing server refuses connections (ZooKeeper closes the socket): the client tries the next server.
        if (!this.serving(server)) {
          this.send(serverName(server.id), wire.session, { kind: 'connection-closed' }, server.id, 0);
          return;
        }
        // A reconnect of an open session is answered at once; a new session is a transaction.
        const info = server.replica.sessions.get(wire.session);
        if (wire.sessionId !== 0) {
          // A server behind what the client has already seen would show it the past: ZooKeeper refuses the
          // connection ("client must try another server"), so no answer, and the client tries the next server.
          if (server.replica.lastZxid < wire.lastZxid) {
            this.send(serverName(server.id), wire.session, { kind: 'connection-closed' }, server.id, 0);
            return;
          }
          if (info !== undefined && info.id === wire.sessionId) {
            server.clients.add(wire.session);
            server.touched.add(wire.session);
            this.send(
              serverName(server.id),
              wire.session,
              { kind: 'connected', ok: true, sessionId: info.id },
              server.id,
              0,
            );
            for (const event of restoreWatches(server.replica, wire.session, wire.watches, wire.lastZxid)) {
              this.send(
                serverName(server.id),
                wire.session,
                { kind: 'watch-event', type: event.type, path: event.path },
                server.id,
                0,
              );
            }
          } else if (server.replica.lastZxid >= wire.sessionId) {
            // This server has applied past the session's creation and no longer has it: it expired.
            this.send(
              serverName(server.id),
              wire.session,
              { kind: 'connected', ok: false, sessionId: 0 },
              server.id,
              0,
            );
          }
          // Otherwise this server lags behind the session's creation: no answer, and the client tries another.
          return;
        }
        server.awaiting.set(wire.requestId, { session: wire.session, opId: 0 });
        this.stepServer(server, {
          kind: 'request',
          id: wire.requestId,
          payload: { op: 'createSession', session: wire.session, timeoutMs: wire.timeoutMs },
        });
        return;
      }
      case 'client-write':
        server.touched.add(wire.session);
        server.awaiting.set(wire.requestId, { session: wire.session, opId: wire.opId });
        this.stepServer(server, { kind: 'request', id: wire.requestId, payload: wire.txn });
        return;
      case 'client-read': {
        server.touched.add(wire.session);
        const result: ReadResult = readOnReplica(server.replica, wire.session, wire.read);
        this.send(
          serverName(server.id),
          wire.session,
          { kind: 'reply', opId: wire.opId, result: opResult(result, 0, server.id), lastZxid: server.replica.lastZxid },
          server.id,
          0,
        );
        return;
      }
      case 'client-ping':
        server.touched.add(wire.session);
        if (server.paxos.volatile.role === 'leader') this.touchSession(server, wire.session);
        this.send(serverName(server.id), wire.session, { kind: 'client-pong' }, server.id, 0);
        return;
      default:
        return;
    }
  }

  private touchSession(leader: SimServer, name: SessionName): void {
    const info = leader.replica.sessions.get(name);
    if (info !== undefined && !leader.expiring.has(name)) leader.sessionDeadlines.set(name, this.now + info.timeoutMs);
  }

  private housekeeping(): void {
    for (const server of this.servers) {
      if (!server.up) continue;
      const v = server.paxos.volatile;
      if (
        this.header.protocol === 'multi-paxos' &&
        server.serving &&
        server.leaderLostAt !== null &&
        this.now - server.leaderLostAt >= this.header.sessionTimeoutMs / 2
      ) {
        this.stopServingClients(server);
      }
      if (v.role === 'leader') {
        for (const name of server.touched) this.touchSession(server, name);
        server.touched.clear();
        for (const [name, deadline] of server.sessionDeadlines) {
          if (deadline <= this.now && !server.expiring.has(name)) {
            server.expiring.add(name);
            this.stepServer(server, {
              kind: 'request',
              id: `${name}#expire@${this.now}`,
              payload: { op: 'closeSession', session: name, reason: 'expire' },
            });
          }
        }
      } else if (v.leader !== null && server.touched.size > 0) {
        this.send(
          serverName(server.id),
          serverName(v.leader),
          { kind: 'session-touch', sessions: [...server.touched] },
          server.id,
          v.leader,
        );
        server.touched.clear();
      }
    }
    for (const client of this.clients.values()) this.clientHousekeeping(client);
  }

  // ---------------------------------------------------------------- clients

  private client(name: SessionName): SimClient {
    let client = this.clients.get(name);
    if (client === undefined) {
      client = {
        name,
        server: null,
        status: 'new',
        sessionId: 0,
        lastHeard: this.now,
        connectSentAt: 0,
        connectSeq: 0,
        queue: [],
        watches: new Map(),
        lastZxid: 0,
        refusedInARow: 0,
      };
      this.clients.set(name, client);
    }
    return client;
  }

  private setStatus(client: SimClient, status: SessionStatus): void {
    client.status = status;
    this.record({ t: this.now, kind: 'session', session: client.name, status, server: client.server });
  }

  /** Issue a client operation; returns its op id. It completes through listener.onComplete. */
  invoke(session: SessionName, op: ClientOp, line = 0): number {
    const client = this.client(session);
    const opId = this.nextOpId++;
    const pending: PendingOp = { opId, op, line, sent: false, stage: 'first' };
    if (op.kind === 'command') {
      this.record({
        t: this.now,
        kind: 'invoke',
        session,
        opId,
        command: op.command,
        write: isWriteCommand(op.command),
      });
    }
    if (client.status === 'closed' || client.status === 'expired') {
      const error = client.status === 'expired' ? 'SESSIONEXPIRED' : 'SESSIONEXPIRED';
      this.finishOp(client, pending, { ok: false, error, path: commandPath(op) });
      return opId;
    }
    client.queue.push(pending);
    if (client.status === 'new') this.connect(client, null);
    else this.pump(client);
    return opId;
  }

  /** `c1 connect nK`: open the session at nK, or move it there. */
  connectSession(session: SessionName, server: number): void {
    const client = this.client(session);
    if (client.status === 'closed' || client.status === 'expired') {
      client.status = 'new';
      client.sessionId = 0;
    }
    client.refusedInARow = 0;
    this.connect(client, server);
  }

  /** `c1 expire`: the leader expires the session now, as if its timeout had passed. */
  expireSession(session: SessionName): boolean {
    const leader = this.servers.find((s) => s.up && s.paxos.volatile.role === 'leader');
    const target = leader ?? this.servers.find((s) => s.up);
    if (target === undefined) return false;
    target.expiring.add(session);
    this.stepServer(target, {
      kind: 'request',
      id: `${session}#expire@${this.now}`,
      payload: { op: 'closeSession', session, reason: 'expire' },
    });
    return true;
  }

  private connect(client: SimClient, server: number | null): void {
    const target = server ?? this.chooseServer(client);
    client.server = target;
    client.connectSentAt = this.now;
    client.lastHeard = this.now;
    client.connectSeq++;
    this.setStatus(client, 'connecting');
    // A connect puts every unsent op of the old connection back to wait for the new one.
    for (const op of client.queue) op.sent = false;
    const requestId = `${client.name}#connect${client.connectSeq}`;
    this.send(
      client.name,
      serverName(target),
      {
        kind: 'client-connect',
        session: client.name,
        sessionId: client.sessionId,
        requestId,
        timeoutMs: this.header.sessionTimeoutMs,
        watches: clientWatchList(client),
        lastZxid: client.lastZxid,
      },
      0,
      target,
    );
  }

  private chooseServer(client: SimClient): number {
    const n = this.servers.length;
    if (client.server === null) {
      const id = (this.nextServerForSession % n) + 1;
      this.nextServerForSession++;
      return id;
    }
    // Try the next server in turn (a client does not know which servers are up).
    return (client.server % n) + 1;
  }

  private clientHousekeeping(client: SimClient): void {
    if (client.server === null || client.status === 'closed' || client.status === 'expired' || client.status === 'new')
      return;
    const timeout = this.header.sessionTimeoutMs;
    if (client.status === 'connecting') {
      // A connect that is not answered within a third of the timeout tries the next server. That includes a
      // session's first connect (sessionId 0): a retried createSession is harmless, since applying one for a
      // session that exists returns the existing session.
      if (this.now - client.connectSentAt > timeout / 3) {
        // A pause after a round of refusals is over: the next round tries every server at once again.
        client.refusedInARow = 0;
        this.reconnect(client);
      }
      return;
    }
    if (this.now - client.lastHeard > (timeout * 2) / 3) {
      this.reconnect(client);
      return;
    }
    if (this.now - client.lastHeard > timeout / 3 - HOUSEKEEPING_MS) {
      this.send(
        client.name,
        serverName(client.server),
        { kind: 'client-ping', session: client.name },
        0,
        client.server,
      );
    }
  }

  /** Connection loss: the op in flight fails with CONNECTIONLOSS and the client tries another server. */
  private reconnect(client: SimClient): void {
    const head = client.queue[0];
    if (head !== undefined && head.sent) {
      client.queue.shift();
      this.finishOp(client, head, { ok: false, error: 'CONNECTIONLOSS', path: commandPath(head.op) });
    }
    if (client.server !== null) this.server(client.server).clients.delete(client.name);
    this.setStatus(client, 'disconnected');
    this.connect(client, null);
  }

  private deliverToClient(name: SessionName, fromServer: number, wire: Wire): void {
    const client = this.clients.get(name);
    if (client === undefined || client.server !== fromServer) return;
    client.lastHeard = this.now;
    switch (wire.kind) {
      case 'connected':
        if (client.status !== 'connecting') return;
        if (!wire.ok) {
          this.sessionGone(client, 'expired');
          return;
        }
        client.sessionId = wire.sessionId;
        client.refusedInARow = 0;
        this.setStatus(client, 'connected');
        this.pump(client);
        return;
      case 'session-ended':
        this.sessionGone(client, wire.reason === 'expire' ? 'expired' : 'closed');
        return;
      case 'connection-closed':
        if (client.status === 'connected') this.reconnect(client);
        else if (client.status === 'connecting') {
          // Refused: the next server at once, once round the ensemble; then at the connect timeout's pace.
          client.refusedInARow++;
          if (client.refusedInARow < this.servers.length) this.reconnect(client);
        }
        return;
      case 'watch-event':
        forgetFiredWatches(client, wire.type, wire.path);
        this.record({ t: this.now, kind: 'watch', session: name, type: wire.type, path: wire.path });
        this.listener.onWatch?.({ t: this.now, session: name, type: wire.type, path: wire.path });
        return;
      case 'reply': {
        const head = client.queue[0];
        if (head === undefined || head.opId !== wire.opId || !head.sent) return;
        if (wire.lastZxid > client.lastZxid) client.lastZxid = wire.lastZxid;
        if (head.op.kind === 'command') rememberWatches(client, head.op.command, wire.result);
        this.onReply(client, head, wire.result);
        return;
      }
      default:
        return;
    }
  }

  private sessionGone(client: SimClient, status: 'closed' | 'expired'): void {
    this.setStatus(client, status);
    client.watches.clear();
    const failed = client.queue.splice(0);
    for (const op of failed) {
      this.finishOp(
        client,
        op,
        status === 'closed' && op.op.kind === 'close'
          ? { ok: true }
          : { ok: false, error: 'SESSIONEXPIRED', path: commandPath(op.op) },
      );
    }
  }

  private onReply(client: SimClient, head: PendingOp, result: OpResult): void {
    if (head.op.kind === 'command' && head.op.command.kind === 'deleteall' && head.stage === 'first') {
      // Got the subtree; delete it deepest first in one multi.
      if (!result.ok || result.children === undefined) {
        client.queue.shift();
        this.finishOp(client, head, result);
        this.pump(client);
        return;
      }
      head.stage = 'second';
      head.sent = false;
      const paths = [...result.children].reverse();
      const ops: MultiOp[] = paths.map((path) => ({ op: 'delete', path, version: -1 }));
      this.sendWrite(client, head, { op: 'multi', session: client.name, ops });
      return;
    }
    client.queue.shift();
    if (head.op.kind === 'close') {
      this.finishOp(client, head, result);
      if (result.ok) this.sessionGone(client, 'closed');
      return;
    }
    this.finishOp(client, head, result);
    this.pump(client);
  }

  private finishOp(client: SimClient, op: PendingOp, result: OpResult): void {
    if (op.op.kind === 'command')
      this.record({ t: this.now, kind: 'return', session: client.name, opId: op.opId, result });
    this.listener.onComplete?.({ t: this.now, session: client.name, opId: op.opId, line: op.line, op: op.op, result });
  }

  /** Send the session's next op when nothing is outstanding: one op at a time keeps its order (FIFO). */
  private pump(client: SimClient): void {
    if (client.status !== 'connected' || client.server === null) return;
    const head = client.queue[0];
    if (head === undefined || head.sent) return;
    if (head.op.kind === 'close') {
      this.sendWrite(client, head, { op: 'closeSession', session: client.name, reason: 'close' });
      return;
    }
    const command = head.op.command;
    const read = commandRead(command);
    if (read !== null) {
      head.sent = true;
      this.send(
        client.name,
        serverName(client.server),
        { kind: 'client-read', session: client.name, opId: head.opId, read },
        0,
        client.server,
      );
      return;
    }
    this.sendWrite(client, head, commandTxn(client.name, command));
  }

  private sendWrite(client: SimClient, head: PendingOp, txn: Txn): void {
    if (client.server === null) return;
    head.sent = true;
    const requestId = `${client.name}:${head.opId}:${head.stage}`;
    // Op ids only grow, so this orders every write a session ever sends (deleteall's second stage after its first).
    const logged: LoggedTxn = { ...txn, seq: head.opId * 2 + (head.stage === 'second' ? 1 : 0) };
    this.send(
      client.name,
      serverName(client.server),
      { kind: 'client-write', session: client.name, opId: head.opId, requestId, txn: logged },
      0,
      client.server,
    );
  }

  /** True while the op has not completed. */
  isPending(session: SessionName, opId: number): boolean {
    const client = this.clients.get(session);
    return client !== undefined && client.queue.some((op) => op.opId === opId);
  }

  // ---------------------------------------------------------------- faults

  kill(id: number): void {
    const server = this.server(id);
    if (!server.up) return;
    server.up = false;
    server.durable = crashServer(server.paxos);
    server.awaiting.clear();
    server.clients.clear();
    server.touched.clear();
    server.sessionDeadlines.clear();
    server.expiring.clear();
    server.tickGen++;
    server.tickAt = Infinity;
    this.record({ t: this.now, kind: 'crash', server: id });
  }

  restart(id: number): void {
    const server = this.server(id);
    if (server.up) return;
    server.up = true;
    server.replica = createReplica();
    server.appliedSeq = new Map();
    server.appliedIds = new Set();
    // A restarted server knows no leader yet: it serves until it finds one or half a session timeout passes.
    server.hadLeader = true;
    server.leaderLostAt = this.now;
    server.serving = true;
    server.zxidEpoch = 0;
    server.zxidCounter = 0;
    server.zxids = [];
    this.record({ t: this.now, kind: 'restart', server: id });
    const output = restartServer(id, this.protocol, server.durable, this.env());
    server.paxos = output.state;
    for (const effect of output.effects) this.onEffect(server, effect);
    for (const message of output.messages) this.sendPaxos(message);
    this.scheduleTick(server, output.wakeAt);
  }

  cut(from: number, to: number): void {
    if (from === to || this.isCut(from, to)) return;
    this.cuts.add(from * 1024 + to);
    this.record({ t: this.now, kind: 'cut', from, to });
  }

  heal(from: number, to: number): void {
    if (!this.cuts.delete(from * 1024 + to)) return;
    this.record({ t: this.now, kind: 'heal', from, to });
  }

  healAll(): void {
    for (const key of [...this.cuts].sort((a, b) => a - b)) this.heal(Math.floor(key / 1024), key % 1024);
  }

  /** Only links inside each group work; servers named in no group form one more group. */
  partition(groups: readonly (readonly number[])[]): void {
    const groupOf = new Map<number, number>();
    groups.forEach((group, index) => group.forEach((id) => groupOf.set(id, index)));
    const n = this.servers.length;
    for (let a = 1; a <= n; a++) {
      for (let b = 1; b <= n; b++) {
        if (a === b) continue;
        if ((groupOf.get(a) ?? -1) === (groupOf.get(b) ?? -1)) this.heal(a, b);
        else this.cut(a, b);
      }
    }
  }

  setNetwork(change: Partial<NetworkSettings>): void {
    Object.assign(this.network, change);
    const { loss, dup, latencyMin, latencyMax } = this.network;
    this.record({ t: this.now, kind: 'network', loss, dup, latencyMin, latencyMax });
  }
}

/** A reply's result in one fixed shape (an object spread here cost more than the rest of the apply). */
function opResult(result: TxnResult | ReadResult, zxid: number, server: number): OpResult {
  const read = result as Partial<ReadResult>;
  const write = result as Partial<TxnResult>;
  return {
    ok: result.ok,
    error: result.error,
    reason: result.reason,
    path: result.path,
    data: read.data,
    stat: result.stat,
    children: read.children,
    results: write.results,
    sessionId: write.sessionId,
    zxid,
    server,
  };
}

function clientWatchList(client: SimClient): ClientWatch[] {
  const list: ClientWatch[] = [];
  for (const [path, kinds] of client.watches) for (const kind of kinds) list.push({ path, kind });
  return list;
}

function addClientWatch(client: SimClient, path: string, kind: WatchKind): void {
  let kinds = client.watches.get(path);
  if (kinds === undefined) client.watches.set(path, (kinds = new Set()));
  kinds.add(kind);
}

/** What a read with -w left on the server, as the client library records it. */
function rememberWatches(client: SimClient, command: ClientCommand, result: OpResult): void {
  switch (command.kind) {
    case 'get':
      if (command.watch && result.ok) addClientWatch(client, command.path, 'data');
      return;
    case 'stat':
      if (command.watch) addClientWatch(client, command.path, result.ok ? 'data' : 'exist');
      return;
    case 'ls':
      if (!command.watch || !result.ok) return;
      if (command.recursive) for (const path of result.children ?? []) addClientWatch(client, path, 'child');
      else addClientWatch(client, command.path, 'child');
      return;
    default:
      return;
  }
}

/** A watch is one-shot: the event that fires it removes it (a NodeDeleted removes every kind on the path). */
function forgetFiredWatches(client: SimClient, type: EventType, path: string): void {
  const kinds = client.watches.get(path);
  if (kinds === undefined) return;
  if (type === 'NodeDeleted') kinds.clear();
  else if (type === 'NodeChildrenChanged') kinds.delete('child');
  else {
    kinds.delete('data');
    kinds.delete('exist');
  }
  if (kinds.size === 0) client.watches.delete(path);
}

/**
 * A snapshot's copy of the simulator. What is never changed once made is shared, not copied: log entries
 * (a slot's entry is replaced, never edited), messages and the events on the wire, the protocol config,
 * and log chunks that did not change since the previous snapshot. Everything that changes in place
 * (volatile protocol state, replicas, sessions, maps) is copied.
 */
function copySnapshotParts<S>(
  from: Omit<SimSnapshot, 'servers'> & { servers: readonly S[] },
): Omit<SimSnapshot, 'servers'> & { servers: S[] } {
  return {
    ...from,
    servers: [...from.servers],
    clients: structuredClone(from.clients),
    network: { ...from.network },
    cuts: new Set(from.cuts),
    rng: [...from.rng],
    queue: [...from.queue],
    toServerClock: new Map(from.toServerClock),
    toClientClock: new Map(from.toClientClock),
  };
}

const LOG_CHUNK = 256;

function chunkLog<T>(log: readonly (T | undefined)[], previous: ChunkedLog<T> | undefined): ChunkedLog<T> {
  const chunks: (readonly (T | undefined)[])[] = [];
  for (let start = 0; start < log.length; start += LOG_CHUNK) {
    const end = Math.min(log.length, start + LOG_CHUNK);
    const old = previous?.chunks[start / LOG_CHUNK];
    let same = old !== undefined && old.length === end - start;
    for (let i = start; same && i < end; i++) if (old![i - start] !== log[i]) same = false;
    chunks.push(same ? old! : log.slice(start, end));
  }
  return { length: log.length, chunks };
}

function flattenLog<T>(chunked: ChunkedLog<T>): (T | undefined)[] {
  const log: (T | undefined)[] = new Array<T | undefined>(chunked.length);
  let at = 0;
  for (const chunk of chunked.chunks) for (const entry of chunk) log[at++] = entry;
  return log;
}

function snapshotDurable(
  durable: DurableState<LoggedTxn>,
  previous: SnapshotDurable | null | undefined,
): SnapshotDurable {
  return {
    promised: durable.promised,
    accepted: chunkLog(durable.accepted, previous?.accepted),
    decided: chunkLog(durable.decided, previous?.decided),
  };
}

function liveDurable(durable: SnapshotDurable): DurableState<LoggedTxn> {
  return { promised: durable.promised, accepted: flattenLog(durable.accepted), decided: flattenLog(durable.decided) };
}

/** The parts of a server that change in place, copied (the replica apart: a snapshot shares its unchanged znodes). */
function copyMutable(
  server: SimServer | SnapshotServer,
): Pick<SimServer, 'appliedSeq' | 'appliedIds' | 'awaiting' | 'clients' | 'touched' | 'sessionDeadlines' | 'expiring'> {
  return {
    appliedSeq: new Map(server.appliedSeq),
    appliedIds: new Set(server.appliedIds),
    awaiting: new Map(server.awaiting),
    clients: new Set(server.clients),
    touched: new Set(server.touched),
    sessionDeadlines: new Map(server.sessionDeadlines),
    expiring: new Set(server.expiring),
  };
}

// The ring of recently decided ids is as long as the run until it holds 4,096: chunked like a log, so a
// snapshot shares the chunks no decision touched since the previous one.
function snapshotVolatile(
  volatile: VolatileState<LoggedTxn>,
  previous: SnapshotVolatile | undefined,
): SnapshotVolatile {
  const {
    decidedIds: _ids,
    decidedRing: _ring,
    ...rest
  } = cloneVolatile({ ...volatile, decidedIds: new Set(), decidedRing: [] });
  return { ...rest, decidedRing: chunkLog(volatile.decidedRing, previous?.decidedRing) };
}

function liveVolatile(volatile: SnapshotVolatile): VolatileState<LoggedTxn> {
  const decidedRing = flattenLog(volatile.decidedRing) as string[];
  return {
    ...cloneVolatile({ ...volatile, decidedIds: new Set(), decidedRing: [] }),
    decidedRing,
    decidedIds: new Set(decidedRing),
  };
}

/** The servers as a snapshot keeps them. Replicas share znodes with this server's previous snapshot and with the
 *  servers before it in this one (followers mostly hold the same tree, often the very same state). */
function snapshotServers(
  servers: readonly SimServer[],
  previous: readonly SnapshotServer[] | undefined,
): SnapshotServer[] {
  const byZxid = new Map<number, Replica>();
  let lastPeer: Replica | undefined;
  return servers.map((server, index) => {
    const candidates: Replica[] = [];
    for (const candidate of [byZxid.get(server.replica.lastZxid), previous?.[index]?.replica, lastPeer]) {
      if (candidate !== undefined && !candidates.includes(candidate)) candidates.push(candidate);
    }
    const replica = snapshotReplica(server.replica, candidates);
    byZxid.set(replica.lastZxid, replica);
    lastPeer = replica;
    return snapshotServer(server, previous?.[index], replica);
  });
}

function snapshotServer(server: SimServer, previous: SnapshotServer | undefined, replica: Replica): SnapshotServer {
  const paxos = server.paxos;
  const ownDurable = server.durable === paxos.durable;
  return {
    ...server,
    ...copyMutable(server),
    replica,
    paxos: {
      id: paxos.id,
      config: paxos.config,
      durable: snapshotDurable(paxos.durable, previous?.paxos.durable),
      volatile: snapshotVolatile(paxos.volatile, previous?.paxos.volatile),
    },
    zxids: chunkLog(server.zxids, previous?.zxids),
    // While up, `durable` is the protocol's own; it only stands alone after a crash.
    durable: ownDurable ? null : snapshotDurable(server.durable, previous?.durable ?? previous?.paxos.durable),
  };
}

function liveServer(server: SnapshotServer): SimServer {
  const durable = liveDurable(server.paxos.durable);
  return {
    ...server,
    ...copyMutable(server),
    replica: cloneReplica(server.replica),
    paxos: { id: server.paxos.id, config: server.paxos.config, durable, volatile: liveVolatile(server.paxos.volatile) },
    zxids: flattenLog(server.zxids).map((zxid) => zxid ?? 0),
    durable: server.durable === null ? durable : liveDurable(server.durable),
  };
}

/** A transaction as the log carries it: client writes also carry their session's sequence number. */
export type LoggedTxn = Txn & { readonly seq?: number };

/** Whether this server already applied this request (a retry chosen twice), or a later write of its session. */
function isDuplicate(server: SimServer, proposalId: string, txn: LoggedTxn): boolean {
  if (txn.seq !== undefined && 'session' in txn) {
    const last = server.appliedSeq.get(txn.session);
    if (last !== undefined && txn.seq <= last) return true;
    server.appliedSeq.set(txn.session, txn.seq);
    return false;
  }
  if (server.appliedIds.has(proposalId)) return true;
  server.appliedIds.add(proposalId);
  return false;
}

function isWork(wire: Wire): boolean {
  if (wire.kind !== 'paxos')
    return wire.kind !== 'client-ping' && wire.kind !== 'client-pong' && wire.kind !== 'session-touch';
  const type = wire.message.type;
  // Heartbeats never stop, and catch-up is judged by what servers applied, not by messages in flight.
  return type !== 'heartbeat' && type !== 'heartbeatAck' && type !== 'catchUpRequest' && type !== 'catchUpReply';
}

function wireKind(wire: Wire): WireKind {
  switch (wire.kind) {
    case 'paxos':
      return wire.message.type;
    case 'client-connect':
      return 'client-connect';
    case 'client-write':
    case 'client-read':
      return 'client-request';
    case 'client-ping':
      return 'client-ping';
    case 'client-pong':
      return 'client-pong';
    case 'connected':
    case 'session-ended':
    case 'connection-closed':
    case 'reply':
      return 'client-reply';
    case 'watch-event':
      return 'watch-event';
    case 'session-touch':
      return 'session-touch';
  }
}

function wireLabel(wire: Wire): string {
  switch (wire.kind) {
    case 'paxos':
      return describeMessage(wire.message);
    case 'client-write':
      return describeTxn(wire.txn);
    case 'client-read':
      return `${wire.read.op} ${wire.read.path}`;
    case 'reply':
      return wire.result.ok ? 'ok' : (wire.result.error ?? 'error');
    case 'watch-event':
      return `${wire.type} ${wire.path}`;
    case 'connected':
      return wire.ok ? 'connected' : 'expired';
    case 'session-ended':
      return wire.reason === 'expire' ? 'session expired' : 'session closed';
    case 'connection-closed':
      return 'disconnected';
    case 'client-connect':
      return `connect ${wire.session}`;
    case 'session-touch':
      return `touch ${wire.sessions.join(',')}`;
    case 'client-ping':
      return 'ping';
    case 'client-pong':
      return 'pong';
  }
}

function commandPath(op: ClientOp): string {
  if (op.kind !== 'command') return '';
  return op.command.kind === 'multi' ? '' : op.command.path;
}
