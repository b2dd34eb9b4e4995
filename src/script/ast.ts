// The parsed form of a scenario script (../shared/reference/script-language.md).
// One Line per non-blank, non-comment source line; `line` is the 1-based source line number.
import type { ClientCommand } from '../zk/commands';
import type { Header, LatencyRange } from '../sim/config';
import type { SessionName } from '../zk/types';
import type { ServerId } from '../protocol/types';

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
      readonly server: ServerId;
    }
  | { readonly kind: 'close'; readonly line: number; readonly text: string; readonly session: SessionName }
  | { readonly kind: 'expire'; readonly line: number; readonly text: string; readonly session: SessionName }
  | { readonly kind: 'kill'; readonly line: number; readonly text: string; readonly server: ServerId }
  | { readonly kind: 'restart'; readonly line: number; readonly text: string; readonly server: ServerId }
  | {
      readonly kind: 'partition';
      readonly line: number;
      readonly text: string;
      readonly groups: readonly (readonly ServerId[])[];
    }
  /** oneWay: only from -> to is cut (`cut n1 -> n3`); else both directions. */
  | {
      readonly kind: 'cut';
      readonly line: number;
      readonly text: string;
      readonly from: ServerId;
      readonly to: ServerId;
      readonly oneWay: boolean;
    }
  /** `heal` with no servers heals every link (and ends any partition). */
  | {
      readonly kind: 'heal';
      readonly line: number;
      readonly text: string;
      readonly from?: ServerId;
      readonly to?: ServerId;
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
  | { readonly kind: 'settle'; readonly line: number; readonly text: string }
  /** Exact replay: run to this moment (`events` simulator events processed, or with none every event up to `ms`),
   *  set the clock to `ms`; from the first `at` on, lines run as the app's console runs them (nothing waits). */
  | { readonly kind: 'at'; readonly line: number; readonly text: string; readonly ms: number; readonly events?: number }
  /** The run ends here: no draining of pending replies (the moment an exported scenario was taken). */
  | { readonly kind: 'stop'; readonly line: number; readonly text: string };

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
