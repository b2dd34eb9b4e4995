// Ring geometry for the cluster view (servers and their labels), in css pixels of the stage it is drawn on (the SVG's viewBox is the
// stage itself, so a font size here is a font size on screen). Pure functions of the server count, the stage's
// size and which servers show their details, so the SVG and the message canvas agree on where everything is.
/** The stage assumed before it is measured (and by tests that do not care). */
export const VIEW = 1000;
const PAD = 8;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A server's details block (role, ballots, progress): its box, and where its lines are anchored. */
export interface LabelBox extends Box {
  readonly anchor: 'start' | 'middle' | 'end';
  /** x of the text anchor, and the first line's baseline. */
  readonly textX: number;
  readonly baseline: number;
}

export interface ServerSpot extends Point {
  readonly id: number;
  readonly name: string;
  readonly angle: number;
  /** Unit vector from the centre through the server. */
  readonly dx: number;
  readonly dy: number;
  /** Its details, or null on a dense ring when it shows only its glyph (role colour, progress bar). */
  readonly label: LabelBox | null;
}

export interface RingLayout {
  readonly n: number;
  /** The ring's centre and radius. */
  readonly cx: number;
  readonly cy: number;
  readonly radius: number;
  readonly nodeRadius: number;
  readonly clientRadius: number;
  /** Label text, in px. */
  readonly fontSize: number;
  /** Server names inside their circles, in px. */
  readonly nameSize: number;
  /** Message labels on the canvas, in px. */
  readonly messageSize: number;
  readonly lineHeight: number;
  readonly labelLines: number;
  /** From DENSE_FROM servers on only some servers carry details (their name in the first line); the rest a glyph. */
  readonly dense: boolean;
  /** Perpendicular offset of each direction of a link (and of the messages on it). */
  readonly laneOffset: number;
  readonly servers: readonly ServerSpot[];
  /** The SVG's viewBox: the stage, or more when even the smallest type does not fit (then all scales down). */
  readonly box: Box;
}

/** The stage's size in css px, and whether it is the projector view (larger type). */
export interface RingStage {
  readonly w: number;
  readonly h: number;
  readonly present?: boolean;
}

/** From this many servers on, only the leader, the selected, hovered and highlighted servers show details. */
export const DENSE_FROM = 9;
export const LABEL_LINES = 4;
/** Label text sizes in px, largest first tried: [largest, smallest]. */
const NORMAL_FONT: readonly [number, number] = [15, 11];
/** A large stage (a 2560 px page) may go up to this; the largest type grows with the stage's smaller side. */
const NORMAL_FONT_LARGE = 18;
const STAGE_PER_FONT_PX = 40;
const PRESENT_FONT: readonly [number, number] = [24, 16];
/** A dense ring in present mode may go smaller than that: its names stay at 14 px or more. */
const PRESENT_DENSE_FONT: readonly [number, number] = [20, 13];
/** Width of a sans-serif character in font-size units (measured about 0.5 in DejaVu Sans; a margin on top). */
const CHAR_EM = 0.55;
/** The widest label line a run usually shows: "decided 99 · applied 99" (the role line is bold but shorter). */
const LABEL_CHARS = 23;
/** Space kept between a label and anything else. */
const LABEL_GAP = 4;
/** Below this |dx| a label goes above or below its server, else beside it; tried in turn, the best ring wins. */
const SIDE_THRESHOLDS = [0.35, 0.7, 0.95, 1.01];

export function serverName(id: number): string {
  return `n${id}`;
}

/** Estimated width of a line of text (the SVG is not measured: this must be pure and cheap). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * CHAR_EM;
}

/** The sizes a ring is drawn at for one label font size. */
interface Sizes {
  readonly fs: number;
  readonly lineHeight: number;
  readonly nameSize: number;
  readonly nodeRadius: number;
  readonly clientRadius: number;
  readonly labelW: number;
  readonly labelH: number;
}

