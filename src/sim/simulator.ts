// The deterministic simulator: a virtual clock, a seeded PRNG, a network, servers running a protocol with their
// znode replicas, and ZooKeeper client sessions, all in one World. One event at a time; the same config and
// inputs give the same run. The Simulator class is a thin facade over the World's modules.
import type { ProtocolView, Role, ServerId } from '../protocol/types';
import type { Replica } from '../zk/replica';
import type { SessionName } from '../zk/types';
import { clientHousekeeping, connectSession, deliverToClient, expireSession, invoke, isPending } from './client';
import type { Header } from './config';
import { healAll, kill, partition, restart, setNetwork } from './faults';
import { bootServer, tickServer } from './host';
import { cutLink, deliver, healLink, isCut, type Delivery } from './network';
import { deliverToServer, serverHousekeeping } from './serve';
import { restoreSnapshot, takeSnapshot, type WorldSnapshot } from './snapshot';
import type { TraceEvent, WireKind } from './trace';
import { wireKind, wireLabel } from './wire';
import {
  createWorld,
  HOUSEKEEPING_MS,
  record,
  serverOf,
  type Client,
  type ClientOp,
  type LoggedTxn,
  type NetworkSettings,
  type Server,
  type SimConfig,
  type SimListener,
  type World,
} from './world';

export { serverName } from './world';
export type { ClientOp, LoggedTxn, NetworkSettings, OpCompletion, SimConfig, SimListener, WatchNotice } from './world';
export type { WorldSnapshot } from './snapshot';

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

/** A world at time 0 with its servers booted, its first housekeeping due, and its starting network recorded. */
export function startWorld(config: SimConfig): World {
  const world = createWorld(config);
  for (let id = 1; id <= config.header.servers; id++) bootServer(world, id);
  world.queue.push({ kind: 'housekeeping', at: HOUSEKEEPING_MS, seq: 0 });
  // The starting network is part of the run: checkers treat a lossy start like a later change.
  const { loss, dup, latencyMsMin, latencyMsMax } = world.network;
  // The trace keeps its original field names: the fingerprint hashes them.
  record(world, { t: 0, kind: 'network', loss, dup, latencyMin: latencyMsMin, latencyMax: latencyMsMax });
  return world;
}

/** Process one event; false when the queue is empty. */
export function stepEvent(world: World): boolean {
  const event = world.queue.pop();
  if (event === undefined) return false;
  world.now = event.at;
  world.eventsProcessed++;
  switch (event.kind) {
    case 'deliver':
      if (deliver(world, event)) arrive(world, event);
      break;
    case 'tick':
      tickServer(world, serverOf(world, event.server), event.gen);
      break;
    case 'housekeeping':
      serverHousekeeping(world);
      clientHousekeeping(world);
      world.queue.push({ kind: 'housekeeping', at: world.now + HOUSEKEEPING_MS, seq: 0 });
      break;
  }
  return true;
}

function arrive(world: World, event: Delivery): void {
  if (event.toServer > 0) deliverToServer(world, serverOf(world, event.toServer), event.wire);
  else deliverToClient(world, event.to, event.fromServer, event.wire);
}

export function nextEventTime(world: World): number {
  return world.queue.peek()?.at ?? Infinity;
}

/** No protocol work in flight, no client op outstanding, every live server caught up. */
export function isSettled(world: World): boolean {
  if (world.inFlightWork > 0) return false;
  for (const client of world.clients.values())
    if (client.queue.length > 0 || client.status === 'connecting') return false;
  const protocol = world.protocol;
  let maxDecided = 0;
  let leaders = 0;
  for (const server of world.servers) {
    if (!server.up) continue;
    maxDecided = Math.max(maxDecided, protocol.decidedUpTo(server.state));
    const role = protocol.role(server.state);
    if (role === 'leader') leaders++;
    if (role === 'candidate') return false;
    // A server still starting up or syncing (not yet serving clients) is not settled either.
    if (!protocol.serving(server.state)) return false;
  }
  if (protocol.hasStableLeader && leaders === 0) return false;
  for (const server of world.servers) if (server.up && protocol.appliedUpTo(server.state) < maxDecided) return false;
  return true;
}

