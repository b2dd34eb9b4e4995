// Test helper: drive a LiveRun as the worker does, without timers.
import type { LiveRun } from './engine';

/** A frame budget that never runs out. */
export const never = (): boolean => false;

/** Play for `realMs` of wall time in 16 ms frames, as the worker does. */
export function play(run: LiveRun, realMs: number): void {
  run.playing = true;
  for (let elapsed = 0; elapsed < realMs; elapsed += 16) run.advance(16, never);
  run.playing = false;
}