/** A ring this big (of the stage's smaller side) is worth smaller type; below, type shrinks to grow it. */
const GOOD_RADIUS = 0.3;
/** Up to this many servers, names are half as big again as the labels; beyond, the circles must be smaller. */
const BIG_NAMES_UP_TO = 9;

function sizes(fs: number, n: number): Sizes {
  const big = n <= BIG_NAMES_UP_TO;
  const nameSize = big ? fs * 1.5 : fs * 1.15;
  const nodeRadius = nameSize * 1.2;
  const lineHeight = fs * 1.2;
  return {
    fs,
    lineHeight,
    nameSize,
    nodeRadius,
    clientRadius: Math.max(7, Math.min(16, nodeRadius * 0.32)),
    labelW: LABEL_CHARS * fs * CHAR_EM,
    labelH: LABEL_LINES * lineHeight,
  };
}

/** Distance from (x, y) to the nearest point of the box (0 inside it). */
export function boxDistance(box: Box, x: number, y: number): number {
  const dx = Math.max(box.x - x, 0, x - box.x - box.w);
  const dy = Math.max(box.y - y, 0, y - box.y - box.h);
  return Math.hypot(dx, dy);
}

export function boxesIntersect(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/**
 * The label of a server at (x, y) heading (dx, dy) from the centre, `t` further out than the nearest place clear
 * of its own circle: above or below it when |dx| is under `side`, else beside it.
 */
function labelAt(
  sz: Sizes,
  x: number,
  y: number,
  dx: number,
  dy: number,
  side: number,
  t = 0,
  s = 0,
  inward = false,
): LabelBox {
  const w = sz.labelW;
  const h = sz.labelH;
  const beside = Math.abs(dx) >= side;
  const clear = sz.nodeRadius + LABEL_GAP + 2;
  // Beside: level with the node, out to the side; above or below: centred on it, out along y (in, when inward).
  const out = inward ? -1 : 1;
  // Along the radius (side < 0): the box's own reach in that direction, then clear of the circle.
  const radial = side < 0;
  const ux = radial ? dx * out : beside ? Math.sign(dx) * out : 0;
  const uy = radial ? dy * out : beside ? 0 : (dy < 0 ? -1 : 1) * out;
  const d =
    (radial ? clear + Math.abs(dx) * (w / 2) + Math.abs(dy) * (h / 2) : beside ? clear + w / 2 : clear + h / 2) + t;
  // Shifted by s along the ring's tangent, to get out of another label's way.
  const cxb = x + ux * d - dy * s;
  const cyb = y + uy * d + dx * s;
  const box = { x: cxb - w / 2, y: cyb - h / 2, w, h };
  const anchor = beside && !radial ? (ux > 0 ? 'start' : 'end') : 'middle';
  const textX = anchor === 'start' ? box.x : anchor === 'end' ? box.x + w : box.x + w / 2;
  return { ...box, anchor, textX, baseline: box.y + sz.fs * 0.95 };
}

interface Attempt {
  readonly dense: boolean;
  readonly units: ReturnType<typeof unitAngles>;
  readonly sz: Sizes;
  readonly side: number;
  readonly radius: number;
  /** The drawing's extent around the centre at that radius. */
  readonly extent: Box;
}

function unitAngles(n: number): { angle: number; dx: number; dy: number }[] {
  const out = [];
  for (let i = 0; i < n; i++) {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    out.push({ angle, dx: Math.cos(angle), dy: Math.sin(angle) });
  }
  return out;
}

/** Everything drawn around a centre at (0, 0): nodes with room for clients, and each server's label. */
function extentAt(
  sz: Sizes,
  units: ReturnType<typeof unitAngles>,
  radius: number,
  side: number,
  withLabels = true,
): Box {
  let minX = 0;
  let minY = 0;
  let maxX = 0;
  let maxY = 0;
  // Clients sit on the ring beside their server (clientPoint): a node's room is enough for them.
  const around = Math.max(sz.nodeRadius, sz.clientRadius * 2) + 6;
  for (const { dx, dy } of units) {
    const x = radius * dx;
    const y = radius * dy;
    minX = Math.min(minX, x - around);
    minY = Math.min(minY, y - around);
    maxX = Math.max(maxX, x + around);
    maxY = Math.max(maxY, y + around);
    if (!withLabels) continue;
    const l = labelAt(sz, x, y, dx, dy, side);
    minX = Math.min(minX, l.x);
    minY = Math.min(minY, l.y);
    maxX = Math.max(maxX, l.x + l.w);
    maxY = Math.max(maxY, l.y + l.h);
  }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** No label over another, nor over any server's circle. */
function labelsClear(sz: Sizes, units: ReturnType<typeof unitAngles>, radius: number, side: number): boolean {
  const boxes = units.map(({ dx, dy }) => labelAt(sz, radius * dx, radius * dy, dx, dy, side));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (boxesIntersect(boxes[i]!, boxes[j]!, LABEL_GAP)) return false;
    for (const { dx, dy } of units)
      if (boxDistance(boxes[i]!, radius * dx, radius * dy) < sz.nodeRadius + LABEL_GAP) return false;
  }
  return true;
}

/** The smallest radius at which neighbouring circles keep apart. */
function minRadius(sz: Sizes, n: number): number {
  if (n <= 1) return 0;
  return Math.max(sz.nodeRadius * 2, (sz.nodeRadius + 2) / Math.sin(Math.PI / n));
}

/** The largest radius whose drawing fits the stage, or null when even the smallest ring does not. */
function fitRadius(
  sz: Sizes,
  units: ReturnType<typeof unitAngles>,
  stage: RingStage,
  side: number,
  withLabels: boolean,
): Attempt | null {
  const fits = (r: number): Box | null => {
    const e = extentAt(sz, units, r, side, withLabels);
    return e.w <= stage.w - 2 * PAD && e.h <= stage.h - 2 * PAD ? e : null;
  };
  let lo = minRadius(sz, units.length);
  if (fits(lo) === null) return null;
  let hi = Math.max(stage.w, stage.h);
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid) !== null) lo = mid;
    else hi = mid;
  }
  return { dense: !withLabels, units, sz, side, radius: lo, extent: fits(lo)! };
}

