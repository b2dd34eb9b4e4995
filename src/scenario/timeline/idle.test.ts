// Fast-forwarding a lesson's idle waits changes only how soon things happen in real time: the same events.
import { describe, expect, it } from 'vitest';
import { createProtocol } from '../../protocol';
import type { Envelope } from '../../protocol/types';
import { DEFAULT_HEADER } from '../../sim/config';
import { traceFingerprint } from '../../sim/fingerprint';
import { Simulator } from '../../sim/simulator';
import type { LoggedTxn } from '../../sim/world';
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
  it('tells chatter from what matters by the mark the simulator puts on it', () => {
    const send = { t: 0, kind: 'send', id: 1, from: 'n1', to: 'n2', label: '', deliverAt: 1, lost: false } as const;
    expect(isChatter({ ...send, wire: 'heartbeat', chatter: true })).toBe(true);
    expect(isChatter({ ...send, wire: 'prepare' })).toBe(false);
    expect(isChatter({ t: 0, kind: 'crash', server: 1 })).toBe(false);
  });

  for (const protocol of ['multi-paxos', 'zab'] as const) {
    it(`${protocol}: the simulator marks the protocol's own chatter (isChatter) and client pings, nothing else`, () => {
      const header = { ...DEFAULT_HEADER, seed: 1, protocol };
      const sim = new Simulator({ header, traceMessages: true });
      const protocolOf = createProtocol<LoggedTxn>(protocol, { servers: 3, bugs: [], latencyMsMax: 50 });
      sim.invoke('c1', {
        kind: 'command',
        command: { kind: 'create', path: '/a', data: '1', ephemeral: false, sequential: false },
      });
      sim.runUntil(5000);
      const wires = sim.trace.filter((e) => e.kind === 'send');
      const chatter = new Set(wires.filter((e) => isChatter(e)).map((e) => (e.kind === 'send' ? e.wire : '')));
      const work = new Set(wires.filter((e) => !isChatter(e)).map((e) => (e.kind === 'send' ? e.wire : '')));
      expect(chatter.has('client-ping')).toBe(true);
      expect(work.has('client-request')).toBe(true);
      for (const wire of chatter) expect(work.has(wire), wire).toBe(false);
      // The protocol's own kinds marked chatter are exactly the ones its isChatter names.
      for (const e of wires) {
        if (e.kind !== 'send' || e.from.startsWith('c') || e.to.startsWith('c') || e.wire === 'session-touch') continue;
        expect(isChatter(e), e.label).toBe(protocolOf.isChatter({ from: 0, to: 0, type: e.wire } as Envelope));
      }
      expect(chatter.has(protocol === 'zab' ? 'PING' : 'heartbeat')).toBe(true);
    });
  }

  it('zab: a wait over nothing but PINGs is fast-forwarded, and reaches the same pause with the same trace', () => {
    // A write, then a pause at the session's next ping: in between only the leader's PINGs go by.
    const lesson = {
      ...LESSONS[0]!,
      header: { ...DEFAULT_HEADER, seed: 1, protocol: 'zab' },
      setup: [],
      steps: [
        { text: '', actions: ['c1> create /a 1'], pauseAt: { kind: 'return', session: 'c1' } },
        { text: '', pauseAt: { kind: 'send', wire: 'client-ping' } },
      ],
    } as Lesson;
    const slow = play(lesson, false);
    const fast = play(lesson, true);
    expect(fast.pauses).toEqual(slow.pauses);
    expect(fast.fingerprints).toEqual(slow.fingerprints);
    expect(slow.skipped).toBe(0);
    expect(fast.skipped).toBeGreaterThan(500);
    expect(fast.realMs).toBeLessThan(slow.realMs);
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
