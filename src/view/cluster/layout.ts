// Where clients and quorum badges go on the ring (ring.ts places the servers and their labels). Pure
// functions of the ring and the sessions, so the SVG and the message canvas agree on where everything is.
import type { ServerView } from '../projections';
import { boxDistance, type Box, type Point, type RingLayout, type ServerSpot } from './ring';

export * from './ring';

export interface ClientSpot extends Point {
  readonly name: string;
  readonly server: number;
}

/** Client sessions sit on the ring just beside the server they talk to, alternating sides. */
export function clientSpots(layout: RingLayout, servers: readonly ServerView[]): ClientSpot[] {
  const spots: ClientSpot[] = [];
  const seen = new Set<string>();
  for (const server of servers) {
    const spot = layout.servers[server.id - 1];
    if (spot === undefined) continue;
    let k = 0;
    for (const session of server.sessions) {
      if (seen.has(session)) continue;
      seen.add(session);
      spots.push({ name: session, server: server.id, ...clientPoint(layout, spot, k) });
      k++;
    }
  }
  return spots;
}

/** Where the k-th client of a server goes. */
export function clientPoint(layout: RingLayout, spot: ServerSpot, k: number): Point {
  const side = k % 2 === 0 ? 1 : -1;
  const layer = Math.floor(k / 2);
  const along = (layout.nodeRadius + layout.clientRadius + 6) / layout.radius;
  const angle = spot.angle + side * along;
  const r = layout.radius + layer * (layout.clientRadius * 2 + 4);
  return { x: layout.cx + r * Math.cos(angle), y: layout.cy + r * Math.sin(angle) };
}

/** One proposer's quorum badges: a column of pills towards the centre, the first nearest the node. */
export interface BadgeStack {
  readonly fontSize: number;
  /** One pill per label, in the order given. */
  readonly pills: readonly Box[];
  /** Centre of the "+N more" line, when there is one. */
  readonly more: Point | undefined;
  /** The whole column, for anything that must stay clear of it (message labels, other columns). */
  readonly box: Box;
}

/** One proposer's badges to place: its labels, newest first, and an optional "+N more" line. */
export interface BadgeRequest {
  readonly spot: ServerSpot;
  readonly labels: readonly string[];
  readonly more?: string | undefined;
}

const BADGE_GAP = 4;
/** Space kept between two proposers' columns. */
const COLUMN_GAP = 6;
/** Badge text in message-label units: full size, then smaller where a crowded ring leaves no room. */
const BADGE_SCALES = [1, 0.85];
/** A step sideways (across the radius) costs as much as this many steps along it: columns stay on their node's radius where they can. */
const SIDEWAYS_COST = 2;
/** How far sideways a column may move to get out of another's way, in ring radii. */
const SIDEWAYS_REACH = 0.6;

/**
 * At most this many spots are tried sideways of the proposers' radii in one layout, which bounds its cost when
 * many columns cannot fit (beyond it, columns only move along their radius, as a lone column does).
 */
const SEARCH_BUDGET = 60_000;
/** At most this many other orders are tried when the columns do not all fit in server order (cost bound). */
const MAX_RETRIES = 3;

