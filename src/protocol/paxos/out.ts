// Collects what one step sends and does.
import type { Effect, Env, Message, ServerId, ServerState, StepOutput } from './types';

export class Out<P> {
  readonly messages: Message<P>[] = [];
  readonly effects: Effect<P>[] = [];
  constructor(
    readonly state: ServerState<P>,
    readonly env: Env,
  ) {}
  send(message: Message<P>): void {
    this.messages.push(message);
  }
  /** One copy of a message to every other server. */
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

function wakeAt<P>(state: ServerState<P>): number {
  const v = state.volatile;
  return v.role === 'leader' ? v.heartbeatDue : state.config.policy.wakeAt(state);
}
