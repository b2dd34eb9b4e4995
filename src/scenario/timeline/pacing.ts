// Pacing: wall time at a speed turned into whole simulated milliseconds.
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;
export const SIM_MS_PER_REAL_MS_AT_1X = 0.25;

export interface Pacing {
  speed: number;
  /** Fraction of a simulated millisecond owed since the last whole one. */
  carryMs: number;
}

/** Whole simulated milliseconds that `realMs` of wall time buys (recorded action times stay short in links). */
export function paceMs(pacing: Pacing, realMs: number): number {
  pacing.carryMs += realMs * SIM_MS_PER_REAL_MS_AT_1X * pacing.speed;
  const whole = Math.floor(pacing.carryMs);
  pacing.carryMs -= whole;
  return whole;
}
