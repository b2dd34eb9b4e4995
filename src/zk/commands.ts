// zkCli's commands as a session issues them, and what each sends to the ensemble: a read or a transaction.
import type { MultiOp, Read, SessionName, Txn } from './types';

/** A zkCli command as a session issues it. */
export type ClientCommand =
  | {
      readonly kind: 'create';
      readonly path: string;
      readonly data: string;
      readonly ephemeral: boolean;
      readonly sequential: boolean;
    }
  | { readonly kind: 'get'; readonly path: string; readonly stat: boolean; readonly watch: boolean }
  | {
      readonly kind: 'set';
      readonly path: string;
      readonly data: string;
      readonly version: number;
      readonly stat: boolean;
    }
  | { readonly kind: 'delete'; readonly path: string; readonly version: number }
  | { readonly kind: 'deleteall'; readonly path: string }
  | {
      readonly kind: 'ls';
      readonly path: string;
      readonly stat: boolean;
      readonly watch: boolean;
      readonly recursive: boolean;
    }
  | { readonly kind: 'stat'; readonly path: string; readonly watch: boolean }
  | { readonly kind: 'sync'; readonly path: string }
  | { readonly kind: 'multi'; readonly ops: readonly MultiOp[] };

export function isWriteCommand(command: ClientCommand): boolean {
  return (
    command.kind === 'create' ||
    command.kind === 'set' ||
    command.kind === 'delete' ||
    command.kind === 'deleteall' ||
    command.kind === 'multi'
  );
}

/** The read a client read command sends (deleteall reads its subtree first); null for a write. */
export function commandRead(command: ClientCommand): Read | null {
  switch (command.kind) {
    case 'get':
      return { op: 'get', path: command.path, watch: command.watch };
    case 'stat':
      return { op: 'exists', path: command.path, watch: command.watch };
    case 'ls':
      return { op: 'ls', path: command.path, watch: command.watch, recursive: command.recursive };
    case 'deleteall':
      return { op: 'ls', path: command.path, watch: false, recursive: true };
    default:
      return null;
  }
}

/** The transaction a client write command sends. */
export function commandTxn(session: SessionName, command: ClientCommand): Txn {
  switch (command.kind) {
    case 'create':
      return {
        op: 'create',
        session,
        path: command.path,
        data: command.data,
        ephemeral: command.ephemeral,
        sequential: command.sequential,
      };
    case 'set':
      return { op: 'setData', session, path: command.path, data: command.data, version: command.version };
    case 'delete':
      return { op: 'delete', session, path: command.path, version: command.version };
    case 'multi':
      return { op: 'multi', session, ops: command.ops };
    case 'sync':
      return { op: 'sync', session, path: command.path };
    case 'get':
    case 'stat':
    case 'ls':
    case 'deleteall':
      throw new Error(`${command.kind} is not a write`);
  }
}
