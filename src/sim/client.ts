// The ZooKeeper client library: sessions that connect to one server at a time, reconnect elsewhere when it goes
// quiet or refuses them, send one operation at a time in order, and keep their watches to re-send.
import type { ServerId } from '../protocol/types';
import { commandRead, commandTxn, isWriteCommand, type ClientCommand } from '../zk/commands';
import type { ClientWatch } from '../zk/read';
import type { EventType, MultiOp, SessionName, Txn, WatchKind } from '../zk/types';
import { send } from './network';
import { expireAt } from './serve';
import type { OpResult, SessionStatus } from './trace';
import type { Wire } from './wire';
import {
  HOUSEKEEPING_MS,
  record,
  serverName,
  serverOf,
  type Client,
  type ClientOp,
  type LoggedTxn,
  type PendingOp,
  type World,
} from './world';

function clientOf(world: World, name: SessionName): Client {
  let client = world.clients.get(name);
  if (client === undefined) {
    client = {
      name,
      server: null,
      status: 'new',
      sessionId: 0,
      lastHeard: world.now,
      connectSentAt: 0,
      connectSeq: 0,
      queue: [],
      watches: new Map(),
      lastZxid: 0,
      refusedInARow: 0,
    };
    world.clients.set(name, client);
  }
  return client;
}

function setStatus(world: World, client: Client, status: SessionStatus): void {
  client.status = status;
  record(world, { t: world.now, kind: 'session', session: client.name, status, server: client.server });
}

function toServer(world: World, client: Client, server: ServerId, wire: Wire): void {
  send(world, client.name, serverName(server), wire, 0, server);
}

/** Issue a client operation; returns its op id. It completes through listener.onComplete. */
export function invoke(world: World, session: SessionName, op: ClientOp, line = 0): number {
  const client = clientOf(world, session);
  const opId = world.nextOpId++;
  const pending: PendingOp = { opId, op, line, sent: false, stage: 'first' };
  if (op.kind === 'command') {
    const write = isWriteCommand(op.command);
    record(world, { t: world.now, kind: 'invoke', session, opId, command: op.command, write });
  }
  if (client.status === 'closed' || client.status === 'expired') {
    finishOp(world, client, pending, { ok: false, error: 'SESSIONEXPIRED', path: commandPath(op) });
    return opId;
  }
  client.queue.push(pending);
  if (client.status === 'new') connect(world, client, null);
  else pump(world, client);
  return opId;
}

/** `c1 connect nK`: open the session at nK, or move it there. */
export function connectSession(world: World, session: SessionName, server: ServerId): void {
  const client = clientOf(world, session);
  if (client.status === 'closed' || client.status === 'expired') {
    client.status = 'new';
    client.sessionId = 0;
  }
  client.refusedInARow = 0;
  connect(world, client, server);
}

/** `c1 expire`: the leader expires the session now, as if its timeout had passed. */
export function expireSession(world: World, session: SessionName): boolean {
  const leader = world.servers.find((s) => s.up && world.protocol.role(s.state) === 'leader');
  const target = leader ?? world.servers.find((s) => s.up);
  if (target === undefined) return false;
  expireAt(world, target, session);
  return true;
}

/** True while the op has not completed. */
export function isPending(world: World, session: SessionName, opId: number): boolean {
  const client = world.clients.get(session);
  return client !== undefined && client.queue.some((op) => op.opId === opId);
}

function connect(world: World, client: Client, server: ServerId | null): void {
  const target = server ?? chooseServer(world, client);
  client.server = target;
  client.connectSentAt = world.now;
  client.lastHeard = world.now;
  client.connectSeq++;
  setStatus(world, client, 'connecting');
  // A connect puts every unsent op of the old connection back to wait for the new one.
  for (const op of client.queue) op.sent = false;
  toServer(world, client, target, {
    kind: 'client-connect',
    session: client.name,
    sessionId: client.sessionId,
    requestId: `${client.name}#connect${client.connectSeq}`,
    timeoutMs: world.header.sessionTimeoutMs,
    watches: clientWatchList(client),
    lastZxid: client.lastZxid,
  });
}

function chooseServer(world: World, client: Client): ServerId {
  const n = world.servers.length;
  if (client.server === null) {
    const id = (world.nextServerForSession % n) + 1;
    world.nextServerForSession++;
    return id;
  }
  // Try the next server in turn (a client does not know which servers are up).
  return (client.server % n) + 1;
}

export function clientHousekeeping(world: World): void {
  for (const client of world.clients.values()) clientChores(world, client);
}

function clientChores(world: World, client: Client): void {
  if (client.server === null || client.status === 'closed' || client.status === 'expired' || client.status === 'new')
    return;
  const timeout = world.header.sessionTimeoutMs;
  if (client.status === 'connecting') {
    // A connect that is not answered within a third of the timeout tries the next server. That includes a
    // session's first connect (sessionId 0): a retried createSession is harmless, since applying one for a
    // session that exists returns the existing session.
    if (world.now - client.connectSentAt > timeout / 3) {
      // A pause after a round of refusals is over: the next round tries every server at once again.
      client.refusedInARow = 0;
      reconnect(world, client);
    }
    return;
  }
  if (world.now - client.lastHeard > (timeout * 2) / 3) {
    reconnect(world, client);
    return;
  }
  if (world.now - client.lastHeard > timeout / 3 - HOUSEKEEPING_MS) {
    toServer(world, client, client.server, { kind: 'client-ping', session: client.name });
  }
}

/** Connection loss: the op in flight fails with CONNECTIONLOSS and the client tries another server. */
function reconnect(world: World, client: Client): void {
  const head = client.queue[0];
  if (head !== undefined && head.sent) {
    client.queue.shift();
    finishOp(world, client, head, { ok: false, error: 'CONNECTIONLOSS', path: commandPath(head.op) });
  }
  if (client.server !== null) serverOf(world, client.server).clients.delete(client.name);
  setStatus(world, client, 'disconnected');
  connect(world, client, null);
}

