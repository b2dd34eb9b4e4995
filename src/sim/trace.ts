// The trace: every event of a run, with enough detail for the UI to draw it and the checkers to judge it.
import type { ProtocolMessageKind, ProtocolNote } from '../protocol';
import type { ServerId } from '../protocol/types';
import type { ClientCommand } from '../zk/commands';
import type { ErrorCode, EventType, Stat, Txn, TxnResult } from '../zk/types';

/** A message endpoint: a server "n1" or a client session "c1". */
export type Endpoint = string;

export type WireKind =
  | ProtocolMessageKind
  | 'session-touch'
  | 'client-connect'
  | 'client-request'
  | 'client-reply'
  | 'client-ping'
  | 'client-pong'
  | 'watch-event';

/** A client operation's outcome: a write's TxnResult or a read's ReadResult, plus where it came from. */
export interface OpResult {
  readonly ok: boolean;
  readonly error?: ErrorCode;
  /** zkCli's own text for some errors (BADARGUMENTS). */
  readonly reason?: string;
  readonly path?: string;
  readonly data?: string;
  readonly stat?: Stat;
  readonly children?: readonly string[];
  readonly results?: TxnResult['results'];
  readonly sessionId?: number;
  /** zxid of the write's transaction (0 for reads and sync). */
  readonly zxid?: number;
  /** The server that answered. */
  readonly server?: number;
}

export type TraceEvent =
  | {
      readonly t: number;
      readonly kind: 'send';
      readonly id: number;
      readonly from: Endpoint;
      readonly to: Endpoint;
      readonly wire: WireKind;
      readonly label: string;
      readonly deliverAt: number;
      readonly lost: boolean;
      /** Chatter, not work (heartbeats and their like, client pings, session touches): the protocol's isChatter. */
      readonly chatter?: true;
    }
  | {
      readonly t: number;
      readonly kind: 'duplicate';
      readonly id: number;
      readonly copyOf: number;
      readonly from: Endpoint;
      readonly to: Endpoint;
      readonly wire: WireKind;
      readonly label: string;
      readonly deliverAt: number;
      /** Chatter, not work (heartbeats and their like, client pings, session touches): the protocol's isChatter. */
      readonly chatter?: true;
    }
  | {
      readonly t: number;
      readonly kind: 'deliver';
      readonly id: number;
      readonly from: Endpoint;
      readonly to: Endpoint;
      readonly wire: WireKind;
      /** Chatter, not work (heartbeats and their like, client pings, session touches): the protocol's isChatter. */
      readonly chatter?: true;
    }
  | {
      readonly t: number;
      readonly kind: 'drop';
      readonly id: number;
      readonly from: Endpoint;
      readonly to: Endpoint;
      readonly wire: WireKind;
      readonly reason: 'loss' | 'cut' | 'down';
      /** Chatter, not work (heartbeats and their like, client pings, session touches): the protocol's isChatter. */
      readonly chatter?: true;
    }
  | { readonly t: number; readonly kind: 'crash'; readonly server: number }
  | { readonly t: number; readonly kind: 'restart'; readonly server: number }
  | { readonly t: number; readonly kind: 'cut'; readonly from: number; readonly to: number }
  | { readonly t: number; readonly kind: 'heal'; readonly from: number; readonly to: number }
  | {
      readonly t: number;
      readonly kind: 'network';
      readonly loss: number;
      readonly dup: number;
      readonly latencyMin: number;
      readonly latencyMax: number;
    }
  /** A protocol's own notes: roles, phases, votes, promises (see ProtocolNote). */
  | Noted<ProtocolNote>
  | {
      readonly t: number;
      readonly kind: 'decided';
      readonly server: number;
      readonly slot: number;
      readonly proposalId: string;
      readonly text: string;
    }
  | {
      readonly t: number;
      readonly kind: 'apply';
      readonly server: number;
      readonly slot: number;
      readonly proposalId: string;
      readonly zxid: number;
      readonly text: string;
      readonly ok: boolean;
      readonly error?: string;
    }
  /** A write reaches a server's Paxos instance to be proposed (client writes, session opens, closes and expiries). */
  | {
      readonly t: number;
      readonly kind: 'request';
      readonly server: number;
      readonly proposalId: string;
      readonly txn: Txn;
    }
  | {
      readonly t: number;
      readonly kind: 'invoke';
      readonly session: string;
      readonly opId: number;
      readonly command: ClientCommand;
      readonly write: boolean;
    }
  | {
      readonly t: number;
      readonly kind: 'return';
      readonly session: string;
      readonly opId: number;
      readonly result: OpResult;
    }
  | {
      readonly t: number;
      readonly kind: 'watch';
      readonly session: string;
      readonly type: EventType;
      readonly path: string;
    }
  | {
      readonly t: number;
      readonly kind: 'session';
      readonly session: string;
      readonly status: SessionStatus;
      readonly server: number | null;
    };

/** A protocol's note as the trace records it: the time and the server in front of the note's own fields. */
type Noted<N> = N extends unknown ? { readonly t: number; readonly server: ServerId } & N : never;

export type SessionStatus = 'connecting' | 'connected' | 'disconnected' | 'closed' | 'expired';

export type TraceKind = TraceEvent['kind'];
