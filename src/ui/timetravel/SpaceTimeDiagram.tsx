// The space-time (Lamport) diagram: a lane per server and client session, every message an arrow from its
// send to its delivery. The worker draws it (src/worker/diagram.ts) on canvases this component hands over,
// from the trace it keeps; the page only turns gestures into view changes and shows the tooltip.
import { select, zoom, zoomIdentity, type D3ZoomEvent, type Selection, type ZoomBehavior } from 'd3';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { onDiagramUpdate, useSim, type SimState } from '../../store/simStore';
import type { DiagramViewRequest } from '../../worker/ipc';
import { download } from '../download';
import { text } from '../../view/text';
import { GUTTER, diagramMinHeight, type Tip } from '../../view/diagram/paint';
import { MessageCard } from '../payload/MessageCard';

const tt = text.timeTravel;
/** Simulated milliseconds across the plot at first. */
const INITIAL_SPAN = 900;

interface Shown {
  /** The pointer, in the canvas's css px: the card goes beside it. */
  readonly anchor: { readonly x: number; readonly y: number };
  readonly tip: Tip;
}

/** What the gesture handlers share with the effect that owns the canvases. */
interface Engine {
  view: { width: number; height: number; tx: number; k: number; dpr: number };
  follow: boolean;
  showHeartbeats: boolean;
  zoom: ZoomBehavior<HTMLCanvasElement, unknown> | null;
  canvas: HTMLCanvasElement | null;
  mouse: { x: number; y: number } | null;
  /** The last pointer sent to the worker: until its answer comes the canvas is aria-busy (tests wait on it). */
  asked: { x: number; y: number } | null;
  /** Tell the worker how the diagram is shown now. */
  postView: () => void;
  /** Back to the first view: the start of the run, at the initial zoom. */
  showStart: () => void;
}

const canDrawOffscreen =
  typeof HTMLCanvasElement !== 'undefined' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype;

/** What the canvases' lifetime shares: whether the diagram has a size yet, and the page's last view request. */
interface Mounted {
  sized: boolean;
  viewSeq: number;
}

interface MountArgs {
  readonly engine: Engine;
  readonly wrap: HTMLDivElement;
  readonly host: HTMLDivElement;
  readonly send: SimState['send'];
  readonly setFollow: (follow: boolean) => void;
  readonly setShown: (shown: Shown | null) => void;
}

/** The diagram canvas and its hover overlay, made here (React never touches them) and added to `host`. */
function makeCanvases(host: HTMLDivElement): { canvas: HTMLCanvasElement; overlay: HTMLCanvasElement } {
  const canvas = document.createElement('canvas');
  canvas.className = 'tt-canvas';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', tt.diagramTitle);
  canvas.title = tt.help;
  const overlay = document.createElement('canvas');
  overlay.className = 'tt-overlay';
  overlay.setAttribute('aria-hidden', 'true');
  host.append(canvas, overlay);
  return { canvas, overlay };
}

function pointAt(canvas: HTMLCanvasElement, event: MouseEvent): { x: number; y: number } {
  const rect = canvas.getBoundingClientRect();
  return { x: event.clientX - rect.left, y: event.clientY - rect.top };
}

/** d3's zoom on the canvas: wheel zooms, drag pans (and stops following); each change goes to the worker. */
function attachZoom({ engine: e, send, setFollow }: MountArgs, canvas: HTMLCanvasElement) {
  const selection = select(canvas);
  const behavior = zoom<HTMLCanvasElement, unknown>()
    // The size the page already knows: d3's default reads the element's layout on every call.
    .extent(() => [
      [0, 0],
      [e.view.width, e.view.height],
    ])
    .scaleExtent([1e-5, 400])
    .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
      e.view.tx = event.transform.x;
      e.view.k = event.transform.k;
      const source: unknown = event.sourceEvent;
      // A drag (not the wheel, not our own follow) means the person wants to look elsewhere.
      if (source instanceof Event && source.type !== 'wheel' && e.follow) {
        e.follow = false;
        setFollow(false);
      }
      e.postView();
      // d3 takes the pointer's moves during a drag: the hover must follow it still.
      if (source instanceof MouseEvent && e.mouse !== null) {
        e.mouse = pointAt(canvas, source);
        askHover(e, canvas, send, e.mouse);
      }
    });
  e.zoom = behavior;
  selection.call(behavior).on('dblclick.zoom', null);
  return { selection, behavior };
}

/** Both canvases follow the wrapper's size; the first real size shows the start of the run. */
function watchSize(e: Engine, mounted: Mounted, wrap: HTMLDivElement, canvases: readonly HTMLCanvasElement[]) {
  const resize = () => {
    const rect = wrap.getBoundingClientRect();
    const width = Math.max(1, Math.floor(rect.width));
    const height = Math.max(1, Math.floor(rect.height));
    for (const c of canvases) {
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
    }
    e.view.width = width;
    e.view.height = height;
    e.view.dpr = window.devicePixelRatio || 1;
    if (!mounted.sized && width > GUTTER + 10) {
      mounted.sized = true;
      e.showStart();
    } else e.postView();
  };
  const observer = new ResizeObserver(resize);
  observer.observe(wrap);
  resize();
  return observer;
}

