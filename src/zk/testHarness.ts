// A small driver for tests: one replica fed transactions with consecutive zxids, zkCli-like calls.
// Not used by the app; kept free of test-framework imports so it typechecks anywhere.
import { createReplica, type Replica } from './replica';
import { applyTxn } from './apply';
import { readOnReplica } from './read';
import type { MultiOp, ReadResult, SessionName, Stat, Txn, TxnResult, WatchEvent } from './types';

export class ZkDriver {
  readonly r: Replica;
  zxid: number;
  /** Simulated ms passed with the next transaction; defaults to zxid * 1000. */
  nextTimeMs: number | null = null;
  events: WatchEvent[] = [];

  constructor(r: Replica = createReplica(), zxid = 0) {
    this.r = r;
    this.zxid = zxid;
  }

  tx(txn: Txn): TxnResult {
    if (txn.op !== 'sync') this.zxid++;
    const time = this.nextTimeMs ?? this.zxid * 1000;
    this.nextTimeMs = null;
    const out = applyTxn(this.r, txn, this.zxid, time);
    this.events.push(...out.events);
    return out.result;
  }

  open(session: SessionName, timeoutMs = 4000): TxnResult {
    return this.tx({ op: 'createSession', session, timeoutMs });
  }
  close(session: SessionName, reason: 'close' | 'expire' = 'close'): TxnResult {
    return this.tx({ op: 'closeSession', session, reason });
  }
  create(session: SessionName, path: string, data = '', flags = ''): TxnResult {
    return this.tx({
      op: 'create',
      session,
      path,
      data,
      ephemeral: flags.includes('e'),
      sequential: flags.includes('s'),
    });
  }
  set(session: SessionName, path: string, data: string, version = -1): TxnResult {
    return this.tx({ op: 'setData', session, path, data, version });
  }
  del(session: SessionName, path: string, version = -1): TxnResult {
    return this.tx({ op: 'delete', session, path, version });
  }
  multi(session: SessionName, ops: readonly MultiOp[]): TxnResult {
    return this.tx({ op: 'multi', session, ops });
  }
  sync(session: SessionName, path: string): TxnResult {
    return this.tx({ op: 'sync', session, path });
  }

  get(session: SessionName, path: string, watch = false): ReadResult {
    return readOnReplica(this.r, session, { op: 'get', path, watch });
  }
  exists(session: SessionName, path: string, watch = false): ReadResult {
    return readOnReplica(this.r, session, { op: 'exists', path, watch });
  }
  ls(session: SessionName, path: string, watch = false, recursive = false): ReadResult {
    return readOnReplica(this.r, session, { op: 'ls', path, watch, recursive });
  }
  /** The Stat of an existing node (throws when missing). */
  stat(path: string): Stat {
    const res = readOnReplica(this.r, '__test__', { op: 'exists', path, watch: false });
    if (res.stat === undefined) throw new Error(`no node ${path}`);
    return res.stat;
  }
  /** Returns and clears the events fired so far. */
  takeEvents(): WatchEvent[] {
    const e = this.events;
    this.events = [];
    return e;
  }
}
