// Drawing the space-time diagram: one walk over the visible time window, told to a painter (the canvas or
// an SVG string for export), and hit testing for hover and click. Pure functions of the index and a view.
import { formatCommand } from '../../script/format';
import type { TraceEvent } from '../../sim/trace';
import { KIND_STYLES } from '../cluster/messageStyle';
import { COLORS } from './colors';
import { text } from '../text';
import { breakingMarks } from './breaking';
import { PHASE_COLORS, phaseShort, phaseTip } from './phaseMarks';
import { lowerBound, upperBound, type DiagramIndex, type OpBar } from './model';

const tt = text.timeTravel;

export { COLORS } from './colors';

export const GUTTER = 44;
export const AXIS_H = 20;

/** Where things are: x = tx + k * t (pixels per simulated ms), lanes below the axis. */
export interface View {
  width: number;
  height: number;
  tx: number;
  k: number;
  laneH: number;
}

/** The thinnest a lane gets (px): below this its name and marks do not fit. */
export const MIN_LANE_H = 8;

export function laneHeight(height: number, lanes: number): number {
  return Math.max(MIN_LANE_H, Math.min(40, (height - AXIS_H - 4) / Math.max(1, lanes)));
}

/** The least height (px) that shows `lanes` lanes at their thinnest, up to a bound that keeps the page usable. */
export function diagramMinHeight(lanes: number): number {
  return Math.min(480, AXIS_H + 4 + lanes * MIN_LANE_H);
}

export function laneY(view: View, lane: number): number {
  return AXIS_H + view.laneH * (lane + 0.5);
}

export function xOf(view: View, t: number): number {
  return view.tx + view.k * t;
}

export function tOf(view: View, x: number): number {
  return (x - view.tx) / view.k;
}

export interface DrawOptions {
  readonly showHeartbeats: boolean;
  readonly now: number;
  readonly head: number;
  /** The events the violation the safety monitor shows involves (see ../safety's breakingFocus). */
  readonly marked?: ReadonlyMap<number, 'breaking' | 'involved'>;
}

export type MessageVariant = 'normal' | 'faint' | 'dup';
export type MessageEnd = 'arrow' | 'cross';
export type OpState = 'ok' | 'fail' | 'pending';

/** What the walk tells a painter; coordinates in CSS pixels. */
export interface Painter {
  background(view: View, lanes: readonly string[], servers: number): void;
  grid(x: number, label: string): void;
  down(x0: number, x1: number, y: number, h: number): void;
  op(x0: number, x1: number, y: number, h: number, state: OpState, label: string): void;
  message(
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    color: string,
    variant: MessageVariant,
    end: MessageEnd,
  ): void;
  flushMessages(): void;
  mark(x: number, y: number, h: number, label: string, color: string, showLabel: boolean): void;
  crash(x: number, y: number, size: number): void;
  restart(x: number, y: number, size: number): void;
  dot(x: number, y: number, color: string): void;
  future(x: number, view: View): void;
  cursor(x: number, view: View): void;
  /** A red ring round an event a violation involves (`strong`: the breaking event itself). */
  breaking(x: number, y: number, size: number, strong: boolean): void;
  /** A red band under the message whose delivery caused such an event. */
  breakingMessage(x1: number, y1: number, x2: number, y2: number): void;
  gutter(view: View, lanes: readonly string[], servers: number): void;
}

/** Labels of phase marks are skipped when they would overlap the previous one on the lane. */
let lastLabelX = new Float64Array(64);
/** Marks and messages that land on the very pixels of the previous one like them are drawn once. */
let lastMarkX = new Float64Array(64);
let lastMessage = new Float64Array(1024);
const colorSlots = new Map<string, number>();
const MAX_COLORS = 16;

function colorSlot(color: string): number {
  let slot = colorSlots.get(color);
  if (slot === undefined) {
    slot = Math.min(colorSlots.size, MAX_COLORS - 1);
    colorSlots.set(color, slot);
  }
  return slot;
}

/** A client command as the scenario language writes it. */
export const commandText = formatCommand;

function opState(op: OpBar): OpState {
  if (op.result === null) return 'pending';
  return op.result.ok ? 'ok' : 'fail';
}

/** The visible stretch of time, and the trace indices whose events may show in it. */
interface Visible {
  readonly t0: number;
  readonly t1: number;
  /** Events [from, to) may show: from the earliest message still in the air at t0, to the last event by t1. */
  readonly from: number;
  readonly to: number;
}

