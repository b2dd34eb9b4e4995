// A hover card: a title, a few plain lines and, for a message, its payload one entry a line. It places itself
// beside its anchor (in its positioned parent's css px) and inside the window, flipping when it would not fit.
import { useLayoutEffect, useRef, useState } from 'react';
import { placeCard } from '../../view/payload/place';
import './payload.css';

/** The part of the window the card can be seen in: inside every ancestor that clips or scrolls its content. */
function visibleRect(element: Element): { left: number; top: number; right: number; bottom: number } {
  const rect = { left: 0, top: 0, right: document.documentElement.clientWidth, bottom: window.innerHeight };
  for (let e = element.parentElement; e !== null && e !== document.body; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const r = e.getBoundingClientRect();
    rect.left = Math.max(rect.left, r.left);
    rect.top = Math.max(rect.top, r.top);
    rect.right = Math.min(rect.right, r.right);
    rect.bottom = Math.min(rect.bottom, r.bottom);
  }
  return rect;
}

export function MessageCard({
  id,
  anchor,
  title,
  lines,
  payload,
}: {
  id?: string | undefined;
  anchor: { readonly x: number; readonly y: number };
  title: string;
  lines: readonly string[];
  payload?: readonly string[] | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  useLayoutEffect(() => {
    const card = ref.current;
    if (card === null) return;
    const parent = card.offsetParent;
    if (parent === null) return;
    const frame = parent.getBoundingClientRect();
    // What can be seen of the window, in the parent's coordinates: the card never goes past it.
    const seen = visibleRect(card);
    const bounds = {
      x0: seen.left + 4 - frame.left,
      y0: seen.top + 4 - frame.top,
      x1: seen.right - 4 - frame.left,
      y1: seen.bottom - 4 - frame.top,
    };
    const next = placeCard(anchor, { w: card.offsetWidth, h: card.offsetHeight }, bounds);
    setAt((old) => (old !== null && old.x === next.x && old.y === next.y ? old : next));
  }, [anchor, title, lines, payload]);
  return (
    <div
      ref={ref}
      id={id}
      className="message-card"
      role="tooltip"
      style={{ left: at?.x ?? anchor.x, top: at?.y ?? anchor.y, visibility: at === null ? 'hidden' : 'visible' }}
    >
      <strong>{title}</strong>
      {payload !== undefined && payload.length > 0 && (
        <ul className="message-card-payload">
          {payload.map((line, i) => (
            <li key={i} data-entry={line.startsWith('#') ? '' : undefined}>
              {line}
            </li>
          ))}
        </ul>
      )}
      {lines.map((line, i) => (
        <span key={i}>{line}</span>
      ))}
    </div>
  );
}
