// The space-time diagram, drawn in the worker on canvases the page handed over (OffscreenCanvas). The worker
// already keeps the run's whole trace for time travel, so the page keeps none: its memory stays flat however
// long the run, and the diagram's painting never takes a frame from the live view.
import type { TraceEvent } from '../sim/trace';
import { DiagramIndex } from '../view/diagram/model';
import {
  COLORS,
  GUTTER,
  describe,
  hitTest,
  laneHeight,
  paint,
  tOf,
  xOf,
  type DrawOptions,
  type Hit,
  type View,
} from '../view/diagram/paint';
import { CanvasPainter, SvgPainter } from '../view/diagram/painters';
import { text } from '../view/text';
import type { Command, DiagramNews, DiagramViewRequest } from './ipc';

/** While playing, the run's own progress repaints the diagram this often at most... */
const PLAYING_REPAINT_MS = 200;
/** ...and takes at most about this share of the worker (a dense picture repaints less often). */
const PLAYING_PAINT_SHARE = 0.08;
/** Otherwise (a step, a seek) at most once per display frame; the person's own zoom and pan show at once. */
const MIN_REPAINT_MS = 16;
/** The screen-reader summary is rebuilt at most this often. */
const SUMMARY_MS = 500;

/** What the diagram draws: the run's trace as far as it goes (future kept after a seek back) and its clock. */
export interface DiagramSource {
  readonly events: readonly TraceEvent[];
  readonly servers: number;
  readonly now: number;
  readonly head: number;
  readonly playing: boolean;
  /** A message's content by its id (the tooltip shows it). */
  readonly payloadOf?: (id: number) => readonly string[] | undefined;
  /** The events the violation the safety monitor shows involves, marked in red. */
  readonly marked?: ReadonlyMap<number, 'breaking' | 'involved'>;
}

function markedKey(source: DiagramSource): string {
  return source.marked === undefined ? '' : [...source.marked.keys()].join(',');
}

/** Where the view goes while following the cursor (null: stay): playing keeps the cursor at 85% of the plot;
 *  stopped, the view moves only when the cursor is off screen, and then centres it. Never before time 0. */
export function followTx(view: View, now: number, playing: boolean): number | null {
  const plot = view.width - GUTTER;
  if (playing) {
    const tx = Math.min(GUTTER, GUTTER + plot * 0.85 - view.k * now);
    return Math.abs(tx - view.tx) > 0.5 ? tx : null;
  }
  const x = xOf(view, now);
  if (x >= GUTTER && x <= view.width) return null;
  return Math.min(GUTTER, GUTTER + plot * 0.5 - view.k * now);
}

/** What a click at (x, y) asks for: the hit event's moment, else that time (within the run), else nothing. */
export function clickTarget(hit: Hit | null, view: View, x: number, head: number): Command | null {
  if (x < GUTTER) return null;
  if (hit !== null) return { type: 'seek-event', index: hit.seekIndex };
  return { type: 'seek', t: Math.max(0, Math.min(Math.round(tOf(view, x)), head)) };
}

function sameHit(a: Hit | null, b: Hit | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'op' || b.kind === 'op') return a.kind === b.kind && a.seekIndex === b.seekIndex;
  return a.kind === b.kind && a.index === b.index;
}

type Context = OffscreenCanvasRenderingContext2D;