/** Paint the visible window. No big allocations: the index arrays are read in place. */
export function paint(
  index: DiagramIndex,
  events: readonly TraceEvent[],
  view: View,
  options: DrawOptions,
  painter: Painter,
): void {
  const t0 = tOf(view, GUTTER);
  const t1 = tOf(view, view.width);
  const visible: Visible = {
    t0,
    t1,
    from: lowerBound(index.times, index.length, t0 - index.maxSpan),
    to: upperBound(index.times, index.length, t1),
  };
  painter.background(view, index.lanes, index.servers);
  paintGrid(view, visible, painter);
  paintBars(index, view, options, visible, painter);
  paintArrows(index, events, view, options, visible, painter);
  paintMarks(index, events, view, visible, painter);
  if (options.marked !== undefined && options.marked.size > 0)
    paintBreaking(index, events, view, options.marked, painter);
  const nowX = xOf(view, options.now);
  if (options.now < options.head) painter.future(Math.max(GUTTER, nowX), view);
  if (nowX >= GUTTER && nowX <= view.width) painter.cursor(nowX, view);
  painter.gutter(view, index.lanes, index.servers);
}

/** The time grid, labelled in ms or seconds. */
function paintGrid(view: View, { t0, t1 }: Visible, painter: Painter): void {
  const step = niceStep((t1 - t0) / Math.max(2, view.width / 110));
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    if (t < 0) continue;
    const x = xOf(view, t);
    // A label half under the lane names is left out (its grid line stays).
    painter.grid(x, x < GUTTER + 34 ? '' : step >= 1000 ? tt.seconds(t / 1000) : tt.ms(t));
  }
}

/** Servers down, and client operations from invoke to return. */
function paintBars(index: DiagramIndex, view: View, options: DrawOptions, { t0, t1 }: Visible, painter: Painter): void {
  const h = view.laneH;
  for (const down of index.downs) {
    if (down.start > t1 || down.end < t0) continue;
    const end = Number.isFinite(down.end) ? down.end : Math.max(options.head, options.now);
    painter.down(xOf(view, down.start), xOf(view, end), laneY(view, down.server - 1), h);
  }
  for (const op of index.ops) {
    const end = Number.isNaN(op.end) ? Math.max(options.head, op.start) : op.end;
    if (op.start > t1 || end < t0) continue;
    const lane = index.laneOf.get(op.session);
    if (lane === undefined) continue;
    painter.op(xOf(view, op.start), xOf(view, end), laneY(view, lane), h, opState(op), commandText(op.invoke.command));
  }
}

/** Messages as arrows (drops end in a cross). When zoomed out, many share their pixels: draw each such arrow once. */
function paintArrows(
  index: DiagramIndex,
  events: readonly TraceEvent[],
  view: View,
  options: DrawOptions,
  { t0, t1, from, to }: Visible,
  painter: Painter,
): void {
  const lanes = index.lanes;
  const slots = lanes.length * lanes.length * MAX_COLORS * 4;
  if (lastMessage.length < slots * 2) lastMessage = new Float64Array(slots * 2);
  lastMessage.fill(NaN, 0, slots * 2);
  for (let i = from; i < to; i++) {
    const event = events[i]!;
    if (event.kind !== 'send' && event.kind !== 'duplicate') continue;
    const style = KIND_STYLES[event.wire];
    if (style.muted && !options.showHeartbeats) continue;
    const endAt = index.endIndex[i]!;
    const endEvent = endAt >= 0 ? events[endAt] : undefined;
    const endT = endEvent === undefined ? event.deliverAt : endEvent.t;
    if (endT < t0 || event.t > t1) continue;
    const a = index.laneA[i]!;
    const b = index.laneB[i]!;
    if (a < 0 || b < 0) continue;
    const variant: MessageVariant = event.kind === 'duplicate' ? 'dup' : style.muted ? 'faint' : 'normal';
    const end: MessageEnd = endEvent?.kind === 'drop' ? 'cross' : 'arrow';
    const x1 = xOf(view, event.t);
    const x2 = xOf(view, endT);
    const slot =
      (((a * lanes.length + b) * MAX_COLORS + colorSlot(style.color)) * 4 +
        (variant === 'dup' ? 2 : 0) +
        (end === 'cross' ? 1 : 0)) *
      2;
    const px1 = Math.round(x1);
    const px2 = Math.round(x2);
    if (lastMessage[slot] === px1 && lastMessage[slot + 1] === px2) continue;
    lastMessage[slot] = px1;
    lastMessage[slot + 1] = px2;
    painter.message(x1, laneY(view, a), x2, laneY(view, b), style.color, variant, end);
  }
  painter.flushMessages();
}

