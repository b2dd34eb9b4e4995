import { describe, expect, it } from 'vitest';
import { GUTTER, type View } from '../view/diagram/paint';
import { clickTarget, followTx } from './diagram';

function view(tx: number, k: number): View {
  return { width: 1000, height: 200, tx, k, laneH: 20 };
}

describe('following the cursor', () => {
  it('while playing keeps the cursor at 85% of the plot, never scrolling before time 0', () => {
    const plot = 1000 - GUTTER;
    // Early in the run the view starts at time 0.
    expect(followTx(view(0, 1), 100, true)).toBe(GUTTER);
    const tx = followTx(view(GUTTER, 1), 5000, true)!;
    expect(tx + 1 * 5000).toBeCloseTo(GUTTER + plot * 0.85);
    // Already there: no move (no repaint for half a pixel).
    expect(followTx(view(tx + 0.3, 1), 5000, true)).toBeNull();
  });

  it('when stopped moves only to bring an off-screen cursor back, centred', () => {
    expect(followTx(view(GUTTER, 1), 500, false)).toBeNull();
    const tx = followTx(view(GUTTER, 1), 5000, false)!;
    expect(tx + 5000).toBeCloseTo(GUTTER + (1000 - GUTTER) / 2);
    // A cursor left of the plot (after a seek back) too.
    expect(followTx(view(-9000, 1), 100, false)).toBe(GUTTER);
  });
});

describe('a click in the diagram', () => {
  const v = view(GUTTER, 2);
  it('goes to the event under the pointer', () => {
    expect(clickTarget({ kind: 'point', index: 7, seekIndex: 7, x: 100, y: 50 }, v, 100, 1000)).toEqual({
      type: 'seek-event',
      index: 7,
    });
  });
  it('else to that moment, within the run', () => {
    expect(clickTarget(null, v, GUTTER + 200, 1000)).toEqual({ type: 'seek', t: 100 });
    expect(clickTarget(null, v, GUTTER + 5000, 1000)).toEqual({ type: 'seek', t: 1000 });
  });
  it('in the lane names, nothing', () => {
    expect(clickTarget(null, v, GUTTER - 5, 1000)).toBeNull();
  });
});
