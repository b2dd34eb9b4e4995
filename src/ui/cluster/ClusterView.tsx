// The cluster view: servers on a ring (SVG, accessible), links, quorum tallies, client sessions,
// and the messages in flight on a canvas on top. It renders the store and dispatches commands only.
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { ServerNode } from './ServerNode';
import { placeBadges, QuorumBadges } from './QuorumBadges';
import { useRing } from './useRing';
import { useRingSim } from './simContext';
import { type QuorumView, type ServerView } from '../../view/projections';
import { clientSpots, type ClientSpot, type Point, type RingLayout } from '../../view/cluster/layout';
import { LinksLayer, LinksMatrix } from './Links';
import { LinkNotice, useLinkNotice } from './LinkNotice';
import { MessageCanvas } from './MessageCanvas';
import { MessageTargets } from './MessageTargets';
import { OverlapControl, OverlapRings } from './QuorumOverlap';
import { useLesson } from '../lessons/lessonStore';
import { useBreakingFocus } from '../panels/useBreakingFocus';
import { emptyScene, placeKeepOuts, placeNodes, type Scene } from '../../view/cluster/scene';
import { DROP_COLOR, LEGEND_COLORS, type LegendKey } from '../../view/cluster/messageStyle';
import { text } from '../../view/text';
import './cluster.css';

const t = text.cluster;

/** `side` false leaves out the server list and the links matrix (the compare view's two rings). */
export function ClusterView({ present = false, side = true }: { present?: boolean; side?: boolean }) {
  const servers = useRingSim((s) => s.servers);
  const links = useRingSim((s) => s.links);
  const quorums = useRingSim((s) => s.quorums);
  const overlap = useRingSim((s) => s.quorumOverlap);
  const [overlapOn, setOverlapOn] = useState(false);
  const lessonOverlap = useLesson((s) => s.lesson?.steps[s.step]?.highlight?.overlap === true);
  const selected = useRingSim((s) => s.selected);
  const headerServers = useRingSim((s) => s.header.servers);
  const send = useRingSim((s) => s.send);
  const [hovered, setHovered] = useState<number | null>(null);
  const n = servers.length > 0 ? servers.length : headerServers;
  const stageRef = useRef<HTMLDivElement>(null);
  const layout = useRing(stageRef, n, present, servers, selected, hovered);
  const maxDecided = servers.reduce((m, s) => Math.max(m, s.decidedUpTo), 0);
  const breaking = useBreakingFocus()?.servers;

  // Clients move only when sessions change: key the layout on a signature, not on the per-frame array.
  const sessionKey = servers.map((s) => s.sessions.join(',')).join('|');
  const serversRef = useRef(servers);
  serversRef.current = servers;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- sessionKey stands for the sessions in serversRef
  const clients = useMemo(() => clientSpots(layout, serversRef.current), [layout, sessionKey]);
  const badges = useMemo(() => placeBadges(layout, quorums), [layout, quorums]);
  // One scene for the component's life (a plain ref object: the canvas reads it every animation frame).
  const sceneRef = useMemo<RefObject<Scene>>(() => ({ current: emptyScene() }), []);
  useLayoutEffect(() => placeNodes(sceneRef.current, layout, clients), [sceneRef, layout, clients]);
  useLayoutEffect(() => placeKeepOuts(sceneRef.current, layout, clients, badges), [sceneRef, layout, clients, badges]);

  const runLine = useCallback((line: string) => send({ type: 'line', text: line, source: 'control' }), [send]);
  const linkNotice = useLinkNotice(runLine);
  const onToggleLink = linkNotice.onToggle;
  const onSelect = useCallback((server: number) => send({ type: 'select', server }), [send]);

  const showSide = !present && side;
  return (
    <section
      className={`cluster${layout.dense ? ' cluster-dense' : ''}${present ? ' cluster-present' : ''}`}
      aria-label={t.region}
    >
      <h2 className="visually-hidden">{t.region}</h2>
      <div className={`cluster-body${showSide ? ' cluster-body-side' : ''}`}>
        <div className="cluster-stage" ref={stageRef}>
          <svg
            className="cluster-svg"
            viewBox={`${layout.box.x} ${layout.box.y} ${layout.box.w} ${layout.box.h}`}
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
                  breaking={breaking?.has(spot.id) === true}
                  maxDecided={maxDecided}
                  onSelect={onSelect}
                  onHover={setHovered}
                />
              );
            })}
            {(overlapOn || lessonOverlap) && overlap !== null && <OverlapRings layout={layout} overlap={overlap} />}
            <QuorumBadges badges={badges} />
          </svg>
          <MessageCanvas sceneRef={sceneRef} label={t.messagesCanvas} />
          <MessageTargets sceneRef={sceneRef} stageRef={stageRef} />
          <LinkNotice change={linkNotice.change} onUndo={linkNotice.undo} onDismiss={linkNotice.dismiss} />
        </div>
        {showSide && <ClusterSide servers={servers} n={n} />}
        <div className="cluster-keys">
          <Legend />
          <OverlapControl on={overlapOn} forced={lessonOverlap} overlap={overlap} onToggle={setOverlapOn} />
        </div>
      </div>
    </section>
  );
}

/** The server list and the links matrix, beside or below the ring (cluster.css places them). */
function ClusterSide({ servers, n }: { servers: readonly ServerView[]; n: number }) {
  return (
    <aside className="cluster-side">
      <ServerList servers={servers} />
      <LinksMatrix n={n} />
    </aside>
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

function ServerList({ servers }: { servers: readonly ServerView[] }) {
  const send = useRingSim((s) => s.send);
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
  const zab = useRingSim((s) => s.header.protocol === 'zab');
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
