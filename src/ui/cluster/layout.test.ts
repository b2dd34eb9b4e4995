import { describe, expect, it } from 'vitest';
import { badgeStack, boxDistance, ringLayout, type Box } from './layout';

const LABELS = ['1 of 3 accepted (slot 12)', '3 of 3 accepted (slot 11)'];

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('badgeStack', () => {
  for (const n of [3, 5, 7, 9, 13, 25]) {
    it(`stacks a proposer's badges without overlap, clear of every server (${n} servers)`, () => {
      const layout = ringLayout(n);
      for (const spot of layout.servers) {
        const stack = badgeStack(layout, spot, LABELS, '+1 more');
        expect(stack.pills).toHaveLength(2);
        const [first, second] = stack.pills as [Box, Box];
        expect(overlaps(first, second)).toBe(false);
        // Each pill inside the column, the first nearer its node than the second.
        for (const pill of stack.pills) {
          expect(pill.x).toBeGreaterThanOrEqual(stack.box.x - 1e-6);
          expect(pill.x + pill.w).toBeLessThanOrEqual(stack.box.x + stack.box.w + 1e-6);
        }
        const inwards = (pill: Box): number => -spot.dx * (pill.x + pill.w / 2 - spot.x) - spot.dy * (pill.y + pill.h / 2 - spot.y);
        expect(inwards(first)).toBeLessThanOrEqual(inwards(second) + 1e-6);
        expect(stack.more).toBeDefined();
        for (const other of layout.servers) expect(boxDistance(stack.box, other.x, other.y)).toBeGreaterThan(layout.nodeRadius);
        expect(boxDistance(stack.box, spot.x, spot.y)).toBeLessThan(layout.radius);
      }
    });
  }

  it('keeps full-size text where the ring has room and stays beside its node', () => {
    const layout = ringLayout(3);
    const spot = layout.servers[1]!;
    const stack = badgeStack(layout, spot, LABELS.slice(0, 1));
    expect(stack.fontSize).toBeCloseTo(layout.fontSize * 0.95);
    expect(boxDistance(stack.box, spot.x, spot.y)).toBeLessThan(layout.nodeRadius * 1.4);
  });
});
