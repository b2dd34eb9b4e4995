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
      /** What broke it, for the page to point at: the servers, slots and trace events involved. */
      readonly involved?: Involved;
    };

/** The servers, log slots and trace events a violation involves (the breaking event among them). */
export interface Involved {
  readonly servers: readonly number[];
  readonly slots: readonly number[];
  readonly events: readonly number[];
}

/** A verdict that found a violation. */
export type Violated = Extract<Verdict, { ok: false }>;

export const OK: Verdict = { ok: true };

export function okWithNote(note: string): Verdict {
  return { ok: true, note };
}

export function violation(event: number, reason: string, involved?: Involved): Violated {
  const verdict: Violated = { ok: false, reason: reason.replace(/\s*\n\s*/g, ' '), event };
  return involved === undefined ? verdict : { ...verdict, involved };
}

/** What a violation involves, each list sorted, duplicates and unknowns (no server 0, no negative index) dropped. */
export function involving(servers: readonly number[], slots: readonly number[], events: readonly number[]): Involved {
  const unique = (xs: readonly number[], least: number): number[] =>
    [...new Set(xs.filter((x) => x >= least))].sort((a, b) => a - b);
  return { servers: unique(servers, 1), slots: unique(slots, 0), events: unique(events, 0) };
}

/** "3.n2": a ballot as the trace viewer prints it. */
export function ballotText(b: Ballot): string {
  return `${b.round}.n${b.server}`;
}

/** Majority of the real server count: floor(n/2)+1. */
export function majority(servers: number): number {
  return Math.floor(servers / 2) + 1;
}