function askHover(e: Engine, canvas: HTMLCanvasElement, send: SimState['send'], point: Engine['mouse']): void {
  e.asked = point === null ? null : { ...point };
  canvas.setAttribute('aria-busy', 'true');
  send({ type: 'diagram-pointer', point });
}

/** The pointer goes to the worker (once per animation frame at most), which answers with the tooltip. */
function listenPointer(e: Engine, canvas: HTMLCanvasElement, send: SimState['send']): () => void {
  let pointerFrame = 0;
  const onMove = (event: MouseEvent) => {
    e.mouse = pointAt(canvas, event);
    canvas.setAttribute('aria-busy', 'true');
    if (pointerFrame !== 0) return;
    pointerFrame = requestAnimationFrame(() => {
      pointerFrame = 0;
      askHover(e, canvas, send, e.mouse);
    });
  };
  // The tooltip goes when the worker says nothing is under the pointer (coming back to the same item keeps it).
  const onLeave = () => {
    e.mouse = null;
    askHover(e, canvas, send, null);
  };
  const onClick = (event: MouseEvent) => send({ type: 'diagram-click', ...pointAt(canvas, event) });
  canvas.addEventListener('mousemove', onMove);
  canvas.addEventListener('mouseleave', onLeave);
  canvas.addEventListener('click', onClick);
  return () => cancelAnimationFrame(pointerFrame);
}

/** What the worker says after painting: a file to save, where following moved the view, the summary, the tip. */
function listenNews(
  { engine: e, setShown }: MountArgs,
  mounted: Mounted,
  canvas: HTMLCanvasElement,
  selection: Selection<HTMLCanvasElement, unknown, null, undefined>,
): () => void {
  return onDiagramUpdate((update) => {
    if (update.type === 'diagram-file') {
      download(update.blob, update.format === 'svg' ? 'paxoscope-diagram.svg' : 'paxoscope-diagram.png');
      return;
    }
    // Following moved the view: d3 keeps the transform the next gesture starts from (unless the person has
    // zoomed or panned since the request the worker answered: then the page's own view is newer).
    if (update.tx !== undefined && update.k !== undefined && update.viewSeq === mounted.viewSeq && e.follow) {
      e.view.tx = update.tx;
      e.view.k = update.k;
      selection.property('__zoom', zoomIdentity.translate(update.tx, 0).scale(update.k));
    }
    if (update.summary !== undefined) canvas.setAttribute('aria-label', update.summary);
    const { hovered } = update;
    if (
      hovered !== undefined &&
      (hovered === null ? e.asked === null : hovered.x === e.asked?.x && hovered.y === e.asked.y)
    )
      canvas.setAttribute('aria-busy', 'false');
    if (update.tip !== undefined) {
      const mouse = e.mouse;
      if (update.tip === null || mouse === null) setShown(null);
      else setShown({ anchor: { ...mouse }, tip: update.tip });
    }
  });
}

/** Hand the canvases to the worker and wire the gestures; returns the teardown. */
function mountDiagram(args: MountArgs): () => void {
  const { engine: e, wrap, host, send } = args;
  const { canvas, overlay } = makeCanvases(host);
  e.canvas = canvas;
  const offscreen = canvas.transferControlToOffscreen();
  const offscreenOverlay = overlay.transferControlToOffscreen();
  send({ type: 'diagram-attach', canvas: offscreen, overlay: offscreenOverlay }, [offscreen, offscreenOverlay]);
  const mounted: Mounted = { sized: false, viewSeq: 0 };
  e.postView = () => {
    if (!mounted.sized) return;
    mounted.viewSeq++;
    const view: DiagramViewRequest = {
      ...e.view,
      follow: e.follow,
      showHeartbeats: e.showHeartbeats,
      seq: mounted.viewSeq,
    };
    send({ type: 'diagram-view', view });
  };
  const { selection, behavior } = attachZoom(args, canvas);
  e.showStart = () => {
    if (!mounted.sized) return;
    behavior.transform(selection, zoomIdentity.translate(GUTTER, 0).scale((e.view.width - GUTTER) / INITIAL_SPAN));
  };
  const observer = watchSize(e, mounted, wrap, [canvas, overlay]);
  const stopPointer = listenPointer(e, canvas, send);
  const unsubscribe = listenNews(args, mounted, canvas, selection);
  return () => {
    unsubscribe();
    stopPointer();
    observer.disconnect();
    selection.on('.zoom', null);
    send({ type: 'diagram-detach' });
    canvas.remove();
    overlay.remove();
    e.zoom = null;
    e.canvas = null;
    e.mouse = null;
    e.postView = () => undefined;
    e.showStart = () => undefined;
    args.setShown(null);
  };
}

