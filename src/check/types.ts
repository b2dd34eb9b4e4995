// The checkers' common vocabulary: a verdict per checker, and small helpers to build one.
import type { Ballot } from '../protocol/paxos/types';

/** A checker's judgement on a trace. `note` says why an ok verdict is weaker than it looks. */
export type Verdict =
  | { readonly ok: true; readonly note?: string }
  | {
      readonly ok: false;
      /** One line. */
      readonly reason: string;
      /** Index in the trace of the first offending event. */
      readonly event: number;
    };

/** A verdict that found a violation. */
export type Violated = Extract<Verdict, { ok: false }>;

export const OK: Verdict = { ok: true };

export function okWithNote(note: string): Verdict {
  return { ok: true, note };
}

export function violation(event: number, reason: string): Violated {
  return { ok: false, reason: reason.replace(/\s*\n\s*/g, ' '), event };
}

/** "3.n2": a ballot as the trace viewer prints it. */
export function ballotText(b: Ballot): string {
  return `${b.round}.n${b.server}`;
}

/** Majority of the real server count: floor(n/2)+1. */
export function majority(servers: number): number {
  return Math.floor(servers / 2) + 1;
}
