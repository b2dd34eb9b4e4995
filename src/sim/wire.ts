// What travels on the simulated network: protocol messages between servers, and ZooKeeper's client traffic.
import type { Envelope, Protocol } from '../protocol/types';
import type { ClientWatch } from '../zk/read';
import type { EventType, Read, SessionName } from '../zk/types';
import { describeTxn } from './describe';
import type { OpResult, WireKind } from './trace';
import type { LoggedTxn } from './world';

export type Wire =
  | { readonly kind: 'protocol'; readonly message: Envelope }
  | { readonly kind: 'session-touch'; readonly sessions: readonly SessionName[] }
  /** sessionId 0 opens a new session; otherwise the client reconnects the session it has. */
  | {
      readonly kind: 'client-connect';
      readonly session: SessionName;
      readonly sessionId: number;
      readonly requestId: string;
      readonly timeoutMs: number;
      /** A reconnect re-sends the session's watches and the last zxid it saw (ZooKeeper's setWatches). */
      readonly watches: readonly ClientWatch[];
      readonly lastZxid: number;
    }
  | {
      readonly kind: 'client-write';
      readonly session: SessionName;
      readonly opId: number;
      readonly requestId: string;
      readonly txn: LoggedTxn;
    }
  | { readonly kind: 'client-read'; readonly session: SessionName; readonly opId: number; readonly read: Read }
  | { readonly kind: 'client-ping'; readonly session: SessionName }
  | { readonly kind: 'client-pong' }
  | { readonly kind: 'connected'; readonly ok: boolean; readonly sessionId: number }
  | { readonly kind: 'session-ended'; readonly reason: 'close' | 'expire' }
  /** The server stopped serving clients (it lost its leader and is electing): reconnect elsewhere. */
  | { readonly kind: 'connection-closed' }
  /** lastZxid: the newest transaction the answering server had applied (every ZooKeeper reply carries it). */
  | { readonly kind: 'reply'; readonly opId: number; readonly result: OpResult; readonly lastZxid: number }
  | { readonly kind: 'watch-event'; readonly type: EventType; readonly path: string };

/** Whether a message counts as work in flight (settle waits for it): pings, touches and chatter do not. */
export function isWork(protocol: Protocol<LoggedTxn>, wire: Wire): boolean {
  if (wire.kind !== 'protocol')
    return wire.kind !== 'client-ping' && wire.kind !== 'client-pong' && wire.kind !== 'session-touch';
  return !protocol.isChatter(wire.message);
}

export function wireKind(protocol: Protocol<LoggedTxn>, wire: Wire): WireKind {
  switch (wire.kind) {
    case 'protocol':
      return protocol.messageKind(wire.message) as WireKind;
    case 'client-connect':
      return 'client-connect';
    case 'client-write':
    case 'client-read':
      return 'client-request';
    case 'client-ping':
      return 'client-ping';
    case 'client-pong':
      return 'client-pong';
    case 'connected':
    case 'session-ended':
    case 'connection-closed':
    case 'reply':
      return 'client-reply';
    case 'watch-event':
      return 'watch-event';
    case 'session-touch':
      return 'session-touch';
  }
}

export function wireLabel(protocol: Protocol<LoggedTxn>, wire: Wire): string {
  switch (wire.kind) {
    case 'protocol':
      return protocol.messageLabel(wire.message);
    case 'client-write':
      return describeTxn(wire.txn);
    case 'client-read':
      return `${wire.read.op} ${wire.read.path}`;
    case 'reply':
      return wire.result.ok ? 'ok' : (wire.result.error ?? 'error');
    case 'watch-event':
      return `${wire.type} ${wire.path}`;
    case 'connected':
      return wire.ok ? 'connected' : 'expired';
    case 'session-ended':
      return wire.reason === 'expire' ? 'session expired' : 'session closed';
    case 'connection-closed':
      return 'disconnected';
    case 'client-connect':
      return `connect ${wire.session}`;
    case 'session-touch':
      return `touch ${wire.sessions.join(',')}`;
    case 'client-ping':
      return 'ping';
    case 'client-pong':
      return 'pong';
  }
}
