// Every lesson, driven through the live engine as the page drives it: setup at time 0, then per step
// its pause point and actions, played until it pauses. Fails when a step never reaches its pause.
import { describe, expect, it } from 'vitest';
import type { LiveViolation } from '../check/live';
import type { TraceEvent } from '../sim/trace';
import { describeEvent } from '../view/events/text';
import type { QuorumOverlapView } from '../view/projections';
import { LiveRun } from '../worker/engine';
import {
  lessonIdFromHash,
  lessonHash,
  lessonById,
  LESSONS,
  replayHeader,
  type Lesson,
  type LessonStep,
} from './lessons';
import { lessonText } from './lessonText';
import { isViolationPoint, matchesEvent, type EventMatcher } from './matcher';

/** Simulated ms a step may take to reach its pause point. */
const STEP_BOUND_MS = 30_000;

interface Reached {
  readonly index: number;
  readonly event: TraceEvent;
  /** The quorum overlap the ring would show at the pause. */
  readonly overlap: QuorumOverlapView | null;
  /** What the live checks found by then. */
  readonly violations: readonly LiveViolation[];
  /** The step ran in the replay without the bug switches (it or a step before it started it). */
  readonly replay: boolean;
}

/** The run a step plays in: the lesson's own, or (a replay step) a new one as the replay says. */
function startRun(lesson: Lesson, replay?: LessonStep['replay']): LiveRun {
  const run = new LiveRun(replayHeader(lesson.header, replay), lesson.setup);
  run.speed = 20;
  return run;
}

function runLesson(lesson: Lesson): Reached[] {
  let run = startRun(lesson);
  let replaying = false;
  const reached: Reached[] = [];
  for (const [n, step] of lesson.steps.entries()) {
    if (step.replay !== undefined) {
      run = startRun(lesson, step.replay);
      replaying = true;
    }
    const from = run.sim.trace.length;
    run.setPauseAt(step.pauseAt);
    for (const line of step.actions ?? [])
      expect(run.runLine(line, 'console'), `${lesson.id} step ${n + 1}: ${line}`).toBeNull();
    const deadline = run.sim.now + STEP_BOUND_MS;
    run.playing = true;
    while (run.playing && run.sim.now < deadline) run.advance(16, () => false);
    const frame = run.frame();
    const pausedAt = frame.pausedAt;
    expect(
      pausedAt,
      `${lesson.id} step ${n + 1} never reached its pause point ${JSON.stringify(step.pauseAt)}`,
    ).toBeDefined();
    const index = pausedAt!;
    const event = run.sim.trace[index]!;
    const violations = run.violations;
    if (isViolationPoint(step.pauseAt)) {
      // It paused where the checks revealed the first violation, not before.
      expect(violations.length, `${lesson.id} step ${n + 1}`).toBeGreaterThan(0);
    } else {
      expect(matchesEvent(event, step.pauseAt)).toBe(true);
      // It paused at the first matching event since the step began, not a later one.
      const first = run.sim.trace.findIndex((e, i) => i >= from && matchesEvent(e, step.pauseAt as EventMatcher));
      expect(first, `${lesson.id} step ${n + 1}`).toBe(index);
    }
    if (process.env.LESSON_DEBUG)
      console.log(lesson.id, n + 1, index, event.t, describeEvent(event), JSON.stringify(violations));
    reached.push({ index, event, overlap: frame.quorumOverlap, violations, replay: replaying });
  }
  return reached;
}

const resultOf = (
  r: Reached,
): { ok: boolean; error?: string; data?: string; path?: string; children?: readonly string[] } => {
  if (r.event.kind !== 'return') throw new Error(`expected a return, got ${r.event.kind}`);
  return r.event.result;
};

