// The parsed form of a scenario script (../shared/reference/script-language.md).
// One Line per non-blank, non-comment source line; `line` is the 1-based source line number.
import type { MultiOp, SessionName } from '../zk/types';

import type { BugName, ProtocolMode } from '../protocol/types';

// The protocol's names, as scripts write them.
export type { BugName, ProtocolMode } from '../protocol/types';
export const BUG_NAMES: readonly BugName[] = [
  'forget-promise',
  'ignore-promised-values',
  'minority-quorum',
  'accept-below-promise',
  'apply-out-of-order',
];

export interface LatencyRange {
  readonly minMs: number;
  readonly maxMs: number;
}

/** The header; every field has its documented default after parsing. */
export interface Header {
  readonly servers: number;
  readonly seed: number;
  readonly protocol: ProtocolMode;
  readonly latency: LatencyRange;
  /** 0..1 */
  readonly loss: number;
  /** 0..1 */
  readonly dup: number;
  readonly sessionTimeoutMs: number;
  readonly bugs: readonly BugName[];
}

export const DEFAULT_HEADER: Header = {
  servers: 3,
  seed: 1,
  protocol: 'multi-paxos',
  latency: { minMs: 10, maxMs: 50 },
  loss: 0,
  dup: 0,
  sessionTimeoutMs: 4000,
  bugs: [],
};

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

/** Server ids are 1-based numbers; scripts write them n1, n2, ... */
export type ServerNumber = number;

export type Line =
  | {
      readonly kind: 'client';
      readonly line: number;
      readonly text: string;
      readonly session: SessionName;
      readonly command: ClientCommand;
      readonly background: boolean;
    }
  | {
      readonly kind: 'connect';
      readonly line: number;
      readonly text: string;
      readonly session: SessionName;
      readonly server: ServerNumber;
    }
  | { readonly kind: 'close'; readonly line: number; readonly text: string; readonly session: SessionName }
  | { readonly kind: 'expire'; readonly line: number; readonly text: string; readonly session: SessionName }
  | { readonly kind: 'kill'; readonly line: number; readonly text: string; readonly server: ServerNumber }
  | { readonly kind: 'restart'; readonly line: number; readonly text: string; readonly server: ServerNumber }
  | {
      readonly kind: 'partition';
      readonly line: number;
      readonly text: string;
      readonly groups: readonly (readonly ServerNumber[])[];
    }
  /** oneWay: only from -> to is cut (`cut n1 -> n3`); else both directions. */
  | {
      readonly kind: 'cut';
      readonly line: number;
      readonly text: string;
      readonly from: ServerNumber;
      readonly to: ServerNumber;
      readonly oneWay: boolean;
    }
  /** `heal` with no servers heals every link (and ends any partition). */
  | {
      readonly kind: 'heal';
      readonly line: number;
      readonly text: string;
      readonly from?: ServerNumber;
      readonly to?: ServerNumber;
      readonly oneWay: boolean;
    }
  | {
      readonly kind: 'network';
      readonly line: number;
      readonly text: string;
      readonly loss?: number;
      readonly dup?: number;
      readonly latency?: LatencyRange;
    }
  | { readonly kind: 'wait'; readonly line: number; readonly text: string; readonly ms: number }
  | { readonly kind: 'settle'; readonly line: number; readonly text: string };

export interface Script {
  readonly header: Header;
  readonly lines: readonly Line[];
}

/** A line that could not be parsed: `line` names it, `message` says what is wrong, in one line. */
export interface ParseError {
  readonly line: number;
  readonly text: string;
  readonly message: string;
}

export interface ParseResult {
  readonly script: Script;
  readonly errors: readonly ParseError[];
}