export function SpaceTimeDiagram({ status }: { status?: ReactNode }) {
  const send = useSim((s) => s.send);
  const worker = useSim((s) => s.worker);
  // Tall enough for every lane (25 servers and their client sessions), so none is cut off.
  const lanes = useSim((s) => s.header.servers + new Set(s.servers.flatMap((server) => server.sessions)).size);
  const [showHeartbeats, setShowHeartbeats] = useState(false);
  const [follow, setFollow] = useState(true);
  const [shown, setShown] = useState<Shown | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  /** Holds the canvases, which this component makes itself (React never touches them). */
  const hostRef = useRef<HTMLDivElement>(null);
  const engine = useRef<Engine>({
    view: { width: 0, height: 0, tx: GUTTER, k: 1, dpr: 1 },
    follow: true,
    showHeartbeats: false,
    zoom: null,
    canvas: null,
    mouse: null,
    asked: null,
    postView: () => undefined,
    showStart: () => undefined,
  });

  useEffect(() => {
    const e = engine.current;
    e.follow = follow;
    e.showHeartbeats = showHeartbeats;
    e.postView();
  }, [follow, showHeartbeats]);

  // A new run (another cluster size, a lesson, a link) starts at its beginning, following it.
  const runs = useSim((s) => s.runs);
  useEffect(() => {
    const e = engine.current;
    e.follow = true;
    setFollow(true);
    e.showStart();
  }, [runs]);

  // One pair of canvases per worker: a canvas can be handed over only once, and a restarted worker needs new ones.
  useEffect(() => {
    const wrap = wrapRef.current;
    const host = hostRef.current;
    if (wrap === null || host === null || worker === 0 || !canDrawOffscreen) return;
    return mountDiagram({ engine: engine.current, wrap, host, send, setFollow, setShown });
  }, [worker, send]);

  const fit = () => {
    const e = engine.current;
    if (e.zoom === null || e.canvas === null) return;
    e.follow = false;
    setFollow(false);
    const span = Math.max(useSim.getState().head.t, 10);
    const k = ((e.view.width - GUTTER) * 0.98) / span;
    e.zoom.transform(select(e.canvas), zoomIdentity.translate(GUTTER, 0).scale(k));
  };

  const toggleFollow = () => {
    const next = !follow;
    engine.current.follow = next;
    setFollow(next);
  };

  return (
    <div className="tt-diagram">
      <DiagramToolbar
        status={status}
        showHeartbeats={showHeartbeats}
        onShowHeartbeats={setShowHeartbeats}
        follow={follow}
        onToggleFollow={toggleFollow}
        onFit={fit}
      />
      <div className="tt-canvas-wrap" ref={wrapRef} style={{ minHeight: diagramMinHeight(lanes) }}>
        <div className="tt-canvas-host" ref={hostRef} />
        {!canDrawOffscreen && <p className="tt-unsupported">{tt.noOffscreenCanvas}</p>}
        {shown !== null && (
          <MessageCard
            anchor={shown.anchor}
            title={shown.tip.title}
            lines={shown.tip.lines}
            payload={shown.tip.payload}
          />
        )}
      </div>
    </div>
  );
}

/** Show heartbeats, Follow, Fit and the SVG/PNG exports above the diagram. */
function DiagramToolbar({
  status,
  showHeartbeats,
  onShowHeartbeats,
  follow,
  onToggleFollow,
  onFit,
}: {
  status: ReactNode;
  showHeartbeats: boolean;
  onShowHeartbeats: (show: boolean) => void;
  follow: boolean;
  onToggleFollow: () => void;
  onFit: () => void;
}) {
  const send = useSim((s) => s.send);
  const ready = useSim((s) => s.ready);
  return (
    <div className="tt-toolbar">
      <h3 className="visually-hidden">{tt.diagramTitle}</h3>
      <div className="tt-status">{status}</div>
      <label className="tt-check">
        <input
          type="checkbox"
          checked={showHeartbeats}
          onChange={(event) => onShowHeartbeats(event.currentTarget.checked)}
        />
        {tt.showHeartbeats}
      </label>
      <button
        type="button"
        className="btn btn-small"
        aria-pressed={follow}
        title={tt.followTitle}
        onClick={onToggleFollow}
      >
        {tt.follow}
      </button>
      <button type="button" className="btn btn-small" title={tt.fitTitle} onClick={onFit} disabled={!ready}>
        {tt.fit}
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-label={tt.exportSvg}
        title={tt.exportTitle}
        onClick={() => send({ type: 'diagram-export', format: 'svg' })}
        disabled={!ready || !canDrawOffscreen}
      >
        {tt.exportSvgShort}
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-label={tt.exportPng}
        title={tt.exportTitle}
        onClick={() => send({ type: 'diagram-export', format: 'png' })}
        disabled={!ready || !canDrawOffscreen}
      >
        {tt.exportPngShort}
      </button>
    </div>
  );
}