/** The selection ring drawn round a selected server. */
export function selectionRadius(nodeRadius: number): number {
  return nodeRadius + Math.max(4, nodeRadius * 0.16);
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u; // Chinese, full-width: an em each
/** Estimated width of a line of badge text (the SVG is not measured: this must be pure and cheap). */
export function badgeTextWidth(text: string, fontSize: number): number {
  return Array.from(text, (char) => (WIDE.test(char) ? 1 : 0.56)).reduce((a, b) => a + b, 0) * fontSize;
}

/** How far a and b intrude into each other grown by `gap` (positive when they are closer than that). */
function boxIntrusion(a: Box, b: Box, gap: number): number {
  return Math.min(a.x + a.w + gap - b.x, b.x + b.w + gap - a.x, a.y + a.h + gap - b.y, b.y + b.h + gap - a.y);
}

/**
 * Every proposer's badge columns, placed one after another, each keeping clear of the columns already placed.
 * In server order first (so the same proposers and labels always give the same layout, whatever order they come
 * in); when that leaves a column with smaller text or touching something, each such proposer (up to MAX_RETRIES)
 * is also tried first, and the best of these arrangements wins. Returned in the order of `requests`.
 */
export function badgeStacks(layout: RingLayout, requests: readonly BadgeRequest[]): BadgeStack[] {
  const byId = requests.map((_, i) => i).sort((a, b) => requests[a]!.spot.id - requests[b]!.spot.id || a - b);
  const budget = { left: SEARCH_BUDGET };
  let best = arrange(layout, requests, byId, budget);
  const retry = byId.filter((i) => best.columns[i]!.overlap > 0 || best.columns[i]!.scale > 0).slice(0, MAX_RETRIES);
  for (const first of retry) {
    if ((best.score[0] === 0 && best.score[1] === 0) || budget.left <= 0) break;
    const other = arrange(layout, requests, [first, ...byId.filter((i) => i !== first)], budget);
    if (better(other.score, best.score)) best = other;
  }
  return best.columns.map((column, i) => stackIn(column, requests[i]!.spot, requests[i]!.labels, requests[i]!.more));
}

interface Arrangement {
  /** In the order of the requests. */
  readonly columns: readonly Column[];
  /** Total overlap, columns with smaller text, total distance from the ideal spots: lower is better. */
  readonly score: readonly [number, number, number];
}

function arrange(
  layout: RingLayout,
  requests: readonly BadgeRequest[],
  order: readonly number[],
  budget: Budget,
): Arrangement {
  // The servers' detail labels first: badges keep clear of them as of each other.
  const placed: Box[] = layout.servers.flatMap((spot) => (spot.label === null ? [] : [spot.label]));
  const columns: Column[] = new Array<Column>(requests.length);
  const score: [number, number, number] = [0, 0, 0];
  for (const i of order) {
    const { spot, labels, more } = requests[i]!;
    const column = placeColumn(layout, spot, labels, more, placed, budget);
    columns[i] = column;
    placed.push(column.box);
    score[0] += Math.max(0, column.overlap);
    score[1] += column.scale > 0 ? 1 : 0;
    score[2] += column.cost;
  }
  return { columns, score };
}

function better(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/**
 * Where a proposer's badges go: one below another (not along the radius, where wide pills overlap),
 * the column towards the centre as close to the node as it can be without touching any server (nor its own
 * node's selection ring) or any column in `placed`. Along the node's radius first; sideways of it only when
 * other columns are in the way. Smaller text when nothing fits, and the least overlap when even that does not.
 */
export function badgeStack(
  layout: RingLayout,
  spot: ServerSpot,
  labels: readonly string[],
  more?: string,
  placed: readonly Box[] = [],
): BadgeStack {
  return stackIn(placeColumn(layout, spot, labels, more, placed, { left: SEARCH_BUDGET }), spot, labels, more);
}

interface Column {
  readonly box: Box;
  readonly fs: number;
  /** Index into BADGE_SCALES. */
  readonly scale: number;
  /** How far it intrudes into the space it should keep clear (0 or less: not at all). */
  readonly overlap: number;
  /** Steps from its ideal spot. */
  readonly cost: number;
}

/** Candidate spots left to try sideways, shared by all the columns of one layout. */
interface Budget {
  left: number;
}

function placeColumn(
  layout: RingLayout,
  spot: ServerSpot,
  labels: readonly string[],
  more: string | undefined,
  placed: readonly Box[],
  budget: Budget,
): Column {
  // Clear of the proposer's selection ring; neighbours' circles only need not be touched.
  const clearOwn = selectionRadius(layout.nodeRadius) + 6;
  const clearOthers = layout.nodeRadius + 4;
  // Everything to keep clear of: the server circles, then the columns already placed.
  const circles = layout.servers.length;
  const count = circles + placed.length;
  const xs = layout.servers.map((other) => other.x);
  const ys = layout.servers.map((other) => other.y);
  const clear = layout.servers.map((other) => (other === spot ? clearOwn : clearOthers));
  let blocker = 0;
  let best: Column | undefined;
  for (let scale = 0; scale < BADGE_SCALES.length; scale++) {
    const fs = layout.messageSize * BADGE_SCALES[scale]!;
    const { w, h } = columnSize(fs, labels, more);
    // Outwards from the node along the radius towards the centre, the column's centre no further than it.
    const nearest = Math.max(Math.abs(spot.dx) * (w / 2), Math.abs(spot.dy) * (h / 2));
    const farthest = Math.max(nearest + clearOwn * 2, layout.radius);
    const step = fs * 0.4;
    const along = Math.floor((farthest - nearest) / step + 1e-9);
    const across = placed.length === 0 ? 0 : Math.floor((layout.radius * SIDEWAYS_REACH) / step);
    // Candidates in order of cost (steps along the radius, plus SIDEWAYS_COST per step across it), so the
    // first clear one is the nearest; ties along the radius first, then to one side before the other.
    for (let cost = 0; cost <= along + SIDEWAYS_COST * across; cost++) {
      for (let j = 0; j <= across && SIDEWAYS_COST * j <= cost; j++) {
        const i = cost - SIDEWAYS_COST * j;
        if (i > along) continue;
        for (let side = j === 0 ? 0 : 1; side >= (j === 0 ? 0 : -1); side -= 2) {
          const d = nearest + i * step;
          const t = side * j * step;
          const mx = spot.x - spot.dx * d - spot.dy * t;
          const my = spot.y - spot.dy * d + spot.dx * t;
          const box: Box = { x: mx - w / 2, y: my - h / 2, w, h };
          // Sideways only with the centre inside the ring and the column's near edge within a ring radius of the node.
          if (
            j > 0 &&
            (budget.left <= 0 ||
              Math.hypot(mx - layout.cx, my - layout.cy) > layout.radius ||
              boxDistance(box, spot.x, spot.y) >= layout.radius)
          )
            continue;
          if (j > 0) budget.left--;
          // The worst intrusion into anything to keep clear of, giving up as soon as it is no better than the
          // best so far; whatever stopped the last candidate is tried first, as it most likely stops this one too.
          const limit = best === undefined ? Infinity : best.overlap;
          let overlap = -Infinity;
          for (let k = 0; k < count && overlap < limit; k++) {
            const o = k === 0 ? blocker : k <= blocker ? k - 1 : k;
            const into =
              o < circles
                ? clear[o]! - boxDistance(box, xs[o]!, ys[o]!)
                : boxIntrusion(box, placed[o - circles]!, COLUMN_GAP);
            if (into > overlap) {
              overlap = into;
              if (overlap >= limit) blocker = o;
            }
          }
          if (overlap < limit) best = { box, fs, scale, overlap, cost };
          if (overlap <= 0) return best!;
        }
      }
    }
  }
  return best!;
}

/** The pills (and "+N more" line) of a column placed at `box`. */
function stackIn(
  { box, fs }: Column,
  spot: ServerSpot,
  labels: readonly string[],
  more: string | undefined,
): BadgeStack {
  const h = fs * 1.5;
  const moreH = fs * 0.9 * 1.3;
  // The first row nearest the node: top down when the column hangs below it, bottom up when above.
  const upwards = spot.dy > 0;
  let y = upwards ? box.y + box.h : box.y;
  const take = (size: number): number => {
    const top = upwards ? y - size : y;
    y = upwards ? y - size - BADGE_GAP : y + size + BADGE_GAP;
    return top;
  };
  const pills: Box[] = [];
  for (const label of labels) {
    const pw = badgeTextWidth(label, fs) + fs;
    pills.push({ x: box.x + (box.w - pw) / 2, y: take(h), w: pw, h });
  }
  const moreAt = more === undefined ? undefined : { x: box.x + box.w / 2, y: take(moreH) + moreH / 2 };
  return { fontSize: fs, pills, more: moreAt, box };
}

/** Width and height of a column of pills (font size fs) with an optional "+N more" line. */
function columnSize(fs: number, labels: readonly string[], more: string | undefined): { w: number; h: number } {
  const pill = fs * 1.5;
  let w = 0;
  for (const label of labels) w = Math.max(w, badgeTextWidth(label, fs) + fs);
  let h = labels.length * pill + Math.max(0, labels.length - 1) * BADGE_GAP;
  if (more !== undefined) {
    w = Math.max(w, badgeTextWidth(more, fs * 0.9));
    h += BADGE_GAP + fs * 0.9 * 1.3;
  }
  return { w, h };
}