/** Marks: phases (labelled where there is room), crashes, restarts, watches. */
function paintMarks(
  index: DiagramIndex,
  events: readonly TraceEvent[],
  view: View,
  { t0, to }: Visible,
  painter: Painter,
): void {
  const lanes = index.lanes;
  if (lastLabelX.length < lanes.length) {
    lastLabelX = new Float64Array(lanes.length * 2);
    lastMarkX = new Float64Array(lanes.length * 2);
  }
  lastLabelX.fill(-Infinity);
  lastMarkX.fill(NaN);
  const h = view.laneH;
  const markSize = Math.min(7, Math.max(4, h * 0.32));
  for (let i = lowerBound(index.times, index.length, t0); i < to; i++) {
    const event = events[i]!;
    const lane = index.laneA[i]!;
    if (lane < 0) continue;
    switch (event.kind) {
      case 'phase': {
        const x = xOf(view, event.t);
        const px = Math.round(x);
        if (lastMarkX[lane] === px) break;
        lastMarkX[lane] = px;
        const label = phaseShort(event);
        const showLabel = h >= 14 && x - lastLabelX[lane]! > label.length * 6 + 6;
        if (showLabel) lastLabelX[lane] = x;
        painter.mark(x, laneY(view, lane), h, label, PHASE_COLORS[event.phase], showLabel);
        break;
      }
      case 'crash':
        painter.crash(xOf(view, event.t), laneY(view, lane), markSize);
        break;
      case 'restart':
        painter.restart(xOf(view, event.t), laneY(view, lane), markSize);
        break;
      case 'watch':
        painter.dot(xOf(view, event.t), laneY(view, lane), COLORS.watch);
        break;
      default:
        break;
    }
  }
}

/** The safety monitor's marks: the causing messages first, then a ring per event. */
function paintBreaking(
  index: DiagramIndex,
  events: readonly TraceEvent[],
  view: View,
  marked: ReadonlyMap<number, 'breaking' | 'involved'>,
  painter: Painter,
): void {
  const size = Math.max(7, Math.min(12, view.laneH * 0.45));
  const marks = breakingMarks(index, events, marked);
  for (const mark of marks) {
    const lane = mark.cause >= 0 ? index.laneA[mark.cause]! : -1;
    if (lane < 0) continue;
    painter.breakingMessage(
      xOf(view, events[mark.cause]!.t),
      laneY(view, lane),
      xOf(view, mark.t),
      laneY(view, mark.lane),
    );
  }
  for (const mark of marks) painter.breaking(xOf(view, mark.t), laneY(view, mark.lane), size, mark.breaking);
}

function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1000;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10;
  return Math.max(1, nice * power);
}

// ---------------------------------------------------------------------------------------------------------
// Hit testing

export type Hit =
  | {
      readonly kind: 'message';
      readonly index: number;
      readonly seekIndex: number;
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
    }
  | {
      readonly kind: 'point';
      readonly index: number;
      readonly seekIndex: number;
      readonly x: number;
      readonly y: number;
    }
  | {
      readonly kind: 'op';
      readonly op: OpBar;
      readonly seekIndex: number;
      readonly x0: number;
      readonly x1: number;
      readonly y: number;
    };

const HIT_PX = 6;

function segmentDistance(
  px: number,
  py: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
): { d: number; u: number } {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
  return { d: Math.hypot(px - (x1 + u * dx), py - (y1 + u * dy)), u };
}

