// Messages in flight, drawn on a canvas over the ring in its own requestAnimationFrame loop.
// It reads `flying` (outside React) and the scene the ClusterView keeps in a ref; it never sets state.
import { useEffect, useRef, type RefObject } from 'react';
import { END_LINGER_MS, QUORUM_FLASH_MS, drawTime, flying, type FlyingMessage } from '../../store/flying';
import { VIEW, type Box, type Point } from '../../view/cluster/layout';
import { DROP_COLOR, KIND_STYLES, QUORUM_COLOR, type KindStyle } from '../../view/cluster/messageStyle';

/** What the canvas needs to know about the ring; the ClusterView updates it after each render. */
export interface Scene {
  /** "n1", "c1", ... to the centre of that node, in viewBox units. */
  readonly positions: Map<string, Point>;
  /** Radius of the node at each endpoint, so messages start and end at its edge. */
  readonly radii: Map<string, number>;
  /** Where message labels must not go: nodes as x, y, r triples and badge columns as x0, y0, x1, y1 boxes. */
  readonly keepOutCircles: number[];
  readonly keepOutBoxes: number[];
  nodeRadius: number;
  laneOffset: number;
  fontSize: number;
  /** The SVG's viewBox: the canvas maps the same user units onto its pixels. */
  box: Box;
}

/** Label messages only while the picture is calm enough to read them. */
const MAX_LABELLED = 24;
const LABEL_CHARS = 22;
const TAU = Math.PI * 2;

interface Endpoints {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  ok: boolean;
}

const scratch: Endpoints = { ax: 0, ay: 0, bx: 0, by: 0, ok: false };
const shortLabels = new Map<number, string>();
/** Measured label widths by message id, for the font in `widthsFont`. */
const labelWidths = new Map<number, number>();
let widthsFont = '';

function shortLabel(message: FlyingMessage): string {
  let label = shortLabels.get(message.id);
  if (label === undefined) {
    label = message.label.length > LABEL_CHARS ? `${message.label.slice(0, LABEL_CHARS - 1)}…` : message.label;
    if (shortLabels.size > 4000) shortLabels.clear();
    shortLabels.set(message.id, label);
  }
  return label;
}

/** The width of a message's label in `font` (the context's current font), measured once. */
function labelWidth(ctx: CanvasRenderingContext2D, font: string, message: FlyingMessage): number {
  if (font !== widthsFont) {
    widthsFont = font;
    labelWidths.clear();
  }
  let width = labelWidths.get(message.id);
  if (width === undefined) {
    width = ctx.measureText(shortLabel(message)).width;
    if (labelWidths.size > 4000) labelWidths.clear();
    labelWidths.set(message.id, width);
  }
  return width;
}

/** Is the box centred on (cx, cy) with half-sizes hw, hh clear of the nodes, the badges and `taken` boxes? */
function isClear(scene: Scene, taken: readonly number[], cx: number, cy: number, hw: number, hh: number): boolean {
  const circles = scene.keepOutCircles;
  for (let i = 0; i < circles.length; i += 3) {
    const dx = Math.max(Math.abs(circles[i]! - cx) - hw, 0);
    const dy = Math.max(Math.abs(circles[i + 1]! - cy) - hh, 0);
    const r = circles[i + 2]!;
    if (dx * dx + dy * dy < r * r) return false;
  }
  for (let pass = 0; pass < 2; pass++) {
    const boxes = pass === 0 ? scene.keepOutBoxes : taken;
    for (let i = 0; i < boxes.length; i += 4) {
      if (cx - hw < boxes[i + 2]! && cx + hw > boxes[i]! && cy - hh < boxes[i + 3]! && cy + hh > boxes[i + 1]!)
        return false;
    }
  }
  return true;
}

const labelAt = { x: 0, y: 0 };

/**
 * Room for a label (half-sizes hw, hh) of the dot at (x, y), `along` into a lane of `length` with heading
 * (ux, uy): above the dot, else below it, slid along the lane far enough from either end to clear its
 * node. Into `labelAt`; false when neither place is clear of nodes, badges and labels placed before.
 */
