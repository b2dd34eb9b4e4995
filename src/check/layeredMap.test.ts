import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredMap, LayeredSet } from './layeredMap';

type Op = { kind: 'set'; key: number; value: number } | { kind: 'delete'; key: number } | { kind: 'fork' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 40 }), value: fc.integer() }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 40 }) }),
  fc.constant({ kind: 'fork' as const }),
);

describe('LayeredMap', () => {
  it('behaves as a Map through any sequence of sets, deletes and forks, and a fork never changes its original', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        let model = new Map<number, number>();
        let layered = LayeredMap.of(new Map<number, number>());
        const frozen: { model: Map<number, number>; layered: LayeredMap<number, number> }[] = [];
        for (const o of ops) {
          if (o.kind === 'fork') {
            frozen.push({ model: new Map(model), layered });
            layered = layered.fork();
            model = new Map(model);
          } else if (o.kind === 'set') {
            layered.set(o.key, o.value);
            model.set(o.key, o.value);
          } else {
            expect(layered.delete(o.key)).toBe(model.delete(o.key));
          }
          expect(layered.size).toBe(model.size);
        }
        for (const { model: m, layered: l } of [...frozen, { model, layered }]) {
          expect(new Map([...l].sort((a, b) => a[0] - b[0]))).toEqual(new Map([...m].sort((a, b) => a[0] - b[0])));
          expect(l.size).toBe(m.size);
          for (let key = 0; key <= 40; key++) {
            expect(l.has(key)).toBe(m.has(key));
            expect(l.get(key)).toBe(m.get(key));
          }
        }
      }),
    );
  });

  it('shares its base with its forks until the changes outgrow it, and names the changed keys', () => {
    const base = LayeredMap.of(new Map([...Array(100).keys()].map((k) => [k, k])));
    const a = base.fork();
    a.set(1, -1);
    a.delete(2);
    const b = base.fork();
    expect(a.sharesBaseWith(b)).toBe(true);
    expect([...a.changedKeys()].sort()).toEqual([1, 2]);
    let c = a;
    for (let k = 0; k < 20; k++) {
      c = c.fork();
      c.set(1000 + k, k);
    }
    // 22 changes, 22² > 100: folded into a base of its own.
    expect(c.sharesBaseWith(b)).toBe(false);
    expect(c.get(1)).toBe(-1);
    expect(c.has(2)).toBe(false);
    expect(c.size).toBe(119);
  });
});

describe('LayeredSet', () => {
  it('behaves as a Set, and a fork never changes its original', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        let model = new Set<number>();
        let layered = LayeredSet.of(new Set<number>());
        const frozen: { model: Set<number>; layered: LayeredSet<number> }[] = [];
        for (const o of ops) {
          if (o.kind === 'fork') {
            frozen.push({ model: new Set(model), layered });
            layered = layered.fork();
            model = new Set(model);
          } else if (o.kind === 'set') {
            layered.add(o.key);
            model.add(o.key);
          } else {
            expect(layered.delete(o.key)).toBe(model.delete(o.key));
          }
        }
        for (const { model: m, layered: l } of [...frozen, { model, layered }]) {
          expect([...l].sort((x, y) => x - y)).toEqual([...m].sort((x, y) => x - y));
          expect(l.size).toBe(m.size);
        }
      }),
    );
  });
});
