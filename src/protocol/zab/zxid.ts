// zxids as ZooKeeper makes them: the epoch of the leader that proposed a txn in the high 32 bits, a counter
// from 1 in each epoch in the low 32 (numbers stay exact: epochs stay far below 2^21).
import type { Txn, Vote } from './types';

const EPOCH_UNIT = 4294967296;

export function makeZxid(epoch: number, counter: number): number {
  return epoch * EPOCH_UNIT + counter;
}

export function epochOf(zxid: number): number {
  return Math.floor(zxid / EPOCH_UNIT);
}

export function counterOf(zxid: number): number {
  return zxid % EPOCH_UNIT;
}

/** "0x100000001", as ZooKeeper logs them. */
export function zxidHex(zxid: number): string {
  return Number.isInteger(zxid) ? `0x${zxid.toString(16)}` : `0x${Math.floor(zxid).toString(16)}+sync`;
}

/**
 * A sync takes no zxid of its own (ZooKeeper's leader queues it behind its last proposal): it rides in the log
 * halfway between the last txn and the next zxid, so zxids stay unique and ordered and writes count from 1 as in
 * ZooKeeper. null past what a double can halve (a long run of syncs with no write between): it takes a counter then.
 */
export function barrierZxid(log: readonly Txn<unknown>[], epoch: number): number | null {
  const last = Math.max(lastZxidOf(log), makeZxid(epoch, 0));
  const next = Math.floor(last) + 1;
  const half = (last + next) / 2;
  return half > last && half < next ? half : null;
}

export function lastZxidOf(log: readonly Txn<unknown>[], length = log.length): number {
  return length === 0 ? 0 : log[length - 1]!.zxid;
}

/** Index of the txn with this zxid in log[0, length), else -1 (the log is in zxid order). */
export function indexOfZxid(log: readonly Txn<unknown>[], zxid: number, length = log.length): number {
  const below = countAtOrBelow(log, zxid, length);
  return below > 0 && log[below - 1]!.zxid === zxid ? below - 1 : -1;
}

/** How many txns of log[0, length) have a zxid <= `zxid`. */
export function countAtOrBelow(log: readonly Txn<unknown>[], zxid: number, length = log.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid]!.zxid <= zxid) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * FastLeaderElection.totalOrderPredicate: `a` beats `b` when its peerEpoch is higher, or equal and its zxid
 * is higher, or both equal and its sid is higher. Under zab-elect-by-id only the sids count.
 */
export function beats(a: Vote, b: Vote, byIdOnly = false): boolean {
  if (byIdOnly) return a.leader > b.leader;
  if (a.peerEpoch !== b.peerEpoch) return a.peerEpoch > b.peerEpoch;
  if (a.zxid !== b.zxid) return a.zxid > b.zxid;
  return a.leader > b.leader;
}
