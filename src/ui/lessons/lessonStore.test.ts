import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER } from '../../script/ast';
import { applyUpdate, connectStore, useSim } from '../../store/simStore';
import type { Frame } from '../../worker/protocol';
import { startLesson, useLesson } from './lessonStore';

function newRunFrame(runSeq: number): Frame {
  return {
    type: 'frame',
    now: 0,
    eventCount: 0,
    head: { t: 0, events: 0 },
    playing: false,
    speed: 1,
    header: DEFAULT_HEADER,
    servers: [],
    sent: [],
    ended: [],
    quorums: [],
    console: [],
    events: [],
    network: { latencyMin: 10, latencyMax: 50, loss: 0, dup: 0 },
    reset: true,
    newRun: true,
    runSeq,
  };
}

describe('a lesson and the runs around it', () => {
  it('stays open through the frames of runs loaded before it, and ends when a later run starts', () => {
    const loads: number[] = [];
    connectStore((command) => {
      if (command.type === 'load' && command.seq !== undefined) loads.push(command.seq);
    });
    // The person picks another cluster size, then a lesson, before the first of those runs has shown.
    useSim.getState().send({ type: 'load', header: { ...DEFAULT_HEADER, servers: 5 }, lines: [] });
    expect(startLesson('lock')).toBe(true);
    const [sizeLoad, lessonLoad] = loads;
    expect(lessonLoad).toBeGreaterThan(sizeLoad!);
    applyUpdate(newRunFrame(sizeLoad!));
    expect(useLesson.getState().lesson?.id).toBe('lock');
    applyUpdate(newRunFrame(lessonLoad!));
    expect(useLesson.getState().lesson?.id).toBe('lock');
    // Another run after the lesson's own: its steps would not fit it.
    useSim.getState().send({ type: 'load', header: { ...DEFAULT_HEADER, protocol: 'basic-paxos' }, lines: [] });
    applyUpdate(newRunFrame(loads.at(-1)!));
    expect(useLesson.getState().lesson).toBeNull();
  });
});
