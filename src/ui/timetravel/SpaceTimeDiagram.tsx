// The space-time (Lamport) diagram: a lane per server and client session, every message an arrow from
// its send to its delivery. Drawn on a canvas in its own animation-frame loop from `timeline` (outside
// React); it redraws only when the trace, the view, the hover or the cursor changed.
import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import { useEffect, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import { useSim } from '../../store/simStore';
import { timeline } from '../../store/timeline';
import { text } from '../text';
import { diagramIndex } from './model';
import { COLORS, GUTTER, describe, hitTest, laneHeight, paint, tOf, xOf, type DrawOptions, type Hit, type Tip, type View } from './paint';
import { CanvasPainter, SvgPainter } from './painters';

/** Repaint interval while playing and following the cursor, at least. */
const FOLLOW_REPAINT_MS = 250;
/** While following, repaints take about this share at most of the main thread: a dense picture (25 servers, thousands
 *  of arrows) repaints less often rather than taking frames from the live view. */
const FOLLOW_PAINT_SHARE = 0.02;
const tt = text.timeTravel;
/** Simulated milliseconds across the plot at first. */
const INITIAL_SPAN = 900;

interface Shown {
  readonly x: number;
  readonly y: number;
  readonly tip: Tip;
}

/** What the event handlers need from the draw loop. */
interface Engine {
  view: View;
  options: DrawOptions;
  follow: boolean;
  showHeartbeats: boolean;
  zoom: ZoomBehavior<HTMLCanvasElement, unknown> | null;
  mouse: { x: number; y: number } | null;
  mouseDirty: boolean;
  optionsDirty: boolean;
}

function sameHit(a: Hit | null, b: Hit | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'op' || b.kind === 'op') return a.kind === b.kind && a.seekIndex === b.seekIndex;
  return a.kind === b.kind && a.index === b.index;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function drawHover(ctx: CanvasRenderingContext2D, hit: Hit): void {
  ctx.strokeStyle = COLORS.hover;
  ctx.lineWidth = 2.5;
  ctx.globalAlpha = 0.8;
  ctx.beginPath();
  if (hit.kind === 'message') {
    ctx.moveTo(hit.x1, hit.y1);
    ctx.lineTo(hit.x2, hit.y2);
  } else if (hit.kind === 'point') {
    ctx.arc(hit.x, hit.y, 7, 0, Math.PI * 2);
  } else {
    ctx.rect(hit.x0 - 2, hit.y - 7, Math.max(4, hit.x1 - hit.x0 + 4), 14);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
}

export function SpaceTimeDiagram({ status }: { status?: ReactNode }) {
  const send = useSim((s) => s.send);
  const ready = useSim((s) => s.ready);
  const [showHeartbeats, setShowHeartbeats] = useState(false);
  const [follow, setFollow] = useState(true);
  const [shown, setShown] = useState<Shown | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const engine = useRef<Engine>({
    view: { width: 0, height: 0, tx: GUTTER, k: 1, laneH: 20 },
    options: { showHeartbeats: false, now: 0, head: 0 },
    follow: true,
    showHeartbeats: false,
    zoom: null,
    mouse: null,
    mouseDirty: false,
    optionsDirty: true,
  });

  useEffect(() => {
    engine.current.follow = follow;
    engine.current.showHeartbeats = showHeartbeats;
    engine.current.optionsDirty = true;
    engine.current.mouseDirty = true;
  }, [follow, showHeartbeats]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const wrap = wrapRef.current;
    const ctx = canvas?.getContext('2d');
    const overlay = overlayRef.current;
    const octx = overlay?.getContext('2d');
    if (!canvas || !wrap || !ctx || !overlay || !octx) return;
    const e = engine.current;
    const painter = new CanvasPainter(ctx);
    let dpr = window.devicePixelRatio || 1;
    let sized = false;
    let sizeDirty = true;
    let raf = 0;
    let hover: Hit | null = null;
    const drawn = { version: -1, now: NaN, head: NaN, tx: NaN, k: NaN, hover: null as Hit | null };
    let summary = '';
    let summaryAt = 0;

    const selection = select(canvas);
    const behavior = zoom<HTMLCanvasElement, unknown>()
      // The size the draw loop already knows: d3's default reads the element's layout on every call.
      .extent(() => [
        [0, 0],
        [e.view.width, e.view.height],
      ])
      .scaleExtent([1e-5, 400])
      .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        e.view.tx = event.transform.x;
        e.view.k = event.transform.k;
        e.mouseDirty = true;
        const source: unknown = event.sourceEvent;
        // A drag (not the wheel, not our own follow) means the user wants to look elsewhere.
        if (source instanceof Event && source.type !== 'wheel' && e.follow) {
          e.follow = false;
          setFollow(false);
        }
      });
    e.zoom = behavior;
    selection.call(behavior).on('dblclick.zoom', null);

    const setView = (tx: number, k: number) => {
      behavior.transform(selection, zoomIdentity.translate(tx, 0).scale(k));
    };
    // Following the cursor scrolls every frame: the view and d3's stored transform (where the next
    // gesture starts) are set directly, without a zoom event per frame.
    const scrollTo = (tx: number) => {
      e.view.tx = tx;
      e.mouseDirty = true;
      selection.property('__zoom', zoomIdentity.translate(tx, 0).scale(e.view.k));
    };

    const resize = () => {
      const rect = wrap.getBoundingClientRect();
      const width = Math.max(1, Math.floor(rect.width));
      const height = Math.max(1, Math.floor(rect.height));
      dpr = window.devicePixelRatio || 1;
      for (const c of [canvas, overlay]) {
        c.width = Math.round(width * dpr);
        c.height = Math.round(height * dpr);
        c.style.width = `${width}px`;
        c.style.height = `${height}px`;
      }
      e.view.width = width;
      e.view.height = height;
      if (!sized && width > GUTTER + 10) {
        sized = true;
        setView(GUTTER, (width - GUTTER) / INITIAL_SPAN);
      }
      sizeDirty = true;
    };
    const observer = new ResizeObserver(resize);
    observer.observe(wrap);
    resize();

    let paintedAt = 0;
    let paintMs = 0;
    const tick = () => {
      raf = requestAnimationFrame(tick);
      if (!sized) return;
      const state = useSim.getState();
      const lanesBefore = diagramIndex.lanes;
      const indexChanged = diagramIndex.sync(state.header.servers);
      // New events arrive with every frame; only a new lane (or a new run) must show at once.
      const lanesChanged = diagramIndex.lanes !== lanesBefore;
      const view = e.view;
      view.laneH = laneHeight(view.height, diagramIndex.lanes.length);
      const now = state.now;
      const head = state.head.t;

      if (e.follow) {
        const plot = view.width - GUTTER;
        const x = xOf(view, now);
        // Never scroll to before time 0 while following.
        if (state.playing) {
          const tx = Math.min(GUTTER, GUTTER + plot * 0.85 - view.k * now);
          if (Math.abs(tx - view.tx) > 0.5) scrollTo(tx);
        } else if (x < GUTTER || x > view.width) {
          setView(Math.min(GUTTER, GUTTER + plot * 0.5 - view.k * now), view.k);
        }
      }

      if (indexChanged) e.mouseDirty = true;
      if (e.mouseDirty) {
        e.mouseDirty = false;
        const options = { showHeartbeats: e.showHeartbeats, now, head };
        const hit = e.mouse === null ? null : hitTest(diagramIndex, timeline.events, view, options, e.mouse.x, e.mouse.y);
        if (!sameHit(hit, hover)) {
          hover = hit;
          const mouse = e.mouse;
          if (hit === null || mouse === null) setShown(null);
          else {
            // Beside the pointer, kept inside the canvas.
            const x = Math.max(0, Math.min(mouse.x + 14, view.width - 270));
            const y = mouse.y + 14 > view.height - 100 ? Math.max(0, mouse.y - 110) : mouse.y + 14;
            setShown({ x, y, tip: describe(diagramIndex, timeline.events, hit) });
          }
        }
      }

      const changed =
        indexChanged ||
        sizeDirty ||
        e.optionsDirty ||
        drawn.version !== timeline.version ||
        drawn.now !== now ||
        drawn.head !== head ||
        drawn.tx !== view.tx ||
        drawn.k !== view.k;
      // While it plays and follows the cursor the diagram only scrolls: four repaints a second are enough,
      // and keep the main thread for the live view (measured with npm run bench:ui).
      const paintAt = performance.now();
      const interval = Math.max(FOLLOW_REPAINT_MS, paintMs / FOLLOW_PAINT_SHARE);
      const throttled = state.playing && e.follow && !sizeDirty && !e.optionsDirty && !lanesChanged && paintAt - paintedAt < interval;
      const repaint = changed && !throttled;
      if (drawn.hover !== hover || repaint) {
        // The hover highlight lives on its own canvas: moving the pointer never repaints the diagram.
        drawn.hover = hover;
        octx.setTransform(dpr, 0, 0, dpr, 0, 0);
        octx.clearRect(0, 0, view.width, view.height);
        if (hover !== null) drawHover(octx, hover);
      }
      if (!repaint) return;
      paintedAt = paintAt;
      sizeDirty = false;
      e.optionsDirty = false;
      drawn.version = timeline.version;
      drawn.now = now;
      drawn.head = head;
      drawn.tx = view.tx;
      drawn.k = view.k;
      e.options = { showHeartbeats: e.showHeartbeats, now, head };
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      paint(diagramIndex, timeline.events, view, e.options, painter);

      const time = performance.now();
      // A moving average, so one slow paint (a GC) does not stall the diagram.
      paintMs = paintMs * 0.7 + (time - paintAt) * 0.3;
      if (time - summaryAt > 500) {
        summaryAt = time;
        const lanes = diagramIndex.lanes;
        const servers = lanes.slice(0, diagramIndex.servers);
        const sessions = lanes.slice(diagramIndex.servers);
        const next = tt.summary(servers, sessions, diagramIndex.length, head, now);
        if (next !== summary) {
          summary = next;
          canvas.setAttribute('aria-label', next);
        }
      }
    };
    raf = requestAnimationFrame(tick);

    return () => {
      cancelAnimationFrame(raf);
      observer.disconnect();
      selection.on('.zoom', null);
      e.zoom = null;
    };
  }, []);

  const pointAt = (event: ReactMouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const onMove = (event: ReactMouseEvent<HTMLCanvasElement>) => {
    engine.current.mouse = pointAt(event);
    engine.current.mouseDirty = true;
  };

  const onLeave = () => {
    engine.current.mouse = null;
    engine.current.mouseDirty = true;
  };

  const onClick = (event: ReactMouseEvent<HTMLCanvasElement>) => {
    const e = engine.current;
    const { x, y } = pointAt(event);
    if (x < GUTTER) return;
    const state = useSim.getState();
    const options = { showHeartbeats: e.showHeartbeats, now: state.now, head: state.head.t };
    const hit = hitTest(diagramIndex, timeline.events, e.view, options, x, y);
    if (hit !== null) send({ type: 'seek-event', index: hit.seekIndex });
    else send({ type: 'seek', t: Math.max(0, Math.min(Math.round(tOf(e.view, x)), state.head.t)) });
  };

  const exportSvg = () => {
    const e = engine.current;
    const painter = new SvgPainter();
    paint(diagramIndex, timeline.events, e.view, e.options, painter);
    download(new Blob([painter.toString()], { type: 'image/svg+xml' }), 'paxoscope-diagram.svg');
  };

  const exportPng = () => {
    canvasRef.current?.toBlob((blob) => {
      if (blob !== null) download(blob, 'paxoscope-diagram.png');
    }, 'image/png');
  };

  const fit = () => {
    const e = engine.current;
    const canvas = canvasRef.current;
    if (e.zoom === null || canvas === null) return;
    e.follow = false;
    setFollow(false);
    const span = Math.max(useSim.getState().head.t, 10);
    const k = ((e.view.width - GUTTER) * 0.98) / span;
    e.zoom.transform(select(canvas), zoomIdentity.translate(GUTTER, 0).scale(k));
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
          <input type="checkbox" checked={showHeartbeats} onChange={(event) => setShowHeartbeats(event.currentTarget.checked)} />
          {tt.showHeartbeats}
        </label>
        <button type="button" className="btn btn-small" aria-pressed={follow} title={tt.followTitle} onClick={toggleFollow}>
          {tt.follow}
        </button>
        <button type="button" className="btn btn-small" title={tt.fitTitle} onClick={fit} disabled={!ready}>
          {tt.fit}
        </button>
        <button type="button" className="btn btn-small" aria-label={tt.exportSvg} title={tt.exportTitle} onClick={exportSvg} disabled={!ready}>
          {tt.exportSvgShort}
        </button>
        <button type="button" className="btn btn-small" aria-label={tt.exportPng} title={tt.exportTitle} onClick={exportPng} disabled={!ready}>
          {tt.exportPngShort}
        </button>
      </div>
      <div className="tt-canvas-wrap" ref={wrapRef}>
        <canvas ref={canvasRef} role="img" aria-label={tt.diagramTitle} className="tt-canvas" title={tt.help} onMouseMove={onMove} onMouseLeave={onLeave} onClick={onClick} />
        <canvas ref={overlayRef} className="tt-overlay" aria-hidden="true" />
        {shown !== null && (
          <div
            className="tt-tooltip"
            role="tooltip"
            style={{ left: shown.x, top: shown.y }}
          >
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
