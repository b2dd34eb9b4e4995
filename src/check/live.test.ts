// The live checks agree with the offline checkers: the same verdict, and for a violation the same first
// offending event, on fuzz seeds with no bug switch and with each one (linearizability by two searches: the
// live frontier monitor and the offline whole-history search narrowed to its shortest failing prefix).
import { describe, expect, it } from 'vitest';
import { bugsOf, type BugName, type ProtocolName } from '../protocol';
import { randomScenario } from '../scenario/random';
import { parseScript } from '../script/parse';
import { runScript } from '../script/run';
import { runChecks } from './index';
import { LiveChecks } from './live';

const SEEDS = 1000;
/** ZAB's runs are longer (elections, syncs): fewer seeds keep the suite quick. */
const ZAB_SEEDS = 200;
const STEPS = 30;

function agreeOn(seed: number, bug: BugName | null, protocol: ProtocolName): { violated: boolean } {
  const script = randomScenario({
    seed,
    steps: STEPS,
    servers: 3,
    protocol,
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
  const verdicts = live.verdicts();
  // ZAB's histories sometimes exhaust one linearizability search's budget where the other decides: the weaker
  // "unknown" note is then the only difference allowed (Paxos runs must still match exactly).
  const budget = 'unknown: search budget exhausted';
  const [a, b] = [offline.linearizable, verdicts.linearizable];
  if (protocol === 'zab' && a.ok && b.ok && (a.note === budget || b.note === budget)) offline.linearizable = b;
  expect({ seed, bug, verdicts }).toEqual({ seed, bug, verdicts: offline });
  return { violated: Object.values(offline).some((v) => !v.ok) };
}

describe('live checks', () => {
  const cases: [ProtocolName, BugName | null][] = [
    ...[null, ...bugsOf('multi-paxos')].map((bug): [ProtocolName, BugName | null] => ['multi-paxos', bug]),
    ...[null, ...bugsOf('zab')].map((bug): [ProtocolName, BugName | null] => ['zab', bug]),
  ];
  for (const [protocol, bug] of cases) {
    const under = protocol === 'multi-paxos' ? '' : ` under ${protocol}`;
    const seeds = protocol === 'zab' ? ZAB_SEEDS : SEEDS;
    it(`agree with the offline checkers on ${seeds} fuzz seeds ${bug === null ? 'with no bug switch' : `with ${bug}`}${under}`, () => {
      let violated = 0;
      for (let seed = 1; seed <= seeds; seed++) if (agreeOn(seed, bug, protocol).violated) violated++;
      if (bug === null) expect(violated).toBe(0);
      else expect(violated).toBeGreaterThan(0);
    });
  }
});
