import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER } from '../../sim/config';
import { applyUpdate, connectStore, useSim } from '../../store/simStore';
import { testFrame } from '../../store/testFrame';
import type { Frame } from '../../worker/ipc';
import { startLesson, useLesson } from './lessonStore';

function newRunFrame(runSeq: number): Frame {
  return testFrame({ eventCount: 0, reset: true, playing: false, newRun: true, runSeq });
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