/** Messages on the wire now, in the form the trace's send events have. */
export function inFlight(world: World): InFlightMessage[] {
  const messages: InFlightMessage[] = [];
  for (const event of world.queue.items()) {
    if (event.kind !== 'deliver') continue;
    messages.push({
      id: event.id,
      from: event.from,
      to: event.to,
      wire: wireKind(world.protocol, event.wire),
      label: wireLabel(world.protocol, event.wire),
      sentAt: event.sentAt,
      deliverAt: event.at,
      lost: event.lost,
    });
  }
  return messages.sort((a, b) => a.id - b.id);
}

/** A server's protocol picture (a crashed server shows what it kept). */
export function viewOf(world: World, id: ServerId): ProtocolView<LoggedTxn> {
  const server = serverOf(world, id);
  return world.protocol.view(server.up ? server.state : null, server.durable);
}

export class Simulator {
  readonly world: World;

  constructor(config: SimConfig) {
    this.world = startWorld(config);
  }

  get header(): Header {
    return this.world.header;
  }
  get now(): number {
    return this.world.now;
  }
  set now(t: number) {
    this.world.now = t;
  }
  get trace(): TraceEvent[] {
    return this.world.trace;
  }
  get servers(): readonly Server[] {
    return this.world.servers;
  }
  get clients(): ReadonlyMap<SessionName, Client> {
    return this.world.clients;
  }
  get network(): Readonly<NetworkSettings> {
    return this.world.network;
  }
  get deliveries(): number {
    return this.world.deliveries;
  }
  get eventsProcessed(): number {
    return this.world.eventsProcessed;
  }
  get listener(): SimListener {
    return this.world.listener;
  }
  set listener(listener: SimListener) {
    this.world.listener = listener;
  }

  server(id: ServerId): Server {
    return serverOf(this.world, id);
  }
  /** Its role, or null while it is down. */
  roleOf(id: ServerId): Role | null {
    const server = this.server(id);
    return server.up ? this.world.protocol.role(server.state) : null;
  }
  viewOf(id: ServerId): ProtocolView<LoggedTxn> {
    return viewOf(this.world, id);
  }
  /** What it would keep through a crash (what it kept, while down): the protocol's own durable state. */
  durableOf(id: ServerId): unknown {
    const server = this.server(id);
    return server.up ? this.world.protocol.durableOf(server.state) : server.durable;
  }
  replicaOf(id: ServerId): Replica {
    return this.server(id).replica;
  }

  snapshot(): WorldSnapshot {
    return takeSnapshot(this.world);
  }
  restore(snapshot: WorldSnapshot, trace: readonly TraceEvent[]): void {
    restoreSnapshot(this.world, snapshot, trace);
  }
  inFlight(): InFlightMessage[] {
    return inFlight(this.world);
  }
  nextEventTime(): number {
    return nextEventTime(this.world);
  }
  stepEvent(): boolean {
    return stepEvent(this.world);
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
  isSettled(): boolean {
    return isSettled(this.world);
  }

  invoke(session: SessionName, op: ClientOp, line = 0): number {
    return invoke(this.world, session, op, line);
  }
  connectSession(session: SessionName, server: ServerId): void {
    connectSession(this.world, session, server);
  }
  expireSession(session: SessionName): boolean {
    return expireSession(this.world, session);
  }
  isPending(session: SessionName, opId: number): boolean {
    return isPending(this.world, session, opId);
  }

  kill(id: ServerId): void {
    kill(this.world, id);
  }
  restart(id: ServerId): void {
    restart(this.world, id);
  }
  isCut(from: ServerId, to: ServerId): boolean {
    return isCut(this.world, from, to);
  }
  cut(from: ServerId, to: ServerId): void {
    cutLink(this.world, from, to);
  }
  heal(from: ServerId, to: ServerId): void {
    healLink(this.world, from, to);
  }
  healAll(): void {
    healAll(this.world);
  }
  partition(groups: readonly (readonly ServerId[])[]): void {
    partition(this.world, groups);
  }
  setNetwork(change: Partial<NetworkSettings>): void {
    setNetwork(this.world, change);
  }
}
