// The live checks in a played run: play stops at the event that breaks an invariant, within the frame it
// happens in; frames carry the violations; after a seek back they still hold; a fork drops a future violation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../check/index';
import { scriptToScenario } from '../scenario/model';
import { LiveRun } from './engine';
import { never } from './testPlay';

function bugRun(): LiveRun {
  const text = readFileSync('testdata/safety/minority-quorum-agreement.zk', 'utf8');
  const { scenario, errors } = scriptToScenario(text);
  if (scenario === undefined) throw new Error(errors.join('; '));
  return new LiveRun(scenario.header, scenario.actions);
}

/** Plays in 16 ms frames until play stops (or `frames` run out); the frames played. */
function playUntilStopped(run: LiveRun, frames = 5000): number {
  run.playing = true;
  let played = 0;
  while (run.playing && played < frames) {
    run.advance(16, never);
    played++;
  }
  return played;
}

describe('live checks in a played run', () => {
  it('stop play after the step with the breaking event, in the frame where it happens', () => {
    const run = bugRun();
    run.frame();
    playUntilStopped(run);
    expect(run.playing).toBe(false);
    // One step (n3 accepting, then deciding, its own value for slot 0) holds events 227 to 241.
    expect(run.sim.trace.length).toBe(242);
    const frame = run.frame();
    expect(frame.violations?.map((v) => [v.check, v.detectedAt])).toEqual([
      ['agreement', 231],
      ['chosen', 227],
    ]);
    expect(frame.violations?.[1]?.verdict.reason).toContain('n3 accepted c1#connect1 for slot 0');
    // A frame with no change carries no list; play goes on with nothing new to stop for.
    expect(run.frame().violations).toBeUndefined();
    expect(playUntilStopped(run, 200)).toBe(200);
    expect(run.playing).toBe(true);
  });

  it('agree with the offline checkers on the played trace, and stop replays too', () => {
    const run = bugRun();
    for (let i = 0; i < 10; i++) playUntilStopped(run);
    const offline = runChecks(run.sim.trace, run.header.servers);
    expect(run.verdicts).toEqual(offline);
    run.seekEvent(100);
    playUntilStopped(run);
    expect(run.sim.trace.length).toBe(242);
  });

  it('forget a violation that a fork in the past removed from the run', () => {
    const run = bugRun();
    playUntilStopped(run);
    expect(run.violations).toHaveLength(2);
    run.seekEvent(100);
    run.runLine('kill n3', 'control');
    expect(run.violations).toEqual([]);
  });
});
