// Step phase stops at every phase mark of a round, the ones that share an instant with the next included.
import { expect, it } from 'vitest';
import { DEFAULT_HEADER } from '../../sim/config';
import { Timeline, NO_OBSERVER } from './timeline';

it('stops at all five phases of a basic-Paxos round: prepare, promise quorum, accept, accepted quorum, decide', () => {
  const run = new Timeline({ ...DEFAULT_HEADER, protocol: 'basic-paxos', seed: 1 }, NO_OBSERVER, ['c1 connect n1']);
  run.runLine('wait 1000ms', 'console');
  run.runLine('c1> create /x 1', 'console');
  const stops: string[] = [];
  for (let i = 0; i < 5; i++) {
    expect(run.stepPhase()).toBeNull();
    const mark = run.sim.trace[run.phases.stop!]!;
    expect(mark.kind).toBe('phase');
    if (mark.kind === 'phase') stops.push(mark.phase);
  }
  expect(stops).toEqual(['prepare', 'promise-quorum', 'accept', 'accepted-quorum', 'decide']);
  // The promise quorum and the accept it starts are one simulator event: the second stop ran nothing.
  const quorum = run.sim.trace.findIndex((e) => e.kind === 'phase' && e.phase === 'promise-quorum' && e.t > 1000);
  const accept = run.sim.trace.findIndex((e) => e.kind === 'phase' && e.phase === 'accept' && e.t > 1000);
  expect(run.sim.trace[accept]!.t).toBe(run.sim.trace[quorum]!.t);
});

it('forgets the marks of an instant once the run moves on', () => {
  const run = new Timeline({ ...DEFAULT_HEADER, protocol: 'basic-paxos', seed: 1 }, NO_OBSERVER, ['c1 connect n1']);
  run.runLine('wait 1000ms', 'console');
  run.runLine('c1> create /x 1', 'console');
  run.stepPhase();
  run.stepPhase();
  expect(run.sim.trace[run.phases.stop!]).toMatchObject({ phase: 'promise-quorum' });
  const events = run.sim.eventsProcessed;
  run.step();
  expect(run.phases.stop).toBeNull();
  // After a Step the queued accept mark is behind the run: Step phase runs on to the next one.
  run.stepPhase();
  expect(run.sim.eventsProcessed).toBeGreaterThan(events);
  expect(run.sim.trace[run.phases.stop!]).toMatchObject({ phase: 'accepted-quorum' });
});
