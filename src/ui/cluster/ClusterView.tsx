// The cluster view: servers on a ring (SVG, accessible), links, quorum tallies, client sessions,
// and the messages in flight on a canvas on top. It renders the store and dispatches commands only.
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useSim } from '../../store/simStore';
import { quorumKey, type QuorumView, type ServerView } from '../../view/projections';
import {
  badgeStacks,
  clientSpots,
  RADIAL_FROM,
  ringLayout,
  selectionRadius,
  type BadgeStack,
  type ClientSpot,
  type Point,
  type RingLayout,
  type ServerSpot,
} from '../../view/cluster/layout';
import { LinksLayer, LinksMatrix, toggleLine } from './Links';
import { MessageCanvas } from './MessageCanvas';
import { MessageTargets } from './MessageTargets';
import { OverlapControl, OverlapRings } from './QuorumOverlap';
import { useLesson } from '../lessons/lessonStore';
import { emptyScene, placeKeepOuts, placeNodes, type Scene } from '../../view/cluster/scene';
import { DROP_COLOR, LEGEND_COLORS, type LegendKey } from '../../view/cluster/messageStyle';
import { text } from '../../view/text';
import './cluster.css';

const t = text.cluster;

export function ClusterView() {
  const servers = useSim((s) => s.servers);
  const links = useSim((s) => s.links);
  const quorums = useSim((s) => s.quorums);
  const overlap = useSim((s) => s.quorumOverlap);
  const [overlapOn, setOverlapOn] = useState(false);
  const lessonOverlap = useLesson((s) => s.lesson?.steps[s.step]?.highlight?.overlap === true);
  const showOverlap = overlapOn || lessonOverlap;
  const selected = useSim((s) => s.selected);
  const headerServers = useSim((s) => s.header.servers);
  const send = useSim((s) => s.send);
  const n = servers.length > 0 ? servers.length : headerServers;
  const layout = useMemo(() => ringLayout(n), [n]);
  const box = layout.box;

  // Clients move only when sessions change: key the layout on a signature, not on the per-frame array.
  const sessionKey = servers.map((s) => s.sessions.join(',')).join('|');
  const serversRef = useRef(servers);
  serversRef.current = servers;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- sessionKey stands for the sessions in serversRef
  const clients = useMemo(() => clientSpots(layout, serversRef.current), [layout, sessionKey]);
  const badges = useMemo(() => quorumBadges(layout, quorums), [layout, quorums]);

  // One scene for the component's life (a plain ref object: the canvas reads it every animation frame).
  const sceneRef = useMemo<RefObject<Scene>>(() => ({ current: emptyScene() }), []);
  const stageRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => placeNodes(sceneRef.current, layout, clients), [sceneRef, layout, clients]);
  useLayoutEffect(() => placeKeepOuts(sceneRef.current, layout, clients, badges), [sceneRef, layout, clients, badges]);

  const onToggleLink = useCallback(
    (from: number, to: number, up: boolean) =>
      send({ type: 'line', text: toggleLine(from, to, up), source: 'control' }),
    [send],
  );
  const onSelect = useCallback((server: number) => send({ type: 'select', server }), [send]);

  return (
    <section className={layout.n >= RADIAL_FROM ? 'cluster cluster-dense' : 'cluster'} aria-label={t.region}>
      <div className="cluster-body">
        <div className="cluster-stage" ref={stageRef}>
          <svg
            className="cluster-svg"
            viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
            preserveAspectRatio="xMidYMid meet"
            role="group"
            aria-label={t.ringLabel(n)}
            style={{ fontSize: layout.fontSize }}
          >
            <LinksLayer layout={layout} links={links} onToggle={onToggleLink} />
            <Votes layout={layout} quorums={quorums} />
            <Clients layout={layout} clients={clients} />
            {layout.servers.map((spot) => {
              const view = servers[spot.id - 1];
              return (
                <ServerNode
                  key={spot.id}
                  spot={spot}
                  layout={layout}
                  view={view}
                  selected={selected === spot.id}
                  onSelect={onSelect}
                />
              );
            })}
            {showOverlap && overlap !== null && <OverlapRings layout={layout} overlap={overlap} />}
            <QuorumBadges badges={badges} />
          </svg>
          <MessageCanvas sceneRef={sceneRef} label={t.messagesCanvas} />
          <MessageTargets sceneRef={sceneRef} stageRef={stageRef} />
        </div>
        <aside className="cluster-side">
          <ServerList servers={servers} />
          <LinksMatrix n={n} />
        </aside>
      </div>
      <Legend />
      <OverlapControl on={overlapOn} forced={lessonOverlap} overlap={overlap} onToggle={setOverlapOn} />
    </section>
  );
}

