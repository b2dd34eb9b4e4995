// The search's fixed layout of a partition: ops by call and by return, linked lists over them, and hashing.
/** What the layout reads of an operation (search.ts's Operation has these). */
interface Placed {
  readonly call: number;
  readonly ret: number;
  readonly required: boolean;
  readonly compared: boolean;
}

/** Doubly linked lists over op indices with a sentinel at `n`; remove and restore in LIFO order. */
export class Links {
  readonly next: Int32Array;
  readonly prev: Int32Array;
  constructor(
    order: readonly number[],
    private readonly sentinel: number,
  ) {
    this.next = new Int32Array(sentinel + 1).fill(-1);
    this.prev = new Int32Array(sentinel + 1).fill(-1);
    let last = sentinel;
    for (const i of order) {
      this.next[last] = i;
      this.prev[i] = last;
      last = i;
    }
    this.next[last] = sentinel;
    this.prev[sentinel] = last;
  }
  get head(): number {
    return this.next[this.sentinel]!;
  }
  get end(): number {
    return this.sentinel;
  }
  remove(i: number): void {
    const p = this.prev[i]!;
    const n = this.next[i]!;
    this.next[p] = n;
    this.prev[n] = p;
  }
  restore(i: number): void {
    this.next[this.prev[i]!] = i;
    this.prev[this.next[i]!] = i;
  }
}

export interface Layout {
  /** Ops by call (then index). */
  readonly byCall: readonly number[];
  /** Call times in byCall order, for "how many ops were called by T". */
  readonly calls: Float64Array;
  /** Each op's place in byCall. */
  readonly callRank: Int32Array;
  /** Rank of each required op by (return, call, index); -1 for the others. */
  readonly endRank: Int32Array;
  /** Rank of each compared required op among those; -1 for the others. */
  readonly comparedRank: Int32Array;
  readonly required: readonly number[];
  readonly compared: readonly number[];
}

export function layout(ops: readonly Placed[]): Layout {
  const n = ops.length;
  const byCall = ops.map((_, i) => i).sort((a, b) => ops[a]!.call - ops[b]!.call || a - b);
  const byEnd = (a: number, b: number): number => ops[a]!.ret - ops[b]!.ret || ops[a]!.call - ops[b]!.call || a - b;
  const required = byCall.filter((i) => ops[i]!.required).sort(byEnd);
  const compared = required.filter((i) => ops[i]!.compared);
  const endRank = new Int32Array(n).fill(-1);
  const comparedRank = new Int32Array(n).fill(-1);
  required.forEach((i, k) => (endRank[i] = k));
  compared.forEach((i, k) => (comparedRank[i] = k));
  const calls = new Float64Array(byCall.map((i) => ops[i]!.call));
  const callRank = new Int32Array(n);
  byCall.forEach((i, k) => (callRank[i] = k));
  return { byCall, calls, callRank, endRank, comparedRank, required, compared };
}

/** The number of ops called at or before `t` (calls sorted). */
export function calledBy(calls: Float64Array, t: number): number {
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (calls[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const NONE: readonly number[] = [];

export function copy(from: Int32Array, length: number): number[] {
  const to = new Array<number>(length);
  for (let k = 0; k < length; k++) to[k] = from[k]!;
  return to;
}

/** A 32-bit mix (murmur3's finalizer): hashes configurations without building strings. */
export function mix(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
