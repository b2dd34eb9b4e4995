// Links between servers: the SVG lines on the ring (click a direction to toggle it) and the
// accessible matrix of "Link nA to nB" checkboxes. Both render only when the links or the ring change.
import { memo, useEffect, useState } from 'react';
import { useRingSim } from './simContext';
import type { LinkView } from '../../view/projections';
import type { RingLayout } from '../../view/cluster/layout';
import { text } from '../../view/text';

const t = text.cluster;

/** Up-ness of every directed link, keyed from * 1000 + to; links the store has not sent yet are up. */
export function linkTable(links: readonly LinkView[]): Map<number, boolean> {
  const table = new Map<number, boolean>();
  for (const link of links) table.set(link.from * 1000 + link.to, link.up);
  return table;
}

function isUp(table: Map<number, boolean>, from: number, to: number): boolean {
  return table.get(from * 1000 + to) ?? true;
}

export function toggleLine(from: number, to: number, up: boolean): string {
  return `${up ? 'cut' : 'heal'} n${from} -> n${to}`;
}

interface LayerProps {
  readonly layout: RingLayout;
  readonly links: readonly LinkView[];
  readonly onToggle: (from: number, to: number, up: boolean) => void;
}

/** A pair's line from edge to edge (x1, y1 at a; x2, y2 at b) and the lane offset to the right of a -> b. */
interface PairLine {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly nx: number;
  readonly ny: number;
  readonly offset: number;
}

function pairLine(layout: RingLayout, a: number, b: number): PairLine {
  const pa = layout.servers[a - 1]!;
  const pb = layout.servers[b - 1]!;
  const dx = pb.x - pa.x;
  const dy = pb.y - pa.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const inset = layout.nodeRadius + 2;
  const o = layout.laneOffset;
  // Right-hand normal of a -> b; b -> a uses the opposite side.
  return {
    x1: pa.x + ux * inset,
    y1: pa.y + uy * inset,
    x2: pb.x - ux * inset,
    y2: pb.y - uy * inset,
    nx: -uy * o,
    ny: ux * o,
    offset: o,
  };
}

/** One direction of a pair: its own half when the pair is not wholly up, a cross when cut, and a click target. */
function HalfLink({
  line,
  from,
  to,
  up,
  sign,
  both,
  onToggle,
}: {
  line: PairLine;
  from: number;
  to: number;
  up: boolean;
  sign: 1 | -1;
  both: boolean;
  onToggle: LayerProps['onToggle'];
}) {
  const { x1, y1, x2, y2, nx, ny, offset: o } = line;
  const sx = sign === 1 ? x1 : x2;
  const sy = sign === 1 ? y1 : y2;
  const ex = sign === 1 ? x2 : x1;
  const ey = sign === 1 ? y2 : y1;
  const ox = nx * sign;
  const oy = ny * sign;
  // Where a cut direction shows its cross: near the receiving end.
  const cx = sx + (ex - sx) * 0.72 + ox;
  const cy = sy + (ey - sy) * 0.72 + oy;
  const s = Math.max(4, o * 1.3);
  return (
    <g>
      {!both && (
        <line
          className={up ? 'link-half' : 'link-half link-cut'}
          x1={sx + ox}
          y1={sy + oy}
          x2={ex + ox}
          y2={ey + oy}
          markerEnd={up ? 'url(#link-arrow)' : 'url(#link-arrow-cut)'}
        />
      )}
      {!up && (
        <path
          className="link-cross"
          d={`M${cx - s},${cy - s}L${cx + s},${cy + s}M${cx + s},${cy - s}L${cx - s},${cy + s}`}
        />
      )}
      <line
        className="link-hit"
        x1={sx + ox * 1.4}
        y1={sy + oy * 1.4}
        x2={ex + ox * 1.4}
        y2={ey + oy * 1.4}
        strokeWidth={Math.max(6, o * 2.2)}
        onClick={() => onToggle(from, to, up)}
      >
        <title>{t.linkTitle(from, to, up)}</title>
      </line>
    </g>
  );
}

