import { describe, expect, it } from 'vitest';
import { placeCard } from './place';

const bounds = { x0: 0, y0: 0, x1: 1280, y1: 720 };

describe('placeCard', () => {
  it('goes below and right of its anchor when there is room', () => {
    expect(placeCard({ x: 100, y: 100 }, { w: 200, h: 150 }, bounds)).toEqual({ x: 112, y: 112 });
  });

  it('flips left and above near the right and bottom edges', () => {
    expect(placeCard({ x: 1200, y: 650 }, { w: 200, h: 150 }, bounds)).toEqual({ x: 988, y: 488 });
  });

  it('stays inside the bounds when it fits neither side', () => {
    expect(placeCard({ x: 150, y: 400 }, { w: 200, h: 700 }, bounds)).toEqual({ x: 162, y: 0 });
    expect(placeCard({ x: 5, y: 5 }, { w: 2000, h: 100 }, bounds)).toEqual({ x: 0, y: 17 });
  });
});
