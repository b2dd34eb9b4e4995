import { describe, expect, it } from 'vitest';
import {
  badgeStack,
  badgeTextWidth,
  badgeStacks,
  boxDistance,
  ringLayout,
  selectionRadius,
  type BadgeRequest,
  type BadgeStack,
  type Box,
  type RingLayout,
  type ServerSpot,
} from './layout';

const LABELS = ['1 of 3 accepted (slot 12)', '3 of 3 accepted (slot 11)'];
const SIZES = [3, 5, 7, 9, 13, 25];
/** Half the selection ring's stroke (cluster.css: .server-outline). */
const RING_STROKE = 1.5;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** What badgeStack promises for one column: clear of every server circle, and of its own node's selection ring. */
function expectClear(layout: RingLayout, spot: ServerSpot, stack: BadgeStack): void {
  for (const other of layout.servers) {
    const clear = other === spot ? selectionRadius(layout.nodeRadius) + RING_STROKE : layout.nodeRadius;
    expect(boxDistance(stack.box, other.x, other.y), `column of ${spot.name} against ${other.name}`).toBeGreaterThan(
      clear,
    );
  }
  expect(boxDistance(stack.box, spot.x, spot.y)).toBeLessThan(layout.radius);
  for (const pill of stack.pills) {
    expect(pill.x).toBeGreaterThanOrEqual(stack.box.x - 1e-6);
    expect(pill.x + pill.w).toBeLessThanOrEqual(stack.box.x + stack.box.w + 1e-6);
    expect(pill.y).toBeGreaterThanOrEqual(stack.box.y - 1e-6);
    expect(pill.y + pill.h).toBeLessThanOrEqual(stack.box.y + stack.box.h + 1e-6);
  }
}

/** Pairs of proposers to try: all of them, or at 25 servers neighbours, next-but-one, a quarter and half way round. */
function proposerPairs(n: number): [number, number][] {
  const pairs: [number, number][] = [];
  if (n <= 13) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
    return pairs;
  }
  for (let i = 0; i < n; i++)
    for (const k of [1, 2, 3, Math.round(n / 4), Math.floor(n / 2)]) pairs.push([i, (i + k) % n]);
  return pairs;
}

describe('badgeStack', () => {
  for (const n of SIZES) {
    it(`stacks a proposer's badges without overlap, clear of every server and its own selection ring (${n} servers)`, () => {
      const layout = ringLayout(n);
      for (const spot of layout.servers) {
        const stack = badgeStack(layout, spot, LABELS, '+1 more');
        expect(stack.pills).toHaveLength(2);
        const [first, second] = stack.pills as [Box, Box];
        expect(overlaps(first, second)).toBe(false);
        expectClear(layout, spot, stack);
        // The first pill nearer its node than the second.
        const inwards = (pill: Box): number =>
          -spot.dx * (pill.x + pill.w / 2 - spot.x) - spot.dy * (pill.y + pill.h / 2 - spot.y);
        expect(inwards(first)).toBeLessThanOrEqual(inwards(second) + 1e-6);
        expect(stack.more).toBeDefined();
      }
    });
  }

  it('keeps full-size text where the ring has room and stays beside its node', () => {
    const layout = ringLayout(3);
    const spot = layout.servers[1]!;
    const stack = badgeStack(layout, spot, LABELS.slice(0, 1));
    expect(stack.fontSize).toBeCloseTo(layout.messageSize);
    expect(boxDistance(stack.box, spot.x, spot.y)).toBeLessThan(layout.nodeRadius * 1.5);
  });
});

