// The faults a scenario injects: crashing and restarting servers, cutting and healing links, partitions,
// and changing the network's latency, loss and duplication.
import type { ServerId } from '../protocol/types';
import { crashServer, restartServer } from './host';
import { cutLink, cutLinks, healLink } from './network';
import { record, serverOf, type NetworkSettings, type World } from './world';

export function kill(world: World, id: ServerId): void {
  const server = serverOf(world, id);
  if (!server.up) return;
  crashServer(world, server);
  record(world, { t: world.now, kind: 'crash', server: id });
}

export function restart(world: World, id: ServerId): void {
  const server = serverOf(world, id);
  if (server.up) return;
  restartServer(world, server);
}

export function healAll(world: World): void {
  for (const [from, to] of cutLinks(world)) healLink(world, from, to);
}

/** Only links inside each group work; servers named in no group form one more group. */
export function partition(world: World, groups: readonly (readonly ServerId[])[]): void {
  const groupOf = new Map<ServerId, number>();
  groups.forEach((group, index) => group.forEach((id) => groupOf.set(id, index)));
  const n = world.servers.length;
  for (let a = 1; a <= n; a++) {
    for (let b = 1; b <= n; b++) {
      if (a === b) continue;
      if ((groupOf.get(a) ?? -1) === (groupOf.get(b) ?? -1)) healLink(world, a, b);
      else cutLink(world, a, b);
    }
  }
}

export function setNetwork(world: World, change: Partial<NetworkSettings>): void {
  Object.assign(world.network, change);
  const { loss, dup, latencyMsMin, latencyMsMax } = world.network;
  // The trace keeps its original field names: the fingerprint hashes them.
  record(world, { t: world.now, kind: 'network', loss, dup, latencyMin: latencyMsMin, latencyMax: latencyMsMax });
}
