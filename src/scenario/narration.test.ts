// Narration that cannot drift: every lesson replayed headlessly as the page plays it, each step's text filled
// with the facts at its pause, and each step's claims (servers named, counts, results, phase) checked against
// the trace and the page's state there. A step without checks here fails: a new step needs its claims written.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../sim/trace';
import { fillNarration, placeholders, type PauseFacts } from '../view/lessons/facts';
import type { ConsoleEntry, QuorumOverlapView, ServerView } from '../view/projections';
import { LiveRun } from '../worker/engine';
import { LESSONS, replayHeader, type Lesson, type LessonStep } from './lessons';
import type { LessonId } from './lessonText';

const STEP_BOUND_MS = 30_000;

interface Pause {
  readonly facts: PauseFacts;
  readonly text: string;
  /** The trace as the page has it at the pause, and where this step started in it. */
  readonly trace: readonly TraceEvent[];
  readonly from: number;
  readonly index: number;
  readonly event: TraceEvent;
  readonly servers: readonly ServerView[];
  /** Every console line printed so far in this run. */
  readonly console: readonly ConsoleEntry[];
  readonly overlap: QuorumOverlapView | null;
  readonly violations: LiveRun['violations'];
}

function replay(lesson: Lesson): Pause[] {
  const start = (replay?: LessonStep['replay']): LiveRun => {
    const run = new LiveRun(replayHeader(lesson.header, replay), lesson.setup);
    run.speed = 20;
    return run;
  };
  let run = start();
  let printed: ConsoleEntry[] = [...run.frame().console];
  const pauses: Pause[] = [];
  for (const step of lesson.steps) {
    if (step.replay !== undefined) {
      run = start(step.replay);
      printed = [...run.frame().console];
    }
    const from = run.sim.trace.length;
    run.setPauseAt(step.pauseAt);
    for (const line of step.actions ?? []) expect(run.runLine(line, 'console')).toBeNull();
    const deadline = run.sim.now + STEP_BOUND_MS;
    run.playing = true;
    while (run.playing && run.sim.now < deadline) run.advance(16, () => false);
    const frame = run.frame();
    printed.push(...frame.console);
    expect(frame.pausedAt, `${lesson.id}: a step never paused`).toBeDefined();
    const facts = frame.pauseFacts!;
    pauses.push({
      facts,
      text: fillNarration(step.text, facts),
      trace: [...run.sim.trace],
      from,
      index: frame.pausedAt!,
      event: run.sim.trace[frame.pausedAt!]!,
      servers: frame.servers,
      console: [...printed],
      overlap: frame.quorumOverlap,
      violations: run.violations,
    });
  }
  return pauses;
}

// Small readers of a pause, for the claims below.
const role = (p: Pause, server: number): string => p.servers.find((s) => s.id === server)!.role;
const sessionsOn = (p: Pause, server: number): readonly string[] => p.servers.find((s) => s.id === server)!.sessions;
const since = (p: Pause): readonly TraceEvent[] => p.trace.slice(p.from);
const sent = (events: readonly TraceEvent[], wire: string, from: string, to?: string): boolean =>
  events.some((e) => e.kind === 'send' && e.wire === wire && e.from === from && (to === undefined || e.to === to));
const printed = (p: Pause, text: string): boolean => p.console.some((c) => c.kind === 'output' && c.text === text);
const inFlight = (p: Pause, wire: string, from: string, to: string): boolean => {
  const ended = new Set(p.trace.filter((e) => e.kind === 'deliver' || e.kind === 'drop').map((e) => e.id));
  return p.trace.some(
    (e) => e.kind === 'send' && e.wire === wire && e.from === from && e.to === to && !ended.has(e.id),
  );
};
function accepted(p: Pause, server: number, slot: number): { ballot: string; value?: string } | undefined {
  let found: { ballot: string; value?: string } | undefined;
  for (const e of p.trace)
    if (e.kind === 'accepted' && e.server === server && e.slot === slot)
      found = { ballot: `${e.ballot.round}.n${e.ballot.server}` };
  return found;
}
const facts = (p: Pause, expected: Record<string, string>): void => {
  expect(p.facts).toMatchObject(expected);
};

