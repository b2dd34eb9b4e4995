// One server on the ring: a group named "Server n1" holding its button (select it), circle, name, and its
// details or, on a dense ring, a progress bar.
import { memo, useEffect, useState } from 'react';
import { drawTime } from '../../store/flying';
import { useRingFlying, useRingSim } from './simContext';
import type { ServerView } from '../../view/projections';
import { selectionRadius, type RingLayout, type ServerSpot } from '../../view/cluster/layout';
import { timerArcPath, timerFraction, timerLeftMs } from '../../view/cluster/timer';
import { text } from '../../view/text';
import { zabText } from '../../view/zab/text';

const t = text.cluster;

export const ServerNode = memo(function ServerNode({
  spot,
  layout,
  view,
  selected,
  breaking,
  maxDecided,
  onSelect,
  onHover,
}: {
  spot: ServerSpot;
  layout: RingLayout;
  view: ServerView | undefined;
  selected: boolean;
  /** Involved in the violation the safety monitor shows: ringed in red. */
  breaking: boolean;
  maxDecided: number;
  onSelect: (server: number) => void;
  onHover: (server: number | null) => void;
}) {
  const role = view?.role ?? 'follower';
  const r = layout.nodeRadius;
  const decided = view?.decidedUpTo ?? 0;
  const applied = view?.appliedUpTo ?? 0;
  const { lines, title } = serverText(spot.id, view, layout.dense);
  const cross = r * 0.55;
  const leave = () => onHover(null);
  return (
    <g
      role="group"
      aria-label={t.server(spot.id)}
      className={`server role-${role}${selected ? ' selected' : ''}${breaking ? ' breaking' : ''}`}
    >
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
        {breaking && <circle className="server-breaking" cx={spot.x} cy={spot.y} r={selectionRadius(r) + r * 0.4} />}
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
      {/* Beside the button, not in it: a button's content is not in the accessibility tree. */}
      {role !== 'crashed' && <TimerArc spot={spot} r={r} />}
    </g>
  );
});

/** A server's label lines and tooltip: under ZAB its epochs where Paxos shows ballots, and its logged txns
 *  beside the committed ones. */
function serverText(id: number, view: ServerView | undefined, dense: boolean): { lines: string[]; title: string } {
  const role = view?.role ?? 'follower';
  const ballot = view?.ballot ?? '-';
  const promised = view?.promised ?? '-';
  const decided = view?.decidedUpTo ?? 0;
  const applied = view?.appliedUpTo ?? 0;
  const roleLine = dense ? t.denseRoleLine(id, t.role[role]) : t.role[role];
  if (view?.zab === true) {
    const epochs = zabText.epochLine(promised, ballot);
    const log = zabText.logLine(decided, view.logged);
    return {
      lines: [roleLine, epochs, log, zabText.appliedLine(applied)],
      title: zabText.serverTitle(id, t.role[role], epochs, log, applied),
    };
  }
  return {
    lines: [roleLine, t.ballotOnly(ballot), t.promisedOnly(promised), t.progressLine(decided, applied)],
    title: t.serverTitle(id, t.role[role], ballot, promised, decided, applied),
  };
}

/** The simulated time to draw at: the frame's while paused; while playing, the canvas's clock every animation
 *  frame (frames come 20 times a second and the readouts 10: an arc would run down in visible steps). */
function useClock(): number {
  const now = useRingSim((s) => s.now);
  const playing = useRingSim((s) => s.playing);
  const wire = useRingFlying();
  const [drawn, setDrawn] = useState(now);
  useEffect(() => {
    if (!playing) return;
    let frame = requestAnimationFrame(function tick() {
      setDrawn(drawTime(performance.now(), wire));
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, wire]);
  return playing ? drawn : now;
}

/** The server's running timer as an arc hugging its circle's edge: it shrinks clockwise as the timer runs down
 *  (an election timeout, or a leader's time to its next heartbeat), over a faint track of the whole. */
function TimerArc({ spot, r }: { spot: ServerSpot; r: number }) {
  const timer = useRingSim((s) => s.timers[spot.id - 1] ?? null);
  const now = useClock();
  if (timer === null) return null;
  const fraction = timerFraction(timer, now);
  const width = Math.max(2.5, r * 0.15);
  const outer = r - Math.max(1, r * 0.04);
  return (
    <g
      className={`server-timer timer-${timer.kind}`}
      transform={`translate(${spot.x},${spot.y})`}
      role="img"
      aria-label={t.timerArc(spot.id, timer.kind, timerLeftMs(timer, now))}
      data-fraction={fraction.toFixed(3)}
    >
      <circle className="timer-track" r={outer - width / 2} strokeWidth={width} />
      <path className="timer-arc" d={timerArcPath(fraction, outer - width, outer)} />
    </g>
  );
}

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
