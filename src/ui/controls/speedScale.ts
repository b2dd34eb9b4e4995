// The Speed slider's log scale: slider position (log10 of the speed) <-> speed.
import { MAX_SPEED, MIN_SPEED } from '../../worker/ipc';

export const SPEED_POS_MIN = Math.log10(MIN_SPEED);
export const SPEED_POS_MAX = Math.log10(MAX_SPEED);
/** A keyboard step: about 12% faster or slower, more than the two-digit rounding of the speed can undo. */
export const SPEED_POS_STEP = 0.05;

export function speedToPos(speed: number): number {
  return Math.log10(Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)));
}

/** Rounded to two significant digits so the shown value is tidy (0.13x, 1.5x, 42x). */
export function posToSpeed(pos: number): number {
  const raw = 10 ** pos;
  const rounded = Number(raw.toPrecision(2));
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, rounded));
}
