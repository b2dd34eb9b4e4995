// The fast search agrees with brute force: on random small concurrent register histories (at most 7 ops, some with
// unknown outcomes), checkOperations finds a linearization exactly when trying every real-time-respecting order does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerModel, type RegisterInput, type RegisterOutput, type RegisterValue } from './register';
import { checkOperations, type Operation } from './search';

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
