import { describe, expect, it } from 'vitest';
import { MAX_SPEED, MIN_SPEED } from '../../worker/ipc';
import { posToSpeed, SPEED_POS_MAX, SPEED_POS_MIN, SPEED_POS_STEP, speedToPos } from './speedScale';

/** Where a range input puts a value: on its step grid, within its bounds. */
function snap(pos: number): number {
  const steps = Math.round((pos - SPEED_POS_MIN) / SPEED_POS_STEP);
  return Math.min(SPEED_POS_MAX, Math.max(SPEED_POS_MIN, SPEED_POS_MIN + steps * SPEED_POS_STEP));
}

/** The arrow keys, from a shown speed: one step along the grid, then the speed the page asks for. */
function press(speed: number, direction: 1 | -1): number {
  return posToSpeed(snap(snap(speedToPos(speed)) + direction * SPEED_POS_STEP));
}

describe('the Speed slider', () => {
  it('goes from the slowest to the fastest speed and back one arrow key at a time, every step a change', () => {
    let speed = MIN_SPEED;
    const up = [speed];
    while (speed < MAX_SPEED) {
      const next = press(speed, 1);
      expect(next).toBeGreaterThan(speed);
      speed = next;
      up.push(speed);
    }
    expect(up).toContain(1);
    expect(up.length).toBeLessThanOrEqual((SPEED_POS_MAX - SPEED_POS_MIN) / SPEED_POS_STEP + 1);
    while (speed > MIN_SPEED) {
      const next = press(speed, -1);
      expect(next).toBeLessThan(speed);
      speed = next;
    }
  });

  it('shows tidy speeds', () => {
    expect(posToSpeed(0)).toBe(1);
    expect(posToSpeed(0.05)).toBe(1.1);
    expect(posToSpeed(SPEED_POS_MAX)).toBe(MAX_SPEED);
  });
});
