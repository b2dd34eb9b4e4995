// Jepsen-style histories: the register and key-value models, the two formats, and what fail and info mean.
import { describe, expect, it } from 'vitest';
import { checkHistoryText, detectModel, HistoryError } from './histories';
import { kvModel } from './kv';
import { registerModel, type RegisterInput, type RegisterOutput } from './register';

const jepsen = (lines: string[]): string =>
  lines.map((l, k) => (k % 2 === 0 ? `INFO  jepsen.util - ${l}` : `INFO\tjepsen.util\t-\t${l}`)).join('\n');
const verdict = (text: string, model: 'register' | 'kv' | null = null) =>
  checkHistoryText(text, model).verdict.linearizable;

describe('the register model', () => {
  it('reads the last write, nil before any; a cas swaps only from the value it names', () => {
    expect(registerModel.step(null, { f: 'read', process: 0 }, { kind: 'read', value: null })).toBeNull();
    expect(registerModel.step(null, { f: 'read', process: 0 }, { kind: 'read', value: 1 })).toBeUndefined();
    expect(registerModel.step(1, { f: 'write', process: 0, value: 2 }, { kind: 'written' })).toBe(2);
    expect(registerModel.step(2, { f: 'cas', process: 0, from: 2, to: 3 }, { kind: 'cas', swapped: true })).toBe(3);
    expect(registerModel.step(2, { f: 'cas', process: 0, from: 1, to: 3 }, { kind: 'cas', swapped: true })).toBe(
      undefined,
    );
    expect(registerModel.step(2, { f: 'cas', process: 0, from: 1, to: 3 }, { kind: 'cas', swapped: false })).toBe(2);
  });

  it('reads and failed cas are read-only (the search takes them as soon as they fit); writes and swaps are not', () => {
    const readOnly = (input: RegisterInput, output: RegisterOutput): boolean => registerModel.readOnly!(input, output);
    expect(readOnly({ f: 'read', process: 0 }, { kind: 'read', value: 1 })).toBe(true);
    expect(readOnly({ f: 'cas', process: 0, from: 1, to: 2 }, { kind: 'cas', swapped: false })).toBe(true);
    expect(readOnly({ f: 'cas', process: 0, from: 1, to: 2 }, { kind: 'cas', swapped: true })).toBe(false);
    expect(readOnly({ f: 'write', process: 0, value: 1 }, { kind: 'written' })).toBe(false);
    expect(kvModel.readOnly?.({ f: 'get', process: 0, key: 'a' }, 'x')).toBe(true);
    expect(kvModel.readOnly?.({ f: 'append', process: 0, key: 'a', value: 'x' }, null)).toBe(false);
  });
});

describe('register histories (Jepsen log lines)', () => {
  it('a sequential history that reads what was written is linearizable; other lines are ignored', () => {
    const text = [
      'some other log line',
      ...jepsen(['0 :invoke :write 1', '0 :ok :write 1', '1 :invoke :read nil', '1 :ok :read 1']).split('\n'),
    ].join('\n');
    expect(detectModel(text)).toBe('register');
    expect(verdict(text)).toBe(true);
  });

  it('a read of a value never written, or a stale read after the write returned, is not', () => {
    expect(verdict(jepsen(['0 :invoke :read nil', '0 :ok :read 7']))).toBe(false);
    const stale = jepsen(['0 :invoke :write 1', '0 :ok :write 1', '1 :invoke :read nil', '1 :ok :read nil']);
    expect(verdict(stale)).toBe(false);
  });

  it('concurrent ops may take effect in either order', () => {
    const text = jepsen([
      '0 :invoke :write 1',
      '1 :invoke :read nil',
      '1 :ok :read 1',
      '2 :invoke :read nil',
      '2 :ok :read 1',
      '0 :ok :write 1',
    ]);
    expect(verdict(text)).toBe(true);
  });

  it('a failed cas swapped nothing: a later read of its target is not linearizable', () => {
    const text = jepsen([
      '0 :invoke :write 1',
      '0 :ok :write 1',
      '1 :invoke :cas [1 2]',
      '1 :fail :cas [1 2]',
      '2 :invoke :read nil',
      '2 :ok :read 2',
    ]);
    expect(verdict(text)).toBe(false);
  });

  it('an info write may or may not have happened, at any time after its invoke', () => {
    const happened = jepsen(['0 :invoke :write 5', '0 :info :write 5', '1 :invoke :read nil', '1 :ok :read 5']);
    const notYet = jepsen(['0 :invoke :write 5', '0 :info :write 5', '1 :invoke :read nil', '1 :ok :read nil']);
    const unfinished = jepsen(['0 :invoke :write 5', '1 :invoke :read nil', '1 :ok :read 5']);
    expect(verdict(happened)).toBe(true);
    expect(verdict(notYet)).toBe(true);
    expect(verdict(unfinished)).toBe(true);
  });

  it('a failed write did not happen', () => {
    const text = jepsen(['0 :invoke :write 5', '0 :fail :write 5', '1 :invoke :read nil', '1 :ok :read 5']);
    expect(verdict(text)).toBe(false);
  });
});

describe('key-value histories (EDN maps)', () => {
  const edn = (process: number, type: string, f: string, key: string, value: string): string =>
    `{:process ${process}, :type :${type}, :f :${f}, :key "${key}", :value ${value}}`;

  it('appends concatenate per key, and keys are independent', () => {
    const text = [
      edn(0, 'invoke', 'put', 'a', '"x"'),
      edn(0, 'ok', 'put', 'a', '"x"'),
      edn(1, 'invoke', 'append', 'a', '"y"'),
      edn(1, 'ok', 'append', 'a', '"y"'),
      edn(2, 'invoke', 'get', 'b', 'nil'),
      edn(2, 'ok', 'get', 'b', '""'),
      edn(2, 'invoke', 'get', 'a', 'nil'),
      edn(2, 'ok', 'get', 'a', '"xy"'),
    ].join('\n');
    expect(detectModel(text)).toBe('kv');
    expect(verdict(text)).toBe(true);
  });

  it('a get that misses an append that returned before it is not linearizable', () => {
    const text = [
      edn(0, 'invoke', 'append', 'a', '"x"'),
      edn(0, 'ok', 'append', 'a', '"x"'),
      edn(1, 'invoke', 'get', 'a', 'nil'),
      edn(1, 'ok', 'get', 'a', '""'),
    ].join('\n');
    expect(verdict(text)).toBe(false);
  });

  it('a malformed map names its line', () => {
    const text = `${edn(0, 'invoke', 'get', 'a', 'nil')}\n{:process x, :type :ok, :f :get, :key "a", :value ""}`;
    expect(() => checkHistoryText(text, 'kv')).toThrow(HistoryError);
    try {
      checkHistoryText(text, 'kv');
    } catch (error) {
      expect((error as HistoryError).line).toBe(2);
    }
  });
});