describe('lessons', () => {
  it('ships at least 8, each with narration for every step and a distinct id', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const lesson of LESSONS) {
      expect(lessonText[lesson.id].steps.length, lesson.id).toBe(lesson.steps.length);
      for (const step of lesson.steps) expect(step.text.length).toBeGreaterThan(10);
      expect(lessonById(lesson.id)).toBe(lesson);
      expect(lessonIdFromHash(lessonHash(lesson.id))).toBe(lesson.id);
    }
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: every step pauses at its point`, () => {
      const reached = runLesson(lesson);
      expect(reached).toHaveLength(lesson.steps.length);
      // Within one run each pause comes after the one before (a replay step starts a new run).
      for (let i = 1; i < reached.length; i++)
        if (lesson.steps[i]!.replay === undefined) expect(reached[i]!.index).toBeGreaterThan(reached[i - 1]!.index);
    });
  }

  it('one-write shows every phase in order for the write', () => {
    const r = runLesson(lessonById('one-write')!);
    const phases = r.slice(1, 6).map((x) => (x.event.kind === 'phase' ? x.event.phase : x.event.kind));
    expect(phases).toEqual(['prepare', 'promised', 'promise-quorum', 'accepted', 'decide']);
    // The accept phase comes with the promise quorum, at the same instant.
    const run = r[3]!.event;
    expect(run.kind).toBe('phase');
    expect(resultOf(r[6]!).ok).toBe(true);
    expect(r[7]!.event).toMatchObject({ kind: 'apply', server: 3, ok: true });
  });

  it('race: the set that reached the log second fails with BADVERSION', () => {
    const r = runLesson(lessonById('race')!);
    expect(resultOf(r[1]!).ok).toBe(true);
    expect(resultOf(r[2]!)).toMatchObject({ ok: false, error: 'BADVERSION' });
  });

  it('leader-crash: the new leader re-decides the write that n1 sent Accept for', () => {
    const lesson = lessonById('leader-crash')!;
    const r = runLesson(lesson);
    const quorum = r[2]!.event;
    const decide = r[3]!.event;
    expect(quorum.kind === 'phase' && quorum.server).not.toBe(1);
    expect(decide.kind === 'phase' && decide.server).toBe(quorum.kind === 'phase' ? quorum.server : -1);
    // The ring's overlap at the promise quorum: the new leader's promises beside n1's last accepted quorum.
    expect(r[2]!.overlap).toMatchObject({
      current: { server: 2, vote: 'promise', ballot: '2.n2', voters: [2, 3] },
      previous: { server: 1, vote: 'accepted', ballot: '1.n1', slot: 0, voters: [1, 3] },
      shared: [3],
    });
  });

  it('watch: the watch fires, then the set returns, then a fresh read shows version 1', () => {
    const r = runLesson(lessonById('watch')!);
    expect(resultOf(r[1]!)).toMatchObject({ ok: true, data: '1' });
    expect(r[2]!.event).toMatchObject({ kind: 'watch', session: 'c1', path: '/data' });
    expect(r[4]!.event).toMatchObject({ kind: 'return', result: { ok: true, data: '2', stat: { version: 1 } } });
  });

  it('partition: the minority read is stale, then the session catches up', () => {
    const r = runLesson(lessonById('partition')!);
    expect(resultOf(r[1]!).data).toBe('v1');
    expect(resultOf(r[3]!).data).toBe('v1');
    expect(resultOf(r[8]!).data).toBe('v3');
  });

  it('session-failover: c1 reconnects to another server', () => {
    const r = runLesson(lessonById('session-failover')!);
    const reconnect = r[3]!.event;
    expect(reconnect.kind === 'session' && reconnect.server).not.toBe(2);
    expect(r[4]!.event).toMatchObject({ kind: 'watch', session: 'c2', type: 'NodeDeleted', path: '/eph' });
  });

  it('lock: the sequential names queue up and only the next waiter is notified', () => {
    const r = runLesson(lessonById('lock')!);
    expect(resultOf(r[1]!).path).toBe('/lock/n-0000000000');
    expect(resultOf(r[2]!).path).toBe('/lock/n-0000000001');
    expect(resultOf(r[4]!).path).toBe('/lock/n-0000000002');
    expect(resultOf(r[6]!).ok).toBe(true);
    expect(r[7]!.event).toMatchObject({ kind: 'watch', session: 'c2', path: '/lock/n-0000000000' });
    expect(resultOf(r[8]!).children).toEqual(['n-0000000001', 'n-0000000002']);
  });
});

describe('bug lessons', () => {
  const caught: Record<string, string> = {
    'bug-forget-promise': 'promises',
    'bug-ignore-promised-values': 'chosen',
    'bug-minority-quorum': 'agreement',
    'bug-accept-below-promise': 'promises',
    'bug-apply-out-of-order': 'prefix',
  };
  for (const [id, check] of Object.entries(caught)) {
    it(`${id}: breaks its rule, the monitor catches ${check}, and the replay without the switch stays safe`, () => {
      const lesson = lessonById(id)!;
      const bug = id.slice('bug-'.length);
      expect(lesson.header.bugs).toEqual([bug]);
      // The steps only pause: the setup holds every line, so that the replay runs the same ones.
      expect(lesson.steps.every((step) => step.actions === undefined)).toBe(true);
      const r = runLesson(lesson);
      const at = lesson.steps.findIndex((step) => isViolationPoint(step.pauseAt));
      const replayAt = lesson.steps.findIndex((step) => step.replay !== undefined);
      expect(at).toBeGreaterThan(0);
      expect(replayAt).toBe(at + 1);
      // Before the catch nothing is violated; at it, the lesson's invariant is the first one found.
      for (const before of r.slice(0, at)) expect(before.violations).toEqual([]);
      expect(r[at]!.violations[0]!.check).toBe(check);
      // The rule broke at or before the pause before the catch, and the catch came after it.
      expect(r[at]!.violations[0]!.detectedAt).toBeGreaterThan(r[at - 1]!.index);
      for (const after of r.slice(replayAt)) {
        expect(after.replay).toBe(true);
        expect(after.violations).toEqual([]);
      }
    });
  }

  it('bug-minority-quorum: the two quorums that decided slot 3 share no server', () => {
    const r = runLesson(lessonById('bug-minority-quorum')!);
    expect(r[1]!.overlap).toMatchObject({
      current: { server: 3, vote: 'accepted', slot: 3, voters: [3, 4] },
      previous: { server: 1, vote: 'accepted', slot: 3, voters: [1, 2] },
      shared: [],
    });
  });

  it('bug-apply-out-of-order: the replay lists /a on n3, as the narration says', () => {
    const r = runLesson(lessonById('bug-apply-out-of-order')!);
    expect(resultOf(r[3]!)).toMatchObject({ ok: true, server: 3, children: ['a', 'b', 'zookeeper'] });
  });

  it('bug-ignore-promised-values: the replay re-proposes and decides the reported create', () => {
    const r = runLesson(lessonById('bug-ignore-promised-values')!);
    expect(r[1]!.violations[0]!.verdict.reason).toContain('accepted noop for slot 1');
  });
});
