// One Paxos server as a state machine: step(state, input, env) -> { state, messages, effects, wakeAt }.
// No I/O, no clock, no randomness of its own: time and random draws arrive in `env`.
// The state handed to step belongs to step from then on (it is updated in place for speed);
// a driver that keeps history freezes it first (see index.ts).
import { ZERO_BALLOT } from './ballot';
import { applyReady, freshVolatile, learn } from './common';
import { leaderHeartbeat, onCatchUpReply, onCatchUpRequest, onHeartbeat, onHeartbeatAck } from './heartbeat';
import { Out } from './out';
import { onNack, onPrepare, onPromise } from './phase1';
import { onAccept, onAccepted, onRequest } from './phase2';
import type { DurableState, Env, Input, Message, ProtocolConfig, ServerId, ServerState, StepOutput } from './types';

export { decidedPrefix, NOOP_ID } from './common';

/** A server that has never run: empty durable state. */
export function initServer<P>(id: ServerId, config: ProtocolConfig, env: Env): ServerState<P> {
  const durable: DurableState<P> = { promised: ZERO_BALLOT, accepted: [], decided: [] };
  const volatile = freshVolatile(config, durable, env);
  // At boot the first timeouts are staggered by id, so n1 normally leads the first term (scenarios rely on it);
  // every later timeout is random.
  volatile.electionDeadline = env.now + Math.round(config.electionTimeoutMinMs * (0.1 + 0.25 * (id - 1)));
  volatile.electionSetAt = env.now;
  return { id, config, durable, volatile };
}

/** What survives a crash: the durable part only (and not even the promise under forget-promise). */
export function crashServer<P>(state: ServerState<P>): DurableState<P> {
  const durable = state.durable;
  return state.config.bugs.has('forget-promise') ? { ...durable, promised: ZERO_BALLOT } : durable;
}

/** Restart from durable state: volatile state starts afresh and the decided prefix is applied again. */
export function restartServer<P>(
  id: ServerId,
  config: ProtocolConfig,
  durable: DurableState<P>,
  env: Env,
): StepOutput<P> {
  const state: ServerState<P> = { id, config, durable, volatile: freshVolatile(config, durable, env) };
  const out = new Out(state, env);
  applyReady(out);
  return out.finish();
}

export function step<P>(state: ServerState<P>, input: Input<P>, env: Env): StepOutput<P> {
  const out = new Out(state, env);
  switch (input.kind) {
    case 'tick':
      onTick(out);
      break;
    case 'request':
      onRequest(out, { id: input.id, epoch: 0, time: env.now, payload: input.payload });
      break;
    case 'message':
      onMessage(out, input.message);
      break;
  }
  return out.finish();
}

function onMessage<P>(out: Out<P>, m: Message<P>): void {
  switch (m.type) {
    case 'prepare':
      onPrepare(out, m.from, m.ballot, m.fromSlot);
      return;
    case 'promise':
      onPromise(out, m.from, m.ballot, m.accepted, m.decided);
      return;
    case 'nack':
      onNack(out, m.ballot, m.promised);
      return;
    case 'accept':
      onAccept(out, m.from, m.ballot, m.slot, m.proposal);
      return;
    case 'accepted':
      onAccepted(out, m.from, m.ballot, m.slot);
      return;
    case 'decide':
      // A Decide beyond a hole asks for nothing yet: the missing Decides are usually still on the wire.
      // Heartbeats (multi-Paxos) and probes (basic Paxos) fetch what stays missing.
      learn(out, m.slot, m.proposal);
      return;
    case 'heartbeat':
      onHeartbeat(out, m.from, m.ballot, m.decidedUpTo);
      return;
    case 'heartbeatAck':
      onHeartbeatAck(out, m.from, m.ballot);
      return;
    case 'catchUpRequest':
      onCatchUpRequest(out, m.from, m.fromSlot);
      return;
    case 'catchUpReply':
      onCatchUpReply(out, m.entries);
      return;
    case 'forward':
      onRequest(out, m.proposal);
      return;
  }
}

function onTick<P>(out: Out<P>): void {
  const { state, env } = out;
  const v = state.volatile;
  if (v.role === 'leader') {
    if (env.now >= v.heartbeatDue) leaderHeartbeat(out);
    return;
  }
  state.config.policy.tick(out);
}
