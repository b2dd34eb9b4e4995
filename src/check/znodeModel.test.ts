// The znode model's state key is exact: on random walks of transactions from one start, two states get equal
// keys exactly when their trees (path, data, version, child creates, owner of every znode) and open sessions
// are equal, however the step got there (the key is updated step by step, not recomputed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Replica } from '../zk/replica';
import type { Txn } from '../zk/types';
import { renumbered, sameState, treeHash, znodeModel, type ZnodeState } from './znodeModel';

/** The definition, spelled out: every znode's fields that decide future results, sorted, and the sessions. */
function canonical(r: Replica): string {
  return `${nodeTexts(r, false).join('|')}#${[...r.sessions.keys()].sort().join(',')}`;
}

/** The same with each znode's children, to see that no step changed a state it stepped from. */
function whole(r: Replica): string {
  return nodeTexts(r, true).join('|');
}

function nodeTexts(r: Replica, children: boolean): string[] {
  return [...r.nodes]
    .map(([path, n]) =>
      JSON.stringify([
        path,
        n.data,
        n.version,
        n.childCreates,
        n.ephemeralOwner,
        children ? [...n.children].sort() : 0,
      ]),
    )
    .sort();
}

const session = fc.constantFrom('c1', 'c2');
const path = fc.constantFrom('/a', '/b', '/a/x', '/a/y', '/b/x-');
const data = fc.constantFrom('', 'v', 'w');
const version = fc.constantFrom(-1, 0, 1);
const txn: fc.Arbitrary<Txn> = fc.oneof(
  fc.record({ op: fc.constant('createSession' as const), session, timeoutMs: fc.constant(4000) }),
  fc.record({ op: fc.constant('closeSession' as const), session, reason: fc.constant('close' as const) }),
  fc.record({
    op: fc.constant('create' as const),
    session,
    path,
    data,
    ephemeral: fc.boolean(),
    sequential: fc.boolean(),
  }),
  fc.record({ op: fc.constant('setData' as const), session, path, data, version }),
  fc.record({ op: fc.constant('delete' as const), session, path, version }),
  fc.record({
    op: fc.constant('multi' as const),
    session,
    ops: fc.array(
      fc.oneof(
        fc.record({
          op: fc.constant('create' as const),
          path,
          data,
          ephemeral: fc.boolean(),
          sequential: fc.boolean(),
        }),
        fc.record({ op: fc.constant('setData' as const), path, data, version }),
        fc.record({ op: fc.constant('delete' as const), path, version }),
      ),
      { maxLength: 3 },
    ),
  }),
);

describe('znodeModel key', () => {
  it('is equal exactly for equal states, on random walks from one start', () => {
    fc.assert(
      fc.property(fc.array(fc.array(txn, { maxLength: 12 }), { minLength: 2, maxLength: 4 }), (walks) => {
        const start = znodeModel.init();
        const states: ZnodeState[] = [start];
        // What each state was when it was made: later steps from it must not change it.
        const wholes = [whole(start.replica)];
        for (const walk of walks) {
          let state = start;
          for (const t of walk) {
            state = znodeModel.step(state, t, null)!;
            states.push(state);
            wholes.push(whole(state.replica));
          }
        }
        states.forEach((state, k) => {
          expect(whole(state.replica)).toBe(wholes[k]);
          // The step-by-step hash is the one computed from scratch.
          expect(state.treeHash).toBe(treeHash(state.replica));
          for (const other of states.slice(k + 1, k + 6))
            expect(sameState(state.replica, other.replica)).toBe(canonical(state.replica) === canonical(other.replica));
        });
        const keyOf = new Map<string, number | string>();
        const canonicalOf = new Map<number | string, string>();
        for (const state of states) {
          const text = canonical(state.replica);
          const key = znodeModel.key(state);
          expect(keyOf.get(text) ?? key).toBe(key);
          expect(canonicalOf.get(key) ?? text).toBe(text);
          keyOf.set(text, key);
          canonicalOf.set(key, text);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('does not change the state it steps from', () => {
    const start = znodeModel.init();
    const opened = znodeModel.step(start, { op: 'createSession', session: 'c1', timeoutMs: 4000 }, null)!;
    const created = znodeModel.step(
      opened,
      { op: 'create', session: 'c1', path: '/a', data: 'v', ephemeral: false, sequential: false },
      null,
    )!;
    const before = canonical(created.replica);
    znodeModel.step(created, { op: 'setData', session: 'c1', path: '/a', data: 'w', version: -1 }, null);
    znodeModel.step(created, { op: 'delete', session: 'c1', path: '/a', version: -1 }, null);
    expect(canonical(created.replica)).toBe(before);
  });

  it('renumbers states in a table of their own: equal keys exactly for equal states, and none of the old numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.array(txn, { maxLength: 10 }), { minLength: 1, maxLength: 5 }), (walks) => {
        const start = znodeModel.init();
        const ends = walks.map((walk) => walk.reduce((state, t) => znodeModel.step(state, t, null)!, start));
        const fresh = renumbered(ends);
        const distinct = new Set(ends.map((s) => canonical(s.replica))).size;
        // A fresh table numbers from 0: only the states given are in it.
        expect(new Set(fresh.map((s) => s.key))).toEqual(new Set(Array.from({ length: distinct }, (_, i) => i)));
        fresh.forEach((state, i) => {
          expect(canonical(state.replica)).toBe(canonical(ends[i]!.replica));
          for (let j = 0; j < fresh.length; j++)
            expect(state.key === fresh[j]!.key).toBe(ends[i]!.key === ends[j]!.key);
        });
        // Stepping on from a renumbered state keys it in the new table.
        const next = znodeModel.step(fresh[0]!, { op: 'createSession', session: 'c9', timeoutMs: 4000 }, null)!;
        expect(next.numbers).toBe(fresh[0]!.numbers);
      }),
      { numRuns: 300 },
    );
  });
});
