import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER, type Header } from '../sim/config';
import type { TraceEvent } from '../sim/trace';
import { never, play } from './testPlay';
import { LiveRun, SNAPSHOT_EVERY } from './engine';

const header: Header = { ...DEFAULT_HEADER, servers: 3, seed: 5 };

function hash(events: readonly TraceEvent[]): string {
  return createHash('sha256').update(JSON.stringify(events)).digest('hex');
}

function busyRun(): LiveRun {
  const run = new LiveRun(header);
  run.speed = 20;
  play(run, 2000);
  expect(run.runLine('c1> create -e /data 1', 'console')).toBeNull();
  play(run, 1000);
  run.step();
  run.step();
  expect(run.runLine('c2> set /data 2', 'console')).toBeNull();
  play(run, 1000);
  expect(run.runLine('kill n1', 'control')).toBeNull();
  play(run, 4000);
  expect(run.runLine('restart n1', 'control')).toBeNull();
  expect(run.runLine('c1> get -s -w /data', 'console')).toBeNull();
  play(run, 4000);
  return run;
}

describe('the live run', () => {
  it('sends only the newest notes while playing, and the latest ones afresh once stopped', () => {
    const run = new LiveRun(header);
    run.frame();
    run.speed = 100;
    run.playing = true;
    for (let i = 0; i < 20; i++) run.advance(16, never);
    const playing = run.frame();
    expect(playing.eventCount).toBeGreaterThan(200);
    expect(playing.events.length).toBeLessThanOrEqual(40);
    expect(playing.events.at(-1)!.index).toBe(playing.eventCount - 1);
    expect(playing.eventsAfresh).toBeUndefined();
    run.playing = false;
    const stopped = run.frame();
    expect(stopped.eventsAfresh).toBe(true);
    // The latest notes, without gaps: every event the log describes, up to the newest.
    const indices = stopped.events.map((note) => note.index);
    expect(indices.at(-1)).toBe(stopped.eventCount - 1);
    expect(stopped.events.length).toBeGreaterThan(100);
    expect(run.frame().eventsAfresh).toBeUndefined();
  });

  it('elects a leader as time passes', () => {
    const run = new LiveRun(header);
    play(run, 1000);
    const frame = run.frame();
    expect(frame.servers.filter((s) => s.role === 'leader')).toHaveLength(1);
    // The diagram (drawn in the worker) sees the whole trace.
    expect(run.fullTrace.length).toBe(frame.eventCount);
  });

  it('after a long gap without frames (a hidden tab) a frame lists what is on the wire instead of every message since', () => {
    const run = new LiveRun({ ...header, servers: 9 });
    run.speed = 100;
    run.frame();
    const start = run.sim.trace.length;
    run.playing = true;
    while (run.sim.trace.length - start <= 20_000) run.advance(16, never);
    run.playing = false;
    const frame = run.frame();
    expect(frame.messagesAfresh).toBe(true);
    expect(frame.ended).toEqual([]);
    expect(frame.sent.map((m) => m.id).sort((a, b) => a - b)).toEqual(
      run.sim
        .inFlight()
        .map((m) => m.id)
        .sort((a, b) => a - b),
    );
    // The next frame is an ordinary one again.
    play(run, 50);
    expect(run.frame().messagesAfresh).toBeUndefined();
  });

  it('play stops when the history is full, says so, and refuses to go on until a fork frees room', () => {
    const run = new LiveRun(header, [], 3_000);
    run.speed = 100;
    play(run, 2_000);
    expect(run.playing).toBe(false);
    const length = run.fullTrace.length;
    expect(length).toBeGreaterThanOrEqual(3_000);
    // It stopped at the limit, not much later.
    expect(length).toBeLessThan(3_050);
    const message = run.historyFull();
    expect(message).toMatch(/3,000 trace events/);
    expect(run.frame().console.some((entry) => entry.kind === 'error' && entry.text === message)).toBe(true);
    // Going back in time leaves room to look around, and acting there forks the run (the future goes).
    run.seekTime(run.sim.now / 2);
    expect(run.historyFull()).toBeNull();
    run.runLine('kill n3', 'control');
    const forked = run.fullTrace.length;
    expect(forked).toBeLessThan(length);
    play(run, 100);
    expect(run.fullTrace.length).toBeGreaterThan(forked);
  });

  it('a crashed server shows what its durable log decided, and nothing applied', () => {
    const run = new LiveRun(header, ['c1> create /a 1', 'c1> set /a 2']);
    play(run, 4000);
    const before = run.frame().servers[1]!;
    expect(before.decidedUpTo).toBeGreaterThanOrEqual(3);
    run.runLine('kill n2', 'control');
    const crashed = run.frame().servers[1]!;
    expect(crashed.role).toBe('crashed');
    expect(crashed.decidedUpTo).toBe(before.decidedUpTo);
    expect(crashed.appliedUpTo).toBe(0);
  });

  it('a run shared from a past moment opens there with its future ahead, event for event', () => {
    const original = new LiveRun(header);
    original.runLine('c1> create /l 1', 'console');
    play(original, 2000);
    original.runLine('cut n1 -> n3', 'control');
    original.runLine('c2> set /l 2', 'console');
    play(original, 2000);
    const end = original.head;
    const endPrint = original.fingerprint();
    original.seekTime(Math.round(end.t / 3));
    const shared = original.scenario();
    expect(shared.head).toEqual({ events: expect.any(Number), t: end.t });
    expect(shared.actions.map((a) => a.text)).toEqual(['c1> create /l 1', 'cut n1 -> n3', 'c2> set /l 2']);

    const opened = new LiveRun(shared.header, shared.actions);
    expect(opened.openAt(shared.cursor, shared.head)).toBeNull();
    expect(opened.sim.now).toBe(original.sim.now);
    expect(opened.fingerprint()).toBe(original.fingerprint());
    expect(opened.head).toEqual(end);
    // Its future is the original's: going to the end gives the same run.
    opened.seekTime(end.t);
    expect(opened.fingerprint()).toBe(endPrint);
    // And at the end (not in the past) a link has no future to carry.
    original.seekTime(end.t);
    expect(original.scenario().head).toBeUndefined();
  });

  it('a link made by clicking an event in the diagram opens before the actions recorded right after it', () => {
    const original = new LiveRun(header);
    play(original, 1000);
    original.step();
    const stepped = original.sim.trace.length - 1;
    original.runLine('kill n2', 'control');
    play(original, 1000);
    original.seekEvent(stepped);
    // Just after the event: the kill typed there is still ahead.
    expect(original.sim.server(2).up).toBe(true);
    const shared = original.scenario();
    expect(shared.cursor.actions).toBe(0);
    const opened = new LiveRun(shared.header, shared.actions);
    expect(opened.openAt(shared.cursor, shared.head)).toBeNull();
    expect(opened.sim.server(2).up).toBe(true);
    expect(opened.fingerprint()).toBe(original.fingerprint());
    // Shared again from the opened link, it still reproduces.
    const again = opened.scenario();
    const reopened = new LiveRun(again.header, again.actions);
    expect(reopened.openAt(again.cursor, again.head)).toBeNull();
    expect(reopened.fingerprint()).toBe(original.fingerprint());
    expect(reopened.head).toEqual(original.head);
  });

  it('at a full history lines are refused, and a wait that crosses the limit runs whole (it replays the same)', () => {
    const run = new LiveRun(header, [], 3_000);
    run.runLine('wait 40000ms', 'console');
    const crossed = run.fullTrace.length;
    expect(crossed).toBeGreaterThan(3_000);
    expect(run.sim.now).toBe(40_000);
    expect(run.runLine('wait 10ms', 'console')).toMatch(/3,000 trace events/);
    expect(run.runLine('c1> ls /', 'console')).toMatch(/3,000 trace events/);
    const print = run.fingerprint();
    run.seekTime(5_000);
    run.seekTime(40_000);
    expect(run.fingerprint()).toBe(print);
    expect(run.fullTrace.length).toBe(crossed);
  });

  it('expiring a session still connecting for the first time is refused with a reason', () => {
    const run = new LiveRun(header);
    play(run, 1000);
    run.frame();
    // In the page a connect does not wait: the session is not open yet when the next line runs.
    expect(run.runLine('c5 connect n2', 'console')).toBeNull();
    expect(run.runLine('c5 expire', 'console')).toBeNull();
    expect(run.frame().console.map((entry) => entry.text)).toContain(
      'c5 has no open session to expire: it never connected',
    );
  });

  it('frames carry every message sent and ended, each once', () => {
    const run = new LiveRun(header);
    run.speed = 10;
    run.frame();
    const start = run.sim.trace.length;
    const sent: number[] = [];
    const ended: number[] = [];
    for (let i = 0; i < 20; i++) {
      play(run, 50);
      const frame = run.frame();
      sent.push(...frame.sent.map((m) => m.id));
      ended.push(...frame.ended.map((m) => m.id));
    }
    const later = run.sim.trace.slice(start);
    expect(sent).toEqual(
      later.flatMap((event) => (event.kind === 'send' || event.kind === 'duplicate' ? [event.id] : [])),
    );
    expect(ended).toEqual(
      later.flatMap((event) => (event.kind === 'deliver' || event.kind === 'drop' ? [event.id] : [])),
    );
    expect(sent.length).toBeGreaterThan(50);
  });

  it('rejects bad lines with a message and changes nothing', () => {
    const run = new LiveRun(header);
    play(run, 500);
    const before = hash(run.sim.trace);
    const actions = run.actions.length;
    expect(run.runLine('c1> bogus /x', 'console')).toMatch(/unknown command "bogus"/);
    expect(run.runLine('kill n9', 'control')).toMatch(/no server n9/);
    expect(run.runLine('c1> set -v x /a 1', 'console')).toMatch(/version/);
    expect(run.runLine('servers 5', 'console')).toMatch(/header/);
    run.runLine('kill n2', 'control');
    expect(run.runLine('kill n2', 'control')).toBe('n2 is already down');
    expect(run.runLine('restart n3', 'control')).toBe('n3 is already up');
    expect(run.actions.length).toBe(actions + 1);
    const console = run.frame().console;
    // Console lines show their error where they were typed; controls get theirs as an error message.
    expect(console.filter((e) => e.kind === 'error')).toHaveLength(3);
    const crash = run.sim.trace.findIndex((e) => e.kind === 'crash');
    expect(hash(run.sim.trace.slice(0, crash))).toBe(before);
  });

  it('steps exactly one trace event forward at a time, or to the next phase mark', () => {
    const run = new LiveRun(header);
    play(run, 1000);
    const before = run.sim.trace.length;
    const processed = run.sim.eventsProcessed;
    run.step();
    expect(run.sim.trace.length).toBeGreaterThan(before);
    expect(run.sim.eventsProcessed).toBeLessThanOrEqual(processed + 50);
    run.runLine('c1> create /x 1', 'console');
    expect(run.stepPhase()).toBeNull();
    const last = run.sim.trace.filter((e) => e.kind === 'phase').at(-1);
    expect(run.sim.trace.slice(-10).some((e) => e.kind === 'phase')).toBe(true);
    expect(last).toBeDefined();
    // Once the write is done nothing is being agreed on: stepping to a phase says so.
    for (let i = 0; i < 5; i++) run.stepPhase();
    const quietAt = run.sim.now;
    expect(run.stepPhase()).toMatch(/^no Paxos phase in the next 10 s: nothing is being agreed on/);
    expect(run.sim.now).toBeGreaterThan(quietAt + 9000);
  });

  it('seeks back and forth to the same states, event for event', () => {
    const run = busyRun();
    const original = run.sim.trace.slice();
    const end = run.sim.now;
    expect(run.sim.eventsProcessed).toBeGreaterThan(SNAPSHOT_EVERY * 2);
    // Snapshots are thinned as the run grows: about 4·√(events / SNAPSHOT_EVERY) of them.
    expect(run.snapshotCount).toBeLessThanOrEqual(
      Math.ceil(4 * Math.sqrt(run.sim.eventsProcessed / SNAPSHOT_EVERY)) + 8,
    );

    run.seekTime(15_000);
    expect(run.sim.now).toBe(15_000);
    const prefix = run.sim.trace.length;
    expect(hash(run.sim.trace)).toBe(hash(original.slice(0, prefix)));
    expect(run.sim.trace.every((e) => e.t <= 15_000)).toBe(true);
    expect(original[prefix]!.t).toBeGreaterThan(15_000);
    const frame = run.frame();
    expect(frame.reset).toBe(true);
    expect(frame.head.events).toBe(original.length);

    run.seekTime(end);
    expect(hash(run.sim.trace)).toBe(hash(original));

    // Just after the simulator event that recorded trace event 1234 (one event may record several).
    run.seekEvent(1234);
    const length = run.sim.trace.length;
    expect(length).toBeGreaterThanOrEqual(1235);
    expect(length).toBeLessThan(1235 + 30);
    expect(hash(run.sim.trace)).toBe(hash(original.slice(0, length)));
  });

  it('playing on from the past replays the recorded future', () => {
    const run = busyRun();
    const original = run.sim.trace.slice();
    const end = run.sim.now;
    run.seekTime(8000);
    run.playing = true;
    while (run.sim.now < end) run.advance(16, never);
    expect(hash(run.sim.trace.slice(0, original.length))).toBe(hash(original));
  });

  it('acting at a past moment forks: the future after it is replaced', () => {
    const run = busyRun();
    const actionsBefore = run.actions.map((a) => a.text);
    run.seekTime(26_000);
    const kept = run.actions.filter((a) => a.t <= 26_000).length;
    expect(kept).toBeLessThan(run.actions.length);
    expect(run.runLine('kill n3', 'control')).toBeNull();
    expect(run.actions.map((a) => a.text)).toEqual([...actionsBefore.slice(0, kept), 'kill n3']);
    const frame = run.frame();
    expect(frame.head.events).toBe(run.sim.trace.length);
    play(run, 1000);
    expect(run.sim.trace.some((e) => e.kind === 'crash' && e.server === 3)).toBe(true);
  });

  it('a run rebuilt from its recorded actions is the same run', () => {
    const run = busyRun();
    const original = run.sim.trace.slice();
    const end = run.sim.now;
    const replay = new LiveRun(header, run.actions);
    replay.seekTime(end);
    // seekTime clamps to the head of the new run, so play it there instead.
    replay.playing = true;
    while (replay.sim.now < end) replay.advance(16, never);
    replay.seekTime(end);
    expect(hash(replay.sim.trace)).toBe(hash(original));
  });

  it('a shared scenario replays to the same moment with the same fingerprint', () => {
    const run = busyRun();
    run.seekTime(20_000);
    const shared = run.scenario();
    expect(shared.cursor.t).toBe(20_000);
    const opened = new LiveRun(shared.header, shared.actions);
    expect(opened.runTo(shared.cursor)).toBeNull();
    expect(opened.sim.now).toBe(20_000);
    expect(opened.fingerprint()).toBe(run.fingerprint());
    expect(opened.runTo({ events: 10_000_000_000, t: 0 })).toMatch(/too long to replay/);
  });

  it('pauses where a lesson asks, at the matching event', () => {
    const run = new LiveRun(header);
    run.setPauseAt({ kind: 'phase', phase: 'promise-quorum' });
    run.playing = true;
    for (let i = 0; i < 500 && run.playing; i++) run.advance(16, never);
    expect(run.playing).toBe(false);
    const frame = run.frame();
    expect(frame.pausedAt).toBeDefined();
    const event = run.sim.trace[frame.pausedAt!]!;
    expect(event).toMatchObject({ kind: 'phase', phase: 'promise-quorum' });
    // Reported once; the run can go on.
    expect(run.frame().pausedAt).toBeUndefined();
  });
});
