// Collects what one ZAB step sends and notes.
import { StepOut } from '../out';
import type { Effect, Message, ZabServer } from './types';

export class Out<P> extends StepOut<ZabServer<P>, Message<P>, Effect<P>> {
  protected wakeAt(): number {
    const state = this.state;
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
}
