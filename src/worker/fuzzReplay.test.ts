// The fuzz panel's promise: a failing seed opened in the page is the run `npm run fuzz` checked, event for event,
// and the page's live monitor catches the invariant the fuzzer reported, at the same event.
import { describe, expect, it } from 'vitest';
import { traceFingerprint } from '../sim/fingerprint';
import { fuzzSeed } from '../scenario/fuzz';
import { parseScript } from '../script/parse';
import { runScript } from '../script/run';
import { randomScenario } from '../scenario/random';
import type { BugName } from '../protocol';
import { LiveRun } from './engine';

const options = (bugs: BugName[]) => ({ steps: 300, servers: 3, protocol: 'multi-paxos' as const, bugs });

describe('a failing fuzz seed replays in the page', () => {
  for (const [seed, bugs] of [
    [1, ['minority-quorum']],
    [4, ['minority-quorum']],
    [2, ['forget-promise', 'apply-out-of-order']],
  ] as const) {
    it(`seed ${seed} with ${bugs.join(', ')}`, () => {
      const outcome = fuzzSeed(seed, options([...bugs]));
      expect(outcome.violations.length).toBeGreaterThan(0);
      const replay = outcome.replay!;
      // The CLI's own run of the same text, for the trace to compare with.
      const script = randomScenario({ seed, ...options([...bugs]) });
      const { sim } = runScript(parseScript(script).script);

      const run = new LiveRun(replay.header, [...replay.actions]);
      expect(run.openAt(replay.cursor)).toBeNull();
      expect(run.sim.eventsProcessed).toBe(sim.eventsProcessed);
      expect(run.fingerprint()).toBe(traceFingerprint(sim.trace));
      for (const violation of outcome.violations) {
        const live = run.violations.find((v) => v.check === violation.check);
        expect(live?.detectedAt, violation.check).toBe(violation.event);
      }
    });
  }

  it('a passing seed carries no replay (the CLI pays nothing for it)', () => {
    const outcome = fuzzSeed(3, options([]));
    expect(outcome.violations).toEqual([]);
    expect(outcome.replay).toBeUndefined();
  });
});
