// ZAB's election tallies on the ring: one per LOOKING server for its current vote, faded once the election ends.
import { expect, it } from 'vitest';
import { DEFAULT_HEADER } from '../sim/config';
import { Timeline, NO_OBSERVER } from '../scenario/timeline/timeline';
import { badgeGroups } from '../view/cluster/badges';
import { absorbQuorumEvent, type Quorums } from './quorums';

it('a fresh election shows "2 of 3 votes for n3" by the servers that counted a quorum for n3, faded once it ends', () => {
  const run = new Timeline({ ...DEFAULT_HEADER, protocol: 'zab', seed: 1 }, NO_OBSERVER, []);
  run.runLine('wait 1000ms', 'console');
  const quorums: Quorums = new Map();
  const labels: string[] = [];
  for (const event of run.sim.trace) {
    absorbQuorumEvent(quorums, event);
    if (event.kind === 'zab-tally') labels.push(...badgeGroups([...quorums.values()], 3).flatMap((g) => g.labels));
    if (event.kind === 'zab-state' && event.state === 'leading') break;
  }
  // Each LOOKING server's first tally is its own vote; once n3's vote spread, a quorum votes for it.
  expect(labels).toContain('n1 · 1 of 3 votes for n1');
  expect(labels.some((l) => l.endsWith('2 of 3 votes for n3') || l.endsWith('3 of 3 votes for n3'))).toBe(true);
  const n3 = quorums.get([...quorums.keys()].find((k) => k.startsWith('3:election'))!)!;
  expect(n3).toMatchObject({ vote: 'election', candidate: 3, needed: 2 });
  expect(n3.reachedAt).toBeDefined();
});

it('a tally of a new round replaces the older one, and a crash clears it', () => {
  const quorums: Quorums = new Map();
  const tally = (t: number, round: number, voters: number[]) =>
    absorbQuorumEvent(quorums, {
      t,
      server: 1,
      kind: 'zab-tally',
      round,
      candidate: 2,
      votes: voters.length,
      needed: 2,
      voters,
    });
  tally(0, 1, [1]);
  tally(5, 2, [1]);
  expect([...quorums.values()].map((q) => q.ballot)).toEqual(['2']);
  tally(6, 2, [1, 2]);
  expect([...quorums.values()][0]).toMatchObject({ voters: [1, 2], reachedAt: 6 });
  absorbQuorumEvent(quorums, { t: 7, kind: 'crash', server: 1 });
  expect(quorums.size).toBe(0);
});
