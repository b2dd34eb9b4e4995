// A server's running timer as an arc around its circle (as RaftScope draws them): full when just set, gone
// when it fires.
import { arc } from 'd3';
import type { TimerView } from '../../protocol/types';

export type { TimerView };

/** How much of the timer is left at `now`: 1 when just set, 0 once it fires. */
export function timerFraction(timer: TimerView, now: number): number {
  const span = timer.firesAt - timer.startedAt;
  if (!(span > 0)) return 0;
  return Math.min(1, Math.max(0, (timer.firesAt - now) / span));
}

/** Whole milliseconds until it fires (0 once it has). */
export function timerLeftMs(timer: TimerView, now: number): number {
  return Math.max(0, Math.ceil(timer.firesAt - now));
}

const ring = arc<{ fraction: number; inner: number; outer: number }>()
  .innerRadius((d) => d.inner)
  .outerRadius((d) => d.outer)
  .startAngle(0)
  .endAngle((d) => d.fraction * 2 * Math.PI)
  .cornerRadius((d) => (d.outer - d.inner) / 2);

/** The arc's path around (0, 0): clockwise from twelve o'clock for `fraction` of a turn, between two radii. */
export function timerArcPath(fraction: number, inner: number, outer: number): string {
  if (fraction <= 0) return '';
  return ring({ fraction: Math.min(1, fraction), inner, outer }) ?? '';
}
