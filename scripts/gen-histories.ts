// Generates the Jepsen-like test histories of testdata/histories/ deterministically (same bytes on every run):
// `npx tsx scripts/gen-histories.ts`. The expected verdict is the end of each file name (`-ok`, `-bad`).
// - register/etcd-NNN-<kind>-ok|bad.log: a simulated register driven like Jepsen's etcd test (5 clients, 70-90
//   ops of read, write 0-4 and cas, Jepsen's log lines). A timed-out write or cas is `:info` and its client comes
//   back as process + 5 (the op may take effect any time later, or never); a timed-out read is
//   `:fail :read :timed-out`; a cas that finds another value is `:fail`; the last op of a client may never finish.
// - kv/cNN-<kind>-ok|bad.edn: a simulated key-value store (1, 10 or 50 clients, 10 keys, get, put, append of unique
//   "x <process> <n> y" strings), one EDN map a line.
// Every op of an `-ok` history takes effect at one instant within its interval (a timed-out one at any instant
// after its invoke, or never), so it is linearizable by construction. A `-bad` history has one injected fault whose
// violation follows from real-time order alone (each fault says why below); the generator asserts the conditions.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

const OUT = join(import.meta.dirname, '../testdata/histories');

class Random {
  private readonly generator;
  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
  }
  /** Uniform in [0, 1). */
  next(): number {
    return (this.generator.next() >>> 0) / 4294967296;
  }
  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}

interface SimOp<I> {
  index: number;
  process: number;
  input: I;
  invoke: number;
  /** When it takes effect; null: never. */
  effect: number | null;
  /** When its completion is logged; Infinity: never (the history ends first). */
  done: number;
  /** Timed out: logged as info (a read as a failed read), the outcome is unknown. */
  timedOut: boolean;
}

interface Schedule {
  clients: number;
  total: number;
  /** Chance an op times out. */
  timeout: number;
  /** Chance an op stalls (a leader change, a pause) before or after it takes effect. */
  stall: number;
  /** A client waits up to this long between ops (Jepsen's stagger). */
  thinkMax: number;
}

/** A network hop: 0.5 to 2.5 time units. */
const hop = (random: Random): number => 0.5 + 2 * random.next();

/**
 * Runs `clients` processes, each doing one op at a time; a timed-out client comes back as process + clients.
 * An op reaches the store one hop after its invoke and takes effect there, and its reply takes another hop; a
 * stalled op waits 5 to 40 more on one side. A client gives up after 30: the op then takes effect later (even
 * after that) or never.
 */
function schedule<I>(random: Random, s: Schedule, pick: (process: number) => I, canTimeOut: (i: I) => boolean) {
  const ops: SimOp<I>[] = [];
  const next: number[] = [];
  const process: number[] = [];
  for (let c = 0; c < s.clients; c++) {
    next.push(random.next() * 5);
    process.push(c);
  }
  while (ops.length < s.total) {
    let c = 0;
    for (let k = 1; k < s.clients; k++) if (next[k]! < next[c]!) c = k;
    const invoke = next[c]!;
    const input = pick(process[c]!);
    const timedOut = canTimeOut(input) && random.next() < s.timeout;
    const stall = random.next() < s.stall ? 5 + 35 * random.next() : 0;
    const stallBefore = random.next() < 0.5;
    let effect: number | null = invoke + hop(random) + (stallBefore ? stall : 0);
    let done = effect + hop(random) + (stallBefore ? 0 : stall);
    if (timedOut) {
      done = invoke + 30;
      effect = random.next() < 0.5 ? null : invoke + 60 * random.next();
    }
    ops.push({ index: ops.length, process: process[c]!, input, invoke, effect, done, timedOut });
    next[c] = done + random.next() * s.thinkMax;
    if (timedOut) process[c] = process[c]! + s.clients;
  }
  // The history ends while one client still waits for its last op: it never completes.
  const hungClient = random.below(s.clients);
  const hung = ops.findLast((op) => op.process % s.clients === hungClient);
  if (hung !== undefined && !hung.timedOut) hung.done = Infinity;
  return ops;
}

/** Must take effect and its answer is known: it completed without timing out. */
const settled = (op: SimOp<unknown>): boolean => !op.timedOut && op.done !== Infinity;

/** a returned before b was invoked: every linearization puts a first. */
const precedes = (a: SimOp<unknown>, b: SimOp<unknown>): boolean => settled(a) && a.done < b.invoke;

/** The ops' effects in time order. */
function effectOrder<Op extends SimOp<unknown>>(ops: Op[]): Op[] {
  return ops.filter((op) => op.effect !== null).sort((a, b) => a.effect! - b.effect! || a.index - b.index);
}

