// Lists that grow while the run plays (log, events): they follow the newest line and, while playing,
// draw only the last few lines; paused, they show everything the page keeps, to scroll back through.
import { useCallback, useLayoutEffect, useRef, type UIEvent } from 'react';

/** Lines drawn while playing: more than a panel shows. They change faster than anyone reads, and every
 *  line drawn costs the live view frames (measured with npm run bench:ui). */
export const ROWS_WHILE_PLAYING = 20;

/** The lines to draw: the newest few while playing, all of them when paused. */
export function liveRows<T>(rows: readonly T[], playing: boolean): readonly T[] {
  return playing && rows.length > ROWS_WHILE_PLAYING ? rows.slice(-ROWS_WHILE_PLAYING) : rows;
}

/** How close to the bottom (px) still counts as "at the bottom". */
const SLACK = 24;

/**
 * Keeps a scrolling list at its newest line while the reader is there, and leaves it alone once they
 * scroll up. Runs before paint and only when `content` (or `playing`, for lists that draw fewer lines while
 * the run plays) changes, so the layout it reads is the one the frame needs anyway (reading it after paint,
 * on every render, forced an extra layout per frame).
 */
export function useStickToBottom<T extends HTMLElement>(content: unknown, playing = false) {
  const ref = useRef<T>(null);
  const stick = useRef(true);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el !== null && stick.current) el.scrollTop = el.scrollHeight;
  }, [content, playing]);
  const onScroll = useCallback((event: UIEvent<T>) => {
    const el = event.currentTarget;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < SLACK;
  }, []);
  /** Back to the newest line from the next change on (e.g. when the reader types a command). */
  const follow = useCallback(() => {
    stick.current = true;
  }, []);
  return { ref, onScroll, follow };
}
