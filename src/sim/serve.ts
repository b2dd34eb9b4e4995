// A ZooKeeper server's side of its client connections: connects, reads, writes and pings arriving, session
// touches reaching the leader, the leader expiring sessions, and a server that lost its leader closing up.
import { restoreWatches, readOnReplica } from '../zk/read';
import type { SessionName } from '../zk/types';
import { opResult } from './apply';
import { stepServer } from './host';
import { send, sendToClient } from './network';
import type { Wire } from './wire';
import { serverName, type Server, type World } from './world';

/**
 * A ZooKeeper follower cut off from its leader for syncLimit ticks goes LOOKING: it stops serving and closes its
 * client connections, and the clients reconnect elsewhere (a request in flight fails with CONNECTIONLOSS). So a
 * server on the minority side serves stale reads for a while, never for good. Here it stops half a session timeout
 * after it last knew a leader (ZooKeeper's 10 s syncLimit sits between its 4 s and 40 s session timeouts); with a
 * slow network, noticing the loss plus that can outlast a session the majority has already expired, as it can in
 * ZooKeeper when syncLimit exceeds the session timeout. A server starting up or restarted serves nobody until the
 * protocol says it follows or leads an established leader (ZAB: after UPTODATE); until then it refuses connects.
 */
function stopServingClients(world: World, server: Server): void {
  server.serving = false;
  for (const session of server.clients) sendToClient(world, server.id, session, { kind: 'connection-closed' });
  server.clients.clear();
}

function isLeader(world: World, server: Server): boolean {
  return world.protocol.role(server.state) === 'leader';
}

export function deliverToServer(world: World, server: Server, wire: Wire): void {
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
    case 'protocol':
      stepServer(world, server, { kind: 'message', message: wire.message });
      return;
    case 'session-touch':
      if (isLeader(world, server)) for (const name of wire.sessions) touchSession(world, server, name);
      return;
    case 'client-connect':
      onConnect(world, server, wire);
      return;
    case 'client-write':
      server.touched.add(wire.session);
      server.awaiting.set(wire.requestId, { session: wire.session, opId: wire.opId });
      if (wire.txn.op === 'sync')
        stepServer(world, server, { kind: 'request', id: wire.requestId, payload: wire.txn, barrier: true });
      else stepServer(world, server, { kind: 'request', id: wire.requestId, payload: wire.txn });
      return;
    case 'client-read': {
      server.touched.add(wire.session);
      const result = opResult(readOnReplica(server.replica, wire.session, wire.read), 0, server.id);
      const lastZxid = server.replica.lastZxid;
      sendToClient(world, server.id, wire.session, { kind: 'reply', opId: wire.opId, result, lastZxid });
      return;
    }
    case 'client-ping':
      server.touched.add(wire.session);
      if (isLeader(world, server)) touchSession(world, server, wire.session);
      sendToClient(world, server.id, wire.session, { kind: 'client-pong' });
      return;
    default:
      return;
  }
}

function onConnect(world: World, server: Server, wire: Extract<Wire, { kind: 'client-connect' }>): void {
  // A server starting up or electing refuses connections (ZooKeeper closes the socket): the client tries the next server.
  if (!server.serving) {
    sendToClient(world, server.id, wire.session, { kind: 'connection-closed' });
    return;
  }
  if (wire.sessionId !== 0) {
    onReconnect(world, server, wire);
    return;
  }
  // A new session is a transaction.
  server.awaiting.set(wire.requestId, { session: wire.session, opId: 0 });
  stepServer(world, server, {
    kind: 'request',
    id: wire.requestId,
    payload: { op: 'createSession', session: wire.session, timeoutMs: wire.timeoutMs },
  });
}

/** A reconnect of an open session is answered at once. */
function onReconnect(world: World, server: Server, wire: Extract<Wire, { kind: 'client-connect' }>): void {
  const info = server.replica.sessions.get(wire.session);
  // A server behind what the client has already seen would show it the past: ZooKeeper refuses the
  // connection ("client must try another server"), so no answer, and the client tries the next server.
  if (server.replica.lastZxid < wire.lastZxid) {
    sendToClient(world, server.id, wire.session, { kind: 'connection-closed' });
    return;
  }
  if (info !== undefined && info.id === wire.sessionId) {
    server.clients.add(wire.session);
    server.touched.add(wire.session);
    sendToClient(world, server.id, wire.session, { kind: 'connected', ok: true, sessionId: info.id });
    for (const event of restoreWatches(server.replica, wire.session, wire.watches, wire.lastZxid)) {
      sendToClient(world, server.id, wire.session, { kind: 'watch-event', type: event.type, path: event.path });
    }
  } else if (server.replica.lastZxid >= wire.sessionId) {
    // This server has applied past the session's creation and no longer has it: it expired.
    sendToClient(world, server.id, wire.session, { kind: 'connected', ok: false, sessionId: 0 });
  }
  // Otherwise this server lags behind the session's creation: no answer, and the client tries another.
}

function touchSession(world: World, leader: Server, name: SessionName): void {
  const info = leader.replica.sessions.get(name);
  if (info !== undefined && !leader.expiring.has(name)) leader.sessionDeadlines.set(name, world.now + info.timeoutMs);
}

/** The leader expires a session: a closeSession request of its own. */
export function expireAt(world: World, server: Server, session: SessionName): void {
  server.expiring.add(session);
  stepServer(world, server, {
    kind: 'request',
    id: `${session}#expire@${world.now}`,
    payload: { op: 'closeSession', session, reason: 'expire' },
  });
}

/** Every server's periodic chores: stop serving without a leader, expire sessions, pass touches on. */
export function serverHousekeeping(world: World): void {
  const protocol = world.protocol;
  for (const server of world.servers) {
    if (!server.up) continue;
    if (
      server.serving &&
      server.leaderLostAt !== null &&
      world.now - server.leaderLostAt >= world.header.sessionTimeoutMs / 2
    ) {
      stopServingClients(world, server);
    }
    const leader = protocol.leader(server.state);
    if (protocol.role(server.state) === 'leader') {
      for (const name of server.touched) touchSession(world, server, name);
      server.touched.clear();
      for (const [name, deadline] of server.sessionDeadlines) {
        if (deadline <= world.now && !server.expiring.has(name)) expireAt(world, server, name);
      }
    } else if (leader !== null && server.touched.size > 0) {
      const wire: Wire = { kind: 'session-touch', sessions: [...server.touched] };
      send(world, serverName(server.id), serverName(leader), wire, server.id, leader);
      server.touched.clear();
    }
  }
}