type Claims = readonly ((p: Pause, all: readonly Pause[]) => void)[];

/** Per lesson, per step: what its text says, checked. */
const CLAIMS: Record<LessonId, Claims> = {
  'one-write': [
    (p) => facts(p, { session: 'c1', at: 'n1', status: 'connected' }),
    (p) => {
      facts(p, { phase: 'prepare', server: 'n1', ballot: '2.n1' });
      expect(sent(since(p), 'prepare', 'n1', 'n2') && sent(since(p), 'prepare', 'n1', 'n3')).toBe(true);
    },
    (p) => facts(p, { server: 'n2', ballot: '2.n1' }),
    (p) => {
      // The issue's contradiction: the quorum is n1 with n3, while n2's promise is still flying.
      facts(p, { phase: 'promise-quorum', voters: 'n1 and n3', count: '2', servers: '3', late: 'n2', slot: '1' });
      facts(p, { value: 'c1: create /x 1', leader: 'n1' });
      expect(inFlight(p, 'promise', 'n2', 'n1')).toBe(true);
      expect(sent(since(p), 'accept', 'n1', 'n2') && sent(since(p), 'accept', 'n1', 'n3')).toBe(true);
    },
    (p) => facts(p, { server: 'n2', slot: '1', ballot: '2.n1' }),
    (p) => facts(p, { phase: 'decide', server: 'n1', voters: 'n1 and n2', count: '2', slot: '1' }),
    (p) => facts(p, { session: 'c1', at: 'n1', reply: 'Created /x' }),
    (p) => facts(p, { server: 'n3', slot: '1', value: 'c1: create /x 1' }),
  ],
  watch: [
    (p) => facts(p, { reply: 'Created /data' }),
    (p) => facts(p, { reply: '1', version: '0' }),
    (p) => facts(p, { watch: 'NodeDataChanged /data', session: 'c1' }),
    (p) => {
      facts(p, { session: 'c1' });
      // Right behind the watch event: nothing else of c1's came between.
      const watchAt = p.trace.findLastIndex((e) => e.kind === 'watch' && e.session === 'c1');
      expect(p.index).toBeGreaterThan(watchAt);
      expect(p.trace.slice(watchAt + 1, p.index).some((e) => e.kind === 'return' && e.session === 'c1')).toBe(false);
    },
    (p) => {
      facts(p, { version: '1' });
      expect(p.text).toContain('dataVersion = 1');
    },
  ],
  race: [
    (p) => {
      facts(p, { reply: 'Created /cfg', version: '0' });
      expect(sessionsOn(p, 1)).toContain('c1');
      expect(sessionsOn(p, 2)).toContain('c2');
    },
    (p) => {
      facts(p, { session: 'c1', result: 'ok', leader: 'n1' });
      // n1 leads, so c1's set needed no forwarding.
      expect(sent(since(p), 'forward', 'n1')).toBe(false);
    },
    (p) => {
      facts(p, { session: 'c2', result: 'BADVERSION', reply: 'version No is not valid : /cfg' });
      expect(sent(p.trace, 'forward', 'n2', 'n1')).toBe(true);
    },
  ],
  'leader-crash': [
    (p) => {
      facts(p, { session: 'c1', at: 'n2', leader: 'n1' });
      expect(role(p, 2)).toBe('follower');
    },
    (p) => {
      facts(p, { phase: 'accept', server: 'n1', ballot: '1.n1', slot: '1', value: 'c1: create /x 1' });
      expect(sent(since(p), 'forward', 'n2', 'n1')).toBe(true);
      expect(sent(since(p), 'accept', 'n1', 'n2') && sent(since(p), 'accept', 'n1', 'n3')).toBe(true);
      expect(p.trace.some((e) => e.kind === 'decided' && e.slot === 1)).toBe(false);
    },
    (p) => {
      facts(p, { phase: 'promise-quorum', server: 'n2', ballot: '2.n2', voters: 'n2 and n3', count: '2', slot: '1' });
      facts(p, { value: 'c1: create /x 1', leader: 'n2' });
      // n1 crashed before any Accepted reached it; n3 had accepted slot 1 at 1.n1, which its Promise reports.
      expect(since(p).some((e) => e.kind === 'crash' && e.server === 1)).toBe(true);
      expect(since(p).some((e) => e.kind === 'deliver' && e.to === 'n1' && e.wire === 'accepted')).toBe(false);
      const n3 = since(p).filter((e) => e.kind === 'accepted' && e.server === 3 && e.slot === 1);
      expect(n3.map((e) => (e.kind === 'accepted' ? `${e.ballot.round}.n${e.ballot.server}` : ''))).toEqual(['1.n1']);
      // What the page shows in the same instant: n2 leads and the Accepts of 2.n2 fly; its log has slot 1 at 2.n2.
      expect(role(p, 2)).toBe('leader');
      expect(accepted(p, 2, 1)?.ballot).toBe('2.n2');
      expect(inFlight(p, 'accept', 'n2', 'n3')).toBe(true);
      expect(p.overlap).toMatchObject({
        current: { server: 2, vote: 'promise', voters: [2, 3] },
        previous: { server: 1, vote: 'accepted', slot: 0, voters: [1, 3] },
        shared: [3],
      });
    },
    (p) => {
      facts(p, { phase: 'decide', server: 'n2', slot: '1', value: 'c1: create /x 1', voters: 'n2 and n3' });
      expect(accepted(p, 2, 1)?.ballot).toBe('2.n2');
      // n2 and n3 had both accepted it at 1.n1 before n1 crashed: it was chosen already.
      const early = p.trace.filter(
        (e) => e.kind === 'accepted' && e.slot === 1 && e.ballot.round === 1 && (e.server === 2 || e.server === 3),
      );
      expect(early.length).toBe(2);
    },
  ],
  dueling: [
    (p) => facts(p, { session: 'c1', at: 'n1' }),
    (p) => facts(p, { session: 'c2', at: 'n2' }),
    (p) => {
      facts(p, { wire: 'nack', to: 'n1', from: 'n2' });
      expect(sent(since(p), 'prepare', 'n1') && sent(since(p), 'prepare', 'n2')).toBe(true);
      expect(p.servers.find((s) => s.id === 2)!.promised).toBe('3.n2');
    },
    (p) => facts(p, { phase: 'decide', server: 'n2', value: 'c2: create /b 2', slot: '2', voters: 'n1 and n2' }),
    (p) => {
      facts(p, { phase: 'prepare', server: 'n1', ballot: '4.n1' });
      expect(since(p).some((e) => e.kind === 'phase' && e.phase === 'prepare' && e.server === 1)).toBe(true);
    },
    (p) => {
      facts(p, { session: 'c1', reply: 'Created /a' });
      // Both clients have their replies printed.
      expect(printed(p, 'Created /b') && printed(p, 'Created /a')).toBe(true);
      expect(
        p.trace.some((e) => e.kind === 'decided' && e.server === 1 && e.slot === 3 && e.text === 'c1: create /a 1'),
      ).toBe(true);
    },
  ],
  partition: [
    (p) => {
      facts(p, { reply: 'Created /cfg' });
      expect(sessionsOn(p, 1)).toContain('c1');
      expect(sessionsOn(p, 3)).toContain('c2');
    },
    (p) => facts(p, { at: 'n3', reply: 'v1' }),
    (p) => facts(p, { leader: 'n1', session: 'c1', result: 'ok', reply: 'done' }),
    (p) => facts(p, { at: 'n3', reply: 'v1' }),
    (p) => {
      // n3 is a follower and forwards the write to the leader; the red cross is a dropped session touch.
      facts(p, { wire: 'session-touch', from: 'n3', to: 'n1', reason: 'cut', leader: 'n1' });
      expect(role(p, 3)).toBe('follower');
      expect(sent(since(p), 'forward', 'n3', 'n1')).toBe(true);
      expect(since(p).some((e) => e.kind === 'phase' && e.server === 3)).toBe(false);
      expect(p.trace.some((e) => e.kind === 'return' && e.session === 'c2' && e.t > p.trace[p.from]!.t)).toBe(false);
    },
    (p) => {
      facts(p, { leader: 'n1' });
      expect(inFlight(p, 'forward', 'n3', 'n1')).toBe(true);
    },
    (p) => {
      facts(p, { session: 'c2', at: 'n3', result: 'ok', reply: 'done' });
      expect(since(p).some((e) => e.kind === 'apply' && e.server === 3 && e.text === 'c1: set /cfg v2')).toBe(true);
      expect(since(p).filter((e) => e.kind === 'apply' && e.server === 3 && e.text.startsWith('c1:')).length).toBe(1);
    },
    (p) => facts(p, { session: 'c2', reply: 'Sync is OK' }),
    (p) => facts(p, { session: 'c2', reply: 'v3' }),
  ],
  'session-failover': [
    (p) => {
      facts(p, { leader: 'n1', reply: 'Created /eph' });
      expect(sessionsOn(p, 1)).toContain('c2');
      expect(sessionsOn(p, 2)).toContain('c1');
    },
    (p) => {
      facts(p, { session: 'c2', at: 'n1', leader: 'n1', reply: 'Sync is OK' });
      expect(p.trace.some((e) => e.kind === 'apply' && e.server === 1 && e.text === 'c1: create -e /eph 1')).toBe(true);
    },
    (p) => facts(p, { session: 'c2', reply: '1' }),
    (p) => {
      facts(p, { session: 'c1', status: 'connected' });
      expect(p.facts.at).not.toBe('n2');
      expect(since(p).some((e) => e.kind === 'crash' && e.server === 2)).toBe(true);
      expect(since(p).some((e) => e.kind === 'session' && e.session === 'c1' && e.status === 'expired')).toBe(false);
    },
    (p) => {
      facts(p, { session: 'c2', watch: 'NodeDeleted /eph' });
      expect(since(p).some((e) => e.kind === 'apply' && e.text.startsWith('closeSession c1'))).toBe(true);
    },
  ],
  lock: [
    (p) => facts(p, { reply: 'Created /lock' }),
    (p) => facts(p, { reply: 'Created /lock/n-0000000000' }),
    (p) => facts(p, { reply: 'Created /lock/n-0000000001' }),
    (p) => facts(p, { session: 'c2', result: 'ok' }),
    (p) => facts(p, { reply: 'Created /lock/n-0000000002' }),
    (p) => facts(p, { session: 'c3', result: 'ok' }),
    (p) => facts(p, { session: 'c1', result: 'ok', reply: 'done' }),
    (p) => {
      facts(p, { session: 'c2', watch: 'NodeDeleted /lock/n-0000000000' });
      expect(p.trace.some((e) => e.kind === 'watch' && e.session === 'c3')).toBe(false);
    },
    (p) => facts(p, { session: 'c2', reply: '[n-0000000001, n-0000000002]' }),
  ],
  'bug-forget-promise': [
    (p) => {
      facts(p, { server: 'n3' });
      expect(p.servers.find((s) => s.id === 2)!.promised).toBe('2.n3');
      expect(p.servers.find((s) => s.id === 3)!.promised).toBe('-');
      expect(
        p.trace.some((e) => e.kind === 'role' && e.server === 3 && e.role === 'leader' && e.ballot.round === 2),
      ).toBe(true);
    },
    (p) => {
      expect(p.violations[0]!.check).toBe('promises');
      expect(accepted(p, 3, 2)?.ballot).toBe('1.n1');
    },
    (p) => {
      facts(p, { server: 'n3' });
      expect(p.event.t).toBe(1700);
      expect(p.servers.find((s) => s.id === 3)!.promised).toBe('2.n3');
    },
    (p) => {
      facts(p, { session: 'c1', result: 'ok' });
      expect(
        p.trace.some((e) => e.kind === 'role' && e.server === 3 && e.role === 'leader' && e.ballot.round === 3),
      ).toBe(true);
      expect(accepted(p, 3, 2)?.ballot).toBe('3.n3');
      expect(p.violations).toEqual([]);
    },
  ],
  'bug-ignore-promised-values': [
    (p) => {
      facts(p, { from: 'n3', to: 'n2', wire: 'promise' });
      expect(accepted(p, 3, 1)?.ballot).toBe('1.n1');
      expect(accepted(p, 2, 1)?.ballot).toBe('1.n1');
    },
    (p) => expect(p.violations[0]!.verdict.reason).toContain('accepted noop for slot 1'),
    (p) => facts(p, { phase: 'accept', server: 'n2', slot: '1', ballot: '2.n2', value: 'c1: create /x 1' }),
    (p) => facts(p, { phase: 'decide', server: 'n2', slot: '1', value: 'c1: create /x 1' }),
  ],
  'bug-minority-quorum': [
    (p) =>
      facts(p, { phase: 'accepted-quorum', server: 'n1', slot: '3', voters: 'n1 and n2', count: '2', servers: '5' }),
    (p) => {
      expect(p.violations[0]!.check).toBe('agreement');
      expect(p.overlap).toMatchObject({
        current: { server: 3, voters: [3, 4] },
        previous: { server: 1, voters: [1, 2] },
      });
    },
    (p) => {
      facts(p, { session: 'c2', result: 'ok' });
      expect(
        p.trace.some((e) => e.kind === 'role' && e.server === 4 && e.role === 'leader' && e.ballot.round === 2),
      ).toBe(true);
      expect(p.trace.some((e) => e.kind === 'decided' && e.slot === 3 && e.text === 'c2: set /x from-n4')).toBe(true);
    },
    (p) => {
      facts(p, { session: 'c1', result: 'ok' });
      expect(p.trace.some((e) => e.kind === 'decided' && e.slot === 4 && e.text === 'c1: set /x from-n1')).toBe(true);
    },
  ],
  'bug-accept-below-promise': [
    (p) => facts(p, { phase: 'accept', server: 'n1', slot: '2', ballot: '1.n1' }),
    (p) => {
      expect(p.violations[0]!.check).toBe('promises');
      expect(accepted(p, 3, 2)?.ballot).toBe('1.n1');
    },
    (p) => facts(p, { phase: 'accept', server: 'n1', slot: '2', ballot: '1.n1' }),
    (p) => {
      facts(p, { session: 'c1', result: 'ok' });
      expect(sent(p.trace, 'forward', 'n1', 'n3')).toBe(true);
      expect(accepted(p, 3, 2)?.ballot).toBe('2.n3');
      expect(accepted(p, 1, 2)?.ballot).toBe('2.n3');
    },
  ],
  'bug-apply-out-of-order': [
    (p) => facts(p, { server: 'n3', slot: '3' }),
    (p) => expect(p.violations[0]!.check).toBe('prefix'),
    (p) => facts(p, { server: 'n3', slot: '3' }),
    (p) => facts(p, { session: 'c2', at: 'n3', reply: '[a, b, zookeeper]' }),
  ],
  'zab-not-paxos': [
    (p) => {
      facts(p, { phase: 'decide', leader: 'n1', server: 'n1', slot: '1', count: '2', value: 'c1: create /x 1' });
      // Only phase 2 for the write: the one phase 1 of the run was the election at the start.
      expect(since(p).filter((e) => e.kind === 'phase' && e.phase === 'prepare' && e.t > 100)).toHaveLength(0);
    },
    (p) => facts(p, { server: 'n1' }),
    (p) => {
      facts(p, { phase: 'promise-quorum', server: 'n2', ballot: '2.n2', voters: 'n2 and n3', slot: '2' });
      // No slot was left open: n2 proposes c1's set at once in the next free slot, and re-proposes nothing.
      expect(role(p, 2)).toBe('leader');
      expect(sent(since(p), 'accept', 'n2', 'n3')).toBe(true);
      expect(since(p).some((e) => e.kind === 'phase' && e.phase === 'accept' && 'slot' in e && e.slot === 1)).toBe(
        false,
      );
    },
    (p) => facts(p, { phase: 'decide', server: 'n2', slot: '2', value: 'c1: set /x 2' }),
    (p) => {
      facts(p, { phase: 'commit', server: 'n3', zxid: '0x100000002', epoch: '1', value: 'c1: create /x 1' });
      expect(since(p).some((e) => e.kind === 'zab-propose' && e.server === 3 && e.zxid === 0x100000001)).toBe(true);
      expect(sent(since(p), 'COMMIT', 'n3', 'n2')).toBe(true);
    },
    (p) => facts(p, { server: 'n3' }),
    (p) => {
      facts(p, { phase: 'election', server: 'n2', leader: 'n2' });
      // Both followers went LOOKING and sent Notifications; n1 and n2 had the same last zxid.
      expect(sent(since(p), 'NOTIFICATION', 'n1', 'n2') && sent(since(p), 'NOTIFICATION', 'n2', 'n1')).toBe(true);
      expect(since(p).filter((e) => e.kind === 'phase' && e.phase === 'election' && !('leader' in e))).toHaveLength(2);
      expect(role(p, 1)).not.toBe('leader');
    },
    (p) => {
      facts(p, { phase: 'sync', server: 'n2', epoch: '2', syncs: 'n1 DIFF' });
      expect(sent(since(p), 'FOLLOWERINFO', 'n1', 'n2') && sent(since(p), 'LEADERINFO', 'n2', 'n1')).toBe(true);
      expect(sent(since(p), 'NEWLEADER', 'n2', 'n1') && sent(p.trace, 'UPTODATE', 'n2', 'n1')).toBe(true);
      const diff = since(p).find((e) => e.kind === 'send' && e.wire === 'DIFF');
      expect(diff).toMatchObject({ to: 'n1', label: 'DIFF 0 txns' });
    },
    (p) => {
      facts(p, { phase: 'commit', server: 'n2', zxid: '0x200000001', value: 'c1: set /x 2' });
      // Nothing was proposed in epoch 2 before the sync finished.
      const sync = p.trace.findIndex((e) => e.kind === 'phase' && e.phase === 'sync' && e.server === 2);
      const proposed = p.trace.findIndex((e) => e.kind === 'zab-propose' && e.zxid === 0x200000001);
      expect(proposed).toBeGreaterThan(sync);
    },
    (p) => {
      facts(p, { from: 'n2', to: 'n3', wire: 'DIFF', label: 'DIFF 1 txn' });
      expect(since(p).some((e) => e.kind === 'restart' && e.server === 3)).toBe(true);
    },
    (p) => {
      facts(p, { phase: 'commit', server: 'n2', zxid: '0x200000003', value: 'c1: set /x 4' });
      // Proposed and committed in the order c1 sent them.
      const zxids = (kind: 'zab-propose' | 'zab-commit') =>
        since(p).flatMap((e) => (e.kind === kind && e.server === 2 ? [e.zxid] : []));
      expect(zxids('zab-propose')).toEqual([0x200000002, 0x200000003]);
      expect(zxids('zab-commit')).toEqual([0x200000002, 0x200000003]);
      expect(p.text).toContain('0x200000003 is the second, c1: set /x 4');
    },
  ],
};

