// The messages in flight over the ring, painted on a 2D canvas: dots along their lanes, drops as crosses, arrivals
// as widening rings, labels where they fit, and quorum flashes. Pure drawing: the page's canvas loop calls it.
import { DROP_COLOR, KIND_STYLES, QUORUM_COLOR, type KindStyle } from './messageStyle';
import type { MessageEnd, MessageView } from '../projections';
import type { Scene } from './scene';

export interface FlyingMessage extends MessageView {
  /** Set when the worker reported its end; the canvas animates the end (arrival or drop) and then forgets it. */
  end?: MessageEnd;
}

export interface QuorumFlash {
  /** "n3": the proposer that reached its quorum. */
  readonly at: string;
  /** Wall time (performance.now) when the page learned of it. */
  readonly wallAt: number;
}

/** What is on the wire as the page knows it, and the quorums just reached. */
export interface Flying {
  readonly messages: ReadonlyMap<number, FlyingMessage>;
  readonly flashes: readonly QuorumFlash[];
}

/** How long (wall ms) a reached quorum's ring shows at its proposer. */
export const QUORUM_FLASH_MS = 1100;
/** How long (simulated ms) an ended message stays drawn: the drop cross or arrival pulse. */
export const END_LINGER_MS = 40;

/** Label messages only while the picture is calm enough to read them. */
const MAX_LABELLED = 24;
const LABEL_CHARS = 22;
const TAU = Math.PI * 2;

type Context = CanvasRenderingContext2D;

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
/** Plain dots gathered per style (x, y, r triples), labels to draw (message, x, y, alpha) and the label boxes
 *  placed this frame: kept between frames so that painting allocates nothing. */