function placeLabel(
  scene: Scene,
  taken: readonly number[],
  x: number,
  y: number,
  ux: number,
  uy: number,
  along: number,
  length: number,
  hw: number,
  hh: number,
  lift: number,
): boolean {
  const margin = Math.max(6, scene.nodeRadius * 0.2) + 2;
  const lo = Math.abs(ux) * hw + Math.abs(uy) * hh + margin;
  const hi = length - lo;
  if (lo > hi) return false;
  for (let side = -1; side <= 1; side += 2) {
    const oy = side * lift;
    // The label's centre projected on the lane, then kept between lo and hi.
    const projected = along + oy * uy;
    const shift = Math.min(hi, Math.max(lo, projected)) - projected;
    const cx = x + ux * shift;
    const cy = y + oy + uy * shift;
    if (isClear(scene, taken, cx, cy, hw, hh)) {
      labelAt.x = cx;
      labelAt.y = cy;
      return true;
    }
  }
  return false;
}

/** Endpoints of a message's lane, from edge to edge, into `scratch`. Unknown clients sit just outside their server. */
function endpoints(scene: Scene, message: FlyingMessage): void {
  const from = scene.positions.get(message.from);
  const to = scene.positions.get(message.to);
  const a = from ?? to;
  const b = to ?? from;
  if (a === undefined || b === undefined) {
    scratch.ok = false;
    return;
  }
  let ax = a.x;
  let ay = a.y;
  let bx = b.x;
  let by = b.y;
  if (from === undefined || to === undefined) {
    // A client the servers do not list yet (connecting): put it just outside the server, radially.
    const known = from ?? to!;
    const cx = VIEW / 2;
    const dx = known.x - cx;
    const dy = known.y - cx;
    const len = Math.hypot(dx, dy) || 1;
    const far = scene.nodeRadius * 2.4;
    const px = known.x + (dx / len) * far;
    const py = known.y + (dy / len) * far;
    if (from === undefined) {
      ax = px;
      ay = py;
    } else {
      bx = px;
      by = py;
    }
  }
  const dx = bx - ax;
  const dy = by - ay;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const ra = Math.min(scene.radii.get(message.from) ?? 4, len * 0.4);
  const rb = Math.min(scene.radii.get(message.to) ?? 4, len * 0.4);
  // Each direction travels in its own lane, to the right of its heading (as the link halves are drawn).
  const ox = -uy * scene.laneOffset;
  const oy = ux * scene.laneOffset;
  scratch.ax = ax + ux * ra + ox;
  scratch.ay = ay + uy * ra + oy;
  scratch.bx = bx - ux * rb + ox;
  scratch.by = by - uy * rb + oy;
  scratch.ok = true;
}

/** A reached quorum: a ring that widens from the proposer and fades (drawn here, not as an SVG animation, which
 *  would give each ring a compositor layer of its own and rebuild the layer tree several times a second). */
