// Fast-forwarding a lesson's idle waits changes only how soon things happen in real time: the same events.
import { describe, expect, it } from 'vitest';
import { traceFingerprint } from '../../sim/fingerprint';
import { LESSONS, replayHeader, type Lesson } from '../lessons';
import { isChatter } from './idle';
import { NO_OBSERVER, Timeline } from './timeline';

/** Play a lesson's steps as the page does; the pause indices, the real ms it took, and the skips seen. */
function play(
  lesson: Lesson,
  fastForward: boolean,
): { pauses: number[]; fingerprints: string[]; realMs: number; skipped: number } {
  let run = new Timeline(lesson.header, NO_OBSERVER, lesson.setup);
  const pauses: number[] = [];
  const fingerprints: string[] = [];
  let realMs = 0;
  let skipped = 0;
  for (const step of lesson.steps) {
    if (step.replay !== undefined)
      run = new Timeline(replayHeader(lesson.header, step.replay), NO_OBSERVER, lesson.setup);
    run.idle.enabled = fastForward;
    run.speed = 0.25;
    run.setPauseAt(step.pauseAt);
    const from = run.sim.trace.length;
    for (const line of step.actions ?? []) run.runLine(line, 'console');
    run.playing = true;
    while (run.playing && realMs < 10_000_000) {
      run.advance(16, () => false);
      realMs += 16;
      if (run.idle.skipped !== null) skipped = Math.max(skipped, run.idle.skipped.to - run.idle.skipped.from);
    }
    const index = run.takePausedAt() ?? -1;
    pauses.push(index);
    fingerprints.push(traceFingerprint(run.sim.trace));
    expect(index).toBeGreaterThanOrEqual(from);
  }
  return { pauses, fingerprints, realMs, skipped };
}

describe('idle waits in lessons', () => {
  it('tells chatter from what matters', () => {
    expect(
      isChatter({
        t: 0,
        kind: 'send',
        id: 1,
        from: 'n1',
        to: 'n2',
        wire: 'heartbeat',
        label: '',
        deliverAt: 1,
        lost: false,
      }),
    ).toBe(true);
    expect(
      isChatter({
        t: 0,
        kind: 'send',
        id: 1,
        from: 'n1',
        to: 'n2',
        wire: 'prepare',
        label: '',
        deliverAt: 1,
        lost: false,
      }),
    ).toBe(false);
    expect(isChatter({ t: 0, kind: 'crash', server: 1 })).toBe(false);
  });

  // Each lesson's real time at 0.25x, slow and fast-forwarded (LESSON_PACE=1 prints them).
  it.runIf(process.env.LESSON_PACE)('pace of every lesson', () => {
    for (const lesson of LESSONS) {
      const slow = play(lesson, false);
      const fast = play(lesson, true);
      console.log(lesson.id, (slow.realMs / 1000).toFixed(1), (fast.realMs / 1000).toFixed(1), fast.skipped);
    }
  });

  for (const id of ['session-failover', 'bug-forget-promise', 'bug-minority-quorum']) {
    it(`${id}: fast-forward reaches every pause at the same event, with the same trace, sooner`, () => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      const slow = play(lesson, false);
      const fast = play(lesson, true);
      expect(fast.pauses).toEqual(slow.pauses);
      expect(fast.fingerprints).toEqual(slow.fingerprints);
      expect(fast.realMs).toBeLessThan(slow.realMs);
      expect(slow.skipped).toBe(0);
      expect(fast.skipped).toBeGreaterThan(500);
    });
  }
});