/** Lines in time order: each op's invoke and completion (none when it never completed). */
function lines<Op extends SimOp<unknown>>(ops: Op[], invoke: (op: Op) => string, done: (op: Op) => string): string {
  const events: [number, number, string][] = [];
  for (const op of ops) {
    events.push([op.invoke, 2 * op.index, invoke(op)]);
    if (op.done !== Infinity) events.push([op.done, 2 * op.index + 1, done(op)]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return events.map((e) => e[2]).join('\n') + '\n';
}

// ------------------------------------------------------------------------------------------ register

type RegisterInput = { f: 'read' } | { f: 'write'; value: number } | { f: 'cas'; from: number; to: number };

interface RegisterOp extends SimOp<RegisterInput> {
  /** A read's value or a cas's ok/fail, set by the simulation. */
  output?: string;
  /** Faults: acknowledged but not applied; a cas that swaps (and says ok) whatever the value; says fail, no swap. */
  fault?: 'dropped' | 'swaps' | 'fails';
}

/**
 * - ok: a correct store.
 * - info-ok: timed-out writes write values no other op writes (10, 11, ...) and some read sees one: only the rule
 *   that an info op may take effect (late, even after its client gave up) explains it.
 * - stale-read-bad: W0 writes 5 (no other op writes 5), a write W1 follows it, a read R after W1 returns 5.
 * - lost-write-bad: W0 writes 6 (nobody else does), W1 after it writes 5, acknowledged but dropped; a read after
 *   W1 returns 6.
 * - bad-cas-bad: W0 writes 5, a write W1 follows, a cas [5 x] after W1 says ok.
 * - fail-cas-bad: W0 writes 5 and no other write or cas overlaps the span from W0 to a cas [5 x] after it that
 *   says fail (no write or cas times out in this history, those in the span are made reads): only the rule that a failed cas ran (and found another
 *   value) makes it a violation; read as "never happened" it would be fine.
 * - never-written-bad: a read returns 7, which no op writes.
 */
const REGISTER_KINDS = ['stale-read', 'lost-write', 'bad-cas', 'fail-cas', 'never-written'] as const;
type RegisterKind = 'ok' | 'info' | (typeof REGISTER_KINDS)[number];

function registerOps(random: Random, kind: RegisterKind): RegisterOp[] {
  const value = (): number => random.below(5);
  const pick = (): RegisterInput => {
    const r = random.next();
    if (r < 0.4) return { f: 'read' };
    if (r < 0.7) return { f: 'write', value: value() };
    return { f: 'cas', from: value(), to: value() };
  };
  const total = 70 + random.below(21);
  const canTimeOut = (input: RegisterInput): boolean => kind !== 'fail-cas' || input.f === 'read';
  return schedule(random, { clients: 5, total, timeout: 0.08, stall: 0.1, thinkMax: 1 }, pick, canTimeOut);
}

/** Applies the effects in time order (faults included), setting each read's value and each cas's answer. */
function simulateRegister(ops: RegisterOp[]): void {
  let state: number | null = null;
  for (const op of effectOrder(ops)) {
    const input = op.input;
    if (input.f === 'read') op.output = state === null ? 'nil' : String(state);
    else if (input.f === 'write') state = op.fault === 'dropped' ? state : input.value;
    else if (op.fault === 'fails') op.output = 'fail';
    else if (state === input.from || op.fault === 'swaps') {
      state = input.to;
      op.output = 'ok';
    } else op.output = 'fail';
  }
}

const isWrite = (op: RegisterOp): boolean => op.input.f === 'write';
const isRead = (op: RegisterOp): boolean => op.input.f === 'read';
const changes = (op: RegisterOp): boolean => op.input.f !== 'read';

/** The first op after `after` in real time that `want` accepts. */
function firstAfter(ops: RegisterOp[], after: RegisterOp, want: (op: RegisterOp) => boolean): RegisterOp | undefined {
  return ops.find((op) => want(op) && precedes(after, op));
}

/** A read whose answer the fault replaces after the last simulation pass. */
interface ReadFault {
  read: RegisterOp;
  output: string;
}

/** Injects `kind`'s fault into the middle of the history; null when this history has no place for it. */
function injectRegisterFault(ops: RegisterOp[], kind: RegisterKind, random: Random): ReadFault[] | null {
  const middle = ops.slice(Math.floor(ops.length * 0.3), Math.floor(ops.length * 0.7));
  const start = random.below(middle.length);
  const rotated = [...middle.slice(start), ...middle.slice(0, start)];
  for (const w0 of rotated.filter((op) => isWrite(op) && settled(op))) {
    const w1 = firstAfter(ops, w0, (op) => isWrite(op) && settled(op));
    if (kind === 'fail-cas') {
      const cas = firstAfter(ops, w0, (op) => op.input.f === 'cas' && settled(op));
      if (cas === undefined) continue;
      // Quiet: every other write or cas that overlaps the span from W0's invoke to the cas's return becomes a read.
      for (const op of ops) {
        const overlaps = op.done >= w0.invoke && op.invoke <= cas.done;
        if (op !== w0 && op !== cas && changes(op) && overlaps) op.input = { f: 'read' };
      }
      w0.input = { f: 'write', value: 5 };
      cas.input = { f: 'cas', from: 5, to: random.below(5) };
      cas.fault = 'fails';
      return [];
    }
    if (w1 === undefined) continue;
    if (kind === 'lost-write') {
      const [before, after] = [w0.input, w1.input];
      w0.input = { f: 'write', value: 6 };
      w1.input = { f: 'write', value: 5 };
      w1.fault = 'dropped';
      simulateRegister(ops);
      const read = firstAfter(ops, w1, (op) => isRead(op) && settled(op));
      if (read?.output === '6') return [];
      [w0.input, w1.input] = [before, after];
      delete w1.fault;
      continue;
    }
    const late = firstAfter(ops, w1, (op) => (kind === 'bad-cas' ? op.input.f === 'cas' : isRead(op)) && settled(op));
    if (late === undefined) continue;
    if (kind === 'never-written') return [{ read: late, output: '7' }];
    w0.input = { f: 'write', value: 5 };
    if (kind === 'stale-read') return [{ read: late, output: '5' }];
    const input = late.input as { from: number; to: number };
    late.input = { f: 'cas', from: 5, to: input.to };
    late.fault = 'swaps';
    return [];
  }
  return null;
}

/** Timed-out writes write values of their own (10, 11, ...) and take effect, some after their client gave up. */
function uniqueInfoWrites(ops: RegisterOp[], random: Random): void {
  let unique = 10;
  for (const op of ops) {
    if (!op.timedOut || op.input.f !== 'write') continue;
    op.input = { f: 'write', value: unique++ };
    op.effect ??= op.invoke + random.next() * 40;
  }
}

function registerHistory(seed: number, kind: RegisterKind): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const random = new Random(seed * 100 + attempt);
    const ops = registerOps(random, kind);
    if (kind === 'info') uniqueInfoWrites(ops, random);
    const faults = kind === 'ok' || kind === 'info' ? [] : injectRegisterFault(ops, kind, random);
    if (faults === null) continue;
    simulateRegister(ops);
    for (const { read, output } of faults) read.output = output;
    if (kind === 'info' && !ops.some((op) => isRead(op) && settled(op) && Number(op.output) >= 10)) continue;
    return registerText(ops);
  }
  throw new Error(`gen-histories: no place for a ${kind} fault near seed ${seed}`);
}

