import type { Ballot } from './types';

export const ZERO_BALLOT: Ballot = { round: 0, server: 0 };

/** Negative when a < b, 0 when equal, positive when a > b: round first, then server. */
export function compareBallots(a: Ballot, b: Ballot): number {
  return a.round !== b.round ? a.round - b.round : a.server - b.server;
}

export function ballotsEqual(a: Ballot, b: Ballot): boolean {
  return a.round === b.round && a.server === b.server;
}

export function formatBallot(b: Ballot): string {
  return b.round === 0 ? '-' : `${b.round}.n${b.server}`;
}
