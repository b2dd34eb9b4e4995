import { describe, expect, it } from 'vitest';
import type { LiveViolation } from '../check/live';
import { breakingFocus, firstViolation, majorityCanTalk, safetyItems } from './safety';

const chosen: LiveViolation = {
  check: 'chosen',
  verdict: {
    ok: false,
    event: 227,
    reason: 'n3 accepted x for slot 0',
    involved: { servers: [1, 2, 3], slots: [0], events: [201, 227] },
  },
  detectedAt: 227,
};
const agreement: LiveViolation = {
  check: 'agreement',
  verdict: { ok: false, event: 231, reason: 'n3 decided x for slot 0' },
  detectedAt: 231,
};

describe('safety monitor view', () => {
  it('shows an invariant violated only from the event that broke it on', () => {
    const names = (count: number): string[] =>
      safetyItems([agreement, chosen], count)
        .filter((item) => item.violated)
        .map((item) => item.name);
    expect(names(227)).toEqual([]);
    expect(names(228)).toEqual(['Chosen stability']);
    expect(names(232)).toEqual(['Agreement', 'Chosen stability']);
    expect(firstViolation(safetyItems([agreement, chosen], 232))).toMatchObject({
      check: 'chosen',
      breakingEvent: 227,
      reason: 'n3 accepted x for slot 0',
    });
    expect(firstViolation(safetyItems([agreement, chosen], 100))).toBeNull();
  });

  it('has liveness wait while no majority can talk', () => {
    const servers = [1, 2, 3].map((id) => ({ id, up: id !== 1 }));
    const links = [
      { from: 2, to: 3, up: true },
      { from: 3, to: 2, up: true },
    ];
    expect(majorityCanTalk(servers, links)).toBe(true);
    expect(majorityCanTalk(servers, [...links.slice(0, 1), { from: 3, to: 2, up: false }])).toBe(false);
    const liveness = safetyItems([], 10, false).find((item) => item.check === 'liveness')!;
    expect(liveness).toMatchObject({ waiting: true, violated: false });
    expect(safetyItems([], 10, false).filter((item) => item.waiting)).toHaveLength(1);
  });

  it('marks what the first violation shown involves, only once the cursor has reached it', () => {
    expect(breakingFocus([agreement, chosen], 227)).toBeNull();
    const focus = breakingFocus([agreement, chosen], 232)!;
    expect(focus).toMatchObject({ check: 'chosen', name: 'Chosen stability' });
    expect([...focus.servers]).toEqual([1, 2, 3]);
    expect([...focus.slots]).toEqual([0]);
    expect([...focus.events]).toEqual([
      [201, 'involved'],
      [227, 'breaking'],
    ]);
    // A violation without details still marks its breaking event.
    expect([...breakingFocus([agreement], 240)!.events]).toEqual([[231, 'breaking']]);
  });
});