export function deliverToClient(world: World, name: SessionName, fromServer: ServerId, wire: Wire): void {
  const client = world.clients.get(name);
  if (client === undefined || client.server !== fromServer) return;
  client.lastHeard = world.now;
  switch (wire.kind) {
    case 'connected':
      if (client.status !== 'connecting') return;
      if (!wire.ok) {
        sessionGone(world, client, 'expired');
        return;
      }
      client.sessionId = wire.sessionId;
      client.refusedInARow = 0;
      setStatus(world, client, 'connected');
      pump(world, client);
      return;
    case 'session-ended':
      sessionGone(world, client, wire.reason === 'expire' ? 'expired' : 'closed');
      return;
    case 'connection-closed':
      if (client.status === 'connected') reconnect(world, client);
      else if (client.status === 'connecting') {
        // Refused: the next server at once, once round the ensemble; then at the connect timeout's pace.
        client.refusedInARow++;
        if (client.refusedInARow < world.servers.length) reconnect(world, client);
      }
      return;
    case 'watch-event':
      forgetFiredWatches(client, wire.type, wire.path);
      record(world, { t: world.now, kind: 'watch', session: name, type: wire.type, path: wire.path });
      world.listener.onWatch?.({ t: world.now, session: name, type: wire.type, path: wire.path });
      return;
    case 'reply': {
      const head = client.queue[0];
      if (head === undefined || head.opId !== wire.opId || !head.sent) return;
      if (wire.lastZxid > client.lastZxid) client.lastZxid = wire.lastZxid;
      if (head.op.kind === 'command') rememberWatches(client, head.op.command, wire.result);
      onReply(world, client, head, wire.result);
      return;
    }
    default:
      return;
  }
}

function sessionGone(world: World, client: Client, status: 'closed' | 'expired'): void {
  setStatus(world, client, status);
  client.watches.clear();
  const failed = client.queue.splice(0);
  for (const op of failed) {
    const closed = status === 'closed' && op.op.kind === 'close';
    finishOp(
      world,
      client,
      op,
      closed ? { ok: true } : { ok: false, error: 'SESSIONEXPIRED', path: commandPath(op.op) },
    );
  }
}

function onReply(world: World, client: Client, head: PendingOp, result: OpResult): void {
  if (head.op.kind === 'command' && head.op.command.kind === 'deleteall' && head.stage === 'first') {
    // Got the subtree; delete it deepest first in one multi.
    if (!result.ok || result.children === undefined) {
      client.queue.shift();
      finishOp(world, client, head, result);
      pump(world, client);
      return;
    }
    head.stage = 'second';
    head.sent = false;
    const paths = [...result.children].reverse();
    const ops: MultiOp[] = paths.map((path) => ({ op: 'delete', path, version: -1 }));
    sendWrite(world, client, head, { op: 'multi', session: client.name, ops });
    return;
  }
  client.queue.shift();
  if (head.op.kind === 'close') {
    finishOp(world, client, head, result);
    if (result.ok) sessionGone(world, client, 'closed');
    return;
  }
  finishOp(world, client, head, result);
  pump(world, client);
}

function finishOp(world: World, client: Client, op: PendingOp, result: OpResult): void {
  const t = world.now;
  if (op.op.kind === 'command') record(world, { t, kind: 'return', session: client.name, opId: op.opId, result });
  world.listener.onComplete?.({ t, session: client.name, opId: op.opId, line: op.line, op: op.op, result });
}

/** Send the session's next op when nothing is outstanding: one op at a time keeps its order (FIFO). */
function pump(world: World, client: Client): void {
  if (client.status !== 'connected' || client.server === null) return;
  const head = client.queue[0];
  if (head === undefined || head.sent) return;
  if (head.op.kind === 'close') {
    sendWrite(world, client, head, { op: 'closeSession', session: client.name, reason: 'close' });
    return;
  }
  const command = head.op.command;
  const read = commandRead(command);
  if (read !== null) {
    head.sent = true;
    toServer(world, client, client.server, { kind: 'client-read', session: client.name, opId: head.opId, read });
    return;
  }
  sendWrite(world, client, head, commandTxn(client.name, command));
}

function sendWrite(world: World, client: Client, head: PendingOp, txn: Txn): void {
  if (client.server === null) return;
  head.sent = true;
  const requestId = `${client.name}:${head.opId}:${head.stage}`;
  // Op ids only grow, so this orders every write a session ever sends (deleteall's second stage after its first).
  const logged: LoggedTxn = { ...txn, seq: head.opId * 2 + (head.stage === 'second' ? 1 : 0) };
  const wire: Wire = { kind: 'client-write', session: client.name, opId: head.opId, requestId, txn: logged };
  toServer(world, client, client.server, wire);
}

function clientWatchList(client: Client): ClientWatch[] {
  const list: ClientWatch[] = [];
  for (const [path, kinds] of client.watches) for (const kind of kinds) list.push({ path, kind });
  return list;
}

function addClientWatch(client: Client, path: string, kind: WatchKind): void {
  let kinds = client.watches.get(path);
  if (kinds === undefined) client.watches.set(path, (kinds = new Set()));
  kinds.add(kind);
}

/** What a read with -w left on the server, as the client library records it. */
function rememberWatches(client: Client, command: ClientCommand, result: OpResult): void {
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
function forgetFiredWatches(client: Client, type: EventType, path: string): void {
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

function commandPath(op: ClientOp): string {
  if (op.kind !== 'command') return '';
  return op.command.kind === 'multi' ? '' : op.command.path;
}
