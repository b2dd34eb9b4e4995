// What every part of a Paxos server shares: timers, stepping down, learning and applying decided slots.
import { ZERO_BALLOT } from './ballot';
import type { Out } from './out';
import type {
  Ballot,
  DurableState,
  Env,
  Proposal,
  ProtocolConfig,
  ServerId,
  ServerState,
  VolatileState,
} from './types';

export const NOOP_ID = 'noop';

/** How many recently decided request ids a server remembers to ignore late forwards of them
 *  (an optimisation only: a request chosen twice is applied once by the state machine). */
const RECENT_DECIDED_IDS = 4096;

function rememberDecided<P>(v: VolatileState<P>, id: string): void {
  if (v.decidedIds.has(id)) return;
  // A ring of the most recent ids: the one it overwrites is forgotten.
  const oldest = v.decidedRing[v.decidedRingAt];
  if (oldest !== undefined) v.decidedIds.delete(oldest);
  v.decidedRing[v.decidedRingAt] = id;
  v.decidedRingAt = (v.decidedRingAt + 1) % RECENT_DECIDED_IDS;
  v.decidedIds.add(id);
}

/** How many slots from 0 a durable log holds decided, without a gap (what a restarted server knows is decided). */
export function decidedPrefix(durable: Pick<DurableState<unknown>, 'decided'>): number {
  let slot = 0;
  while (durable.decided[slot] !== undefined) slot++;
  return slot;
}

export function freshVolatile<P>(config: ProtocolConfig, durable: DurableState<P>, env: Env): VolatileState<P> {
  const decidedUpTo = decidedPrefix(durable);

  const volatile: VolatileState<P> = {
    role: 'follower',
    leader: null,
    ballot: ZERO_BALLOT,
    highestRound: durable.promised.round,
    promisesFrom: new Set(),
    prepareFromSlot: 0,
    reportedAccepted: new Map(),
    nextSlot: 0,
    acceptVotes: new Map(),
    acceptSentAt: new Map(),
    leaderDecidedUpTo: 0,
    pending: new Map(),
    decidedIds: new Set(),
    decidedRing: [],
    decidedRingAt: 0,
    roundFor: null,
    decidedUpTo,
    appliedUpTo: 0,
    appliedAhead: new Set(),
    electionDeadline: env.now + electionTimeout(config, env),
    electionSetAt: env.now,
    heartbeatDue: Infinity,
    lastHeardFrom: new Map(),
    lastForwardAt: -Infinity,
    probeAt: env.now + probeIntervalMs(config),
    probePeer: 0,
  };
  for (let slot = Math.max(0, durable.decided.length - RECENT_DECIDED_IDS); slot < durable.decided.length; slot++) {
    const proposal = durable.decided[slot];
    if (proposal !== undefined && proposal.payload !== null) rememberDecided(volatile, proposal.id);
  }
  return volatile;
}

/** The recently decided ids again, from the ring that remembers them in order (a snapshot keeps the ring only). */
export function decidedIdsOf(ring: readonly string[]): Set<string> {
  return new Set(ring);
}

export function electionTimeout(config: ProtocolConfig, env: Env): number {
  const span = config.electionTimeoutMaxMs - config.electionTimeoutMinMs;
  return Math.floor(config.electionTimeoutMinMs + env.random() * span);
}

export function probeIntervalMs(config: ProtocolConfig): number {
  return config.heartbeatMs * 4;
}

export function retryForwardMs(config: ProtocolConfig): number {
  return config.electionTimeoutMinMs;
}

export function stepDown<P>(out: Out<P>, leader: ServerId | null): void {
  const v = out.state.volatile;
  const wasFollower = v.role === 'follower';
  v.role = 'follower';
  v.leader = leader;
  v.acceptVotes = new Map();
  v.acceptSentAt = new Map();
  v.promisesFrom = new Set();
  v.reportedAccepted = new Map();
  v.roundFor = null;
  v.heartbeatDue = Infinity;
  if (!wasFollower) out.effect({ kind: 'role', role: 'follower', ballot: out.state.durable.promised });
}

export function noteRound<P>(state: ServerState<P>, ballot: Ballot): void {
  if (ballot.round > state.volatile.highestRound) state.volatile.highestRound = ballot.round;
}

export function resetElectionTimer<P>(out: Out<P>): void {
  const v = out.state.volatile;
  v.electionDeadline = out.env.now + electionTimeout(out.state.config, out.env);
  v.electionSetAt = out.env.now;
}

export function learn<P>(out: Out<P>, slot: number, proposal: Proposal<P>): void {
  const { state } = out;
  const d = state.durable;
  const v = state.volatile;
  if (d.decided[slot] !== undefined) return;
  d.decided[slot] = proposal;
  v.pending.delete(proposal.id);
  // Only a leader is sent forwards that can arrive late; a request chosen twice anyway is applied once.
  if (proposal.payload !== null && v.role === 'leader') rememberDecided(v, proposal.id);
  v.acceptVotes.delete(slot);
  v.acceptSentAt.delete(slot);
  out.effect({ kind: 'decided', slot, proposal });
  while (d.decided[v.decidedUpTo] !== undefined) v.decidedUpTo++;
  if (slot >= v.nextSlot) v.nextSlot = slot + 1;
  if (state.config.bugs.has('apply-out-of-order') && slot > v.appliedUpTo) {
    v.appliedAhead.add(slot);
    out.effect({ kind: 'apply', slot, proposal });
  }
  applyReady(out);
}

/** Apply decided slots strictly in slot order. */
export function applyReady<P>(out: Out<P>): void {
  const { state } = out;
  const v = state.volatile;
  const decided = state.durable.decided;
  while (v.appliedUpTo < v.decidedUpTo) {
    const slot = v.appliedUpTo;
    v.appliedUpTo++;
    if (v.appliedAhead.delete(slot)) continue;
    const proposal = decided[slot];
    if (proposal !== undefined) out.effect({ kind: 'apply', slot, proposal });
  }
}
