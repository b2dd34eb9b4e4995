// The determinism promise across drivers: a run exported from the page (scenarioToExactScript of the live run's
// scenario) and run by the CLI's runner reaches the same trace, so the same fingerprint, as the page at that moment.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER, type Header } from '../sim/config';
import { traceFingerprint } from '../sim/fingerprint';
import { scenarioToExactScript, scriptToScenario } from '../scenario/model';
import { parseScript } from '../script/parse';
import { runScript } from '../script/run';
import { play } from './testPlay';
import { LiveRun } from './engine';

/** Live runs with faults, races, waits, settles, forks and moments in the past, at fractional simulated times. */
const RUNS: Record<string, () => LiveRun> = {
  'faults-and-a-race': () => {
    const run = new LiveRun({ ...DEFAULT_HEADER, servers: 5, seed: 7 });
    run.speed = 3;
    play(run, 900);
    run.runLine('c1> create -e /data 1', 'console');
    run.runLine('c2> create -s /jobs- x', 'console');
    play(run, 333);
    run.runLine('c1> set -v 0 /data a', 'console');
    run.runLine('c2> set -v 0 /data b', 'console');
    run.runLine('kill n1', 'control');
    play(run, 2500);
    run.runLine('cut n2 -> n3', 'control');
    run.runLine('wait 120ms', 'console');
    run.runLine('restart n1', 'control');
    run.runLine('c3> get -w /data', 'console');
    play(run, 1700);
    return run;
  },
  'a-fork-in-the-past-then-a-moment-in-the-past': () => {
    const run = new LiveRun({ ...DEFAULT_HEADER, servers: 3, seed: 11 });
    run.speed = 4;
    run.runLine('c1> create /r 0', 'console');
    play(run, 1500);
    run.runLine('c1> set -v 0 /r a', 'console');
    run.runLine('c2> set -v 0 /r b', 'console');
    play(run, 1500);
    run.seekTime(run.sim.now / 2);
    run.runLine('partition n1 | n2 n3', 'control');
    run.runLine('c3> get -w /r', 'console');
    run.runLine('settle', 'console');
    play(run, 2000);
    run.seekTime(run.sim.now * 0.8);
    return run;
  },
  'basic-paxos-lossy-with-an-expiry': () => {
    const header: Header = { ...DEFAULT_HEADER, servers: 5, seed: 3, protocol: 'basic-paxos', loss: 0.05, dup: 0.05 };
    const run = new LiveRun(header);
    run.speed = 2;
    run.runLine('c1> create -e /p 1', 'console');
    play(run, 1200);
    run.runLine('loss 20%', 'console');
    run.runLine('c1 expire', 'console');
    run.runLine('c2> ls -w /', 'console');
    play(run, 2500);
    run.runLine('heal', 'console');
    play(run, 1000);
    return run;
  },
};

describe('an exported scenario replays exactly in the CLI', () => {
  for (const [name, make] of Object.entries(RUNS)) {
    it(name, () => {
      const run = make();
      const text = scenarioToExactScript(run.scenario());
      const parsed = parseScript(text);
      expect(parsed.errors).toEqual([]);
      const { sim } = runScript(parsed.script);
      expect(traceFingerprint(sim.trace)).toBe(run.fingerprint());
      expect(sim.now).toBe(run.sim.now);
      expect(sim.eventsProcessed).toBe(run.sim.eventsProcessed);
    });
  }

  it('imports back into the page at the same moment, with the same actions', () => {
    const run = RUNS['faults-and-a-race']!();
    const scenario = run.scenario();
    const read = scriptToScenario(scenarioToExactScript(scenario));
    expect(read.errors).toEqual([]);
    expect(read.scenario?.actions).toEqual(scenario.actions);
    expect(read.scenario?.cursor).toEqual({ ...scenario.cursor, actions: scenario.actions.length });
    const reopened = new LiveRun(read.scenario!.header, [...read.scenario!.actions]);
    expect(reopened.openAt(read.scenario!.cursor!)).toBeNull();
    expect(reopened.fingerprint()).toBe(run.fingerprint());
  });

  it('a moment in the past leaves out the future', () => {
    const run = RUNS['a-fork-in-the-past-then-a-moment-in-the-past']!();
    const scenario = run.scenario();
    expect(scenario.head).toBeDefined();
    const text = scenarioToExactScript(scenario);
    expect(text.split('\n').at(-1)).toBe('stop');
    expect(scriptToScenario(text).scenario?.actions).toHaveLength(scenario.cursor?.actions ?? -1);
  });
});
