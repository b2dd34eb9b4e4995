// The fingerprint walks events instead of stringifying them: it must hash exactly the code units of
// JSON.stringify, for every value a trace can hold and the odd ones it could (escapes, surrogates, -0, NaN,
// undefined fields, holes, toJSON, Maps and class instances).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceFingerprint, TraceHasher } from './fingerprint';
import { Simulator } from './simulator';
import { DEFAULT_HEADER } from './config';
import type { TraceEvent } from './trace';

/** The definition: cyrb53 over each event's JSON.stringify text, in order. */
function byStringify(values: readonly unknown[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const value of values) {
    const text = JSON.stringify(value);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const walked = (values: readonly unknown[]): string => traceFingerprint(values as TraceEvent[]);

class Point {
  constructor(
    readonly x: number,
    readonly y?: string,
  ) {}
}

const numbers = fc.oneof(
  fc.integer(),
  fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
  fc.constantFrom(0, -0, 2 ** 31 - 1, 2 ** 31, 4294967297, 1e8, 99_999_999, 2 ** 53, 1e21, 1e-7, NaN, Infinity),
  fc.double(),
);
const strings = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u0001', '\u2028', '\ud800', '\udc00', '\ud83d\ude00') }),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object'), tie('odd')),
  leaf: fc.oneof(numbers, strings, fc.boolean(), fc.constant(null), fc.constant(undefined)),
  array: fc.array(tie('tree'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(strings, fc.constantFrom('0', '7', '10', '-1', '01')), tie('tree'), {
    maxKeys: 4,
  }),
  odd: fc.oneof(
    fc.constant(new Map([[1, 2]])),
    fc.constant(new Set([1])),
    fc.constant(new Date(0)),
    fc.constant(Object.assign(Object.create(null) as object, { b: 1, a: [undefined, () => 0] })),
    fc.constant(new Point(-0, 'p')),
    fc.constant(new Point(1)),
    fc.constant({ toJSON: () => ({ shown: true }) }),
    // Boxed values are stringified unboxed; a hole in an array is null.
    fc.constant([new String('s'), new Number(3), new Boolean(false), new Array<number>(2)]),
  ),
}));

describe('traceFingerprint', () => {
  it('hashes exactly the JSON.stringify text of each event', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string(), tree, { maxKeys: 5 }), { maxLength: 5 }), (events) => {
        expect(walked(events)).toBe(byStringify(events));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with JSON.stringify on a real run, and fed in pieces equals fed at once', () => {
    const sim = new Simulator({ header: { ...DEFAULT_HEADER, servers: 3, seed: 5 }, traceMessages: true });
    sim.invoke('c1', {
      kind: 'command',
      command: { kind: 'create', path: '/a', data: 'x "y"\n', ephemeral: true, sequential: true },
    });
    sim.runUntil(3000);
    sim.kill(1);
    sim.runUntil(8000);
    const trace = sim.trace;
    expect(trace.length).toBeGreaterThan(100);
    expect(traceFingerprint(trace)).toBe(byStringify(trace));
    const hasher = new TraceHasher();
    hasher.updateAll(trace.slice(0, 40));
    for (const event of trace.slice(40, 50)) hasher.update(event);
    hasher.updateAll(trace, 50);
    expect(hasher.digest()).toBe(byStringify(trace));
  });
});
