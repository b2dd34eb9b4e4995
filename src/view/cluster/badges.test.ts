import { describe, expect, it } from 'vitest';
import type { QuorumView } from '../projections';
import { badgeGroups } from './badges';
import { badgeStacks, boxesIntersect, ringLayout } from './layout';

const q = (server: number, slot: number | undefined, votes: number, reachedAt?: number): QuorumView => ({
  server,
  vote: slot === undefined ? 'promise' : 'accepted',
  ballot: `1.n${server}`,
  ...(slot === undefined ? {} : { slot }),
  voters: Array.from({ length: votes }, (_, i) => i + 1),
  needed: 2,
  ...(reachedAt === undefined ? {} : { reachedAt }),
});

describe('badgeGroups', () => {
  it('reads "2 votes · need 2 of 3", the slot first for accepted votes', () => {
    const [group] = badgeGroups([q(1, undefined, 2, 10)], 3);
    expect(group!.labels).toEqual(['2 votes · need 2 of 3']);
    expect(badgeGroups([q(1, 4, 1)], 3)[0]!.labels).toEqual(['slot 4 · 1 vote · need 2 of 3']);
  });

  it('shows pending tallies first and only the latest decided one: no pile-up of decided slots', () => {
    const quorums = [q(1, 1, 2, 10), q(1, 2, 2, 20), q(1, 3, 2, 30), q(1, 4, 1)];
    const [group] = badgeGroups(quorums, 3);
    expect(group!.shown.map((x) => x.slot)).toEqual([4, 3]);
    expect(group!.more).toBeUndefined();
    // Many pending: two of them and "+N more" counting pending tallies only.
    const busy = badgeGroups([...quorums, q(1, 5, 1), q(1, 6, 1)], 3)[0]!;
    expect(busy.shown.map((x) => x.slot)).toEqual([6, 5]);
    expect(busy.more).toBe('+1 more');
  });

  it('names and colours each owner when several proposers run, not when one does', () => {
    expect(badgeGroups([q(2, undefined, 1)], 5)[0]!.owner).toBeUndefined();
    const groups = badgeGroups([q(3, undefined, 1), q(2, undefined, 2)], 5);
    expect(groups.map((g) => g.server)).toEqual([2, 3]);
    expect(groups.map((g) => g.owner)).toEqual([1, 2]);
    expect(groups[0]!.labels).toEqual(['n2 · 2 votes · need 2 of 5']);
  });
});

describe('badge columns and server labels', () => {
  it('keep clear of every server label on the ring', () => {
    // Small rings label every server outside; dense ones put the leader's details inside the ring, by its badges.
    for (const [n, stage] of [
      [5, { w: 900, h: 600 }],
      [9, { w: 700, h: 520, present: true }],
      [25, { w: 700, h: 520, present: true }],
      [13, { w: 643, h: 352 }],
    ] as const) {
      const layout = ringLayout(n, stage, [1, 2]);
      for (const spot of layout.servers.slice(0, 3)) {
        const [stack] = badgeStacks(layout, [{ spot, labels: ['slot 12 · 2 votes · need 2 of 9'] }]);
        for (const other of layout.servers)
          if (other.label !== null)
            expect(boxesIntersect(stack!.box, other.label), `${n}: ${spot.name}'s badge on ${other.name}'s label`).toBe(
              false,
            );
      }
    }
  });
});