/** The page's type range: 15 px at most on a laptop's stage, up to NORMAL_FONT_LARGE on a large one. */
function normalFont(stage: RingStage): readonly [number, number] {
  const grown = Math.floor((2 * Math.min(stage.w, stage.h)) / STAGE_PER_FONT_PX) / 2;
  return [Math.min(NORMAL_FONT_LARGE, Math.max(NORMAL_FONT[0], grown)), NORMAL_FONT[1]];
}

/** The largest type, then the largest ring, whose labels fit the stage without overlapping; null if none does. */
function chooseSizes(n: number, stage: RingStage, dense: boolean): Attempt | null {
  const [big, small] = stage.present ? (n > BIG_NAMES_UP_TO ? PRESENT_DENSE_FONT : PRESENT_FONT) : normalFont(stage);
  const units = unitAngles(n);
  // The largest type whose ring still fills a good part of the stage; else the largest ring at any size.
  const good = GOOD_RADIUS * Math.min(stage.w, stage.h);
  let largest: Attempt | null = null;
  for (let fs = big; fs >= small; fs -= 0.5) {
    const sz = sizes(fs, n);
    let best: Attempt | null = null;
    for (const side of SIDE_THRESHOLDS) {
      // On a dense ring labels show only on some servers, outside the ring where there is room, else inside it,
      // keeping clear of each other (detailPlaces): the ring itself needs no room for them.
      const attempt = fitRadius(sz, units, stage, side, !dense);
      if (attempt === null || (!dense && !labelsClear(sz, units, attempt.radius, side))) continue;
      if (dense && !detailsFit(attempt, stage)) continue;
      if (best === null || attempt.radius > best.radius) best = attempt;
    }
    if (best !== null && best.radius >= good) return best;
    if (best !== null && (largest === null || best.radius > largest.radius)) largest = best;
  }
  return largest;
}