function drawFlashes(ctx: CanvasRenderingContext2D, scene: Scene, wall: number, reduced: boolean): void {
  ctx.strokeStyle = QUORUM_COLOR;
  ctx.lineWidth = 6;
  for (const flash of flying.flashes) {
    const spot = scene.positions.get(flash.at);
    if (spot === undefined) continue;
    const p = Math.min(1, Math.max(0, (wall - flash.wallAt) / QUORUM_FLASH_MS));
    ctx.globalAlpha = 0.95 * (1 - p);
    ctx.beginPath();
    ctx.arc(spot.x, spot.y, scene.nodeRadius * (reduced ? 1 : 1 + 0.9 * p), 0, TAU);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

export function MessageCanvas({ sceneRef, label }: { sceneRef: RefObject<Scene>; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    let cssWidth = 0;
    let cssHeight = 0;
    let dpr = 1;
    let frame = 0;

    const resize = (): void => {
      const rect = canvas.getBoundingClientRect();
      cssWidth = Math.max(1, rect.width);
      cssHeight = Math.max(1, rect.height);
      dpr = window.devicePixelRatio || 1;
      const pw = Math.round(cssWidth * dpr);
      const ph = Math.round(cssHeight * dpr);
      if (canvas.width !== pw || canvas.height !== ph) {
        canvas.width = pw;
        canvas.height = ph;
      }
    };
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    resize();
    // devicePixelRatio changes (zoom, moving between screens) do not resize the element.
    let dprQuery: MediaQueryList | null = null;
    const onDpr = (): void => {
      resize();
      watchDpr();
    };
    const watchDpr = (): void => {
      dprQuery?.removeEventListener('change', onDpr);
      dprQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      dprQuery.addEventListener('change', onDpr, { once: true });
    };
    watchDpr();

    let frameCount = 0;
    let blank = false;
    const batches = new Map<KindStyle, number[]>();
    const labels: (FlyingMessage | number)[] = [];
    /** Boxes of the labels placed this frame, so later ones do not land on them. */
    const taken: number[] = [];
    let font = '';
    let fontPx = 0;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
    const onlyMuted = (): boolean => {
      for (const message of flying.messages.values()) if (!KIND_STYLES[message.kind].muted) return false;
      return true;
    };
    const draw = (): void => {
      frame = requestAnimationFrame(draw);
      // How many messages are on screen, for the UI benchmark and for anyone inspecting the page.
      if ((frameCount++ & 31) === 0) canvas.dataset.inFlight = String(flying.messages.size);
      const scene = sceneRef.current;
      // The SVG's viewBox with preserveAspectRatio "xMidYMid meet": same scale and centring here.
      const box = scene.box;
      const scale = Math.min(cssWidth / box.w, cssHeight / box.h) * dpr;
      const offsetX = (cssWidth * dpr - box.w * scale) / 2 - box.x * scale;
      const offsetY = (cssHeight * dpr - box.h * scale) / 2 - box.y * scale;
      const wall = performance.now();
      // Flashes are pruned as frames arrive; paused, none come, so a finished one must not keep the canvas busy.
      let flashing = false;
      for (const flash of flying.flashes) if (wall - flash.wallAt < QUORUM_FLASH_MS) flashing = true;
      // Nothing in flight and nothing drawn last time: leave the canvas alone (no repaint at all).
      if (flying.messages.size === 0 && !flashing && blank) return;
      // Only heartbeats and pings in flight: half the frame rate is plenty for them.
      if ((frameCount & 1) === 1 && flying.messages.size > 0 && !flashing && onlyMuted()) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      blank = flying.messages.size === 0 && !flashing;
      if (blank) return;
      ctx.setTransform(scale, 0, 0, scale, offsetX, offsetY);
      if (flashing) drawFlashes(ctx, scene, wall, reducedMotion.matches);
      const t = drawTime(wall);
      const dot = Math.max(3, Math.min(7, scene.nodeRadius * 0.16));
      const fork = scene.laneOffset * 3 + dot;

      let important = 0;
      for (const message of flying.messages.values())
        if (!KIND_STYLES[message.kind].muted && message.end === undefined) important++;
      const labelled = important <= MAX_LABELLED;
      const labelPx = Math.round(scene.fontSize * 0.8);
      if (labelled) {
        if (labelPx !== fontPx) {
          fontPx = labelPx;
          font = `600 ${labelPx}px system-ui, sans-serif`;
        }
        ctx.font = font;
        ctx.textBaseline = 'middle';
        ctx.textAlign = 'center';
      }

      // Plain dots are gathered per style and filled in one path each: a fill per message cost far more.
      for (const batch of batches.values()) batch.length = 0;
      for (const message of flying.messages.values()) {
        endpoints(scene, message);
        if (!scratch.ok) continue;
        const kind = KIND_STYLES[message.kind];
        const span = message.deliverAt - message.sentAt;
        // Drawn a little behind the worker, a message may have an end that has not come yet here: still in flight.
        const end = message.end !== undefined && t >= message.end.at ? message.end : undefined;
        const at = end === undefined ? t : end.at;
        let p = span > 0 ? (at - message.sentAt) / span : 1;
        if (p < 0) p = 0;
        else if (p > 1) p = 1;
        const lx = scratch.bx - scratch.ax;
        const ly = scratch.by - scratch.ay;
        let x = scratch.ax + lx * p;
        let y = scratch.ay + ly * p;
        if (message.copyOf !== undefined) {
          // A duplicate forks off its lane and rejoins it at the receiver.
          const len = Math.hypot(lx, ly) || 1;
          const bulge = Math.sin(Math.PI * p) * fork;
          x += (-ly / len) * bulge;
          y += (lx / len) * bulge;
        }
        const alpha = message.lost ? 1 - 0.65 * p : 1;
        if (end !== undefined) {
          const age = Math.max(0, t - end.at);
          const fade = 1 - Math.min(1, age / END_LINGER_MS);
          if (end.outcome === 'dropped') {
            const s = dot * 1.6;
            ctx.globalAlpha = Math.max(0.15, fade);
            ctx.strokeStyle = DROP_COLOR;
            ctx.lineWidth = dot * 0.7;
            ctx.beginPath();
            ctx.moveTo(x - s, y - s);
            ctx.lineTo(x + s, y + s);
            ctx.moveTo(x + s, y - s);
            ctx.lineTo(x - s, y + s);
            ctx.stroke();
            continue;
          }
          // Delivered: a ring that widens and fades at the receiver.
          ctx.globalAlpha = fade * 0.8;
          ctx.strokeStyle = kind.color;
          ctx.lineWidth = dot * 0.4;
          ctx.beginPath();
          ctx.arc(x, y, dot * (1 + (1 - fade) * 1.5), 0, TAU);
          ctx.stroke();
          continue;
        }
        const r = dot * kind.size;
        if (message.lost || message.copyOf !== undefined) {
          ctx.globalAlpha = kind.muted ? alpha * 0.7 : alpha;
          ctx.fillStyle = kind.color;
          ctx.beginPath();
          ctx.arc(x, y, r, 0, TAU);
          ctx.fill();
          if (message.copyOf !== undefined) {
            ctx.strokeStyle = '#111827';
            ctx.lineWidth = r * 0.45;
            ctx.stroke();
          }
        } else {
          let batch = batches.get(kind);
          if (batch === undefined) batches.set(kind, (batch = []));
          batch.push(x, y, r);
        }
        if (labelled && !kind.muted) {
          // Never over a node, a badge or another label: slide it along the lane, or leave it out.
          const length = Math.hypot(lx, ly) || 1;
          const hw = labelWidth(ctx, font, message) / 2 + 1.5;
          const hh = labelPx / 2 + 1.5;
          if (placeLabel(scene, taken, x, y, lx / length, ly / length, p * length, length, hw, hh, r + 2 + hh)) {
            taken.push(labelAt.x - hw, labelAt.y - hh, labelAt.x + hw, labelAt.y + hh);
            labels.push(message, labelAt.x, labelAt.y, alpha);
          }
        }
      }
      for (const [kind, batch] of batches) {
        if (batch.length === 0) continue;
        ctx.globalAlpha = kind.muted ? 0.7 : 1;
        ctx.fillStyle = kind.color;
        ctx.beginPath();
        for (let i = 0; i < batch.length; i += 3) {
          ctx.moveTo(batch[i]! + batch[i + 2]!, batch[i + 1]!);
          ctx.arc(batch[i]!, batch[i + 1]!, batch[i + 2]!, 0, TAU);
        }
        ctx.fill();
      }
      // Labels last, above every dot.
      for (let i = 0; i < labels.length; i += 4) {
        const message = labels[i] as FlyingMessage;
        const x = labels[i + 1] as number;
        const y = labels[i + 2] as number;
        ctx.globalAlpha = labels[i + 3] as number;
        ctx.lineWidth = 3;
        ctx.strokeStyle = 'rgba(255,255,255,0.9)';
        const text = shortLabel(message);
        ctx.strokeText(text, x, y);
        ctx.fillStyle = KIND_STYLES[message.kind].color;
        ctx.fillText(text, x, y);
      }
      labels.length = 0;
      taken.length = 0;
      ctx.globalAlpha = 1;
    };
    frame = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      dprQuery?.removeEventListener('change', onDpr);
    };
  }, [sceneRef]);

  return <canvas ref={canvasRef} className="cluster-canvas" role="img" aria-label={label} />;
}