describe('badgeStacks', () => {
  for (const n of SIZES) {
    for (const count of [1, 2]) {
      it(`keeps two proposers' columns apart, each holding ${count} badge${count > 1 ? 's' : ''} (${n} servers)`, () => {
        const layout = ringLayout(n);
        const labels = LABELS.slice(0, count);
        for (const [i, j] of proposerPairs(n)) {
          const a = layout.servers[i]!;
          const b = layout.servers[j]!;
          const [sa, sb] = badgeStacks(layout, [
            { spot: a, labels },
            { spot: b, labels },
          ]) as [BadgeStack, BadgeStack];
          expectClear(layout, a, sa);
          expectClear(layout, b, sb);
          expect(overlaps(sa.box, sb.box), `columns of ${a.name} and ${b.name}`).toBe(false);
          for (const p of sa.pills)
            for (const q of sb.pills) expect(overlaps(p, q), `pills of ${a.name} and ${b.name}`).toBe(false);
        }
      });
    }
  }

  it('places a lone proposer as badgeStack does, and gives the same layout whatever order the proposers come in', () => {
    const layout = ringLayout(5);
    for (const spot of layout.servers)
      expect(badgeStacks(layout, [{ spot, labels: LABELS, more: '+1 more' }])).toEqual([
        badgeStack(layout, spot, LABELS, '+1 more'),
      ]);
    const requests: BadgeRequest[] = [
      { spot: layout.servers[2]!, labels: LABELS, more: '+1 more' },
      { spot: layout.servers[0]!, labels: LABELS.slice(0, 1) },
      { spot: layout.servers[1]!, labels: LABELS },
    ];
    const stacks = badgeStacks(layout, requests);
    const reversed = badgeStacks(layout, [...requests].reverse());
    expect([...reversed].reverse()).toEqual(stacks);
    expect(badgeStacks(layout, requests)).toEqual(stacks);
  });

  it('keeps three proposers apart, one badge each, on small rings', () => {
    for (const n of [3, 5, 7]) {
      const layout = ringLayout(n);
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++)
          for (let c = b + 1; c < n; c++) {
            const spots = [a, b, c].map((i) => layout.servers[i]!);
            const stacks = badgeStacks(
              layout,
              spots.map((spot) => ({ spot, labels: LABELS.slice(0, 1) })),
            );
            stacks.forEach((stack, i) => expectClear(layout, spots[i]!, stack));
            for (let i = 0; i < 3; i++)
              for (let j = i + 1; j < 3; j++)
                expect(overlaps(stacks[i]!.box, stacks[j]!.box), `${n}: ${a}, ${b}, ${c}`).toBe(false);
          }
    }
  });

  it('still places every column, smaller and overlapping, when a crowded ring has no room', () => {
    const layout = ringLayout(25, { w: 600, h: 400 });
    const stacks = badgeStacks(
      layout,
      layout.servers.map((spot) => ({ spot, labels: LABELS, more: '+2 more' })),
    );
    expect(stacks).toHaveLength(25);
    for (const stack of stacks) expect(stack.pills).toHaveLength(2);
    expect(stacks.some((stack) => stack.fontSize < layout.messageSize * 0.9)).toBe(true);
  });

  it('falls back to smaller text, then the least overlap, when there is no room', () => {
    const layout = ringLayout(3);
    const spot = layout.servers[0]!;
    // A wall of columns over the whole ring but the node itself.
    const wall: Box[] = [
      { x: 0, y: spot.y + layout.nodeRadius * 2, w: 1000, h: 1000 },
      { x: 0, y: 0, w: spot.x - layout.nodeRadius * 2, h: 1000 },
      { x: spot.x + layout.nodeRadius * 2, y: 0, w: 1000, h: 1000 },
    ];
    const stack = badgeStack(layout, spot, LABELS, undefined, wall);
    expect(stack.fontSize).toBeCloseTo(layout.messageSize * 0.85);
    expect(stack.pills).toHaveLength(2);
  });
});

describe('badgeTextWidth', () => {
  it('gives a Chinese character a whole em and a Latin one about half', () => {
    expect(badgeTextWidth('2 of 2', 10)).toBeCloseTo(6 * 5.6);
    expect(badgeTextWidth('已接受', 10)).toBe(30);
    expect(badgeTextWidth('2（槽位 1）', 10)).toBeCloseTo(3 * 5.6 + 4 * 10);
  });
});