/** The nearest event within a few pixels of (px, py), or null. */
export function hitTest(
  index: DiagramIndex,
  events: readonly TraceEvent[],
  view: View,
  options: DrawOptions,
  px: number,
  py: number,
): Hit | null {
  if (px < GUTTER || py < AXIS_H) return null;
  const length = index.length;
  const tm = tOf(view, px);
  const slack = HIT_PX / view.k;
  let best: Hit | null = null;
  let bestD = HIT_PX;

  // Points first (they sit on top), with a small preference.
  const pFrom = lowerBound(index.times, length, tm - slack);
  const pTo = upperBound(index.times, length, tm + slack);
  for (let i = pFrom; i < pTo; i++) {
    const event = events[i]!;
    if (event.kind !== 'phase' && event.kind !== 'crash' && event.kind !== 'restart' && event.kind !== 'watch')
      continue;
    const lane = index.laneA[i]!;
    if (lane < 0) continue;
    const x = xOf(view, event.t);
    const y = laneY(view, lane);
    const d = Math.hypot(px - x, py - y) - 1.5;
    if (d < bestD) {
      bestD = d;
      best = { kind: 'point', index: i, seekIndex: i, x, y };
    }
  }

  const mFrom = lowerBound(index.times, length, tm - slack - index.maxSpan);
  for (let i = mFrom; i < pTo; i++) {
    const event = events[i]!;
    if (event.kind !== 'send' && event.kind !== 'duplicate') continue;
    if (KIND_STYLES[event.wire].muted && !options.showHeartbeats) continue;
    const endAt = index.endIndex[i]!;
    const endT = endAt >= 0 ? index.times[endAt]! : event.deliverAt;
    if (endT < tm - slack) continue;
    const a = index.laneA[i]!;
    const b = index.laneB[i]!;
    if (a < 0 || b < 0) continue;
    const x1 = xOf(view, event.t);
    const y1 = laneY(view, a);
    const x2 = xOf(view, endT);
    const y2 = laneY(view, b);
    const { d, u } = segmentDistance(px, py, x1, y1, x2, y2);
    if (d < bestD) {
      bestD = d;
      best = { kind: 'message', index: i, seekIndex: u > 0.5 && endAt >= 0 ? endAt : i, x1, y1, x2, y2 };
    }
  }
  if (best !== null) return best;

  for (const op of index.ops) {
    const end = Number.isNaN(op.end) ? Math.max(options.head, op.start) : op.end;
    if (tm < op.start - slack || tm > end + slack) continue;
    const lane = index.laneOf.get(op.session);
    if (lane === undefined) continue;
    const y = laneY(view, lane);
    if (Math.abs(py - y) > Math.max(5, view.laneH * 0.3)) continue;
    const x0 = xOf(view, op.start);
    const x1 = xOf(view, end);
    const seekIndex = op.returnIndex >= 0 && px - x0 > x1 - px ? op.returnIndex : op.invokeIndex;
    return { kind: 'op', op, seekIndex, x0, x1, y };
  }
  return null;
}

export interface Tip {
  readonly title: string;
  readonly lines: readonly string[];
  /** A message's content (see view/payload), one entry a line. */
  readonly payload?: readonly string[];
}

/** What the tooltip says about a hit; `payloadOf` gives a message's content by its id. */
export function describe(
  index: DiagramIndex,
  events: readonly TraceEvent[],
  hit: Hit,
  payloadOf?: (id: number) => readonly string[] | undefined,
): Tip {
  const ms = tt.ms;
  const tip = tt.tip;
  if (hit.kind === 'op') {
    const op = hit.op;
    const result = op.result;
    const outcome = result === null ? tip.opPending : result.ok ? tip.opOk : tip.opFailed(result.error ?? '?');
    return {
      title: tip.op(op.session, commandText(op.invoke.command)),
      lines: [
        tip.span(ms(op.start), Number.isNaN(op.end) ? '…' : ms(op.end)),
        outcome,
        tip.event(op.invokeIndex),
        tip.clickToSeek,
      ],
    };
  }
  const event = events[hit.index]!;
  switch (event.kind) {
    case 'send':
    case 'duplicate': {
      const endAt = index.endIndex[hit.index]!;
      const end = endAt >= 0 ? events[endAt] : undefined;
      const lines = [`${event.wire} · ${tip.route(event.from, event.to)}`, tip.sent(ms(event.t))];
      if (end?.kind === 'deliver') lines.push(tip.delivered(ms(end.t)));
      else if (end?.kind === 'drop') lines.push(tip.dropped(ms(end.t), end.reason));
      else lines.push(tip.inFlight(ms(event.deliverAt)));
      if (event.kind === 'duplicate') lines.push(tip.duplicate(event.copyOf));
      else if (event.lost && end === undefined) lines.push(tip.lost);
      lines.push(tip.event(hit.seekIndex), tip.clickToSeek);
      const payload = payloadOf?.(event.id);
      return { title: tip.message(event.label, event.wire), lines, ...(payload === undefined ? {} : { payload }) };
    }
    case 'phase':
      return phaseTip(event, ms(event.t), hit.index);
    case 'crash':
      return { title: tip.crash(event.server), lines: [tip.at(ms(event.t)), tip.event(hit.index), tip.clickToSeek] };
    case 'restart':
      return { title: tip.restart(event.server), lines: [tip.at(ms(event.t)), tip.event(hit.index), tip.clickToSeek] };
    case 'watch':
      return {
        title: tip.watch(event.session, event.type, event.path),
        lines: [tip.at(ms(event.t)), tip.event(hit.index), tip.clickToSeek],
      };
    default:
      return { title: event.kind, lines: [tip.at(ms(event.t)), tip.event(hit.index)] };
  }
}