/** One pair's line; when a direction is cut each direction gets its own half, offset to its right. */
function Pair({
  layout,
  a,
  b,
  upAB,
  upBA,
  onToggle,
}: {
  layout: RingLayout;
  a: number;
  b: number;
  upAB: boolean;
  upBA: boolean;
  onToggle: LayerProps['onToggle'];
}) {
  const line = pairLine(layout, a, b);
  const both = upAB && upBA;
  return (
    <g className="link-pair">
      {both && <line className="link-both" x1={line.x1} y1={line.y1} x2={line.x2} y2={line.y2} />}
      <HalfLink line={line} from={a} to={b} up={upAB} sign={1} both={both} onToggle={onToggle} />
      <HalfLink line={line} from={b} to={a} up={upBA} sign={-1} both={both} onToggle={onToggle} />
    </g>
  );
}

export const LinksLayer = memo(function LinksLayer({ layout, links, onToggle }: LayerProps) {
  const table = linkTable(links);
  const pairs = [];
  for (let a = 1; a <= layout.n; a++) {
    for (let b = a + 1; b <= layout.n; b++) {
      pairs.push(
        <Pair
          key={`${a}-${b}`}
          layout={layout}
          a={a}
          b={b}
          upAB={isUp(table, a, b)}
          upBA={isUp(table, b, a)}
          onToggle={onToggle}
        />,
      );
    }
  }
  const m = Math.max(3, layout.laneOffset * 1.2);
  return (
    <g className="links">
      <defs>
        <marker
          id="link-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth={m}
          markerHeight={m}
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0,0L10,5L0,10z" className="link-arrow" />
        </marker>
        <marker
          id="link-arrow-cut"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth={m}
          markerHeight={m}
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0,0L10,5L0,10z" className="link-arrow-cut" />
        </marker>
      </defs>
      {pairs}
    </g>
  );
});

/** "Links" disclosure: a matrix of checkboxes, row = from, column = to, checked while up. */
export const LinksMatrix = memo(function LinksMatrix({ n }: { n: number }) {
  const links = useRingSim((s) => s.links);
  const send = useRingSim((s) => s.send);
  // A toggled box shows its new state at once, until the worker's next link list says how it is.
  const [pending, setPending] = useState<ReadonlyMap<number, boolean>>(new Map());
  useEffect(() => setPending(new Map()), [links]);
  const table = linkTable(links);
  for (const [key, up] of pending) table.set(key, up);
  const onChange = (from: number, to: number, up: boolean): void => {
    setPending((current) => new Map(current).set(from * 1000 + to, !up));
    send({ type: 'line', text: toggleLine(from, to, up), source: 'control' });
  };
  let cut = 0;
  for (let a = 1; a <= n; a++) for (let b = 1; b <= n; b++) if (a !== b && !isUp(table, a, b)) cut++;
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  return (
    <details className="cluster-links" open={n <= 5 ? true : undefined}>
      <summary>{t.linksSummary(cut, n * (n - 1))}</summary>
      <div className="cluster-links-scroll">
        <table className="link-matrix">
          <caption>{t.linksCaption}</caption>
          <thead>
            <tr>
              <th scope="col" className="link-corner">
                {t.linkFrom}
              </th>
              {ids.map((to) => (
                <th key={to} scope="col">{`n${to}`}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ids.map((from) => (
              <tr key={from}>
                <th scope="row">{`n${from}`}</th>
                {ids.map((to) => {
                  if (from === to) return <td key={to} className="link-self" aria-hidden="true" />;
                  const up = isUp(table, from, to);
                  return (
                    <td key={to} className={up ? undefined : 'link-cell-cut'}>
                      <input
                        type="checkbox"
                        aria-label={t.link(from, to)}
                        checked={up}
                        onChange={() => onChange(from, to, up)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
});
