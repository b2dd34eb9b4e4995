// Messages in flight, kept outside React: the canvas reads this every animation frame.
import { END_LINGER_MS, QUORUM_FLASH_MS, type FlyingMessage, type QuorumFlash } from '../view/cluster/paintMessages';
import { quorumKey, type MessageEnd, type MessageView, type QuorumView } from '../view/projections';

/** One ring's messages in flight (the page has one; the compare view one per run). */
export interface FlyingState {
  messages: Map<number, FlyingMessage>;
  simNow: number;
  wallAt: number;
  rate: number;
  lag: number;
  flashes: QuorumFlash[];
  /** Reached quorums the previous frame listed (a reached tally lingers a while, then goes for good). */
  reachedBefore: Set<string>;
}

export function createFlying(): FlyingState {
  return {
    messages: new Map(),
    simNow: 0,
    wallAt: 0,
    rate: 0,
    lag: 0,
    flashes: [],
    reachedBefore: new Set(),
  };
}

/** The page's ring. */
export const flying: FlyingState = {
  messages: new Map<number, FlyingMessage>(),
  /** Simulated time of the latest frame and the wall time it arrived, to interpolate between frames. */
  simNow: 0,
  wallAt: 0,
  /** Simulated ms per wall ms while playing (0 when paused). */
  rate: 0,
  /** Simulated ms the canvas draws behind the latest frame while playing: a message sent between two frames
   *  then still appears at its sender and travels its whole lane (interpolation, as networked games do). */
  lag: 0,
  /** Quorums just reached: the canvas rings the proposer for QUORUM_FLASH_MS of wall time. */
  flashes: [] as QuorumFlash[],
  reachedBefore: new Set<string>(),
};

/** A quorum reached since the previous frame starts a flash at its proposer (unless `flash` is false). */
export function absorbQuorums(
  quorums: readonly QuorumView[],
  wallAt: number,
  flash: boolean,
  into: FlyingState = flying,
): void {
  into.flashes = into.flashes.filter((flash) => wallAt - flash.wallAt < QUORUM_FLASH_MS);
  const reached = new Set<string>();
  for (const q of quorums) {
    if (q.reachedAt === undefined) continue;
    const key = quorumKey(q);
    reached.add(key);
    if (flash && !into.reachedBefore.has(key)) into.flashes.push({ at: `n${q.server}`, wallAt });
  }
  into.reachedBefore = reached;
}

/** How often the page takes a new state from the worker (the canvas interpolates in between). */
export const FRAMES_PER_SECOND = 20;

/** Where the canvas draws the run: behind the latest frame by one frame's worth of time while playing. */
export function drawTime(wall: number, from: FlyingState = flying): number {
  return from.simNow + (wall - from.wallAt) * from.rate - from.lag;
}

export function absorbMessages(
  sent: readonly MessageView[],
  ended: readonly MessageEnd[],
  now: number,
  into: FlyingState = flying,
): void {
  for (const message of sent) into.messages.set(message.id, message);
  for (const end of ended) {
    const message = into.messages.get(end.id);
    if (message !== undefined) message.end = end;
  }
  for (const [id, message] of into.messages) {
    if (message.end !== undefined && now - message.end.at > END_LINGER_MS) into.messages.delete(id);
    // A message to a crashed server whose end never came: forget it well after its arrival time.
    else if (now - message.deliverAt > 10_000) into.messages.delete(id);
  }
}

export function clearFlying(into: FlyingState = flying): void {
  into.messages.clear();
  into.flashes = [];
}
