// Settling: where nothing below the search's top has a candidate left, it lets go of what came before (and asks
// the model to rekey), without changing the verdict or the witness.
import { describe, expect, it } from 'vitest';
import { registerModel, type RegisterInput, type RegisterOutput, type RegisterValue } from './register';
import { checkOperations } from './explain';
import type { Model, Operation } from './search';

type Op = Operation<RegisterInput, RegisterOutput>;

const write = (value: number, call: number, ret: number, process = 0): Op => ({
  input: { f: 'write', process, value },
  output: { kind: 'written' },
  call,
  ret,
  required: true,
  compared: true,
});
const read = (value: RegisterValue, call: number, ret: number): Op => ({
  input: { f: 'read', process: 1 },
  output: { kind: 'read', value },
  call,
  ret,
  required: true,
  compared: true,
});

/** The register, counting the rekeys the search asks for. */
function counting(): { model: Model<RegisterValue, RegisterInput, RegisterOutput>; rekeys: () => number } {
  let rekeys = 0;
  const model = {
    ...registerModel,
    rekey: (state: RegisterValue) => {
      rekeys++;
      return state;
    },
  };
  return { model, rekeys: () => rekeys };
}

const sequential = (n: number): Op[] => Array.from({ length: n }, (_, k) => write(k + 1, 2 * k, 2 * k + 1));

describe('the search settles what it can never come back to', () => {
  it('settles after every op of a sequential history', () => {
    const { model, rekeys } = counting();
    expect(checkOperations(model, sequential(50)).kind).toBe('ok');
    // The last op ends the search ('done') before it could settle.
    expect(rekeys()).toBe(49);
  });

  it('does not settle while an earlier choice is still open', () => {
    const { model, rekeys } = counting();
    // Two writes in flight together, then a read only the order 1, 2 explains: 2 (the first to return) is tried
    // first and fails, with 1 still open at the root, so nothing settles until 1 (the root's last choice) goes in.
    const ops = [write(1, 0, 10), write(2, 1, 9, 2), read(2, 11, 12)];
    expect(checkOperations(model, ops).kind).toBe('ok');
    // After 1, and after 2 (nothing open below), the read ends the search.
    expect(rekeys()).toBe(2);
  });

  it('names the whole prefix across settled stretches when the last op cannot follow it', () => {
    const ops = [...sequential(40), read(7, 100, 101)];
    const outcome = checkOperations(registerModel, ops);
    expect(outcome.kind).toBe('violation');
    if (outcome.kind !== 'violation') return;
    expect(outcome.prefix.map((op) => op.input)).toEqual(sequential(40).map((op) => op.input));
    expect(outcome.culprit).toBe(ops[40]);
    expect(outcome.state).toBe(40);
    expect(outcome.answer).toBe('reads 40');
  });
});
