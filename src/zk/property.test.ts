// Properties: replicas fed the same log end identical; cloneReplica is independent; tree invariants hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneReplica, createReplica, replicaFingerprint, type Replica } from './replica';
import { applyTxn } from './apply';
import { readOnReplica } from './read';
import type { MultiOp, Read, Txn } from './types';

const SESSIONS = ['c1', 'c2', 'c3'] as const;
const PATHS = [
  '/a',
  '/a/b',
  '/a/b/c',
  '/b',
  '/b/x',
  '/a/',
  '/zookeeper',
  '/zookeeper/quota',
  '/zookeeper/x',
  '/',
  'bad',
  '/a//b',
] as const;

const session = fc.constantFrom(...SESSIONS);
const path = fc.constantFrom(...PATHS);
const version = fc.constantFrom(-1, -1, 0, 1, 2, -2);
const data = fc.constantFrom('', 'x', 'yy', 'é');

const multiOp: fc.Arbitrary<MultiOp> = fc.oneof(
  fc.record({ op: fc.constant('check' as const), path, version }),
  fc.record({ op: fc.constant('create' as const), path, data, ephemeral: fc.boolean(), sequential: fc.boolean() }),
  fc.record({ op: fc.constant('setData' as const), path, data, version }),
  fc.record({ op: fc.constant('delete' as const), path, version }),
);

const txn: fc.Arbitrary<Txn> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('createSession' as const), session, timeoutMs: fc.constant(4000) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('closeSession' as const),
      session,
      reason: fc.constantFrom('close' as const, 'expire' as const),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      session,
      path,
      data,
      ephemeral: fc.boolean(),
      sequential: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), session, path, version }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('setData' as const), session, path, data, version }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('multi' as const), session, ops: fc.array(multiOp, { maxLength: 4 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('sync' as const), session, path }) },
);

const read: fc.Arbitrary<Read> = fc.oneof(
  fc.record({ op: fc.constant('get' as const), path, watch: fc.boolean() }),
  fc.record({ op: fc.constant('exists' as const), path, watch: fc.boolean() }),
  fc.record({ op: fc.constant('ls' as const), path, watch: fc.boolean(), recursive: fc.boolean() }),
);

/** A step: a transaction, or (sometimes) a read on the first replica only, registering watches there. */
const step = fc.oneof(
  { weight: 4, arbitrary: txn.map((t) => ({ txn: t })) },
  { weight: 1, arbitrary: fc.record({ session, read }) },
);

function checkInvariants(r: Replica): void {
  for (const [p, n] of r.nodes) {
    expect(2 * n.childCreates - n.children.size).toBeGreaterThanOrEqual(-n.children.size);
    for (const c of n.children) expect(r.nodes.has(p === '/' ? `/${c}` : `${p}/${c}`)).toBe(true);
    if (p !== '/') {
      const parent = p.slice(0, p.lastIndexOf('/')) || '/';
      expect(r.nodes.get(parent)?.children.has(p.slice(p.lastIndexOf('/') + 1))).toBe(true);
      expect(r.nodes.get(parent)?.ephemeralOwner).toBe(0);
    }
    if (n.ephemeralOwner !== 0) {
      const s = r.sessions.get(n.ephemeralOwner);
      expect(s?.ephemerals.has(p)).toBe(true);
      expect(s?.id).toBe(n.ephemeralOwnerId);
      expect(n.children.size).toBe(0);
    }
    expect(n.pzxid).toBeGreaterThanOrEqual(n.czxid);
    expect(n.mzxid).toBeGreaterThanOrEqual(n.czxid);
  }
  for (const [, s] of r.sessions) for (const e of s.ephemerals) expect(r.nodes.get(e)?.ephemeralOwnerId).toBe(s.id);
  for (const p of ['/', '/zookeeper', '/zookeeper/quota']) expect(r.nodes.has(p)).toBe(true);
}

describe('replica properties', () => {
  it('two replicas fed the same transactions end identical, with identical results', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const a = createReplica();
        const b = createReplica();
        let zxid = 0;
        for (const s of steps) {
          if ('txn' in s) {
            if (s.txn.op !== 'sync') zxid++;
            const ra = applyTxn(a, s.txn, zxid, zxid * 7);
            const rb = applyTxn(b, s.txn, zxid, zxid * 7);
            expect(ra.result).toEqual(rb.result);
            expect(rb.events).toEqual([]); // b has no watches
          } else {
            readOnReplica(a, s.session, s.read);
          }
        }
        expect(replicaFingerprint(a)).toBe(replicaFingerprint(b));
        expect(a.lastZxid).toBe(zxid);
        checkInvariants(a);
      }),
      { numRuns: 300 },
    );
  });

  it('cloneReplica (and structuredClone) give an independent copy that evolves identically', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.array(step, { maxLength: 40 }), (first, second) => {
        const r = createReplica();
        let zxid = 0;
        const run = (target: Replica, steps: typeof first, startZxid: number): { zxid: number; log: unknown[] } => {
          let z = startZxid;
          const log: unknown[] = [];
          for (const s of steps) {
            if ('txn' in s) {
              if (s.txn.op !== 'sync') z++;
              log.push(applyTxn(target, s.txn, z, z));
            } else log.push(readOnReplica(target, s.session, s.read));
          }
          return { zxid: z, log };
        };
        zxid = run(r, first, zxid).zxid;
        const copy = cloneReplica(r);
        const sc = structuredClone(r);
        const snapshot = replicaFingerprint(copy);
        const origLog = run(r, second, zxid).log;
        expect(replicaFingerprint(copy)).toBe(snapshot);
        expect(replicaFingerprint(sc)).toBe(snapshot);
        const copyLog = run(copy, second, zxid).log;
        expect(copyLog).toEqual(origLog); // results and watch events alike
        expect(replicaFingerprint(copy)).toBe(replicaFingerprint(r));
        expect(copy.watches).toEqual(r.watches);
      }),
      { numRuns: 200 },
    );
  });
});
