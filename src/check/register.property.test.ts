// The fast search agrees with brute force: on random small concurrent register histories (at most 7 ops, some with
// unknown outcomes), checkOperations finds a linearization exactly when trying every real-time-respecting order does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerModel, type RegisterInput, type RegisterOutput, type RegisterValue } from './register';
import { checkOperations, explainOperations } from './explain';
import { searchPartition, type Operation } from './search';

type Op = Operation<RegisterInput, RegisterOutput>;

/** Every order of the ops that must take effect (and any subset of the unknown ones) that respects real time. */
function bruteForce(ops: readonly Op[]): boolean {
  const search = (state: RegisterValue, done: ReadonlySet<number>): boolean => {
    if (ops.every((op, k) => done.has(k) || !op.required)) return true;
    for (let k = 0; k < ops.length; k++) {
      if (done.has(k)) continue;
      const op = ops[k]!;
      // k may go next only if no pending required op returned before k was called.
      if (ops.some((other, j) => j !== k && !done.has(j) && other.required && other.ret < op.call)) continue;
      const next = registerModel.step(state, op.input, op.output);
      if (next !== undefined && search(next, new Set([...done, k]))) return true;
    }
    return false;
  };
  return search(registerModel.init(), new Set());
}

const value = fc.integer({ min: 0, max: 2 });
const input: fc.Arbitrary<RegisterInput> = fc.oneof(
  fc.record({ f: fc.constant('read' as const), process: fc.constant(0) }),
  fc.record({ f: fc.constant('write' as const), process: fc.constant(0), value }),
  fc.record({ f: fc.constant('cas' as const), process: fc.constant(0), from: value, to: value }),
);

function outputFor(input: RegisterInput, pick: number, known: boolean): RegisterOutput {
  if (!known) return { kind: 'unknown' };
  if (input.f === 'read') return { kind: 'read', value: pick === 3 ? null : pick };
  if (input.f === 'write') return { kind: 'written' };
  return { kind: 'cas', swapped: pick % 2 === 0 };
}

const history: fc.Arbitrary<Op[]> = fc
  .array(
    fc.record({
      input,
      pick: fc.integer({ min: 0, max: 3 }),
      known: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
      call: fc.integer({ min: 0, max: 20 }),
      length: fc.integer({ min: 1, max: 8 }),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((drawn) =>
    drawn.map(({ input: i, pick, known, call, length }, k): Op => ({
      input: { ...i, process: k },
      output: outputFor(i, pick, known),
      call,
      ret: known ? call + length : Number.POSITIVE_INFINITY,
      required: known,
      compared: known,
    })),
  );

describe('the register search against brute force', () => {
  it('agrees on random small concurrent histories', () => {
    fc.assert(
      fc.property(history, (ops) => {
        const fast = checkOperations(registerModel, ops).kind === 'ok';
        expect(fast).toBe(bruteForce(ops));
      }),
      { numRuns: 2000, seed: 20261203 },
    );
  });
});

/** The order is a linearization: every required op once, real time kept, and the register answers as recorded. */
function isLinearization(ops: readonly Op[], order: readonly number[]): boolean {
  if (new Set(order).size !== order.length) return false;
  if (ops.some((op, k) => op.required && !order.includes(k))) return false;
  for (let a = 0; a < order.length; a++)
    for (let b = a + 1; b < order.length; b++) if (ops[order[b]!]!.ret < ops[order[a]!]!.call) return false;
  let state: RegisterValue | undefined = registerModel.init();
  for (const k of order) {
    state = registerModel.step(state, ops[k]!.input, ops[k]!.output);
    if (state === undefined) return false;
  }
  return true;
}

const relaxed = (op: Op): Op => ({
  ...op,
  output: { kind: 'unknown' },
  ret: Infinity,
  required: false,
  compared: false,
});

describe('what the search says about a history, op by op', () => {
  it('a linearizable history comes with an order that is a linearization, and points inside each op', () => {
    fc.assert(
      fc.property(history, (ops) => {
        const outcome = searchPartition(registerModel, ops, { used: 0, limit: Infinity });
        if (outcome.kind !== 'ok') return;
        expect(isLinearization(ops, outcome.order)).toBe(true);
        const explained = explainOperations(registerModel, ops);
        expect(explained.kind).toBe('ok');
        if (explained.kind !== 'ok') return;
        let last = -Infinity;
        for (const k of outcome.order) {
          const at = explained.points[k]!;
          expect(at).toBeGreaterThanOrEqual(Math.max(ops[k]!.call, last));
          expect(at).toBeLessThanOrEqual(ops[k]!.ret);
          last = at;
        }
      }),
      { numRuns: 3000, seed: 20261204 },
    );
  });

  it('a violation names a set that cannot be ordered, whatever the other ops did, and needs each of its ops', () => {
    fc.assert(
      fc.property(history, (ops) => {
        const explained = explainOperations(registerModel, ops);
        if (explained.kind !== 'violation') return;
        // The set cannot be ordered even with every other op free to take effect at any moment or never; freeing
        // one more of its ops (the culprit aside) lets the history be ordered.
        const inSet = new Set(explained.unorderable);
        expect(inSet.has(explained.culprit)).toBe(true);
        const freed = (also: number): Op[] => ops.map((op, k) => (inSet.has(k) && k !== also ? op : relaxed(op)));
        expect(bruteForce(freed(-1))).toBe(false);
        for (const k of inSet) if (k !== explained.culprit) expect(bruteForce(freed(k))).toBe(true);
      }),
      { numRuns: 3000, seed: 20261204 },
    );
  });

  it('a stale read after two writes: the two writes and the read', () => {
    const op = (input: RegisterInput, output: RegisterOutput, call: number, ret: number): Op => ({
      input,
      output,
      call,
      ret,
      required: true,
      compared: true,
    });
    const ops = [
      op({ f: 'write', process: 0, value: 1 }, { kind: 'written' }, 0, 1),
      op({ f: 'read', process: 2 }, { kind: 'read', value: 1 }, 2, 3),
      op({ f: 'write', process: 1, value: 2 }, { kind: 'written' }, 4, 5),
      op({ f: 'read', process: 2 }, { kind: 'read', value: 1 }, 6, 7),
    ];
    expect(explainOperations(registerModel, ops)).toMatchObject({
      kind: 'violation',
      culprit: 3,
      prefix: [0, 1, 2],
      unorderable: [0, 2, 3],
      answer: 'reads 2',
    });
  });
});