const ServerNode = memo(function ServerNode({
  spot,
  layout,
  view,
  selected,
  onSelect,
}: {
  spot: ServerSpot;
  layout: RingLayout;
  view: ServerView | undefined;
  selected: boolean;
  onSelect: (server: number) => void;
}) {
  const role = view?.role ?? 'follower';
  const r = layout.nodeRadius;
  const lh = layout.lineHeight;
  const ballot = view?.ballot ?? '-';
  const promised = view?.promised ?? '-';
  const progress = t.progressLine(view?.decidedUpTo ?? 0, view?.appliedUpTo ?? 0);
  const lines = layout.radial
    ? [t.role[role], t.ballotLine(ballot, promised), progress]
    : [t.role[role], `ballot ${ballot}`, `promised ${promised}`, progress];
  const cross = r * 0.55;
  return (
    <g
      role="group"
      aria-label={t.server(spot.id)}
      className={`server role-${role}${selected ? ' selected' : ''}`}
      tabIndex={0}
      onClick={() => onSelect(spot.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect(spot.id);
        }
      }}
    >
      <title>{t.selectTitle(spot.id)}</title>
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
        y={spot.y}
        dy="0.35em"
        textAnchor="middle"
        style={{ fontSize: Math.min(r * 0.8, layout.fontSize * 1.5) }}
      >
        {spot.name}
      </text>
      <ServerLabel spot={spot} lines={lines} lineHeight={lh} />
    </g>
  );
});

