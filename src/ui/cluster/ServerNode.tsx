// One server on the ring: a group named "Server n1" holding its button (select it), circle, name, and its
// details or, on a dense ring, a progress bar.
import { memo } from 'react';
import type { ServerView } from '../../view/projections';
import { selectionRadius, type RingLayout, type ServerSpot } from '../../view/cluster/layout';
import { text } from '../../view/text';
import { zabText } from '../../view/zab/text';

const t = text.cluster;

export const ServerNode = memo(function ServerNode({
  spot,
  layout,
  view,
  selected,
  maxDecided,
  onSelect,
  onHover,
}: {
  spot: ServerSpot;
  layout: RingLayout;
  view: ServerView | undefined;
  selected: boolean;
  maxDecided: number;
  onSelect: (server: number) => void;
  onHover: (server: number | null) => void;
}) {
  const role = view?.role ?? 'follower';
  const r = layout.nodeRadius;
  const ballot = view?.ballot ?? '-';
  const promised = view?.promised ?? '-';
  const decided = view?.decidedUpTo ?? 0;
  const applied = view?.appliedUpTo ?? 0;
  const roleLine = layout.dense ? t.denseRoleLine(spot.id, t.role[role]) : t.role[role];
  // Under ZAB: its epochs where Paxos shows ballots, and its logged txns beside the committed ones.
  const zab = view?.zab === true;
  const epochs = zabText.epochLine(promised, ballot);
  const log = zabText.logLine(decided, view?.logged ?? 0);
  const lines = zab
    ? [roleLine, epochs, log, zabText.appliedLine(applied)]
    : [roleLine, t.ballotOnly(ballot), t.promisedOnly(promised), t.progressLine(decided, applied)];
  const title = zab
    ? zabText.serverTitle(spot.id, t.role[role], epochs, log, applied)
    : t.serverTitle(spot.id, t.role[role], ballot, promised, decided, applied);
  const cross = r * 0.55;
  const leave = () => onHover(null);
  return (
    <g role="group" aria-label={t.server(spot.id)} className={`server role-${role}${selected ? ' selected' : ''}`}>
      <title>{title}</title>
      <g
        role="button"
        aria-label={t.selectServer(spot.id)}
        aria-pressed={selected}
        className="server-button"
        tabIndex={0}
        onClick={() => onSelect(spot.id)}
        onPointerEnter={() => onHover(spot.id)}
        onPointerLeave={leave}
        onFocus={() => onHover(spot.id)}
        onBlur={leave}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onSelect(spot.id);
          }
        }}
      >
        {selected && <circle className="server-outline" cx={spot.x} cy={spot.y} r={selectionRadius(r)} />}
        <circle className="server-node" cx={spot.x} cy={spot.y} r={r} />
        {role === 'crashed' && (
          <path
            className="server-cross"
            d={`M${spot.x - cross},${spot.y - cross}L${spot.x + cross},${spot.y + cross}M${spot.x + cross},${spot.y - cross}L${spot.x - cross},${spot.y + cross}`}
          />
        )}
        <text
          className="server-name"
          x={spot.x}
          y={layout.dense ? spot.y - r * 0.12 : spot.y}
          dy="0.35em"
          textAnchor="middle"
          style={{ fontSize: layout.nameSize }}
        >
          {spot.name}
        </text>
        {layout.dense && <ProgressBar spot={spot} r={r} decided={decided} applied={applied} max={maxDecided} />}
        {spot.label !== null && <ServerLabel label={spot.label} lines={lines} lineHeight={layout.lineHeight} />}
      </g>
    </g>
  );
});

/** A dense ring's glyph: how far this server has decided (light) and applied (dark) of the most any server has. */
function ProgressBar({
  spot,
  r,
  decided,
  applied,
  max,
}: {
  spot: ServerSpot;
  r: number;
  decided: number;
  applied: number;
  max: number;
}) {
  const w = r * 1.3;
  const h = Math.max(3, r * 0.18);
  const x = spot.x - w / 2;
  const y = spot.y + r * 0.42;
  const part = (v: number): number => (max <= 0 ? 0 : (w * Math.min(v, max)) / max);
  return (
    <g className="server-progress" aria-hidden="true">
      <rect className="progress-track" x={x} y={y} width={w} height={h} rx={h / 2} />
      <rect className="progress-decided" x={x} y={y} width={part(decided)} height={h} rx={h / 2} />
      <rect className="progress-applied" x={x} y={y} width={part(applied)} height={h} rx={h / 2} />
    </g>
  );
}

/** A server's role, ballots and progress in a column beside it (never rotated). */
function ServerLabel({
  label,
  lines,
  lineHeight: lh,
}: {
  label: NonNullable<ServerSpot['label']>;
  lines: readonly string[];
  lineHeight: number;
}) {
  return (
    <text className="server-label" x={label.textX} y={label.baseline} textAnchor={label.anchor}>
      {lines.map((line, i) => (
        <tspan key={i} className={i === 0 ? 'server-role' : undefined} x={label.textX} dy={i === 0 ? 0 : lh}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
