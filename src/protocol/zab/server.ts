// One ZAB server as a state machine: step(state, input, env) -> { state, messages, effects, wakeAt }.
// No I/O, no clock, no randomness of its own; the state handed to step is updated in place.
import { applyCommitted, freshVolatile, requestProposal } from './common';
import { electionTick, onNotification, startLooking, stateFor } from './election';
import { followerRequest, followerTick, onLeaderPacket, startFollowing } from './follower';
import { leaderRequest, leaderTick, onAck, onAckEpoch, onFollowerInfo, propose, startLeading } from './leader';
import { Out } from './out';
import type { Env, Input, Message, Proposal, ServerId, StepOutput, ZabConfig, ZabDurable, ZabServer } from './types';

export function initServer<P>(id: ServerId, config: ZabConfig, env: Env): ZabServer<P> {
  const durable: ZabDurable<P> = { acceptedEpoch: 0, currentEpoch: 0, log: [], committed: 0 };
  return { id, config, durable, volatile: freshVolatile(config, durable, id, env) };
}

/** The epochs and the txn log survive, uncommitted proposals included. */
export function crashServer<P>(state: ZabServer<P>): ZabDurable<P> {
  return state.durable;
}

/** A restarted server reloads its log, applies what it knows committed, and looks for a leader. */
export function restartServer<P>(id: ServerId, config: ZabConfig, durable: ZabDurable<P>, env: Env): StepOutput<P> {
  const state: ZabServer<P> = { id, config, durable, volatile: freshVolatile(config, durable, id, env) };
  const out = new Out(state, env);
  applyCommitted(out);
  startLooking(out);
  return out.finish();
}

export function step<P>(state: ZabServer<P>, input: Input<P>, env: Env): StepOutput<P> {
  const out = new Out(state, env);
  switch (input.kind) {
    case 'tick':
      onTick(out);
      break;
    case 'request':
      onRequest(out, requestProposal(input.id, input.payload, env.now, input.barrier === true));
      break;
    case 'message':
      onMessage(out, input.message);
      break;
  }
  return out.finish();
}

function endElection<P>(out: Out<P>, leader: ServerId | null): void {
  if (leader === null) return;
  if (stateFor(out.state.id, leader) === 'leading') startLeading(out);
  else startFollowing(out, leader);
}

function onTick<P>(out: Out<P>): void {
  const v = out.state.volatile;
  if (v.peerState === 'looking') endElection(out, electionTick(out));
  else if (v.peerState === 'leading') leaderTick(out);
  else followerTick(out);
}

function onRequest<P>(out: Out<P>, proposal: Proposal<P>): void {
  const v = out.state.volatile;
  v.pending.set(proposal.id, proposal);
  if (v.peerState === 'leading' && v.phase === 'broadcast') propose(out, proposal);
  else if (v.peerState === 'following') followerRequest(out, proposal);
}

function onMessage<P>(out: Out<P>, m: Message<P>): void {
  switch (m.type) {
    case 'NOTIFICATION':
      endElection(out, onNotification(out, m));
      return;
    case 'FOLLOWERINFO':
      onFollowerInfo(out, m);
      return;
    case 'ACKEPOCH':
      onAckEpoch(out, m);
      return;
    case 'ACK':
    case 'PINGACK':
      onAck(out, m);
      return;
    case 'REQUEST':
      if (out.state.volatile.peerState === 'leading') leaderRequest(out, m.proposal);
      return;
    default:
      onLeaderPacket(out, m);
  }
}
