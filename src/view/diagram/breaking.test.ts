// The safety monitor's marks on the diagram, on a real caught run (the minority-quorum fuzz seed of testdata/safety).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LiveChecks } from '../../check/live';
import { parseScript } from '../../script/parse';
import { runScript } from '../../script/run';
import { breakingFocus } from '../safety';
import { breakingMarks } from './breaking';
import { DiagramIndex } from './model';
import { COLORS, GUTTER, paint, type View } from './paint';
import { SvgPainter } from './painters';

function caughtRun() {
  const { script } = parseScript(readFileSync('testdata/safety/minority-quorum-agreement.zk', 'utf8'));
  const { sim } = runScript(script);
  const live = new LiveChecks(sim.header.servers);
  live.catchUp(sim.trace);
  const index = new DiagramIndex();
  index.sync(sim.trace, sim.header.servers);
  return { trace: sim.trace, violations: live.violations(), index };
}

describe('breaking marks on the diagram', () => {
  it('rings the events the shown violation involves, and bands the message whose delivery caused one', () => {
    const { trace, violations, index } = caughtRun();
    const focus = breakingFocus(violations, 242)!;
    expect(focus.check).toBe('chosen');
    const marks = breakingMarks(index, trace, focus.events);
    // n2's accept of the chosen value (caused by n1's accept message), then n3's own accept of another.
    expect(marks.map(({ index: i, lane, breaking }) => ({ i, lane, breaking }))).toEqual([
      { i: 117, lane: 1, breaking: false },
      { i: 227, lane: 2, breaking: true },
    ]);
    const cause = trace[marks[0]!.cause]!;
    expect(cause).toMatchObject({ kind: 'send', from: 'n1', to: 'n2', wire: 'accept' });
    expect(marks[1]!.cause).toBe(-1);
  });

  it('paints them in the exported SVG, and nothing when no violation shows', () => {
    const { trace, violations, index } = caughtRun();
    const view: View = { width: 1200, height: 300, tx: GUTTER, k: 1, laneH: 24 };
    const svg = (eventCount: number): string => {
      const painter = new SvgPainter();
      const marked = breakingFocus(violations, eventCount)?.events;
      paint(index, trace, view, { showHeartbeats: false, now: 700, head: 700, ...(marked ? { marked } : {}) }, painter);
      return painter.toString();
    };
    const rings = (s: string): number => s.split(`stroke="${COLORS.breaking}"`).length - 1;
    const bands = (s: string): number => s.split(`stroke="${COLORS.breakingBand}"`).length - 1;
    expect([rings(svg(242)), bands(svg(242))]).toEqual([2, 1]);
    expect([rings(svg(200)), bands(svg(200))]).toEqual([0, 0]);
  });
});
