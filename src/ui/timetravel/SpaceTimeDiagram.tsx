// The space-time (Lamport) diagram: a lane per server and client session, every message an arrow from its
// send to its delivery. The worker draws it (src/worker/diagram.ts) on canvases this component hands over,
// from the trace it keeps; the page only turns gestures into view changes and shows the tooltip.
import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { onDiagramUpdate, useSim } from '../../store/simStore';
import type { DiagramViewRequest } from '../../worker/ipc';
import { download } from '../download';
import { text } from '../../view/text';
import { GUTTER, diagramMinHeight } from '../../view/diagram/paint';

const tt = text.timeTravel;
/** Simulated milliseconds across the plot at first. */
const INITIAL_SPAN = 900;

interface Shown {
  readonly x: number;
  readonly y: number;
  readonly tip: { readonly title: string; readonly lines: readonly string[] };
}

/** What the gesture handlers share with the effect that owns the canvases. */
interface Engine {
  view: { width: number; height: number; tx: number; k: number; dpr: number };
  follow: boolean;
  showHeartbeats: boolean;
  zoom: ZoomBehavior<HTMLCanvasElement, unknown> | null;
  canvas: HTMLCanvasElement | null;
  mouse: { x: number; y: number } | null;
  /** Tell the worker how the diagram is shown now. */
  postView: () => void;
  /** Back to the first view: the start of the run, at the initial zoom. */
  showStart: () => void;
}

const canDrawOffscreen =
  typeof HTMLCanvasElement !== 'undefined' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype;

export function SpaceTimeDiagram({ status }: { status?: ReactNode }) {
  const send = useSim((s) => s.send);
  const ready = useSim((s) => s.ready);
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
    const e = engine.current;
    const canvas = document.createElement('canvas');
    canvas.className = 'tt-canvas';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', tt.diagramTitle);
    canvas.title = tt.help;
    const overlay = document.createElement('canvas');
    overlay.className = 'tt-overlay';
    overlay.setAttribute('aria-hidden', 'true');
    host.append(canvas, overlay);
    e.canvas = canvas;
    const offscreen = canvas.transferControlToOffscreen();
    const offscreenOverlay = overlay.transferControlToOffscreen();
    send({ type: 'diagram-attach', canvas: offscreen, overlay: offscreenOverlay }, [offscreen, offscreenOverlay]);

    let sized = false;
    let viewSeq = 0;
    e.postView = () => {
      if (!sized) return;
      viewSeq++;
      const view: DiagramViewRequest = { ...e.view, follow: e.follow, showHeartbeats: e.showHeartbeats, seq: viewSeq };
      send({ type: 'diagram-view', view });
    };

    const pointAt = (event: MouseEvent) => {
      const rect = canvas.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    };
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
          e.mouse = pointAt(source);
          send({ type: 'diagram-pointer', point: e.mouse });
        }
      });
    e.zoom = behavior;
    selection.call(behavior).on('dblclick.zoom', null);

    e.showStart = () => {
      if (!sized) return;
      behavior.transform(selection, zoomIdentity.translate(GUTTER, 0).scale((e.view.width - GUTTER) / INITIAL_SPAN));
    };

    const resize = () => {
      const rect = wrap.getBoundingClientRect();
      const width = Math.max(1, Math.floor(rect.width));
      const height = Math.max(1, Math.floor(rect.height));
      for (const c of [canvas, overlay]) {
        c.style.width = `${width}px`;
        c.style.height = `${height}px`;
      }
      e.view.width = width;
      e.view.height = height;
      e.view.dpr = window.devicePixelRatio || 1;
      if (!sized && width > GUTTER + 10) {
        sized = true;
        e.showStart();
      } else e.postView();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(wrap);
    resize();

    // The pointer is sent once per animation frame at most.
    let pointerFrame = 0;
    const onMove = (event: MouseEvent) => {
      e.mouse = pointAt(event);
      if (pointerFrame !== 0) return;
      pointerFrame = requestAnimationFrame(() => {
        pointerFrame = 0;
        send({ type: 'diagram-pointer', point: e.mouse });
      });
    };
    // The tooltip goes when the worker says nothing is under the pointer (coming back to the same item keeps it).
    const onLeave = () => {
      e.mouse = null;
      send({ type: 'diagram-pointer', point: null });
    };
    const onClick = (event: MouseEvent) => {
      const { x, y } = pointAt(event);
      send({ type: 'diagram-click', x, y });
    };
    canvas.addEventListener('mousemove', onMove);
    canvas.addEventListener('mouseleave', onLeave);
    canvas.addEventListener('click', onClick);

    const unsubscribe = onDiagramUpdate((update) => {
      if (update.type === 'diagram-file') {
        download(update.blob, update.format === 'svg' ? 'paxoscope-diagram.svg' : 'paxoscope-diagram.png');
        return;
      }
      // Following moved the view: d3 keeps the transform the next gesture starts from (unless the person has
      // zoomed or panned since the request the worker answered: then the page's own view is newer).
      if (update.tx !== undefined && update.k !== undefined && update.viewSeq === viewSeq && e.follow) {
        e.view.tx = update.tx;
        e.view.k = update.k;
        selection.property('__zoom', zoomIdentity.translate(update.tx, 0).scale(update.k));
      }
      if (update.summary !== undefined) canvas.setAttribute('aria-label', update.summary);
      if (update.tip !== undefined) {
        const mouse = e.mouse;
        if (update.tip === null || mouse === null) setShown(null);
        else {
          // Beside the pointer, kept inside the canvas.
          const x = Math.max(0, Math.min(mouse.x + 14, e.view.width - 270));
          const y = mouse.y + 14 > e.view.height - 100 ? Math.max(0, mouse.y - 110) : mouse.y + 14;
          setShown({ x, y, tip: update.tip });
        }
      }
    });

    return () => {
      unsubscribe();
      cancelAnimationFrame(pointerFrame);
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
      setShown(null);
    };
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
      <div className="tt-toolbar">
        <h3 className="visually-hidden">{tt.diagramTitle}</h3>
        <div className="tt-status">{status}</div>
        <label className="tt-check">
          <input
            type="checkbox"
            checked={showHeartbeats}
            onChange={(event) => setShowHeartbeats(event.currentTarget.checked)}
          />
          {tt.showHeartbeats}
        </label>
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={follow}
          title={tt.followTitle}
          onClick={toggleFollow}
        >
          {tt.follow}
        </button>
        <button type="button" className="btn btn-small" title={tt.fitTitle} onClick={fit} disabled={!ready}>
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
      <div className="tt-canvas-wrap" ref={wrapRef} style={{ minHeight: diagramMinHeight(lanes) }}>
        <div className="tt-canvas-host" ref={hostRef} />
        {!canDrawOffscreen && <p className="tt-unsupported">{tt.noOffscreenCanvas}</p>}
        {shown !== null && (
          <div className="tt-tooltip" role="tooltip" style={{ left: shown.x, top: shown.y }}>
            <strong>{shown.tip.title}</strong>
            {shown.tip.lines.map((line, i) => (
              <span key={i}>{line}</span>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
