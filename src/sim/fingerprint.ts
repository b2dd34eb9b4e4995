// One hash of a run's trace, the same in the page ("Fingerprint"), the CLI's summary and the tests: two drivers
// reached the same run exactly when their fingerprints are equal.
//
// The hash is cyrb53 over the UTF-16 code units of each event's JSON.stringify text, in trace order. TraceHasher
// feeds it those exact code units while walking the event (no string is built): JSON's key order, number and
// string forms, and its rules for undefined, non-finite numbers and toJSON are followed, and anything unusual (a
// string with a character JSON escapes, a toJSON method, a bigint) falls back to JSON.stringify for that value.
import type { TraceEvent } from './trace';

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const DIGIT_0 = 48;
const MINUS = 45;
const BACKSLASH = 92;

/** The running cyrb53 state over the JSON text of the events fed so far. */
export class TraceHasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;
  /** Digits of an integer, least significant first (reused). */
  private readonly digits = new Uint8Array(24);

  /** Feed one event (its JSON text). */
  update(event: TraceEvent): void {
    this.value(event, false);
  }

  /** Feed every event from `from` on. */
  updateAll(trace: readonly TraceEvent[], from = 0): void {
    for (let i = from; i < trace.length; i++) this.value(trace[i], false);
  }

  /** The fingerprint of what was fed: 14 hex digits. */
  digest(): string {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  }

  private code(c: number): void {
    this.h1 = Math.imul(this.h1 ^ c, 2654435761);
    this.h2 = Math.imul(this.h2 ^ c, 1597334677);
  }

  /** Raw code units, no quoting. */
  private text(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** A JSON string: quoted, and escaped by JSON.stringify itself when it has a character JSON escapes. */
  private string(text: string): void {
    const h1Before = this.h1;
    const h2Before = this.h2;
    let h1 = Math.imul(h1Before ^ QUOTE, 2654435761);
    let h2 = Math.imul(h2Before ^ QUOTE, 1597334677);
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c === QUOTE || c === BACKSLASH || (c >= 0xd800 && c <= 0xdfff)) {
        this.h1 = h1Before;
        this.h2 = h2Before;
        this.text(JSON.stringify(text));
        return;
      }
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = Math.imul(h1 ^ QUOTE, 2654435761);
    this.h2 = Math.imul(h2 ^ QUOTE, 1597334677);
  }

  private number(n: number): void {
    if (Number.isSafeInteger(n)) this.integer(n);
    else if (Number.isFinite(n)) this.text(String(n));
    else this.text('null');
  }

  /** A safe integer's decimal digits (what String(n) gives, -0 as "0"), without making the string. */
  private integer(n: number): void {
    if (n < 0) {
      this.code(MINUS);
      n = -n;
    }
    if (n < 2147483648) this.digitsOf(n | 0, 0);
    else {
      // Two int32 halves (fmod and the division are exact on safe integers): int32 arithmetic is much faster.
      const low = n % 100_000_000;
      this.digitsOf((n - low) / 100_000_000, 0);
      this.digitsOf(low, 8);
    }
  }

  /** The decimal digits of a non-negative int32, zero-padded to `width`. */
  private digitsOf(n: number, width: number): void {
    const digits = this.digits;
    let count = 0;
    do {
      const quotient = (n / 10) | 0;
      digits[count++] = n - quotient * 10;
      n = quotient;
    } while (n > 0);
    while (count < width) digits[count++] = 0;
    let h1 = this.h1;
    let h2 = this.h2;
    while (count > 0) {
      const c = DIGIT_0 + digits[--count]!;
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** `value` as JSON.stringify writes it; in an array, what it writes nothing for is "null". */
  private value(value: unknown, inArray: boolean): void {
    switch (typeof value) {
      case 'string':
        this.string(value);
        return;
      case 'number':
        this.number(value);
        return;
      case 'boolean':
        this.text(value ? 'true' : 'false');
        return;
      case 'object':
        if (value === null) this.text('null');
        else if (typeof (value as { toJSON?: unknown }).toJSON === 'function') this.text(JSON.stringify(value));
        else if (Array.isArray(value)) this.array(value);
        else if (isPlain(value)) this.object(value as Record<string, unknown>);
        // Class instances, Maps, Sets, boxed primitives: JSON.stringify's own rules.
        else this.text(JSON.stringify(value));
        return;
      case 'bigint':
        // JSON.stringify throws on these, as the fingerprint did.
        this.text(JSON.stringify(value));
        return;
      default:
        // undefined, functions and symbols: left out of objects, null in arrays.
        if (inArray) this.text('null');
    }
  }

  private array(values: readonly unknown[]): void {
    this.code(91);
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.code(COMMA);
      this.value(values[i], true);
    }
    this.code(93);
  }

  private object(record: Record<string, unknown>): void {
    this.code(123);
    let first = true;
    // for...in visits the own enumerable keys in JSON.stringify's order (a plain object inherits none).
    for (const key in record) {
      const field = record[key];
      const kind = typeof field;
      if (kind === 'undefined' || kind === 'function' || kind === 'symbol') continue;
      if (!first) this.code(COMMA);
      first = false;
      this.string(key);
      this.code(COLON);
      this.value(field, false);
    }
    this.code(125);
  }
}

function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** cyrb53-style 53-bit hash of the trace's JSON, as 14 hex digits. */
export function traceFingerprint(trace: readonly TraceEvent[]): string {
  const hasher = new TraceHasher();
  hasher.updateAll(trace);
  return hasher.digest();
}