const batches = new Map<KindStyle, number[]>();
const labels: (FlyingMessage | number)[] = [];
const taken: number[] = [];
const labelFont = { px: 0, font: '' };

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
function labelWidth(ctx: Context, font: string, message: FlyingMessage): number {
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
function isClear(scene: Scene, cx: number, cy: number, hw: number, hh: number): boolean {
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
    if (isClear(scene, cx, cy, hw, hh)) {
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
    const dx = known.x - scene.cx;
    const dy = known.y - scene.cy;
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
export function paintFlashes(
  ctx: Context,
  scene: Scene,
  flashes: readonly QuorumFlash[],
  wall: number,
  reduced: boolean,
): void {
  ctx.strokeStyle = QUORUM_COLOR;
  ctx.lineWidth = 6;
  for (const flash of flashes) {
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

/** Any quorum flash still showing at wall time `wall`? */
export function isFlashing(flashes: readonly QuorumFlash[], wall: number): boolean {
  for (const flash of flashes) if (wall - flash.wallAt < QUORUM_FLASH_MS) return true;
  return false;
}

/** Only heartbeats and pings on the wire (half the frame rate is plenty for them)? */
export function onlyMuted(flying: Flying): boolean {
  for (const message of flying.messages.values()) if (!KIND_STYLES[message.kind].muted) return false;
  return true;
}

/** The font of message labels at this scene's size, or null when too many messages fly to label them. */
function labelStyle(ctx: Context, scene: Scene, flying: Flying): number | null {
  let important = 0;
  for (const message of flying.messages.values())
    if (!KIND_STYLES[message.kind].muted && message.end === undefined) important++;
  if (important > MAX_LABELLED) return null;
  const labelPx = Math.round(scene.messageSize);
  if (labelPx !== labelFont.px) {
    labelFont.px = labelPx;
    labelFont.font = `600 ${labelPx}px system-ui, sans-serif`;
  }
  ctx.font = labelFont.font;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  return labelPx;
}

/** An ended message at (x, y): a fading cross where it was dropped, a widening ring where it arrived. */
function paintEnd(ctx: Context, end: MessageEnd, kind: KindStyle, x: number, y: number, dot: number, t: number): void {
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
    return;
  }
  ctx.globalAlpha = fade * 0.8;
  ctx.strokeStyle = kind.color;
  ctx.lineWidth = dot * 0.4;
  ctx.beginPath();
  ctx.arc(x, y, dot * (1 + (1 - fade) * 1.5), 0, TAU);
  ctx.stroke();
}

/** A lost message or a duplicate, drawn alone (fading, or ringed); plain dots go into their style's batch. */
function paintDot(
  ctx: Context,
  message: FlyingMessage,
  kind: KindStyle,
  x: number,
  y: number,
  r: number,
  alpha: number,
): void {
  if (!message.lost && message.copyOf === undefined) {
    let batch = batches.get(kind);
    if (batch === undefined) batches.set(kind, (batch = []));
    batch.push(x, y, r);
    return;
  }
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
}

/** Plain dots are filled in one path per style: a fill per message cost far more. */
function fillBatches(ctx: Context): void {
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
    batch.length = 0;
  }
}

/** Labels last, above every dot. */
function paintLabels(ctx: Context): void {
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
}

/** Never over a node, a badge or another label: slide it along the lane, or leave it out. */
function queueLabel(
  ctx: Context,
  scene: Scene,
  message: FlyingMessage,
  labelPx: number,
  p: number,
  r: number,
  alpha: number,
  x: number,
  y: number,
): void {
  const lx = scratch.bx - scratch.ax;
  const ly = scratch.by - scratch.ay;
  const length = Math.hypot(lx, ly) || 1;
  const hw = labelWidth(ctx, labelFont.font, message) / 2 + 1.5;
  const hh = labelPx / 2 + 1.5;
  if (placeLabel(scene, x, y, lx / length, ly / length, p * length, length, hw, hh, r + 2 + hh)) {
    taken.push(labelAt.x - hw, labelAt.y - hh, labelAt.x + hw, labelAt.y + hh);
    labels.push(message, labelAt.x, labelAt.y, alpha);
  }
}

/**
 * The messages in flight at simulated time `t`, in the scene's viewBox units (the caller set the transform).
 * A message drawn a little behind the worker may have an end that has not come yet here: it is still in flight.
 */
/** The radius of a message's dot on this ring (before its kind's size). */
function dotRadius(scene: Scene): number {
  return Math.max(3, Math.min(7, scene.nodeRadius * 0.16));
}

/** Where a message is at time `t` (into `at`, with its progress `p` along its lane); false with no endpoints. */
function locate(scene: Scene, message: FlyingMessage, t: number, fork: number): boolean {
  endpoints(scene, message);
  if (!scratch.ok) return false;
  const span = message.deliverAt - message.sentAt;
  const at = message.end !== undefined && t >= message.end.at ? message.end.at : t;
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
  located.x = x;
  located.y = y;
  located.p = p;
  return true;
}

const located = { x: 0, y: 0, p: 0 };

/** A message still on the wire at time `t` and where its dot is (viewBox units), for the page's hover targets. */
export interface MessageSpot {
  readonly message: FlyingMessage;
  readonly x: number;
  readonly y: number;
  /** The dot's radius. */
  readonly r: number;
}

/** Every message drawn as a dot at time `t` (not yet arrived or dropped there), in the order they were sent. */
export function messageSpots(scene: Scene, messages: ReadonlyMap<number, FlyingMessage>, t: number): MessageSpot[] {
  const dot = dotRadius(scene);
  const fork = scene.laneOffset * 3 + dot;
  const spots: MessageSpot[] = [];
  for (const message of messages.values()) {
    if (message.end !== undefined && t >= message.end.at) continue;
    if (!locate(scene, message, t, fork)) continue;
    spots.push({ message, x: located.x, y: located.y, r: dot * KIND_STYLES[message.kind].size });
  }
  return spots.sort((a, b) => a.message.id - b.message.id);
}

export function paintMessages(ctx: Context, scene: Scene, flying: Flying, t: number): void {
  const dot = dotRadius(scene);
  const fork = scene.laneOffset * 3 + dot;
  const labelPx = labelStyle(ctx, scene, flying);
  for (const message of flying.messages.values()) {
    if (!locate(scene, message, t, fork)) continue;
    const kind = KIND_STYLES[message.kind];
    const end = message.end !== undefined && t >= message.end.at ? message.end : undefined;
    const { x, y, p } = located;
    if (end !== undefined) {
      paintEnd(ctx, end, kind, x, y, dot, t);
      continue;
    }
    const alpha = message.lost ? 1 - 0.65 * p : 1;
    const r = dot * kind.size;
    paintDot(ctx, message, kind, x, y, r, alpha);
    if (labelPx !== null && !kind.muted) queueLabel(ctx, scene, message, labelPx, p, r, alpha, x, y);
  }
  fillBatches(ctx);
  paintLabels(ctx);
  ctx.globalAlpha = 1;
}
