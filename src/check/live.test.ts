// The live checks agree with the offline checkers: the same verdict, and for a violation the same first
// offending event, on fuzz seeds with no bug switch and with each one (linearizability by two searches: the
// live frontier monitor and the offline whole-history search narrowed to its shortest failing prefix).
import { describe, expect, it } from 'vitest';
import { BUG_NAMES, type BugName } from '../protocol';
import { randomScenario } from '../scenario/random';
import { parseScript } from '../script/parse';
import { runScript } from '../script/run';
import { runChecks } from './index';
import { LiveChecks } from './live';

const SEEDS = 1000;
const STEPS = 30;

function agreeOn(seed: number, bug: BugName | null): { violated: boolean } {
  const script = randomScenario({
    seed,
    steps: STEPS,
    servers: 3,
    protocol: 'multi-paxos',
    bugs: bug === null ? [] : [bug],
  });
  const { sim } = runScript(parseScript(script).script);
  const trace = sim.trace;
  const live = new LiveChecks(3);
  // Fed in uneven chunks, as worker frames feed it.
  for (let end = 0; end < trace.length;) {
    end = Math.min(trace.length, end + 1 + ((seed * 7919 + end) % 997));
    live.catchUp(trace.slice(0, end));
  }
  const offline = runChecks(trace, 3);
  expect({ seed, bug, verdicts: live.verdicts() }).toEqual({ seed, bug, verdicts: offline });
  return { violated: Object.values(offline).some((v) => !v.ok) };
}

describe('live checks', () => {
  for (const bug of [null, ...BUG_NAMES]) {
    it(`agree with the offline checkers on ${SEEDS} fuzz seeds ${bug === null ? 'with no bug switch' : `with ${bug}`}`, () => {
      let violated = 0;
      for (let seed = 1; seed <= SEEDS; seed++) if (agreeOn(seed, bug).violated) violated++;
      if (bug === null) expect(violated).toBe(0);
      else expect(violated).toBeGreaterThan(0);
    });
  }
});
