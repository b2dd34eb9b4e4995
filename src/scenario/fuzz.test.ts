import { describe, expect, it } from 'vitest';
import { bugsOf } from '../protocol';
import { fuzz } from './fuzz';
import { randomScenario } from './random';

const base = { firstSeed: 1, steps: 300, servers: 3, protocol: 'multi-paxos' as const, stopAtFirst: true };

describe('fuzzer', () => {
  it('finds no violation in a correct protocol', () => {
    const report = fuzz({ ...base, seeds: 30, bugs: [], stopAtFirst: false });
    expect(report.runs).toBe(30);
    expect(report.violations).toEqual([]);
  });

  it('finds no violation in basic Paxos either', () => {
    const report = fuzz({ ...base, seeds: 10, bugs: [], protocol: 'basic-paxos', stopAtFirst: false });
    expect(report.violations).toEqual([]);
  });

  it('finds no violation in ZAB either', () => {
    const report = fuzz({ ...base, seeds: 10, bugs: [], protocol: 'zab', stopAtFirst: false });
    expect(report.violations).toEqual([]);
  });

  for (const protocol of ['multi-paxos', 'zab'] as const)
    for (const bug of bugsOf(protocol)) {
      it(`finds a violation with the bug switch ${bug} within 1000 seeds`, () => {
        const report = fuzz({ ...base, seeds: 1000, bugs: [bug], protocol });
        expect(report.violations.length).toBeGreaterThan(0);
        const violation = report.violations[0]!;
        // The reproducer names the bug and the seed, so running it again shows the same violation.
        expect(violation.script).toContain(`bug ${bug}`);
        expect(violation.script).toContain(`seed ${violation.seed}`);
      });
    }

  it('issues every kind of client command, sync included', () => {
    const scripts = Array.from({ length: 20 }, (_, k) => randomScenario({ seed: k + 1, steps: 300, servers: 3 })).join(
      '\n',
    );
    for (const kind of ['create', 'set', 'delete', 'multi', 'get', 'stat', 'ls', 'sync'])
      expect(scripts, kind).toMatch(new RegExp(`^c\\d> ${kind} `, 'm'));
  });

  it('draws the same scenario from the same seed', () => {
    expect(randomScenario({ seed: 9, steps: 50, servers: 5 })).toBe(randomScenario({ seed: 9, steps: 50, servers: 5 }));
    expect(randomScenario({ seed: 9, steps: 50, servers: 5 })).not.toBe(
      randomScenario({ seed: 10, steps: 50, servers: 5 }),
    );
  });
});
