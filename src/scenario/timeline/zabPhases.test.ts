// ZAB's phase marks as Step phase stops at them: a fresh ensemble's start, then one write, then a leader crash.
import { expect, it } from 'vitest';
import { DEFAULT_HEADER } from '../../sim/config';
import { Timeline, NO_OBSERVER } from './timeline';

function marks(run: Timeline, from = 0): string[] {
  return run.sim.trace.slice(from).flatMap((e) => (e.kind === 'phase' ? [`n${e.server} ${e.phase}`] : []));
}

it('a fresh ensemble elects, discovers and syncs once; a write is proposal, ack quorum, commit at the leader', () => {
  const run = new Timeline({ ...DEFAULT_HEADER, protocol: 'zab', seed: 1 }, NO_OBSERVER, []);
  run.runLine('wait 1000ms', 'console');
  // FastLeaderElection picks the highest sid of equal histories: n3.
  expect(marks(run)).toEqual(['n3 election', 'n3 discovery', 'n3 sync']);
  // The session's own createSession is a write too.
  run.runLine('c1 connect n1', 'console');
  run.runLine('wait 1000ms', 'console');
  const from = run.sim.trace.length;
  run.runLine('c1> create /x 1', 'console');
  run.runLine('wait 1000ms', 'console');
  expect(marks(run, from)).toEqual(['n3 proposal', 'n3 ack-quorum', 'n3 commit']);
  const proposal = run.sim.trace.slice(from).find((e) => e.kind === 'phase' && e.phase === 'proposal');
  expect(proposal).toMatchObject({ epoch: 1, zxid: 0x100000002 });
});

it('Step phase stops at each mark of the start in turn', () => {
  const run = new Timeline({ ...DEFAULT_HEADER, protocol: 'zab', seed: 1 }, NO_OBSERVER, []);
  const stops: string[] = [];
  for (let i = 0; i < 3; i++) {
    expect(run.stepPhase()).toBeNull();
    const mark = run.sim.trace[run.phases.stop!]!;
    if (mark.kind === 'phase') stops.push(mark.phase);
  }
  expect(stops).toEqual(['election', 'discovery', 'sync']);
});

it('after the leader crashes the followers start looking, and the new leader goes through all three again', () => {
  const run = new Timeline({ ...DEFAULT_HEADER, protocol: 'zab', seed: 1 }, NO_OBSERVER, []);
  run.runLine('wait 1000ms', 'console');
  const from = run.sim.trace.length;
  run.runLine('kill n3', 'console');
  run.runLine('wait 3000ms', 'console');
  const after = marks(run, from);
  expect(after.filter((m) => m.endsWith('election')).sort()).toEqual(['n1 election', 'n2 election', 'n2 election']);
  expect(after.slice(-2)).toEqual(['n2 discovery', 'n2 sync']);
});
