// A binary min-heap of events ordered by (time, sequence): equal times keep their scheduling order,
// which is what makes a run the same every time. Events carry their own time and sequence number,
// so scheduling one allocates nothing more than the event itself.

export interface Timed {
  readonly at: number;
  /** Set by the queue when the event is scheduled. */
  seq: number;
}

export class EventQueue<E extends Timed> {
  private heap: E[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(item: E): void {
    item.seq = this.nextSeq++;
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
  }

  peek(): E | undefined {
    return this.heap[0];
  }

  pop(): E | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }

  /** Every scheduled event, in no particular order (for snapshots and inspection). */
  items(): readonly E[] {
    return this.heap;
  }

  /** Rebuild from saved events, keeping their sequence numbers. */
  static restore<E extends Timed>(items: readonly E[], nextSeq: number): EventQueue<E> {
    const queue = new EventQueue<E>();
    queue.heap = [...items].sort((a, b) => (before(a, b) ? -1 : 1));
    queue.nextSeq = nextSeq;
    return queue;
  }

  get sequence(): number {
    return this.nextSeq;
  }
}

function before(a: Timed, b: Timed): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
