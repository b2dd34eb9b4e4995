// Collects what one Paxos step sends and does.
import { StepOut } from '../out';
import type { Effect, Message, ServerState } from './types';

export class Out<P> extends StepOut<ServerState<P>, Message<P>, Effect<P>> {
  protected wakeAt(): number {
    const state = this.state;
    const v = state.volatile;
    return v.role === 'leader' ? v.heartbeatDue : state.config.policy.wakeAt(state);
  }
}