function drawHover(ctx: Context, hit: Hit): void {
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

interface Surface {
  readonly canvas: OffscreenCanvas;
  readonly ctx: Context;
  readonly overlay: OffscreenCanvas;
  readonly octx: Context;
}

export class DiagramHost {
  private surface: Surface | null = null;
  private readonly index = new DiagramIndex();
  private view: View = { width: 0, height: 0, tx: GUTTER, k: 1, laneH: 20 };
  private dpr = 1;
  private follow = true;
  private showHeartbeats = false;
  /** The page's last view request. */
  private viewSeq = 0;
  private pointer: { x: number; y: number } | null = null;
  private hover: Hit | null = null;
  /** The clock and trace length last painted. */
  private readonly drawn = { length: -1, now: NaN, head: NaN, marked: '' };
  private sizeDirty = true;
  private viewDirty = true;
  private optionsDirty = true;
  private hoverDirty = false;
  private paintedAt = -Infinity;
  private paintMs = 0;
  private summary = '';
  private summaryAt = -Infinity;
  private summaryDue = false;
  private lastOptions: DrawOptions = { showHeartbeats: false, now: 0, head: 0 };

  /** The page handed over its two canvases (the diagram and the hover highlight above it). */
  attach(canvas: OffscreenCanvas, overlay: OffscreenCanvas): void {
    const ctx = canvas.getContext('2d');
    const octx = overlay.getContext('2d');
    if (ctx === null || octx === null) return;
    this.surface = { canvas, ctx, overlay, octx };
    this.hover = null;
    this.sizeDirty = true;
  }

  /** The page's canvases went (the diagram unmounted): stop painting. */
  detach(): void {
    this.surface = null;
    this.pointer = null;
    this.hover = null;
  }

  setView(request: DiagramViewRequest): void {
    const sized = request.width !== this.view.width || request.height !== this.view.height || request.dpr !== this.dpr;
    this.viewSeq = request.seq;
    this.view.width = request.width;
    this.view.height = request.height;
    if (request.tx !== this.view.tx || request.k !== this.view.k) this.viewDirty = true;
    this.view.tx = request.tx;
    this.view.k = request.k;
    this.dpr = request.dpr;
    if (request.follow !== this.follow || request.showHeartbeats !== this.showHeartbeats) this.optionsDirty = true;
    this.follow = request.follow;
    this.showHeartbeats = request.showHeartbeats;
    this.hoverDirty = true;
    // Resized right before the next paint: setting a canvas's size clears it.
    if (sized) this.sizeDirty = true;
  }

  setPointer(point: { x: number; y: number } | null): void {
    this.pointer = point;
    this.hoverDirty = true;
  }

  /** Where a click at (x, y) sends the run. */
  click(source: DiagramSource, x: number, y: number): Command | null {
    this.index.sync(source.events, source.servers);
    const hit = hitTest(this.index, source.events, this.view, this.options(source), x, y);
    return clickTarget(hit, this.view, x, source.head);
  }

  /** The visible part of the diagram as an SVG document. */
  exportSvg(source: DiagramSource): string {
    this.index.sync(source.events, source.servers);
    const painter = new SvgPainter();
    paint(this.index, source.events, this.view, this.options(source), painter);
    return painter.toString();
  }

  exportPng(): Promise<Blob> | null {
    return this.surface === null ? null : this.surface.canvas.convertToBlob({ type: 'image/png' });
  }

  /** Paint if anything changed and a repaint is due; returns what the page should hear (or null). */
  tick(source: DiagramSource, wall: number): DiagramNews | null {
    const surface = this.surface;
    const view = this.view;
    if (surface === null || view.width <= GUTTER) return null;
    const lanesBefore = this.index.lanes;
    const indexChanged = this.index.sync(source.events, source.servers);
    // New events arrive all the time; only a new lane (or a new run) must show at once.
    const lanesChanged = this.index.lanes !== lanesBefore;
    view.laneH = laneHeight(view.height, this.index.lanes.length);
    // Following the cursor moves the view, but only when it repaints: hit tests always see what is drawn.
    const followedTo = this.follow ? followTx(view, source.now, source.playing) : null;
    const drawn = this.drawn;
    const changed =
      indexChanged ||
      this.sizeDirty ||
      this.optionsDirty ||
      this.viewDirty ||
      followedTo !== null ||
      drawn.length !== source.events.length ||
      drawn.now !== source.now ||
      drawn.head !== source.head ||
      drawn.marked !== markedKey(source);
    const interval = source.playing ? Math.max(PLAYING_REPAINT_MS, this.paintMs / PLAYING_PAINT_SHARE) : MIN_REPAINT_MS;
    // A new lane, a resize or the person's own zoom or pan show at once.
    const urgent = this.sizeDirty || this.optionsDirty || this.viewDirty || lanesChanged;
    const repaint = changed && (urgent || wall - this.paintedAt >= interval);
    let news: DiagramNews | null = null;

    if (repaint) {
      if (this.sizeDirty) this.resize();
      if (followedTo !== null) view.tx = followedTo;
      this.paintedAt = wall;
      this.sizeDirty = false;
      this.optionsDirty = false;
      this.viewDirty = false;
      drawn.length = source.events.length;
      drawn.now = source.now;
      drawn.head = source.head;
      drawn.marked = markedKey(source);
      this.lastOptions = this.options(source);
      surface.ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      paint(this.index, source.events, view, this.lastOptions, new CanvasPainter(surface.ctx));
      // A moving average, so one slow paint (a GC) does not stall the diagram.
      this.paintMs = this.paintMs * 0.7 + (performance.now() - wall) * 0.3;
      this.hoverDirty = true;
      // The page keeps d3's zoom state where the view followed to, so the next gesture starts from there.
      if (followedTo !== null) news = { type: 'diagram', tx: view.tx, k: view.k, viewSeq: this.viewSeq };
      this.summaryDue = true;
    }

    // The summary follows what is drawn, at most twice a second, and catches up once things are still.
    if (this.summaryDue && wall - this.summaryAt >= SUMMARY_MS) {
      this.summaryDue = false;
      this.summaryAt = wall;
      const lanes = this.index.lanes;
      const next = text.timeTravel.summary(
        lanes.slice(0, this.index.servers),
        lanes.slice(this.index.servers),
        this.index.length,
        drawn.head,
        drawn.now,
      );
      if (next !== this.summary) {
        this.summary = next;
        news = { ...(news ?? { type: 'diagram' }), summary: next };
      }
    }

    if (this.hoverDirty) {
      this.hoverDirty = false;
      const pointer = this.pointer;
      news = { ...(news ?? { type: 'diagram' }), hovered: pointer === null ? null : { ...pointer } };
      const hit =
        pointer === null ? null : hitTest(this.index, source.events, view, this.lastOptions, pointer.x, pointer.y);
      if (!sameHit(hit, this.hover) || repaint) {
        const tipChanged = !sameHit(hit, this.hover);
        this.hover = hit;
        // The hover highlight lives on its own canvas: moving the pointer never repaints the diagram.
        surface.octx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
        surface.octx.clearRect(0, 0, view.width, view.height);
        if (hit !== null) drawHover(surface.octx, hit);
        if (tipChanged)
          news = { ...news, tip: hit === null ? null : describe(this.index, source.events, hit, source.payloadOf) };
      }
    }
    return news;
  }

  private options(source: DiagramSource): DrawOptions {
    return {
      showHeartbeats: this.showHeartbeats,
      now: source.now,
      head: source.head,
      ...(source.marked === undefined ? {} : { marked: source.marked }),
    };
  }

  private resize(): void {
    const surface = this.surface;
    if (surface === null) return;
    const width = Math.max(1, Math.round(this.view.width * this.dpr));
    const height = Math.max(1, Math.round(this.view.height * this.dpr));
    for (const canvas of [surface.canvas, surface.overlay]) {
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
    }
  }
}
