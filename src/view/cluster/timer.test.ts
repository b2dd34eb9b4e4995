import { describe, expect, it } from 'vitest';
import { timerArcPath, timerFraction, timerLeftMs } from './timer';

describe('timer arcs', () => {
  const timer = { kind: 'election', startedAt: 100, firesAt: 500 } as const;

  it('is full when set, half way at the middle, and gone once it fires', () => {
    expect(timerFraction(timer, 100)).toBe(1);
    expect(timerFraction(timer, 300)).toBe(0.5);
    expect(timerFraction(timer, 400)).toBe(0.25);
    expect(timerFraction(timer, 500)).toBe(0);
    expect(timerFraction(timer, 900)).toBe(0);
    // Before it was set (a frame's clock a little behind) it reads full, not more.
    expect(timerFraction(timer, 0)).toBe(1);
  });

  it('reads 0 for a timer due the moment it was set', () => {
    expect(timerFraction({ kind: 'heartbeat', startedAt: 50, firesAt: 50 }, 50)).toBe(0);
  });

  it('says the whole milliseconds left', () => {
    expect(timerLeftMs(timer, 299.5)).toBe(201);
    expect(timerLeftMs(timer, 700)).toBe(0);
  });

  it('draws nothing once spent, and a shorter path as it runs down', () => {
    expect(timerArcPath(0, 10, 12)).toBe('');
    expect(timerArcPath(1, 10, 12)).not.toBe('');
    expect(timerArcPath(0.25, 10, 12)).not.toBe(timerArcPath(0.75, 10, 12));
  });
});
