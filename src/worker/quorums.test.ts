import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER } from '../sim/config';
import { LiveRun } from './engine';
import { quorumOverlap, type ReachedQuorum } from './quorums';
import { play } from './testPlay';

const q = (over: Partial<ReachedQuorum> & Pick<ReachedQuorum, 'vote' | 'ballot' | 'voters'>): ReachedQuorum => ({
  server: 1,
  needed: 2,
  reachedAt: 0,
  ...over,
});

describe('the quorum overlap', () => {
  it('pairs an accepted quorum with the same slot at another ballot, else with its own ballot’s promises', () => {
    const promise1 = q({ vote: 'promise', ballot: '1.n1', voters: [1, 2] });
    const slot0 = q({ vote: 'accepted', ballot: '1.n1', slot: 0, voters: [1, 3] });
    expect(quorumOverlap([promise1, slot0])).toEqual({ current: slot0, previous: promise1, shared: [1] });
    const promise2 = q({ server: 3, vote: 'promise', ballot: '2.n3', voters: [3, 2] });
    const again = q({ server: 3, vote: 'accepted', ballot: '2.n3', slot: 0, voters: [2, 3] });
    expect(quorumOverlap([promise1, slot0, promise2, again])).toEqual({ current: again, previous: slot0, shared: [3] });
  });

  it('pairs a promise quorum with the latest accepted quorum of an earlier ballot, else its promises', () => {
    const promise1 = q({ vote: 'promise', ballot: '1.n1', voters: [1, 2] });
    const promise2 = q({ server: 2, vote: 'promise', ballot: '2.n2', voters: [2, 3] });
    expect(quorumOverlap([promise1, promise2])).toEqual({ current: promise2, previous: promise1, shared: [2] });
    const slot4 = q({ vote: 'accepted', ballot: '1.n1', slot: 4, voters: [1, 3] });
    expect(quorumOverlap([promise1, slot4, promise2])?.previous).toBe(slot4);
    expect(quorumOverlap([promise1, slot4, promise2])?.shared).toEqual([3]);
  });

  it('is null before there are two quorums to compare', () => {
    expect(quorumOverlap([])).toBeNull();
    expect(quorumOverlap([q({ vote: 'promise', ballot: '1.n1', voters: [1, 2] })])).toBeNull();
  });

  it('in a run: the new leader’s promise quorum shares a server with the old leader’s last accepted quorum', () => {
    const run = new LiveRun({ ...DEFAULT_HEADER, servers: 5, seed: 2 });
    run.speed = 20;
    play(run, 1500);
    expect(run.runLine('c1> create /x 1', 'console')).toBeNull();
    play(run, 1500);
    const written = run.frame().quorumOverlap;
    expect(written?.current.vote).toBe('accepted');
    expect(run.runLine('kill n1', 'control')).toBeNull();
    play(run, 6000);
    const overlap = run.frame().quorumOverlap;
    expect(overlap).not.toBeNull();
    const { current, previous, shared } = overlap!;
    expect(current.vote === 'promise' || previous.vote === 'promise').toBe(true);
    expect(current.ballot).not.toBe(previous.ballot);
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.every((s) => current.voters.includes(s) && previous.voters.includes(s))).toBe(true);
  });

  it('names no shared server when two quorums are disjoint (only a broken quorum rule allows it)', () => {
    const a = q({ vote: 'accepted', ballot: '1.n1', slot: 0, voters: [1, 2] });
    const b = q({ server: 3, vote: 'accepted', ballot: '1.n3', slot: 0, voters: [3, 4] });
    expect(quorumOverlap([a, b])?.shared).toEqual([]);
  });
});
