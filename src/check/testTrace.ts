// Test helper: hand-made traces, one event at a time (used by the checkers' tests only).
import type { ClientCommand } from '../zk/commands';
import { commandTxn, isWriteCommand } from '../zk/commands';
import type { OpResult, TraceEvent } from '../sim/trace';
import type { Stat, Txn } from '../zk/types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class TraceBuilder {
  readonly events: TraceEvent[] = [];
  now = 0;

  at(t: number): this {
    this.now = t;
    return this;
  }

  /** Appends an event at the current time; returns its index. */
  push(event: DistributiveOmit<TraceEvent, 't'>): number {
    this.events.push({ t: this.now, ...event });
    return this.events.length - 1;
  }

  request(server: number, proposalId: string, txn: Txn): number {
    return this.push({ kind: 'request', server, proposalId, txn });
  }
  decided(server: number, slot: number, proposalId: string): number {
    return this.push({ kind: 'decided', server, slot, proposalId, text: proposalId });
  }
  apply(server: number, slot: number, proposalId: string): number {
    return this.push({ kind: 'apply', server, slot, proposalId, zxid: slot + 1, text: proposalId, ok: true });
  }
  promised(server: number, round: number, by: number): number {
    return this.push({ kind: 'promised', server, ballot: { round, server: by } });
  }
  accepted(server: number, slot: number, round: number, by: number, proposalId: string): number {
    return this.push({ kind: 'accepted', server, slot, ballot: { round, server: by }, proposalId });
  }
  crash(server: number): number {
    return this.push({ kind: 'crash', server });
  }
  restart(server: number): number {
    return this.push({ kind: 'restart', server });
  }
  cut(from: number, to: number): number {
    return this.push({ kind: 'cut', from, to });
  }
  heal(from: number, to: number): number {
    return this.push({ kind: 'heal', from, to });
  }
  network(loss: number): number {
    return this.push({ kind: 'network', loss, dup: 0, latencyMin: 10, latencyMax: 50 });
  }
  invoke(session: string, opId: number, command: ClientCommand): number {
    return this.push({ kind: 'invoke', session, opId, command, write: isWriteCommand(command) });
  }
  ret(session: string, opId: number, result: OpResult): number {
    return this.push({ kind: 'return', session, opId, result });
  }

  /** A session txn nobody invokes, requested now and applied at `appliedAt` (null: never applied). */
  sessionTxn(proposalId: string, txn: Txn, appliedAt: number | null, slot = 0): void {
    const t = this.now;
    this.request(1, proposalId, txn);
    if (appliedAt !== null) {
      this.at(appliedAt).apply(1, slot, proposalId);
      this.at(t);
    }
  }

  /** createSession for each name, requested at the current time and applied 5 ms later. */
  openSessions(...names: string[]): this {
    const t = this.now;
    for (const name of names)
      this.sessionTxn(`${name}#connect1`, { op: 'createSession', session: name, timeoutMs: 4000 }, t + 5);
    return this.at(t + 5);
  }

  /** A client write: invoke at `from`, request 1 ms later, return at `to` (null: no return). */
  write(
    session: string,
    opId: number,
    command: ClientCommand,
    from: number,
    to: number | null,
    result?: OpResult,
  ): { invoke: number; ret: number } {
    const invoke = this.at(from).invoke(session, opId, command);
    this.at(from + 1).request(1, `${session}:${opId}:first`, commandTxn(session, command));
    let ret = -1;
    if (to !== null && result !== undefined) ret = this.at(to).ret(session, opId, result);
    return { invoke, ret };
  }
}

export function stat(version: number, more: Partial<Stat> = {}): Stat {
  return {
    czxid: 1,
    mzxid: 1,
    pzxid: 1,
    version,
    cversion: 0,
    aversion: 0,
    ephemeralOwner: 0,
    ephemeralOwnerId: 0,
    dataLength: 1,
    numChildren: 0,
    ctime: 0,
    mtime: 0,
    ...more,
  };
}

export const cmd = {
  create(path: string, data = 'x', flags: { ephemeral?: boolean; sequential?: boolean } = {}): ClientCommand {
    return { kind: 'create', path, data, ephemeral: flags.ephemeral ?? false, sequential: flags.sequential ?? false };
  },
  set(path: string, data: string, version = -1): ClientCommand {
    return { kind: 'set', path, data, version, stat: false };
  },
  delete(path: string, version = -1): ClientCommand {
    return { kind: 'delete', path, version };
  },
};