function registerText(ops: RegisterOp[]): string {
  const head = (op: RegisterOp, type: string): string =>
    `INFO  jepsen.util - ${op.process}\t:${type}\t:${op.input.f}\t`;
  const arg = (input: RegisterInput): string =>
    input.f === 'read' ? 'nil' : input.f === 'write' ? String(input.value) : `[${input.from} ${input.to}]`;
  return lines(
    ops,
    (op) => head(op, 'invoke') + arg(op.input),
    (op) => {
      if (op.timedOut) return head(op, isRead(op) ? 'fail' : 'info') + ':timed-out';
      if (isRead(op)) return head(op, 'ok') + op.output!;
      if (op.input.f === 'cas') return head(op, op.output!) + arg(op.input);
      return head(op, 'ok') + arg(op.input);
    },
  );
}

// ------------------------------------------------------------------------------------------ kv

interface KvInput {
  f: 'get' | 'put' | 'append';
  key: string;
  value: string;
}

interface KvOp extends SimOp<KvInput> {
  output?: string;
  /** The key's value just before this op took effect, and the ops whose strings make it up (a put first). */
  before?: { value: string; parts: KvOp[] };
  dropped?: boolean;
}

const KEYS = 10;

function kvOps(random: Random, clients: number, total: number): KvOp[] {
  const counters = new Map<number, number>();
  const pick = (process: number): KvInput => {
    const r = random.next();
    const key = String(random.below(KEYS));
    const n = counters.get(process) ?? 0;
    counters.set(process, n + 1);
    return { f: r < 0.5 ? 'get' : r < 0.6 ? 'put' : 'append', key, value: `x ${process} ${n} y` };
  };
  return schedule(random, { clients, total, timeout: 0.02, stall: 0.05, thinkMax: 10 }, pick, () => true);
}

