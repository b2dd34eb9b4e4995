// The ring as the message canvas sees it: where each node is, how big, and where labels must not go. The
// ClusterView keeps one Scene in a ref and refills it when the layout or the clients change.
import {
  selectionRadius,
  VIEW,
  type BadgeStack,
  type Box,
  type ClientSpot,
  type Point,
  type RingLayout,
} from './layout';

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
  /** The ring's centre. */
  cx: number;
  cy: number;
  laneOffset: number;
  fontSize: number;
  /** Message labels, in px. */
  messageSize: number;
  /** The SVG's viewBox: the canvas maps the same user units onto its pixels. */
  box: Box;
}

export function emptyScene(): Scene {
  return {
    positions: new Map(),
    radii: new Map(),
    keepOutCircles: [],
    keepOutBoxes: [],
    nodeRadius: 20,
    cx: VIEW / 2,
    cy: VIEW / 2,
    laneOffset: 3,
    fontSize: 14,
    messageSize: 12,
    box: { x: 0, y: 0, w: VIEW, h: VIEW },
  };
}

/** Every server and client at its place on the ring, with its size. */
export function placeNodes(scene: Scene, layout: RingLayout, clients: readonly ClientSpot[]): void {
  scene.positions.clear();
  scene.radii.clear();
  for (const spot of layout.servers) {
    scene.positions.set(spot.name, spot);
    scene.radii.set(spot.name, layout.nodeRadius);
  }
  for (const client of clients) {
    scene.positions.set(client.name, client);
    scene.radii.set(client.name, layout.clientRadius);
  }
  scene.nodeRadius = layout.nodeRadius;
  scene.cx = layout.cx;
  scene.cy = layout.cy;
  scene.laneOffset = layout.laneOffset;
  scene.fontSize = layout.fontSize;
  scene.messageSize = layout.messageSize;
  scene.box = layout.box;
}

/** Where message labels must not go: every node (with its selection and role rings) and the badge columns. */
export function placeKeepOuts(
  scene: Scene,
  layout: RingLayout,
  clients: readonly ClientSpot[],
  badges: readonly { readonly stack: BadgeStack }[],
): void {
  const { keepOutCircles: circles, keepOutBoxes: boxes } = scene;
  circles.length = 0;
  boxes.length = 0;
  const nodeHalo = selectionRadius(layout.nodeRadius) + 2;
  for (const spot of layout.servers) circles.push(spot.x, spot.y, nodeHalo);
  const clientHalo = layout.clientRadius * Math.SQRT2 + 2;
  for (const client of clients) circles.push(client.x, client.y, clientHalo);
  for (const { stack } of badges)
    boxes.push(stack.box.x - 2, stack.box.y - 2, stack.box.x + stack.box.w + 2, stack.box.y + stack.box.h + 2);
}
