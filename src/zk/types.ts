// The data of the ZooKeeper layer: transactions carried in the Paxos log, znodes, Stat, results and watch events.
// Everything here is plain data so it can cross the worker boundary and be cloned for snapshots.

/** A client session's name as scripts write it: "c1". */
export type SessionName = string;

/** KeeperException.Code names (upper case, as the CLI's --json reports them). */
export type ErrorCode =
  | 'NONODE'
  | 'NODEEXISTS'
  | 'BADVERSION'
  | 'NOTEMPTY'
  | 'NOCHILDRENFOREPHEMERALS'
  | 'BADARGUMENTS'
  | 'SESSIONEXPIRED'
  | 'CONNECTIONLOSS'
  | 'OPERATIONTIMEOUT'
  | 'ROLLEDBACK'
  | 'RUNTIMEINCONSISTENCY';

export interface Stat {
  readonly czxid: number;
  readonly mzxid: number;
  readonly pzxid: number;
  readonly version: number;
  readonly cversion: number;
  readonly aversion: number;
  /** 0 for a persistent znode, else the owning session's name. */
  readonly ephemeralOwner: SessionName | 0;
  /** The owning session's numeric id (0 when persistent); zkCli prints it in hex. */
  readonly ephemeralOwnerId: number;
  readonly dataLength: number;
  readonly numChildren: number;
  /** Simulated ms of the create (zkCli prints it as a date, run start = 2026-01-01T00:00:00Z). */
  readonly ctime: number;
  /** Simulated ms of the last data change (ctime until then). */
  readonly mtime: number;
}

/** One sub-operation of a multi. */
export type MultiOp =
  | { readonly op: 'check'; readonly path: string; readonly version: number }
  | {
      readonly op: 'create';
      readonly path: string;
      readonly data: string;
      readonly ephemeral: boolean;
      readonly sequential: boolean;
    }
  | { readonly op: 'setData'; readonly path: string; readonly data: string; readonly version: number }
  | { readonly op: 'delete'; readonly path: string; readonly version: number };

/** A write as it travels through the Paxos log. `session` is who issued it. */
export type Txn =
  | { readonly op: 'createSession'; readonly session: SessionName; readonly timeoutMs: number }
  | { readonly op: 'closeSession'; readonly session: SessionName; readonly reason: 'close' | 'expire' }
  | {
      readonly op: 'create';
      readonly session: SessionName;
      readonly path: string;
      readonly data: string;
      readonly ephemeral: boolean;
      readonly sequential: boolean;
    }
  | { readonly op: 'delete'; readonly session: SessionName; readonly path: string; readonly version: number }
  | {
      readonly op: 'setData';
      readonly session: SessionName;
      readonly path: string;
      readonly data: string;
      readonly version: number;
    }
  | { readonly op: 'multi'; readonly session: SessionName; readonly ops: readonly MultiOp[] }
  /** sync takes no zxid: it only marks the point the session's server must have applied before it answers. */
  | { readonly op: 'sync'; readonly session: SessionName; readonly path: string };

/** Outcome of one sub-op of a multi. */
export interface MultiOpResult {
  readonly ok: boolean;
  readonly error?: ErrorCode;
  /** BADARGUMENTS: the text zkCli prints (e.g. the path validation reason). */
  readonly reason?: string;
  readonly path?: string;
  readonly stat?: Stat;
}

/** Outcome of applying a transaction (identical on every server for the same log). */
export interface TxnResult {
  readonly ok: boolean;
  readonly error?: ErrorCode;
  /** BADARGUMENTS: the text zkCli prints (e.g. the path validation reason). */
  readonly reason?: string;
  /** create: the created path (with the sequential suffix); others: the path acted on. */
  readonly path?: string;
  /** create/setData: the Stat of the znode after the write. */
  readonly stat?: Stat;
  readonly results?: readonly MultiOpResult[];
  /** createSession: the new session's numeric id. */
  readonly sessionId?: number;
}

export type WatchKind = 'data' | 'exist' | 'child';
export type EventType = 'NodeCreated' | 'NodeDeleted' | 'NodeDataChanged' | 'NodeChildrenChanged';

export interface WatchEvent {
  readonly session: SessionName;
  readonly type: EventType;
  readonly path: string;
}

/** A read, answered by the session's server from its local tree. */
export type Read =
  | { readonly op: 'get'; readonly path: string; readonly watch: boolean }
  | { readonly op: 'exists'; readonly path: string; readonly watch: boolean }
  | { readonly op: 'ls'; readonly path: string; readonly watch: boolean; readonly recursive: boolean };

export interface ReadResult {
  readonly ok: boolean;
  readonly error?: ErrorCode;
  /** BADARGUMENTS: the text zkCli prints (e.g. the path validation reason). */
  readonly reason?: string;
  readonly path: string;
  readonly data?: string;
  readonly stat?: Stat;
  readonly children?: readonly string[];
}