function simulateKv(ops: KvOp[]): void {
  const state = new Map<string, { value: string; parts: KvOp[] }>();
  for (const op of effectOrder(ops)) {
    const { f, key, value } = op.input;
    const now = state.get(key) ?? { value: '', parts: [] };
    op.before = now;
    if (f === 'get') op.output = now.value;
    else if (op.dropped === true) continue;
    else if (f === 'put') state.set(key, { value, parts: [op] });
    else state.set(key, { value: now.value + value, parts: [...now.parts, op] });
  }
}

/**
 * - stale-get: an append A, and a get R after it that returns the key's value from before A, every part of which
 *   returned before A was invoked: any order puts those parts, then A, then R, and A's string (or a later put's)
 *   is in every value R could read.
 * - lost-append: an acknowledged append A is dropped; a get R after A returns a value without A's string that starts
 *   with no put or with a put that returned before A was invoked: only a put between A and R could explain it.
 */
type KvKind = 'ok' | 'stale-get' | 'lost-append';

function injectKvFault(ops: KvOp[], kind: KvKind): boolean {
  const middle = ops.slice(Math.floor(ops.length * 0.4));
  for (const a of middle.filter((op) => op.input.f === 'append' && settled(op))) {
    const sameKeyGet = (op: KvOp): boolean => op.input.f === 'get' && op.input.key === a.input.key && settled(op);
    if (kind === 'lost-append') {
      a.dropped = true;
      simulateKv(ops);
      const r = ops.find((op) => sameKeyGet(op) && precedes(a, op));
      const first = r?.before?.parts[0];
      const explained = first !== undefined && first.input.f === 'put' && !precedes(first, a);
      if (r !== undefined && !explained) return true;
      delete a.dropped;
      continue;
    }
    simulateKv(ops);
    const r = ops.find((op) => sameKeyGet(op) && precedes(a, op));
    const before = a.before!;
    if (r === undefined || !before.parts.every((part) => precedes(part, a))) continue;
    r.output = before.value;
    return true;
  }
  return false;
}

function kvHistory(seed: number, clients: number, total: number, kind: KvKind): string {
  const random = new Random(seed);
  const ops = kvOps(random, clients, total);
  if (kind === 'ok') simulateKv(ops);
  else if (!injectKvFault(ops, kind)) throw new Error(`gen-histories: no place for a ${kind} fault in c${clients}`);
  const map = (op: KvOp, type: string, value: string | undefined): string =>
    `{:process ${op.process}, :type :${type}, :f :${op.input.f}, :key ${JSON.stringify(op.input.key)}, :value ${value === undefined ? 'nil' : JSON.stringify(value)}}`;
  return lines(
    ops,
    (op) => map(op, 'invoke', op.input.f === 'get' ? undefined : op.input.value),
    (op) =>
      map(
        op,
        op.timedOut ? 'info' : 'ok',
        op.input.f === 'get' ? (op.timedOut ? undefined : op.output) : op.input.value,
      ),
  );
}

// ------------------------------------------------------------------------------------------ files

function registerKind(k: number): RegisterKind {
  if (k % 4 === 3) return REGISTER_KINDS[((k - 3) / 4) % REGISTER_KINDS.length]!;
  return k % 8 === 1 ? 'info' : 'ok';
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'register'), { recursive: true });
mkdirSync(join(OUT, 'kv'), { recursive: true });
for (let k = 0; k < 100; k++) {
  const kind = registerKind(k);
  const verdict = kind === 'ok' || kind === 'info' ? 'ok' : 'bad';
  const name = `etcd-${String(k).padStart(3, '0')}-${kind === 'ok' ? '' : `${kind}-`}${verdict}.log`;
  writeFileSync(join(OUT, 'register', name), registerHistory(1000 + k, kind));
}
const KV_FILES: [number, number, KvKind[]][] = [
  [1, 200, ['ok', 'stale-get']],
  [10, 1000, ['ok', 'lost-append']],
  [50, 2000, ['ok', 'stale-get']],
];
for (const [clients, total, kinds] of KV_FILES) {
  for (const kind of kinds) {
    const name = `c${String(clients).padStart(2, '0')}-${kind === 'ok' ? '' : `${kind}-`}${kind === 'ok' ? 'ok' : 'bad'}.edn`;
    writeFileSync(join(OUT, 'kv', name), kvHistory(clients * 7 + kinds.indexOf(kind), clients, total, kind));
  }
}
