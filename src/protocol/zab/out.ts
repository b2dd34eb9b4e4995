// Collects what one ZAB step sends and notes.
import type { Effect, Env, Message, ServerId, StepOutput, ZabServer } from './types';

export class Out<P> {
  readonly messages: Message<P>[] = [];
  readonly effects: Effect<P>[] = [];
  constructor(
    readonly state: ZabServer<P>,
    readonly env: Env,
  ) {}
  send(message: Message<P>): void {
    this.messages.push(message);
  }
  /** One copy to every other server. */
  broadcast(make: (to: ServerId) => Message<P>): void {
    for (let to = 1; to <= this.state.config.servers; to++) if (to !== this.state.id) this.messages.push(make(to));
  }
  effect(effect: Effect<P>): void {
    this.effects.push(effect);
  }
  finish(): StepOutput<P> {
    return { state: this.state, messages: this.messages, effects: this.effects, wakeAt: wakeAt(this.state) };
  }
}

/** The earliest of the timers the server's state holds. */
function wakeAt<P>(state: ZabServer<P>): number {
  const v = state.volatile;
  const tick = state.config.tickMs;
  if (v.peerState === 'looking') return Math.min(v.finalizeAt, v.nextNotifyAt);
  if (v.peerState === 'leading') return v.pingDue;
  const limit = (v.phase === 'broadcast' ? state.config.syncLimit : state.config.initLimit) * tick;
  let at = v.lastHeardLeader + limit + 1;
  if (v.phase !== 'broadcast') at = Math.min(at, v.handshakeAt);
  else if (v.pending.size > 0) at = Math.min(at, v.forwardAt);
  return at;
}
