// Copies of state for snapshots, derived from the values themselves rather than from a list of fields.
// The rule: an array is a log (kept in fixed-size chunks, shared with the previous snapshot where unchanged),
// a Map or Set is changed in place (copied, nested Maps and Sets too), anything else is never changed once
// made (numbers, ballots, proposals, entries: shared).

const LOG_CHUNK = 256;

/** A log as a snapshot keeps it: fixed-size chunks, shared with the previous snapshot where unchanged. */
export class ChunkedLog<T> {
  constructor(
    readonly length: number,
    readonly chunks: readonly (readonly (T | undefined)[])[],
  ) {}
}

export function chunkLog<T>(log: readonly (T | undefined)[], previous: ChunkedLog<T> | undefined): ChunkedLog<T> {
  const chunks: (readonly (T | undefined)[])[] = [];
  for (let start = 0; start < log.length; start += LOG_CHUNK) {
    const end = Math.min(log.length, start + LOG_CHUNK);
    const old = previous?.chunks[start / LOG_CHUNK];
    let same = old !== undefined && old.length === end - start;
    for (let i = start; same && i < end; i++) if (old![i - start] !== log[i]) same = false;
    chunks.push(same ? old! : log.slice(start, end));
  }
  return new ChunkedLog(log.length, chunks);
}

export function flattenLog<T>(chunked: ChunkedLog<T>): (T | undefined)[] {
  const log: (T | undefined)[] = new Array<T | undefined>(chunked.length);
  let at = 0;
  for (const chunk of chunked.chunks) for (const entry of chunk) log[at++] = entry;
  return log;
}

/** A record as a snapshot keeps it: its arrays chunked. */
export type Frozen<T> = {
  readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? ChunkedLog<E> : T[K];
};

/** A copy of a Map or Set (and of the Maps and Sets inside it); any other value is shared. */
function copyContainer<V>(value: V): V {
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    for (const [key, inner] of value as Map<unknown, unknown>) copy.set(key, copyContainer(inner));
    return copy as V;
  }
  if (value instanceof Set) return new Set(value as Set<unknown>) as V;
  return value;
}

/** A snapshot's copy of a record; `previous` is the same record's previous snapshot, whose chunks it shares. */
export function freezeRecord<T extends object>(record: T, previous: Frozen<T> | undefined): Frozen<T> {
  // A spread copy keeps the record's shape (compact, fast); its containers are then replaced in place.
  const frozen = { ...record } as Record<string, unknown>;
  const old = previous as Record<string, unknown> | undefined;
  for (const key in frozen) {
    const value = frozen[key];
    if (Array.isArray(value)) {
      const before = old?.[key];
      frozen[key] = chunkLog(
        value as unknown[],
        before instanceof ChunkedLog ? (before as ChunkedLog<unknown>) : undefined,
      );
    } else if (value instanceof Map || value instanceof Set) frozen[key] = copyContainer(value);
  }
  return frozen as Frozen<T>;
}

/** The live record again, as fresh as the one frozen (a snapshot can be restored many times). */
export function thawRecord<T extends object>(frozen: Frozen<T>): T {
  const record = { ...frozen } as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (value instanceof ChunkedLog) record[key] = flattenLog(value as ChunkedLog<unknown>);
    else if (value instanceof Map || value instanceof Set) record[key] = copyContainer(value);
  }
  return record as T;
}

/** A server as both protocols hold it: an id, its config, what survives a crash, what does not. */
export interface ServerRecord<C, D extends object, V> {
  readonly id: number;
  readonly config: C;
  durable: D;
  volatile: V;
}

/** A server as a snapshot keeps it: the durable record frozen as it is, the volatile one as its protocol says. */
export interface FrozenServer<C, D extends object, FV> {
  readonly id: number;
  readonly config: C;
  readonly durable: Frozen<D>;
  readonly volatile: FV;
}

/** A protocol's freeze, thaw, freezeDurable and thawDurable, from how it freezes and thaws its volatile state. */
export function serverSnapshots<C, D extends object, V, FV>(
  freezeVolatile: (volatile: V, previous: FV | undefined) => FV,
  thawVolatile: (frozen: FV) => V,
): {
  freeze(state: ServerRecord<C, D, V>, previous: FrozenServer<C, D, FV> | undefined): FrozenServer<C, D, FV>;
  thaw(frozen: FrozenServer<C, D, FV>): ServerRecord<C, D, V>;
  freezeDurable(durable: D, previous: Frozen<D> | undefined): Frozen<D>;
  thawDurable(frozen: Frozen<D>): D;
} {
  return {
    freeze: (state, previous) => ({
      id: state.id,
      config: state.config,
      durable: freezeRecord(state.durable, previous?.durable),
      volatile: freezeVolatile(state.volatile, previous?.volatile),
    }),
    thaw: (frozen) => ({
      id: frozen.id,
      config: frozen.config,
      durable: thawRecord(frozen.durable),
      volatile: thawVolatile(frozen.volatile),
    }),
    freezeDurable: (durable, previous) => freezeRecord(durable, previous),
    thawDurable: (frozen) => thawRecord(frozen),
  };
}