/** A server's role, ballots and progress beside it: turned along its radius on a dense ring, else in a column. */
function ServerLabel({
  spot,
  lines,
  lineHeight: lh,
}: {
  spot: ServerSpot;
  lines: readonly string[];
  lineHeight: number;
}) {
  return spot.radial ? (
    <text
      className="server-label"
      transform={`translate(${spot.labelX},${spot.labelY}) rotate(${spot.rotate})`}
      textAnchor={spot.anchor}
    >
      {lines.map((line, i) => (
        <tspan
          key={i}
          className={i === 0 ? 'server-role' : undefined}
          x={0}
          y={(i - (lines.length - 1) / 2) * lh}
          dy="0.35em"
        >
          {line}
        </tspan>
      ))}
    </text>
  ) : (
    <text className="server-label" x={spot.labelX} y={spot.labelY} textAnchor={spot.anchor}>
      {lines.map((line, i) => (
        <tspan key={i} className={i === 0 ? 'server-role' : undefined} x={spot.labelX} dy={i === 0 ? 0 : lh}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

const Clients = memo(function Clients({ layout, clients }: { layout: RingLayout; clients: readonly ClientSpot[] }) {
  const cr = layout.clientRadius;
  return (
    <g className="clients">
      {clients.map((client) => {
        const server = layout.servers[client.server - 1]!;
        return (
          <g key={client.name} className="client" role="img" aria-label={`${client.name} → ${server.name}`}>
            <line className="client-tether" x1={client.x} y1={client.y} x2={server.x} y2={server.y} />
            <rect
              className="client-node"
              x={client.x - cr}
              y={client.y - cr}
              width={cr * 2}
              height={cr * 2}
              rx={cr * 0.4}
            />
            <text
              className="client-name"
              x={client.x}
              y={client.y}
              dy="0.35em"
              textAnchor="middle"
              style={{ fontSize: cr * 1.05 }}
            >
              {client.name}
            </text>
          </g>
        );
      })}
    </g>
  );
});

/** A line from each voter towards the proposer, with a tick at the voter. */
function Votes({ layout, quorums }: { layout: RingLayout; quorums: readonly QuorumView[] }) {
  const seen = new Set<string>();
  const marks = [];
  const r = layout.nodeRadius;
  for (const q of quorums) {
    const to = layout.servers[q.server - 1];
    if (to === undefined) continue;
    for (const voter of q.voters) {
      const key = `${q.server}:${voter}:${q.vote}`;
      if (voter === q.server || seen.has(key)) continue;
      seen.add(key);
      const from = layout.servers[voter - 1];
      if (from === undefined) continue;
      const dx = to.x - from.x;
      const dy = to.y - from.y;
      const len = Math.hypot(dx, dy) || 1;
      const tick: Point = { x: from.x + (dx / len) * r, y: from.y + (dy / len) * r };
      const s = Math.max(5, r * 0.28);
      marks.push(
        <g key={key} className={`vote vote-${q.vote}${q.reachedAt !== undefined ? ' vote-reached' : ''}`}>
          <line className="vote-line" x1={tick.x} y1={tick.y} x2={to.x - (dx / len) * r} y2={to.y - (dy / len) * r} />
          <circle className="vote-tick-bg" cx={tick.x} cy={tick.y} r={s} />
          <path
            className="vote-tick"
            d={`M${tick.x - s * 0.5},${tick.y}L${tick.x - s * 0.1},${tick.y + s * 0.45}L${tick.x + s * 0.55},${tick.y - s * 0.45}`}
          />
        </g>,
      );
    }
  }
  return (
    <g className="votes" aria-hidden="true">
      {marks}
    </g>
  );
}

const MAX_BADGES = 2;

interface BadgeGroup {
  readonly server: number;
  /** Newest first: higher slots, then promise rounds. */
  readonly shown: readonly QuorumView[];
  readonly labels: readonly string[];
  readonly more: string | undefined;
  readonly stack: BadgeStack;
}

/** Each proposer's newest tallies, stacked beside it, the columns of several proposers clear of each other. */
function quorumBadges(layout: RingLayout, quorums: readonly QuorumView[]): BadgeGroup[] {
  const byServer = new Map<number, QuorumView[]>();
  for (const q of quorums) {
    const list = byServer.get(q.server) ?? [];
    list.push(q);
    byServer.set(q.server, list);
  }
  const groups: Omit<BadgeGroup, 'stack'>[] = [];
  const spots: ServerSpot[] = [];
  for (const [server, list] of byServer) {
    const spot = layout.servers[server - 1];
    if (spot === undefined) continue;
    list.sort((a, b) => (b.slot ?? -1) - (a.slot ?? -1));
    const shown = list.slice(0, MAX_BADGES);
    const more = list.length > MAX_BADGES ? t.quorumMore(list.length - MAX_BADGES) : undefined;
    const labels = shown.map((q) => t.quorum(q.voters.length, q.needed, q.vote, q.slot));
    groups.push({ server, shown, labels, more });
    spots.push(spot);
  }
  // Placing several columns is a search: do it only when the proposers or their labels' lengths change (a vote
  // turns "1 of 3" into "2 of 3", which takes the same room), not at every tally.
  const key = groups
    .map(({ server, labels, more }) => `${server}:${labels.map((label) => label.length).join(',')}:${more ?? ''}`)
    .join('|');
  if (placed.layout !== layout || placed.key !== key) {
    placed.layout = layout;
    placed.key = key;
    placed.stacks = badgeStacks(
      layout,
      groups.map(({ labels, more }, i) => ({ spot: spots[i]!, labels, more })),
    );
  }
  return groups.map((group, i) => ({ ...group, stack: placed.stacks[i]! }));
}

/** The last badge placement, reused while it still fits (labels are measured by their length). */
const placed: { layout: RingLayout | null; key: string; stacks: BadgeStack[] } = { layout: null, key: '', stacks: [] };

/** "2 of 3 promises" next to the proposer, towards the centre; a glow when the quorum is reached. */
function QuorumBadges({ badges }: { badges: readonly BadgeGroup[] }) {
  const out = [];
  for (const { server, shown, labels, more, stack } of badges) {
    const fs = stack.fontSize;
    shown.forEach((q, i) => {
      const pill = stack.pills[i]!;
      const reached = q.reachedAt !== undefined;
      out.push(
        <g key={quorumKey(q)} className={`quorum-badge quorum-${q.vote}${reached ? ' reached' : ''}`}>
          <rect x={pill.x} y={pill.y} width={pill.w} height={pill.h} rx={pill.h / 2} />
          <text
            x={pill.x + pill.w / 2}
            y={pill.y + pill.h / 2}
            dy="0.35em"
            textAnchor="middle"
            style={{ fontSize: fs }}
          >
            {labels[i]}
          </text>
        </g>,
      );
    });
    if (more !== undefined && stack.more !== undefined) {
      out.push(
        <text
          key={`${server}-more`}
          className="quorum-more"
          x={stack.more.x}
          y={stack.more.y}
          dy="0.35em"
          textAnchor="middle"
          style={{ fontSize: fs * 0.9 }}
        >
          {more}
        </text>,
      );
    }
  }
  return <g className="quorums">{out}</g>;
}

function ServerList({ servers }: { servers: readonly ServerView[] }) {
  const send = useSim((s) => s.send);
  return (
    <div className="cluster-servers">
      <h3>{t.serversTitle}</h3>
      <ul>
        {servers.map((server) => (
          <li key={server.id} className={`role-${server.role}`}>
            <span className="cluster-server-name">{`n${server.id}`}</span>
            <span className="cluster-server-role">{t.role[server.role]}</span>
            {server.up ? (
              <button
                type="button"
                className="cluster-kill"
                onClick={() => send({ type: 'line', text: `kill n${server.id}`, source: 'control' })}
              >
                {t.kill(server.id)}
              </button>
            ) : (
              <button
                type="button"
                className="cluster-restart"
                onClick={() => send({ type: 'line', text: `restart n${server.id}`, source: 'control' })}
              >
                {t.restart(server.id)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

const LEGEND_ORDER: readonly LegendKey[] = [
  'prepare',
  'promise',
  'nack',
  'accept',
  'accepted',
  'decide',
  'heartbeat',
  'client',
  'catchUp',
  'forward',
];

/** ZAB's kinds: election, discovery and sync, then broadcast (PROPOSAL, ACK, COMMIT), REQUEST and PING. */
const ZAB_LEGEND_ORDER: readonly LegendKey[] = [
  'election',
  'discovery',
  'sync',
  'proposal',
  'ack',
  'commit',
  'forward',
  'heartbeat',
  'client',
];

const Legend = memo(function Legend() {
  const zab = useSim((s) => s.header.protocol === 'zab');
  return (
    <ul className="cluster-legend" aria-label={t.legend}>
      {(zab ? ZAB_LEGEND_ORDER : LEGEND_ORDER).map((key) => (
        <li key={key}>
          <span className="legend-dot" style={{ background: LEGEND_COLORS[key] }} />
          {t.legendItems[key]}
        </li>
      ))}
      <li>
        <span className="legend-cross" style={{ color: DROP_COLOR }}>
          ×
        </span>
        {t.legendItems.dropped}
      </li>
      <li>
        <span className="legend-dot legend-dup" />
        {t.legendItems.duplicate}
      </li>
    </ul>
  );
});
