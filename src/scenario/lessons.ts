// Guided lessons as data (no React, no simulator): a header, setup lines run at time 0, and steps.
// Each step may send lines when it starts and ends where an event matching its `pauseAt` appears (or the
// live checks reveal a violation); the page pauses there. A bug lesson's replay step starts the same
// scenario again with its bug switches off. The narration lives in ./lessonText (a catalogue a translation can follow).
import type { ProtocolName } from '../protocol';
import { DEFAULT_HEADER, type Header } from '../sim/config';
import type { EventMatcher, PausePoint } from './matcher';
import type { ScenarioAction } from './model';
import { lessonText, type LessonId } from './lessonText';

export interface LessonHighlight {
  readonly servers?: readonly number[];
  /** Trace or message kinds the step talks about ("prepare", "watch", ...). */
  readonly kinds?: readonly string[];
  readonly path?: string;
  /** Show the latest quorum's overlap with the earlier one it must share a server with, on the ring. */
  readonly overlap?: true;
}

export interface LessonStep {
  readonly text: string;
  /** Scenario lines sent when the step starts ("c1> create /x 1", "kill n1"). */
  readonly actions?: readonly string[];
  /** Where this step ends: the page pauses at the first matching trace event after the step starts. */
  readonly pauseAt: PausePoint;
  /**
   * The step starts a new run of the lesson's header and setup: with every bug switch off, or under another
   * protocol (the same scenario, seed and faults, e.g. Multi-Paxos then ZAB).
   */
  readonly replay?: 'without-bugs' | { readonly protocol: ProtocolName };
  readonly highlight?: LessonHighlight;
}

export interface Lesson {
  readonly id: LessonId;
  readonly title: string;
  readonly summary: string;
  readonly header: Header;
  /** Scenario lines, at time 0 or as many ms later as the `wait Nms` lines before them add up to. */
  readonly setup: readonly ScenarioAction[];
  readonly steps: readonly LessonStep[];
}

type StepSpec = Omit<LessonStep, 'text'>;

/** The header a step's replay runs (the lesson's own when the step does not replay). */
export function replayHeader(header: Header, replay: LessonStep['replay']): Header {
  if (replay === undefined) return header;
  if (replay === 'without-bugs') return { ...header, bugs: [] };
  return { ...header, protocol: replay.protocol };
}

/** Setup lines as timed actions: a `wait` moves the clock for the lines after it (as in a scenario file). */
function timedSetup(lines: readonly string[]): ScenarioAction[] {
  const actions: ScenarioAction[] = [];
  let t = 0;
  for (const line of lines) {
    const wait = /^wait (\d+)ms$/.exec(line);
    if (wait !== null) t += Number(wait[1]);
    // Lines at time 0 run before any event, as the console's would; later ones once the clock reaches them.
    else actions.push({ events: t === 0 ? 0 : -1, t, text: line });
  }
  return actions;
}

function lesson(id: LessonId, header: Partial<Header>, setup: readonly string[], steps: readonly StepSpec[]): Lesson {
  const narration = lessonText[id];
  return {
    id,
    title: narration.title,
    summary: narration.summary,
    header: { ...DEFAULT_HEADER, ...header },
    setup: timedSetup(setup),
    steps: steps.map((step, index) => ({ ...step, text: narration.steps[index] ?? '' })),
  };
}

const phase = (
  p: 'prepare' | 'promise-quorum' | 'accept' | 'accepted-quorum' | 'decide',
  more: Record<string, number> = {},
): EventMatcher => ({ kind: 'phase', phase: p, ...more });
const returned = (session: string): EventMatcher => ({ kind: 'return', session });
const connected = (session: string): EventMatcher => ({ kind: 'session', session, status: 'connected' });
const violation: PausePoint = { kind: 'violation' };
/** A ZAB phase mark (its fields: epoch, zxid, leader). */
const zabMark = (
  p: 'election' | 'discovery' | 'sync' | 'proposal' | 'ack-quorum' | 'commit',
  more: Record<string, number> = {},
): EventMatcher => ({ kind: 'phase', phase: p, ...more });
const replay = 'without-bugs';