/** The stage the ring is laid out on: the real one, or a larger one of the same shape (all then shows smaller). */
function fitStage(n: number, stage: RingStage): { attempt: Attempt; w: number; h: number } {
  const key = `${n}:${stage.w}:${stage.h}:${stage.present === true}`;
  const known = fitted.get(key);
  if (known !== undefined) return known;
  const result = searchStage(n, stage);
  if (fitted.size > 64) fitted.clear();
  fitted.set(key, result);
  return result;
}

/** Sizes already chosen (hovering a server changes only who shows details, not the ring). */
const fitted = new Map<string, { attempt: Attempt; w: number; h: number }>();

/** On a projector a small ring carrying every server's details reads worse than a large one carrying only the
 *  chosen servers' (the leader's, the selected and the lesson's; the rest in their tooltips): below GOOD_RADIUS of
 *  the stage, the ring goes dense when that makes it larger. */
function presentPrefersDense(full: Attempt, stage: RingStage): boolean {
  if (stage.present !== true || full.radius >= GOOD_RADIUS * Math.min(stage.w, stage.h)) return false;
  const dense = chooseSizes(full.units.length, stage, true);
  return dense !== null && dense.radius > full.radius;
}

function searchStage(n: number, stage: RingStage): { attempt: Attempt; w: number; h: number } {
  let w = Math.max(stage.w, 1);
  let h = Math.max(stage.h, 1);
  for (let i = 0; i < 40; i++) {
    const grown = { ...stage, w, h };
    // Every server's details when there is room for them (below DENSE_FROM), else only the chosen servers'.
    const full = n < DENSE_FROM ? chooseSizes(n, grown, false) : null;
    const attempt = full !== null && !presentPrefersDense(full, grown) ? full : (chooseSizes(n, grown, true) ?? full);
    if (attempt !== null) return { attempt, w, h };
    w *= 1.15;
    h *= 1.15;
  }
  // Unreachable for any sane n: the smallest type on the smallest ring.
  const sz = sizes(NORMAL_FONT[1], n);
  const units = unitAngles(n);
  const radius = minRadius(sz, n);
  const extent = extentAt(sz, units, radius, SIDE_THRESHOLDS[0]!, false);
  const attempt = { dense: true, units, sz, side: SIDE_THRESHOLDS[0]!, radius, extent };
  return { attempt, w: extent.w + 2 * PAD, h: extent.h + 2 * PAD };
}

/** `side` thresholds that put a label above or below its server whatever its place, or always beside it. */
const ALWAYS_ABOVE = 1.01;
const ALWAYS_BESIDE = 0;
/** …and one that puts it along the server's radius, centred. */
const RADIAL = -1;
/** Label font sizes kept free between a server and a label inside the ring (room for a quorum badge). */
const BADGE_STRIP = 4;
/** How far (in label font sizes) a label may move out, or in, from beside its server to find a clear place. */
const LABEL_REACH = 12;

/**
 * Where each detailed server's label goes on a dense ring, in the order given (most important first): beside it
 * outside the ring, a little further out, or else inside the ring, wherever it is clear of every circle and of the
 * labels placed before it; a server with no such place shows no label (its details stay in its tooltip).
 */
function detailPlaces(
  sz: Sizes,
  side: number,
  spots: readonly { x: number; y: number; dx: number; dy: number }[],
  order: readonly number[],
  bounds: Box,
): Map<number, LabelBox> {
  const placed = new Map<number, LabelBox>();
  const inside = (b: Box): boolean =>
    b.x >= bounds.x && b.y >= bounds.y && b.x + b.w <= bounds.x + bounds.w && b.y + b.h <= bounds.y + bounds.h;
  const clear = (b: Box): boolean => {
    if (!inside(b)) return false;
    for (const other of placed.values()) if (boxesIntersect(b, other, LABEL_GAP)) return false;
    for (const p of spots) if (boxDistance(b, p.x, p.y) < sz.nodeRadius + LABEL_GAP) return false;
    return true;
  };
  for (const index of order) {
    const p = spots[index];
    if (p === undefined || placed.has(index)) continue;
    // Its ring's usual side first, then above or below it, then beside it.
    search: for (const inward of [false, true])
      for (const orient of [side, ALWAYS_ABOVE, ALWAYS_BESIDE, RADIAL])
        for (let i = 0; i <= LABEL_REACH; i++) {
          // Inside, the strip next to the server is kept for its quorum badges.
          const b = labelAt(sz, p.x, p.y, p.dx, p.dy, orient, (i + (inward ? BADGE_STRIP : 0)) * sz.fs, 0, inward);
          if (clear(b)) {
            placed.set(index, b);
            break search;
          }
        }
  }
  return placed;
}

