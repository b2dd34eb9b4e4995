// Where a hover card goes: beside its anchor, flipped to the other side when it would cross the bounds (the
// window's edges), and kept inside them. Plain numbers in one coordinate space (css px).

export interface CardBounds {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The card's top-left corner for an anchor point and the card's size; `gap` is kept between the two. */
export function placeCard(
  anchor: { readonly x: number; readonly y: number },
  size: { readonly w: number; readonly h: number },
  bounds: CardBounds,
  gap = 12,
): { x: number; y: number } {
  let x = anchor.x + gap;
  if (x + size.w > bounds.x1) x = anchor.x - gap - size.w;
  let y = anchor.y + gap;
  if (y + size.h > bounds.y1) y = anchor.y - gap - size.h;
  x = Math.max(bounds.x0, Math.min(x, bounds.x1 - size.w));
  y = Math.max(bounds.y0, Math.min(y, bounds.y1 - size.h));
  return { x, y };
}
