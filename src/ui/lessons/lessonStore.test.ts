import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER } from '../../sim/config';
import { applyUpdate, connectStore, useSim } from '../../store/simStore';
import { testFrame } from '../../store/testFrame';
import type { Frame } from '../../worker/ipc';
import type { Command } from '../../worker/ipc';
import { nextStep, previousStep, startLesson, useLesson } from './lessonStore';

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

  it('a bug lesson replays without its switch and keeps the lesson; Back runs the bug run again', () => {
    const commands: Command[] = [];
    connectStore((command) => commands.push(command));
    expect(startLesson('bug-minority-quorum')).toBe(true);
    const loads = (): Extract<Command, { type: 'load' }>[] =>
      commands.filter((c): c is Extract<Command, { type: 'load' }> => c.type === 'load');
    expect(loads().at(-1)!.header.bugs).toEqual(['minority-quorum']);
    const reach = (pausedAt: number): void => {
      applyUpdate(
        testFrame({ eventCount: pausedAt + 1, reset: false, playing: false, pausedAt, runSeq: loads().at(-1)!.seq! }),
      );
    };
    applyUpdate(newRunFrame(loads().at(-1)!.seq!));
    reach(503);
    nextStep();
    reach(634);
    expect(useLesson.getState()).toMatchObject({ step: 1, reached: true, pauses: [503, 634] });
    // Step 3 replays: the same setup with no bug switch, then its pause point and play.
    nextStep();
    const replay = loads().at(-1)!;
    expect(replay.header.bugs).toEqual([]);
    expect(replay.actions).toEqual(loads()[0]!.actions);
    expect(commands.slice(commands.indexOf(replay) + 1).map((c) => c.type)).toEqual(['pause-at', 'select', 'play']);
    applyUpdate(newRunFrame(replay.seq!));
    expect(useLesson.getState()).toMatchObject({ lesson: { id: 'bug-minority-quorum' }, step: 2, reached: false });
    // Back: the run with the bug again, played to the step before's pause point (the violation).
    previousStep();
    const again = loads().at(-1)!;
    expect(again.header.bugs).toEqual(['minority-quorum']);
    expect(commands.slice(commands.indexOf(again) + 1)[0]).toEqual({
      type: 'pause-at',
      matcher: { kind: 'violation' },
    });
    applyUpdate(newRunFrame(again.seq!));
    expect(useLesson.getState()).toMatchObject({ lesson: { id: 'bug-minority-quorum' }, step: 1, reached: false });
    reach(634);
    expect(useLesson.getState()).toMatchObject({ step: 1, reached: true, pauses: [503, 634] });
  });
});
