// What the roles of a ZAB server share: the quorum, committing and applying txns in zxid order, LOOKING again.
import type { Out } from './out';
import type { Env, Proposal, ZabConfig, ZabDurable, ZabVolatile } from './types';
import { lastZxidOf } from './zxid';

export function quorum(config: ZabConfig): number {
  return Math.floor(config.servers / 2) + 1;
}

export function freshVolatile<P>(config: ZabConfig, durable: ZabDurable<P>, id: number, env: Env): ZabVolatile<P> {
  return {
    peerState: 'looking',
    phase: 'election',
    logicalclock: 0,
    vote: { leader: id, zxid: lastZxidOf(durable.log), peerEpoch: durable.currentEpoch },
    recvset: new Map(),
    outofelection: new Map(),
    finalizeAt: Infinity,
    notifyTimeoutMs: config.finalizeWaitMs,
    // A server that has never looked for a leader starts at its first tick.
    nextNotifyAt: env.now,
    leader: null,
    conn: 0,
    connCounter: 0,
    recvSeq: 0,
    early: new Map(),
    lastHeardLeader: env.now,
    epoch: 0,
    epochAckedBefore: false,
    newLeaderSeen: false,
    commitZxid: 0,
    handshakeAt: Infinity,
    handlers: new Map(),
    closedConns: new Set(),
    lead: 0,
    phaseStart: env.now,
    counter: 0,
    ids: new Set(),
    pingDue: Infinity,
    pending: new Map(),
    forwardAt: Infinity,
    applied: 0,
  };
}

/** Commit the log up to `upTo` txns (in zxid order), then apply what is committed. */
export function commitUpTo<P>(out: Out<P>, upTo: number): void {
  const { durable: d, volatile: v } = out.state;
  const end = Math.min(upTo, d.log.length);
  while (d.committed < end) {
    const slot = d.committed;
    const txn = d.log[slot]!;
    d.committed++;
    v.pending.delete(txn.proposal.id);
    out.effect({ kind: 'decided', slot, proposal: txn.proposal });
    out.effect({ kind: 'zab-commit', slot, zxid: txn.zxid, proposalId: txn.proposal.id });
  }
  applyCommitted(out);
}

export function applyCommitted<P>(out: Out<P>): void {
  const { durable: d, volatile: v } = out.state;
  while (v.applied < d.committed) {
    const slot = v.applied;
    v.applied++;
    out.effect({ kind: 'apply', slot, proposal: d.log[slot]!.proposal });
  }
}

/** Truncate the log to the txns with zxid <= `zxid` (a TRUNC, or a SNAP replacing it). */
export function truncateLog<P>(out: Out<P>, keep: number): void {
  const { durable: d, volatile: v } = out.state;
  const dropped = d.log.length - keep;
  if (dropped <= 0) return;
  const first = d.log[keep]!.zxid;
  d.log.length = keep;
  // Only a bug truncates committed txns: the server then forgets it committed them.
  if (d.committed > keep) d.committed = keep;
  if (v.applied > keep) v.applied = keep;
  out.effect({ kind: 'zab-truncate', zxid: lastZxidOf(d.log), dropped, first });
}

export function requestProposal<P>(id: string, payload: P, now: number, barrier = false): Proposal<P> {
  return barrier ? { id, epoch: 0, time: now, payload, barrier } : { id, epoch: 0, time: now, payload };
}