describe('lesson narration', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: every step's text is filled from its pause, and says what the run shows there`, () => {
      const claims = CLAIMS[lesson.id];
      expect(claims, `${lesson.id} has claims for every step`).toHaveLength(lesson.steps.length);
      const pauses = replay(lesson);
      for (const [n, p] of pauses.entries()) {
        const step = lesson.steps[n]!;
        for (const key of placeholders(step.text))
          expect(p.facts[key], `${lesson.id} step ${n + 1}: {${key}} at its pause`).toBeDefined();
        expect(p.text, `${lesson.id} step ${n + 1}`).not.toMatch(/[{}]/);
        // Servers and sessions named in the text exist in the lesson's cluster.
        for (const m of p.text.matchAll(/\bn(\d+)\b/g)) expect(Number(m[1])).toBeLessThanOrEqual(lesson.header.servers);
        try {
          claims[n]!(p, pauses);
        } catch (error) {
          throw new Error(`${lesson.id} step ${n + 1} ("${p.text.slice(0, 60)}…"): ${String(error)}`);
        }
      }
    });
  }

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(fillNarration('{a} and {b}', { a: 'n1' })).toBe('n1 and {b}');
    expect(placeholders('x {voters} y {role.n3}')).toEqual(['voters', 'role.n3']);
  });
});

it.runIf(process.env.NARRATION_PRINT)('print', () => {
  for (const lesson of LESSONS) {
    console.log(`\n## ${lesson.id}`);
    for (const [n, p] of replay(lesson).entries()) console.log(`${n + 1}. ${p.text}`);
  }
});