export const LESSONS: readonly Lesson[] = [
  lesson(
    'one-write',
    { protocol: 'basic-paxos', seed: 1 },
    [],
    [
      { actions: ['c1 connect n1'], pauseAt: connected('c1'), highlight: { servers: [1] } },
      {
        actions: ['c1> create /x 1'],
        pauseAt: phase('prepare', { server: 1 }),
        highlight: { servers: [1], kinds: ['prepare'] },
      },
      { pauseAt: { kind: 'promised', server: 2 }, highlight: { servers: [2], kinds: ['promise'] } },
      { pauseAt: phase('promise-quorum', { server: 1 }), highlight: { servers: [1], kinds: ['promise', 'accept'] } },
      { pauseAt: { kind: 'accepted', server: 2 }, highlight: { servers: [2], kinds: ['accepted'] } },
      { pauseAt: phase('decide', { server: 1 }), highlight: { servers: [1], kinds: ['accepted', 'decide'] } },
      { pauseAt: returned('c1'), highlight: { servers: [1], kinds: ['client'], path: '/x' } },
      { pauseAt: { kind: 'apply', server: 3 }, highlight: { servers: [3], kinds: ['decide'], path: '/x' } },
    ],
  ),
  lesson(
    'watch',
    { seed: 1 },
    [],
    [
      { actions: ['c1> create -e /data 1'], pauseAt: returned('c1'), highlight: { path: '/data' } },
      { actions: ['c1> get -s -w /data'], pauseAt: returned('c1'), highlight: { kinds: ['watch'], path: '/data' } },
      {
        actions: ['c1> set -v 0 /data 2'],
        pauseAt: { kind: 'watch', session: 'c1', type: 'NodeDataChanged' },
        highlight: { kinds: ['watch'], path: '/data' },
      },
      { pauseAt: returned('c1'), highlight: { path: '/data' } },
      { actions: ['c1> get -s /data'], pauseAt: returned('c1'), highlight: { path: '/data' } },
    ],
  ),
  lesson(
    'race',
    { seed: 1 },
    ['settle', 'c1 connect n1', 'c2 connect n2'],
    [
      { actions: ['c1> create /cfg v0'], pauseAt: returned('c1'), highlight: { path: '/cfg' } },
      {
        actions: ['c1> set -v 0 /cfg a &', 'c2> set -v 0 /cfg b &'],
        pauseAt: returned('c1'),
        highlight: { servers: [1], kinds: ['accept'], path: '/cfg' },
      },
      { pauseAt: returned('c2'), highlight: { servers: [2], path: '/cfg' } },
    ],
  ),
  lesson(
    'leader-crash',
    { seed: 6 },
    ['settle'],
    [
      { actions: ['c1 connect n2'], pauseAt: connected('c1'), highlight: { servers: [1] } },
      {
        actions: ['c1> create /x 1'],
        pauseAt: phase('accept', { server: 1, slot: 1 }),
        highlight: { servers: [1], kinds: ['accept'] },
      },
      {
        actions: ['kill n1'],
        pauseAt: phase('promise-quorum'),
        highlight: { servers: [2, 3], kinds: ['prepare', 'promise'], overlap: true },
      },
      {
        pauseAt: phase('decide', { slot: 1 }),
        highlight: { servers: [2, 3], kinds: ['accept', 'decide'], path: '/x' },
      },
    ],
  ),
  lesson(
    'dueling',
    { protocol: 'basic-paxos', seed: 1 },
    [],
    [
      { actions: ['c1 connect n1'], pauseAt: connected('c1'), highlight: { servers: [1] } },
      { actions: ['c2 connect n2'], pauseAt: connected('c2'), highlight: { servers: [2] } },
      {
        actions: ['c1> create /a 1 &', 'c2> create /b 2 &'],
        pauseAt: { kind: 'deliver', wire: 'nack' },
        highlight: { servers: [1, 2], kinds: ['prepare', 'nack'] },
      },
      { pauseAt: phase('decide', { server: 2 }), highlight: { servers: [2], kinds: ['decide'] } },
      { pauseAt: phase('prepare', { server: 1 }), highlight: { servers: [1], kinds: ['prepare'] } },
      { pauseAt: returned('c1'), highlight: { servers: [1], kinds: ['decide', 'client'] } },
    ],
  ),
  lesson(
    'partition',
    { seed: 5 },
    ['settle', 'c1 connect n1', 'c2 connect n3'],
    [
      { actions: ['c1> create /cfg v1'], pauseAt: returned('c1'), highlight: { servers: [1], path: '/cfg' } },
      { actions: ['c2> get /cfg'], pauseAt: returned('c2'), highlight: { servers: [3], path: '/cfg' } },
      {
        actions: ['partition n1 n2 | n3', 'c1> set /cfg v2'],
        pauseAt: returned('c1'),
        highlight: { servers: [1, 2], path: '/cfg' },
      },
      { actions: ['c2> get /cfg'], pauseAt: returned('c2'), highlight: { servers: [3], path: '/cfg' } },
      {
        actions: ['c2> set /cfg v3'],
        pauseAt: { kind: 'drop', from: 'n3', reason: 'cut' },
        highlight: { servers: [3], path: '/cfg' },
      },
      { actions: ['c2> sync /cfg', 'heal'], pauseAt: { kind: 'heal' }, highlight: { servers: [3] } },
      { pauseAt: returned('c2'), highlight: { servers: [3], path: '/cfg' } },
      { pauseAt: returned('c2'), highlight: { servers: [3], path: '/cfg' } },
      { actions: ['c2> get /cfg'], pauseAt: returned('c2'), highlight: { servers: [3], path: '/cfg' } },
    ],
  ),
  // c1 is placed by turn (n2), not by `c1 connect n2`: a session connected by name retries that server first.
  lesson(
    'session-failover',
    { seed: 1 },
    ['settle', 'c2> sync /'],
    [
      { actions: ['c1> create -e /eph 1'], pauseAt: returned('c1'), highlight: { servers: [2], path: '/eph' } },
      { actions: ['c2> sync /eph'], pauseAt: returned('c2'), highlight: { servers: [1], path: '/eph' } },
      {
        actions: ['c2> get -w /eph'],
        pauseAt: returned('c2'),
        highlight: { servers: [1], kinds: ['watch'], path: '/eph' },
      },
      { actions: ['kill n2'], pauseAt: connected('c1'), highlight: { servers: [2], path: '/eph' } },
      {
        actions: ['c1 expire'],
        pauseAt: { kind: 'watch', session: 'c2', type: 'NodeDeleted' },
        highlight: { kinds: ['watch'], path: '/eph' },
      },
    ],
  ),
  lesson(
    'lock',
    { seed: 1 },
    ['settle', 'c1 connect n1', 'c2 connect n2', 'c3 connect n3'],
    [
      { actions: ['c1> create /lock ""'], pauseAt: returned('c1'), highlight: { path: '/lock' } },
      { actions: ['c1> create -e -s /lock/n- ""'], pauseAt: returned('c1'), highlight: { path: '/lock/n-0000000000' } },
      { actions: ['c2> create -e -s /lock/n- ""'], pauseAt: returned('c2'), highlight: { path: '/lock/n-0000000001' } },
      {
        actions: ['c2> stat -w /lock/n-0000000000'],
        pauseAt: returned('c2'),
        highlight: { kinds: ['watch'], path: '/lock/n-0000000000' },
      },
      { actions: ['c3> create -e -s /lock/n- ""'], pauseAt: returned('c3'), highlight: { path: '/lock/n-0000000002' } },
      {
        actions: ['c3> stat -w /lock/n-0000000001'],
        pauseAt: returned('c3'),
        highlight: { kinds: ['watch'], path: '/lock/n-0000000001' },
      },
      {
        actions: ['c1> delete /lock/n-0000000000'],
        pauseAt: returned('c1'),
        highlight: { path: '/lock/n-0000000000' },
      },
      {
        pauseAt: { kind: 'watch', session: 'c2', type: 'NodeDeleted' },
        highlight: { kinds: ['watch'], path: '/lock/n-0000000000' },
      },
      { actions: ['c2> ls /lock'], pauseAt: returned('c2'), highlight: { path: '/lock' } },
    ],
  ),
  // The bug lessons: the whole scenario is the setup, so that the replay without the bug runs the same lines
  // at the same moments; the steps only pause (where the rule breaks, where the monitor catches it, then the
  // same points of the run without the bug).
  lesson(
    'bug-forget-promise',
    { seed: 1, bugs: ['forget-promise'] },
    [
      'settle',
      'c1 connect n1',
      'wait 1000ms',
      'c1> create /x 1',
      'wait 300ms',
      'partition n1 | n2 n3',
      'wait 400ms',
      'kill n3',
      'restart n3',
      'partition n1 n3 | n2',
      'c1> set /x 2',
    ],
    [
      { pauseAt: { kind: 'restart', server: 3 }, highlight: { servers: [3] } },
      { pauseAt: violation, highlight: { servers: [1, 3], kinds: ['heartbeat', 'accept'] } },
      { replay, pauseAt: { kind: 'restart', server: 3 }, highlight: { servers: [3] } },
      { pauseAt: returned('c1'), highlight: { servers: [1, 3], path: '/x' } },
    ],
  ),
  lesson(
    'bug-ignore-promised-values',
    { seed: 1, bugs: ['ignore-promised-values'] },
    [
      'settle',
      'c1 connect n1',
      'wait 1000ms',
      'cut n2 -> n1',
      'cut n3 -> n1',
      'c1> create /x 1',
      'wait 300ms',
      'kill n1',
    ],
    [
      {
        pauseAt: { kind: 'send', wire: 'promise', from: 'n3', to: 'n2' },
        highlight: { servers: [3], kinds: ['promise'] },
      },
      { pauseAt: violation, highlight: { servers: [2, 3], kinds: ['accept', 'accepted'], overlap: true } },
      {
        replay,
        pauseAt: phase('accept', { server: 2, slot: 1 }),
        highlight: { servers: [2, 3], kinds: ['promise', 'accept'], overlap: true },
      },
      { pauseAt: phase('decide', { server: 2, slot: 1 }), highlight: { servers: [2], kinds: ['decide'], path: '/x' } },
    ],
  ),
  lesson(
    'bug-minority-quorum',
    { seed: 1, servers: 5, bugs: ['minority-quorum'] },
    [
      'settle',
      'c1 connect n1',
      'c2 connect n4',
      'wait 1000ms',
      'c1> create /x a',
      'wait 300ms',
      'partition n1 n2 | n3 n4 n5',
      'c1> set /x from-n1',
      'c2> set /x from-n4',
      'wait 1500ms',
      'heal',
    ],
    [
      {
        pauseAt: phase('accepted-quorum', { server: 1, slot: 3 }),
        highlight: { servers: [1, 2], kinds: ['accepted'] },
      },
      { pauseAt: violation, highlight: { servers: [3, 4, 5], kinds: ['accepted', 'decide'], overlap: true } },
      { replay, pauseAt: returned('c2'), highlight: { servers: [3, 4, 5], path: '/x', overlap: true } },
      { pauseAt: returned('c1'), highlight: { servers: [1], path: '/x' } },
    ],
  ),
  lesson(
    'bug-accept-below-promise',
    { seed: 1, bugs: ['accept-below-promise'] },
    [
      'settle',
      'c1 connect n1',
      'wait 1000ms',
      'c1> create /x 1',
      'wait 300ms',
      'partition n1 | n2 n3',
      'wait 400ms',
      'partition n1 n3 | n2',
      'c1> set /x 2',
    ],
    [
      { pauseAt: phase('accept', { server: 1, slot: 2 }), highlight: { servers: [1, 3], kinds: ['accept'] } },
      { pauseAt: violation, highlight: { servers: [3], kinds: ['accepted'] } },
      { replay, pauseAt: phase('accept', { server: 1, slot: 2 }), highlight: { servers: [1, 3], kinds: ['accept'] } },
      { pauseAt: returned('c1'), highlight: { servers: [1, 3], kinds: ['nack', 'prepare'], path: '/x' } },
    ],
  ),
  lesson(
    'bug-apply-out-of-order',
    { seed: 1, bugs: ['apply-out-of-order'] },
    [
      'settle',
      'c1 connect n1',
      'wait 1000ms',
      'c2 connect n3',
      'wait 1000ms',
      'cut n1 -> n3',
      'c1> create /a 1',
      'wait 200ms',
      'heal',
      'c1> create /b 2',
      'wait 1000ms',
      'c2> ls /',
    ],
    [
      { pauseAt: { kind: 'accepted', server: 3, slot: 3 }, highlight: { servers: [3], kinds: ['accept'] } },
      { pauseAt: violation, highlight: { servers: [3], kinds: ['decide'], path: '/b' } },
      { replay, pauseAt: { kind: 'decided', server: 3, slot: 3 }, highlight: { servers: [3], kinds: ['decide'] } },
      { pauseAt: returned('c2'), highlight: { servers: [3], kinds: ['catch-up'], path: '/a' } },
    ],
  ),
  lesson(
    'zab-not-paxos',
    { seed: 1 },
    // One leader crash, run first under Multi-Paxos and then, the same lines at the same times, under ZAB.
    ['wait 600ms', 'c1 connect n2', 'wait 600ms', 'c1> create /x 1', 'wait 1000ms', 'kill leader', 'c1> set /x 2'],
    [
      { pauseAt: phase('decide', { slot: 1 }), highlight: { servers: [1], kinds: ['accept', 'accepted', 'decide'] } },
      { pauseAt: { kind: 'crash' }, highlight: { servers: [1] } },
      { pauseAt: phase('promise-quorum', { server: 2 }), highlight: { servers: [2], kinds: ['prepare', 'promise'] } },
      { pauseAt: phase('decide', { server: 2 }), highlight: { servers: [2], kinds: ['accept', 'decide'], path: '/x' } },
      {
        replay: { protocol: 'zab' },
        pauseAt: zabMark('commit', { zxid: 0x100000002 }),
        highlight: { servers: [3], kinds: ['proposal', 'ack', 'commit'] },
      },
      { pauseAt: { kind: 'crash' }, highlight: { servers: [3] } },
      { pauseAt: zabMark('election', { leader: 2 }), highlight: { servers: [1, 2], kinds: ['election'] } },
      { pauseAt: zabMark('sync'), highlight: { servers: [2], kinds: ['discovery', 'sync'] } },
      { pauseAt: zabMark('commit', { zxid: 0x200000001 }), highlight: { servers: [2], kinds: ['commit'], path: '/x' } },
      {
        actions: ['restart n3'],
        pauseAt: { kind: 'send', wire: 'DIFF', to: 'n3' },
        highlight: { servers: [3], kinds: ['sync'] },
      },
      {
        actions: ['c1> set /x 3 &', 'c1> set /x 4 &'],
        pauseAt: zabMark('commit', { zxid: 0x200000003 }),
        highlight: { servers: [2], kinds: ['proposal', 'commit'], path: '/x' },
      },
    ],
  ),
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** Reads `#lesson=<id>`: null when the hash is not a lesson link. */
export function lessonIdFromHash(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith('lesson=')) return null;
  try {
    return decodeURIComponent(h.slice('lesson='.length));
  } catch {
    return h.slice('lesson='.length);
  }
}

export function lessonHash(id: string): string {
  return `#lesson=${encodeURIComponent(id)}`;
}
