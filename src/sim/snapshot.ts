// Snapshots: a copy of the World's run state that shares what did not change (log chunks, the protocol's own
// chunks, znodes equal to the previous snapshot's or another server's). The run state is declared once, below,
// with how a snapshot copies each part; taking and restoring a snapshot go over that one declaration.
import { freezeRecord, thawRecord, type Frozen } from '../protocol/freeze';
import type { Protocol } from '../protocol/types';
import { cloneReplica, snapshotReplica, type Replica } from '../zk/replica';
import type { SessionName } from '../zk/types';
import { EventQueue } from './queue';
import { Rng } from './rng';
import type { TraceEvent } from './trace';
import type { Client, LoggedTxn, NetworkSettings, Server, SimEvent, World } from './world';

/** How a snapshot copies one part of the run state, and how a restore makes it live again. */
interface Part<Live, Kept> {
  freeze(live: Live, previous: Kept | undefined, protocol: Protocol<LoggedTxn>): Kept;
  thaw(kept: Kept, protocol: Protocol<LoggedTxn>, trace: readonly TraceEvent[]): Live;
}

/** Numbers: kept as they are. */
function value<T>(): Part<T, T> {
  return { freeze: (live) => live, thaw: (kept) => kept };
}

function copied<T>(copy: (value: T) => T): Part<T, T> {
  return { freeze: copy, thaw: copy };
}

/** The part of a server that is neither its protocol state nor its replica: kept by freezeRecord's rule. */
type HostPart = Omit<Server, 'state' | 'durable' | 'replica'>;

export type FrozenServer = Frozen<HostPart> & {
  readonly state: unknown;
  /** null while it is the protocol state's own (the server is up, or crashed keeping it whole). */
  readonly durable: unknown;
  readonly replica: Replica;
};

function freezeServer(
  server: Server,
  previous: FrozenServer | undefined,
  replica: Replica,
  protocol: Protocol<LoggedTxn>,
): FrozenServer {
  const { state, durable, replica: _live, ...host } = server;
  const own = durable === protocol.durableOf(state);
  return {
    ...freezeRecord<HostPart>(host, previous),
    replica,
    state: protocol.freeze(state, previous?.state),
    durable: own ? null : protocol.freezeDurable(durable, previous?.durable ?? undefined),
  };
}

function thawServer(frozen: FrozenServer, protocol: Protocol<LoggedTxn>): Server {
  const state = protocol.thaw(frozen.state);
  return {
    ...thawRecord<HostPart>(frozen),
    replica: cloneReplica(frozen.replica),
    state,
    durable: frozen.durable === null ? protocol.durableOf(state) : protocol.thawDurable(frozen.durable),
  };
}

/** Replicas share znodes with this server's previous snapshot and with the servers before it in this one
 *  (followers mostly hold the same tree, often the very same state). */
const servers: Part<Server[], readonly FrozenServer[]> = {
  freeze(live, previous, protocol) {
    const byZxid = new Map<number, Replica>();
    let lastPeer: Replica | undefined;
    return live.map((server, index) => {
      const candidates: Replica[] = [];
      for (const candidate of [byZxid.get(server.replica.lastZxid), previous?.[index]?.replica, lastPeer]) {
        if (candidate !== undefined && !candidates.includes(candidate)) candidates.push(candidate);
      }
      const replica = snapshotReplica(server.replica, candidates);
      byZxid.set(replica.lastZxid, replica);
      lastPeer = replica;
      return freezeServer(server, previous?.[index], replica, protocol);
    });
  },
  thaw: (kept, protocol) => kept.map((server) => thawServer(server, protocol)),
};

/**
 * The run state, declared once with how a snapshot keeps each part. What is never changed once made is shared:
 * log entries, messages and the events on the wire, the protocol's config. The trace is kept by its length only
 * (it is append-only: a restore keeps that prefix of the run's trace).
 */
const RUN_STATE = {
  now: value<number>(),
  trace: {
    freeze: (live) => ({ length: live.length }),
    thaw: (kept, _protocol, trace) => trace.slice(0, kept.length),
  } as Part<TraceEvent[], { readonly length: number }>,
  servers,
  clients: copied<Map<SessionName, Client>>((clients) => structuredClone(clients)),
  network: copied<NetworkSettings>((network) => ({ ...network })),
  /** Directed links that are cut, as from * 1024 + to. */
  cuts: copied<Set<number>>((cuts) => new Set(cuts)),
  rng: { freeze: (live) => live.saveState(), thaw: (kept) => new Rng(kept) } as Part<Rng, readonly number[]>,
  queue: {
    freeze: (live) => ({ items: [...live.items()], sequence: live.sequence }),
    thaw: (kept) => EventQueue.restore(kept.items, kept.sequence),
  } as Part<EventQueue<SimEvent>, { readonly items: readonly SimEvent[]; readonly sequence: number }>,
  nextMessageId: value<number>(),
  /** Last delivery time of each session's stream, per direction, to keep TCP order. */
  toServerClock: copied<Map<SessionName, number>>((clock) => new Map(clock)),
  toClientClock: copied<Map<SessionName, number>>((clock) => new Map(clock)),
  nextOpId: value<number>(),
  nextServerForSession: value<number>(),
  /** Messages sent and not yet delivered or dropped, heartbeats aside (for settle). */
  inFlightWork: value<number>(),
  deliveries: value<number>(),
  /** Queue events processed so far: with the clock, the exact point at which a user action happened. */
  eventsProcessed: value<number>(),
};

type Parts = typeof RUN_STATE;
type LiveOf<T> = T extends Part<infer Live, unknown> ? Live : never;
type KeptOf<T> = T extends Part<unknown, infer Kept> ? Kept : never;

export type RunState = { -readonly [K in keyof Parts]: LiveOf<Parts[K]> };
export type WorldSnapshot = { readonly [K in keyof Parts]: KeptOf<Parts[K]> };

const KEYS = Object.keys(RUN_STATE) as (keyof Parts)[];

/** Everything that determines the rest of the run, copied. */
export function takeSnapshot(world: World): WorldSnapshot {
  const previous = world.lastSnapshot;
  const snapshot: Record<string, unknown> = {};
  for (const key of KEYS) {
    const part = RUN_STATE[key] as Part<unknown, unknown>;
    snapshot[key] = part.freeze(world[key], previous?.[key], world.protocol);
  }
  world.lastSnapshot = snapshot as WorldSnapshot;
  return world.lastSnapshot;
}

/** Go back (or forward) to a snapshot; `trace` is the run's trace of which the snapshot's prefix is kept. */
export function restoreSnapshot(world: World, snapshot: WorldSnapshot, trace: readonly TraceEvent[]): void {
  const live = world as unknown as Record<string, unknown>;
  for (const key of KEYS) {
    const part = RUN_STATE[key] as Part<unknown, unknown>;
    live[key] = part.thaw(snapshot[key], world.protocol, trace);
  }
  // The next snapshot shares with this one (not with one from a future a fork may throw away).
  world.lastSnapshot = snapshot;
}
