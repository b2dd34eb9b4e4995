// The ring's layout for the stage it is drawn on: measured in css px, and with details on the servers that matter.
import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { useLesson } from '../lessons/lessonStore';
import type { ServerView } from '../../view/projections';
import { ringLayout, VIEW, type RingLayout, type RingStage } from '../../view/cluster/layout';

/** The stage's size in css px, kept current (the ring is laid out in them, so its type is the size it shows). */
function useStageSize(ref: RefObject<HTMLDivElement | null>): { w: number; h: number } {
  const [size, setSize] = useState({ w: VIEW, h: VIEW * 0.6 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const measure = (): void => {
      const w = Math.round(el.clientWidth);
      const h = Math.round(el.clientHeight);
      if (w > 0 && h > 0) setSize((old) => (old.w === w && old.h === h ? old : { w, h }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** Who shows details on a dense ring, most important first: leaders, the selected, the hovered, the highlighted. */
function detailOrder(
  servers: readonly ServerView[],
  selected: number,
  hovered: number | null,
  highlighted: readonly number[],
): string {
  const ids = servers.filter((s) => s.role === 'leader').map((s) => s.id);
  ids.push(selected);
  if (hovered !== null) ids.push(hovered);
  ids.push(...highlighted);
  return [...new Set(ids)].join(',');
}

/** The ring for `n` servers on the stage `ref` points at. */
export function useRing(
  ref: RefObject<HTMLDivElement | null>,
  n: number,
  present: boolean,
  servers: readonly ServerView[],
  selected: number,
  hovered: number | null,
): RingLayout {
  const highlighted = useLesson((s) => s.lesson?.steps[s.step]?.highlight?.servers);
  const size = useStageSize(ref);
  const stage = useMemo<RingStage>(() => ({ w: size.w, h: size.h, present }), [size.w, size.h, present]);
  const detailKey = detailOrder(servers, selected, hovered, highlighted ?? []);
  return useMemo(
    () => ringLayout(n, stage, detailKey === '' ? [] : detailKey.split(',').map(Number)),
    [n, stage, detailKey],
  );
}
