// The ring's labels at every size the page draws it: never over each other or a server, never smaller than the
// minimums, never rotated (a label is a box with an anchor, nothing else).
import { describe, expect, it } from 'vitest';
import { boxDistance, boxesIntersect, ringLayout, type RingLayout, type RingStage } from './ring';

/** Stage sizes (css px) the ring gets: the normal page at 1280x720, 1440x900, 1920x1080, 2560x1440 (ring beside or
 *  above the server list), and present mode at 1280x720, 1920x1080, 2560x1440. */
const NORMAL: readonly RingStage[] = [
  { w: 643, h: 352 },
  { w: 760, h: 420 },
  { w: 560, h: 600 },
  { w: 1000, h: 600 },
  { w: 900, h: 896 },
  { w: 1400, h: 896 },
];
const PRESENT: readonly RingStage[] = [
  { w: 690, h: 486, present: true },
  { w: 700, h: 520, present: true },
  { w: 1100, h: 860, present: true },
  { w: 1500, h: 1220, present: true },
];
const COUNTS = Array.from({ length: 23 }, (_, i) => i + 3);
/** Who shows details on a dense ring: the leader alone, neighbours (leader, selected, hovered, highlighted), spread. */
const DETAIL_SETS = (n: number): number[][] => [
  [1],
  [1, 2, 3, 4],
  [n, 1, 2],
  [...new Set([1, Math.ceil(n / 2), Math.ceil(n / 4), Math.ceil((3 * n) / 4)])],
];

function expectLegible(layout: RingLayout, stage: RingStage, what: string): void {
  const labels = layout.servers.flatMap((s) => (s.label === null ? [] : [s.label]));
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      expect(boxesIntersect(labels[i]!, labels[j]!), `${what}: two labels overlap`).toBe(false);
  for (const label of labels) {
    for (const spot of layout.servers)
      expect(boxDistance(label, spot.x, spot.y), `${what}: a label over ${spot.name}`).toBeGreaterThan(
        layout.nodeRadius,
      );
    expect(label.x).toBeGreaterThanOrEqual(0);
    expect(label.y).toBeGreaterThanOrEqual(0);
    expect(label.x + label.w).toBeLessThanOrEqual(layout.box.w);
    expect(label.y + label.h).toBeLessThanOrEqual(layout.box.h);
  }
  // Circles apart, names inside them.
  const [a, b] = layout.servers;
  if (a !== undefined && b !== undefined)
    expect(Math.hypot(a.x - b.x, a.y - b.y), `${what}: neighbours touch`).toBeGreaterThan(2 * layout.nodeRadius);
  expect(layout.nameSize * 0.62 * 1.5).toBeLessThan(layout.nodeRadius);
  // The whole drawing fits the stage at 1:1, so these sizes are the sizes on screen.
  expect(layout.box, `${what}: scaled down`).toEqual({ x: 0, y: 0, w: stage.w, h: stage.h });
}

describe('ringLayout', () => {
  for (const n of COUNTS) {
    it(`keeps ${n} servers' labels apart and legible at every panel size`, () => {
      for (const stage of [...NORMAL, ...PRESENT]) {
        const what = `${n} servers on ${stage.w}x${stage.h}${stage.present === true ? ' present' : ''}`;
        for (const detailed of DETAIL_SETS(n)) {
          const layout = ringLayout(n, stage, detailed);
          expectLegible(layout, stage, `${what}, details on ${detailed.join(',')}`);
          // From 9 servers on (or where every server's details do not fit), only the chosen servers show theirs.
          if (n >= 9) expect(layout.dense).toBe(true);
          if (layout.dense) {
            // Only the detailed servers carry a label, and the first of them (the leader) always does.
            const shown = layout.servers.filter((s) => s.label !== null).map((s) => s.id);
            for (const id of shown) expect(detailed).toContain(id);
            expect(shown, what).toContain(detailed[0]);
          } else expect(layout.servers.every((s) => s.label !== null)).toBe(true);
          // Minimum sizes: 11 px labels on the page; on a projector 16 px labels and 24 px names up to 9
          // servers, 14 px names beyond.
          expect(layout.fontSize).toBeGreaterThanOrEqual(stage.present === true && n <= 9 ? 16 : 11);
          if (stage.present === true) expect(layout.nameSize).toBeGreaterThanOrEqual(n <= 9 ? 24 : 14);
          expect(layout.nameSize).toBeGreaterThanOrEqual(12);
        }
      }
    });
  }

  it('fills a good part of a projector stage at 3 to 9 servers, in large type', () => {
    // The stages present mode gives the ring at 1280x720 and 1920x1080.
    for (const stage of [
      { w: 690, h: 486, present: true },
      { w: 1057, h: 873, present: true },
    ])
      for (let n = 3; n <= 9; n++) {
        const layout = ringLayout(n, stage, [1]);
        const what = `${n} servers on ${stage.w}x${stage.h}`;
        expect(layout.radius, what).toBeGreaterThanOrEqual(0.29 * Math.min(stage.w, stage.h));
        expect(layout.nameSize, what).toBeGreaterThanOrEqual(24);
        expect(layout.fontSize, what).toBeGreaterThanOrEqual(16);
      }
  });

  it("takes larger type on a large page's stage (2560 px), never more than 15 px on a laptop's", () => {
    for (const n of [3, 5, 9, 25]) {
      expect(ringLayout(n, { w: 1260, h: 750 }, [1]).fontSize, `${n} servers`).toBe(18);
      expect(ringLayout(n, { w: 1000, h: 600 }, [1]).fontSize, `${n} servers`).toBeLessThanOrEqual(15);
    }
  });

  it('grows with its stage', () => {
    const small = ringLayout(5, { w: 640, h: 300 });
    const large = ringLayout(5, { w: 1400, h: 900 });
    expect(large.radius).toBeGreaterThan(small.radius * 1.8);
    expect(large.fontSize).toBeGreaterThanOrEqual(small.fontSize);
  });

  it('shows details on every server below 9, and only on the asked ones from 9 on', () => {
    expect(ringLayout(8, { w: 900, h: 700 }).servers.every((s) => s.label !== null)).toBe(true);
    const dense = ringLayout(9, { w: 900, h: 700 }, [3]);
    expect(dense.dense).toBe(true);
    expect(dense.servers.filter((s) => s.label !== null).map((s) => s.id)).toEqual([3]);
  });
});
