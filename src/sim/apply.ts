// The ZooKeeper state machine on a server: applying decided transactions to its replica (zxids, duplicates,
// watch events), answering the clients that wait for them, and the leader's session deadlines.
import type { ServerId } from '../protocol/types';
import { applyTxn } from '../zk/apply';
import type { ReadResult, SessionName, TxnResult } from '../zk/types';
import { describeTxn } from './describe';
import { sendToClient } from './network';
import type { OpResult } from './trace';
import { record, type LoggedTxn, type Server, type World } from './world';

/** A reply's result in one fixed shape (an object spread here cost more than the rest of the apply). */
export function opResult(result: TxnResult | ReadResult, zxid: number, server: ServerId): OpResult {
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

/** A new leader gives every open session a fresh timeout, as ZooKeeper's leader does. */
export function startSessionTracking(world: World, server: Server): void {
  server.sessionDeadlines.clear();
  server.expiring.clear();
  for (const [name, info] of server.replica.sessions) server.sessionDeadlines.set(name, world.now + info.timeoutMs);
}

/** zxid = epoch << 32 | counter, derived from the decided log so every server computes the same. */
function nextZxid(server: Server, epoch: number): number {
  if (epoch > server.zxidEpoch) {
    server.zxidEpoch = epoch;
    server.zxidCounter = 1;
  } else {
    server.zxidCounter++;
  }
  return server.zxidEpoch * 4294967296 + server.zxidCounter;
}

/** Whether this server already applied this request (a retry chosen twice), or a later write of its session. */
function isDuplicate(server: Server, proposalId: string, txn: LoggedTxn): boolean {
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

export function applyEntry(
  world: World,
  server: Server,
  slot: number,
  proposalId: string,
  epoch: number,
  time: number,
  txn: LoggedTxn | null,
): void {
  const t = world.now;
  if (txn === null || isDuplicate(server, proposalId, txn)) {
    server.zxids[slot] = 0;
    if (world.traceProtocol) {
      const text = txn === null ? 'noop' : `duplicate of ${proposalId}`;
      record(world, { t, kind: 'apply', server: server.id, slot, proposalId, zxid: 0, text, ok: true });
    }
    return;
  }
  let result: TxnResult;
  let zxid = 0;
  if (txn.op === 'sync') {
    result = { ok: true, path: txn.path };
  } else {
    zxid = nextZxid(server, epoch);
    const outcome = applyTxn(server.replica, txn, zxid, time);
    result = outcome.result;
    for (const event of outcome.events) {
      if (server.clients.has(event.session))
        sendToClient(world, server.id, event.session, { kind: 'watch-event', type: event.type, path: event.path });
    }
  }
  server.zxids[slot] = zxid;
  if (world.traceProtocol)
    record(world, {
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
  if (waiting !== undefined) answer(world, server, proposalId, txn, result, zxid, waiting);
  afterApply(world, server, txn, waiting === undefined);
}

/** The client that sent this write hears how it went. */
function answer(
  world: World,
  server: Server,
  proposalId: string,
  txn: LoggedTxn,
  result: TxnResult,
  zxid: number,
  waiting: { readonly session: SessionName; readonly opId: number },
): void {
  server.awaiting.delete(proposalId);
  if (txn.op === 'createSession') {
    server.clients.add(txn.session);
    sendToClient(world, server.id, txn.session, { kind: 'connected', ok: result.ok, sessionId: result.sessionId ?? 0 });
  } else {
    const lastZxid = server.replica.lastZxid;
    const reply = opResult(result, zxid, server.id);
    sendToClient(world, server.id, waiting.session, { kind: 'reply', opId: waiting.opId, result: reply, lastZxid });
  }
}

/** Sessions opened and closed: the leader's deadlines, and a closed session's connection. */
function afterApply(world: World, server: Server, txn: LoggedTxn, unanswered: boolean): void {
  if (txn.op === 'createSession' && world.protocol.role(server.state) === 'leader') {
    server.sessionDeadlines.set(txn.session, world.now + txn.timeoutMs);
  }
  if (txn.op === 'closeSession') {
    server.sessionDeadlines.delete(txn.session);
    server.expiring.delete(txn.session);
    if (server.clients.delete(txn.session) && unanswered) {
      sendToClient(world, server.id, txn.session, { kind: 'session-ended', reason: txn.reason });
    }
  }
}
