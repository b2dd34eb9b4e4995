// The simulated network: latency, loss and duplication between servers, TCP order on client connections,
// and the links a fault cut. Sending schedules a delivery; delivering decides whether it arrives.
import type { Envelope, ServerId } from '../protocol/types';
import { isWork, wireKind, wireLabel, type Wire } from './wire';
import { record, serverName, serverOf, type SimEvent, type World } from './world';

export type Delivery = Extract<SimEvent, { kind: 'deliver' }>;

function linkKey(from: ServerId, to: ServerId): number {
  return from * 1024 + to;
}

export function isCut(world: World, from: ServerId, to: ServerId): boolean {
  return world.cuts.has(linkKey(from, to));
}

export function cutLink(world: World, from: ServerId, to: ServerId): void {
  if (from === to || isCut(world, from, to)) return;
  world.cuts.add(linkKey(from, to));
  record(world, { t: world.now, kind: 'cut', from, to });
}

export function healLink(world: World, from: ServerId, to: ServerId): void {
  if (!world.cuts.delete(linkKey(from, to))) return;
  record(world, { t: world.now, kind: 'heal', from, to });
}

/** Every cut link, in a fixed order. */
export function cutLinks(world: World): [ServerId, ServerId][] {
  return [...world.cuts].sort((a, b) => a - b).map((key) => [Math.floor(key / 1024), key % 1024]);
}

/** Send on the wire; server 0 is a client endpoint (named by its session). */
export function send(world: World, from: string, to: string, wire: Wire, fromServer: number, toServer: number): void {
  const network = world.network;
  const id = world.nextMessageId++;
  const latency = world.rng.int(network.latencyMsMin, network.latencyMsMax);
  const betweenServers = fromServer > 0 && toServer > 0;
  // Client connections are TCP: no loss or duplication; server links follow the network settings.
  const lost = betweenServers && world.rng.chance(network.loss);
  const work = isWork(world.protocol, wire);
  if (work) world.inFlightWork++;
  let deliverAt = world.now + latency;
  if (!betweenServers) {
    // A client connection is a TCP stream: its messages arrive in the order sent.
    // A session talks to one server at a time, so the session and the direction name the stream.
    const clock = toServer > 0 ? world.toServerClock : world.toClientClock;
    const session = toServer > 0 ? from : to;
    deliverAt = Math.max(deliverAt, clock.get(session) ?? 0);
    clock.set(session, deliverAt);
  }
  if (world.traceMessages) {
    const kind = wireKind(world.protocol, wire);
    const label = wireLabel(world.protocol, wire);
    const t = world.now;
    // Chatter (the protocol's heartbeats and their like, client pings, session touches) is marked on the event.
    if (work) record(world, { t, kind: 'send', id, from, to, wire: kind, label, deliverAt, lost });
    else record(world, { t, kind: 'send', id, from, to, wire: kind, label, deliverAt, lost, chatter: true });
    world.listener.onSend?.(id, wire);
  }
  const sentAt = world.now;
  world.queue.push({ kind: 'deliver', at: deliverAt, seq: 0, id, from, to, fromServer, toServer, sentAt, wire, lost });
  if (betweenServers && !lost && world.rng.chance(network.dup))
    duplicate(world, id, from, to, wire, fromServer, toServer, work);
}

function duplicate(
  world: World,
  copyOf: number,
  from: string,
  to: string,
  wire: Wire,
  fromServer: number,
  toServer: number,
  work: boolean,
): void {
  const id = world.nextMessageId++;
  const deliverAt = world.now + world.rng.int(world.network.latencyMsMin, world.network.latencyMsMax);
  if (work) world.inFlightWork++;
  if (world.traceMessages) {
    const kind = wireKind(world.protocol, wire);
    const label = wireLabel(world.protocol, wire);
    const t = world.now;
    if (work) record(world, { t, kind: 'duplicate', id, copyOf, from, to, wire: kind, label, deliverAt });
    else record(world, { t, kind: 'duplicate', id, copyOf, from, to, wire: kind, label, deliverAt, chatter: true });
    world.listener.onSend?.(id, wire);
  }
  const sentAt = world.now;
  world.queue.push({
    kind: 'deliver',
    at: deliverAt,
    seq: 0,
    id,
    from,
    to,
    fromServer,
    toServer,
    sentAt,
    wire,
    lost: false,
  });
}

/** A protocol message between two servers. */
export function sendMessage(world: World, message: Envelope): void {
  send(
    world,
    serverName(message.from),
    serverName(message.to),
    { kind: 'protocol', message },
    message.from,
    message.to,
  );
}

/** From a server to a client session. */
export function sendToClient(world: World, server: ServerId, session: string, wire: Wire): void {
  send(world, serverName(server), session, wire, server, 0);
}

/** Whether a delivery arrives: it may have been lost, its link cut, or its server down (recorded as a drop). */
export function deliver(world: World, event: Delivery): boolean {
  const work = isWork(world.protocol, event.wire);
  if (work) world.inFlightWork--;
  const { toServer, fromServer } = event;
  let dropReason: 'loss' | 'cut' | 'down' | null = null;
  if (event.lost) dropReason = 'loss';
  else if (toServer > 0 && fromServer > 0 && isCut(world, fromServer, toServer)) dropReason = 'cut';
  else if (toServer > 0 && !serverOf(world, toServer).up) dropReason = 'down';
  const { id, from, to } = event;
  if (dropReason !== null) {
    if (world.traceMessages) {
      const wire = wireKind(world.protocol, event.wire);
      const t = world.now;
      if (work) record(world, { t, kind: 'drop', id, from, to, wire, reason: dropReason });
      else record(world, { t, kind: 'drop', id, from, to, wire, reason: dropReason, chatter: true });
    }
    return false;
  }
  world.deliveries++;
  if (world.traceMessages) {
    const wire = wireKind(world.protocol, event.wire);
    if (work) record(world, { t: world.now, kind: 'deliver', id, from, to, wire });
    else record(world, { t: world.now, kind: 'deliver', id, from, to, wire, chatter: true });
  }
  return true;
}
