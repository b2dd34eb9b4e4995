// The selected server's log is sent again when an entry is re-accepted at a new ballot (same log length).
import { expect, it } from 'vitest';
import { lessonById } from '../scenario/lessons';
import { LiveRun } from './engine';

it("a new leader's re-accepted slot shows its new ballot in the detail (leader-crash, step 3)", () => {
  const lesson = lessonById('leader-crash')!;
  const run = new LiveRun(lesson.header, lesson.setup);
  run.speed = 20;
  run.select(2);
  let log = run.frame().detail?.log ?? [];
  for (const step of lesson.steps.slice(0, 3)) {
    run.setPauseAt(step.pauseAt);
    for (const line of step.actions ?? []) run.runLine(line, 'console');
    run.playing = true;
    // A frame after every chunk, as the page gets them while playing.
    while (run.playing) {
      run.advance(16, () => false);
      log = run.frame().detail?.log ?? log;
    }
  }
  expect(log.find((entry) => entry.slot === 1)).toMatchObject({ ballot: '2.n2', text: 'c1: create /x 1' });
});