/** Has a dense ring room for one server's details (wherever the server is)? */
function detailsFit(attempt: Attempt, stage: RingStage): boolean {
  const { sz, side, radius, extent, units } = attempt;
  const cx = (stage.w - extent.w) / 2 - extent.x;
  const cy = (stage.h - extent.h) / 2 - extent.y;
  const points = units.map(({ dx, dy }) => ({ x: cx + radius * dx, y: cy + radius * dy, dx, dy }));
  const inner: Box = { x: PAD / 2, y: PAD / 2, w: stage.w - PAD, h: stage.h - PAD };
  // The top server, one a quarter round and one beside it: the tightest places on most rings.
  const probes = [0, Math.floor(points.length / 4), Math.floor(points.length / 8)];
  return probes.every((i) => detailPlaces(sz, side, points, [i], inner).size === 1);
}

/**
 * The ring for `n` servers on a stage (css px). On a dense ring (DENSE_FROM servers or more) only the servers in
 * `detailed` carry their details, in that order of priority (the leader, the selected, hovered, highlighted).
 */
export function ringLayout(
  n: number,
  stage: RingStage = { w: VIEW, h: VIEW },
  detailed: readonly number[] = [],
): RingLayout {
  const count = Math.max(1, n);
  const fitted = fitStage(count, stage);
  const dense = fitted.attempt.dense;
  const { sz, side, radius, extent } = fitted.attempt;
  // The drawing centred on the stage (or on the larger one it had to be laid out on).
  const boxW = fitted.w;
  const boxH = fitted.h;
  const box: Box = { x: 0, y: 0, w: boxW, h: boxH };
  const cx = (boxW - extent.w) / 2 - extent.x;
  const cy = (boxH - extent.h) / 2 - extent.y;
  const units = unitAngles(count);
  const points = units.map(({ dx, dy }) => ({ x: cx + radius * dx, y: cy + radius * dy, dx, dy }));
  const wanted = dense ? detailed.map((id) => id - 1).filter((i) => i >= 0 && i < count) : points.map((_, i) => i);
  const inner: Box = { x: PAD / 2, y: PAD / 2, w: boxW - PAD, h: boxH - PAD };
  const labels = dense
    ? detailPlaces(sz, side, points, wanted, inner)
    : new Map(points.map((p, i) => [i, labelAt(sz, p.x, p.y, p.dx, p.dy, side)]));
  const servers = units.map(({ angle, dx, dy }, i) => ({
    id: i + 1,
    name: serverName(i + 1),
    angle,
    dx,
    dy,
    x: points[i]!.x,
    y: points[i]!.y,
    label: labels.get(i) ?? null,
  }));
  return {
    n: count,
    cx,
    cy,
    radius,
    nodeRadius: sz.nodeRadius,
    clientRadius: sz.clientRadius,
    fontSize: sz.fs,
    nameSize: sz.nameSize,
    messageSize: stage.present === true ? Math.max(16, sz.fs * 0.9) : Math.max(11, sz.fs * 0.85),
    lineHeight: sz.lineHeight,
    labelLines: LABEL_LINES,
    dense,
    laneOffset: Math.max(2.5, Math.min(6, sz.nodeRadius * 0.1)),
    servers,
    box,
  };
}
