// What every protocol's step collects: the messages it sends and the effects it notes, then its output with the
// earliest time the server wants a tick (each protocol reads its own timers).
import type { Env, Envelope, ServerId } from './types';

/** The part of a server's state collecting needs: its id and how many servers there are. */
export interface CollectingState {
  readonly id: ServerId;
  readonly config: { readonly servers: number };
}

export abstract class StepOut<S extends CollectingState, M extends Envelope, E> {
  readonly messages: M[] = [];
  readonly effects: E[] = [];
  constructor(
    readonly state: S,
    readonly env: Env,
  ) {}
  send(message: M): void {
    this.messages.push(message);
  }
  /** One copy of a message to every other server. */
  broadcast(make: (to: ServerId) => M): void {
    for (let to = 1; to <= this.state.config.servers; to++) if (to !== this.state.id) this.messages.push(make(to));
  }
  effect(effect: E): void {
    this.effects.push(effect);
  }
  finish(): { state: S; messages: M[]; effects: E[]; wakeAt: number } {
    return { state: this.state, messages: this.messages, effects: this.effects, wakeAt: this.wakeAt() };
  }
  /** The earliest of the timers the server's state holds. */
  protected abstract wakeAt(): number;
}
