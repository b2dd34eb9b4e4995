// A Map whose copies share one frozen base and keep only their own changes, so the znode model's search can
// copy a state's node map per step in O(√n) instead of O(n) (n znodes), and compare two states by their changes.

const GONE: unique symbol = Symbol('gone');
type Change<V> = V | typeof GONE;

/**
 * A drop-in Map (applyTxn only sees get, has, set, delete, size and iteration). Its base is never changed once
 * shared; `fork` copies the changes only, and folds them into a new base once they outgrow √(base size).
 */
export class LayeredMap<K, V> extends Map<K, V> {
  private base: ReadonlyMap<K, V>;
  private changes: Map<K, Change<V>>;
  private count: number;

  private constructor(base: ReadonlyMap<K, V>, changes: Map<K, Change<V>>, count: number) {
    super();
    this.base = base;
    this.changes = changes;
    this.count = count;
  }

  /** A layered copy of `entries` (copied once into its base). */
  static of<K, V>(entries: ReadonlyMap<K, V>): LayeredMap<K, V> {
    return new LayeredMap<K, V>(new Map(entries), new Map(), entries.size);
  }

  /** A copy to change: it shares this map's base (this map must not change afterwards). */
  fork(): LayeredMap<K, V> {
    const folded = this.changes.size > 16 && this.changes.size * this.changes.size > this.base.size;
    if (folded) return new LayeredMap<K, V>(this.flattened(), new Map(), this.count);
    return new LayeredMap<K, V>(this.base, new Map(this.changes), this.count);
  }

  private flattened(): Map<K, V> {
    const flat = new Map<K, V>();
    for (const [key, value] of this.base) if (!this.changes.has(key)) flat.set(key, value);
    for (const [key, change] of this.changes) if (change !== GONE) flat.set(key, change);
    return flat;
  }

  /** Whether both maps are changes over the same base, so `changedKeys` of both say where they can differ. */
  sharesBaseWith(other: LayeredMap<K, V>): boolean {
    return this.base === other.base;
  }

  /** The keys set or deleted since the base. */
  changedKeys(): IterableIterator<K> {
    return this.changes.keys();
  }

  override get size(): number {
    return this.count;
  }

  override get(key: K): V | undefined {
    const change = this.changes.get(key);
    if (change === GONE) return undefined;
    if (change !== undefined) return change;
    return this.base.get(key);
  }

  override has(key: K): boolean {
    const change = this.changes.get(key);
    if (change === GONE) return false;
    return change !== undefined || this.base.has(key);
  }

  override set(key: K, value: V): this {
    if (!this.has(key)) this.count++;
    this.changes.set(key, value);
    return this;
  }

  override delete(key: K): boolean {
    if (!this.has(key)) return false;
    this.count--;
    if (this.base.has(key)) this.changes.set(key, GONE);
    else this.changes.delete(key);
    return true;
  }

  override clear(): void {
    this.base = new Map();
    this.changes = new Map();
    this.count = 0;
  }

  override *entries(): MapIterator<[K, V]> {
    for (const [key, change] of this.changes) if (change !== GONE) yield [key, change];
    for (const entry of this.base) if (!this.changes.has(entry[0])) yield entry;
  }

  override *keys(): MapIterator<K> {
    for (const [key, change] of this.changes) if (change !== GONE) yield key;
    for (const key of this.base.keys()) if (!this.changes.has(key)) yield key;
  }

  override *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}

/** A Set over a LayeredMap: its copies share one base the same way (child lists of znodes with many children). */
export class LayeredSet<T> extends Set<T> {
  private constructor(private readonly members: LayeredMap<T, true>) {
    super();
  }

  static of<T>(items: ReadonlySet<T>): LayeredSet<T> {
    return new LayeredSet(LayeredMap.of(new Map([...items].map((item) => [item, true as const]))));
  }

  /** A copy to change: it shares this set's base (this set must not change afterwards). */
  fork(): LayeredSet<T> {
    return new LayeredSet(this.members.fork());
  }

  override get size(): number {
    return this.members.size;
  }

  override has(item: T): boolean {
    return this.members.has(item);
  }

  override add(item: T): this {
    // Set's constructor adds nothing when given no items, so `members` is always set here.
    this.members.set(item, true);
    return this;
  }

  override delete(item: T): boolean {
    return this.members.delete(item);
  }

  override clear(): void {
    this.members.clear();
  }

  override *values(): SetIterator<T> {
    for (const [item] of this.members.entries()) yield item;
  }

  override keys(): SetIterator<T> {
    return this.values();
  }

  override *entries(): SetIterator<[T, T]> {
    for (const item of this.values()) yield [item, item];
  }

  override [Symbol.iterator](): SetIterator<T> {
    return this.values();
  }

  override forEach(callback: (value: T, key: T, set: Set<T>) => void, thisArg?: unknown): void {
    for (const item of this.values()) callback.call(thisArg, item, item, this);
  }
}
