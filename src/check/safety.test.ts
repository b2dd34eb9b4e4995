// agreement, validity, prefix, promises, chosen on hand-made traces.
import { describe, expect, it } from 'vitest';
import { checkAgreement } from './agreement';
import { checkChosen } from './chosen';
import { checkPrefix } from './prefix';
import { checkPromises } from './promises';
import { TraceBuilder } from './testTrace';
import { checkValidity } from './validity';

const createA = { op: 'create', session: 'c1', path: '/a', data: 'x', ephemeral: false, sequential: false } as const;

describe('agreement', () => {
  it('accepts the same value decided by every server, at different times', () => {
    const b = new TraceBuilder();
    b.at(1).decided(1, 0, 'c1:1:first');
    b.at(5).decided(2, 0, 'c1:1:first');
    b.at(5).decided(2, 1, 'noop');
    b.at(9).decided(3, 1, 'noop');
    b.at(9).decided(3, 0, 'c1:1:first');
    expect(checkAgreement(b.events, 3)).toEqual({ ok: true });
  });
  it('rejects a second server deciding another value for a slot, at that event', () => {
    const b = new TraceBuilder();
    b.decided(1, 0, 'c1:1:first');
    const first = b.decided(1, 1, 'c1:2:first');
    b.decided(2, 0, 'c1:1:first');
    const bad = b.decided(3, 1, 'noop');
    const v = checkAgreement(b.events, 3);
    expect(v).toMatchObject({ ok: false, event: bad, involved: { servers: [1, 3], slots: [1], events: [first, bad] } });
    if (!v.ok) expect(v.reason).toContain('slot 1');
  });
});

describe('validity', () => {
  it('accepts no-ops and requested values', () => {
    const b = new TraceBuilder();
    b.request(1, 'c1:1:first', createA);
    b.decided(1, 0, 'noop');
    b.decided(1, 1, 'c1:1:first');
    expect(checkValidity(b.events, 3)).toEqual({ ok: true });
  });
  it('rejects a value nobody requested', () => {
    const b = new TraceBuilder();
    b.request(1, 'c1:1:first', createA);
    const bad = b.decided(2, 0, 'c9:9:first');
    expect(checkValidity(b.events, 3)).toMatchObject({
      ok: false,
      event: bad,
      involved: { servers: [2], slots: [0], events: [bad] },
    });
  });
  it('rejects a value decided before it was requested', () => {
    const b = new TraceBuilder();
    const bad = b.decided(2, 0, 'c1:1:first');
    b.request(1, 'c1:1:first', createA);
    expect(checkValidity(b.events, 3)).toMatchObject({ ok: false, event: bad });
  });
});

describe('prefix', () => {
  it('accepts in-order applies per server, and a replay from 0 after a restart', () => {
    const b = new TraceBuilder();
    b.apply(1, 0, 'x');
    b.apply(2, 0, 'x');
    b.apply(1, 1, 'y');
    b.crash(1);
    b.restart(1);
    b.apply(1, 0, 'x');
    b.apply(1, 1, 'y');
    b.apply(1, 2, 'z');
    b.apply(2, 1, 'y');
    expect(checkPrefix(b.events, 3)).toEqual({ ok: true });
  });
  it('rejects a gap', () => {
    const b = new TraceBuilder();
    b.apply(1, 0, 'x');
    const bad = b.apply(1, 2, 'z');
    expect(checkPrefix(b.events, 3)).toMatchObject({ ok: false, event: bad });
  });
  it('rejects applying a slot twice without a restart', () => {
    const b = new TraceBuilder();
    b.apply(1, 0, 'x');
    b.apply(1, 1, 'y');
    const bad = b.apply(1, 1, 'y');
    expect(checkPrefix(b.events, 3)).toMatchObject({ ok: false, event: bad });
  });
  it('rejects a restarted server that goes on where it stopped instead of replaying', () => {
    const b = new TraceBuilder();
    b.apply(2, 0, 'x');
    b.crash(2);
    b.restart(2);
    const bad = b.apply(2, 1, 'y');
    expect(checkPrefix(b.events, 3)).toMatchObject({ ok: false, event: bad });
  });
});

describe('promises', () => {
  it('accepts increasing promises across a crash and restart, and accepts at or above the promise', () => {
    const b = new TraceBuilder();
    b.promised(1, 1, 1);
    b.accepted(1, 0, 1, 1, 'x');
    b.promised(1, 1, 2); // same round, higher server
    b.crash(1);
    b.restart(1);
    b.promised(1, 2, 3);
    b.accepted(1, 1, 2, 3, 'y');
    b.accepted(1, 2, 3, 1, 'z');
    b.promised(2, 1, 1); // another server has its own history
    expect(checkPromises(b.events, 3)).toEqual({ ok: true });
  });
  it('rejects a promise not above the one made before a crash (forget-promise)', () => {
    const b = new TraceBuilder();
    const earlier = b.promised(2, 3, 1);
    b.crash(2);
    b.restart(2);
    const bad = b.promised(2, 2, 3);
    expect(checkPromises(b.events, 3)).toMatchObject({
      ok: false,
      event: bad,
      involved: { servers: [2], slots: [], events: [earlier, bad] },
    });
  });
  it('rejects the same promise made twice', () => {
    const b = new TraceBuilder();
    b.promised(2, 3, 1);
    const bad = b.promised(2, 3, 1);
    expect(checkPromises(b.events, 3)).toMatchObject({ ok: false, event: bad });
  });
  it('rejects an accept below the promise (accept-below-promise)', () => {
    const b = new TraceBuilder();
    const promise = b.promised(3, 2, 2);
    const bad = b.accepted(3, 0, 1, 1, 'x');
    expect(checkPromises(b.events, 3)).toMatchObject({
      ok: false,
      event: bad,
      involved: { servers: [3], slots: [0], events: [promise, bad] },
    });
  });
});

describe('chosen', () => {
  it('accepts a chosen value carried by higher ballots', () => {
    const b = new TraceBuilder();
    b.accepted(1, 0, 1, 1, 'v');
    b.accepted(2, 0, 1, 1, 'v'); // chosen (2 of 3)
    b.accepted(3, 0, 2, 2, 'v');
    b.accepted(1, 0, 2, 2, 'v');
    b.accepted(2, 1, 2, 2, 'w'); // another slot
    expect(checkChosen(b.events, 3)).toEqual({ ok: true });
  });
  it('accepts a different value at a higher ballot when the first was never chosen', () => {
    const b = new TraceBuilder();
    b.accepted(1, 0, 1, 1, 'v');
    b.accepted(1, 0, 1, 1, 'v'); // the same server twice counts once
    b.accepted(2, 0, 2, 2, 'w');
    b.accepted(3, 0, 2, 2, 'w');
    expect(checkChosen(b.events, 3)).toEqual({ ok: true });
  });
  it('rejects a different value accepted at a higher ballot after a majority accepted one', () => {
    const b = new TraceBuilder();
    b.accepted(1, 0, 2, 1, 'v');
    const chosen = b.accepted(2, 0, 2, 1, 'v');
    b.accepted(3, 0, 1, 3, 'w'); // lower ballot: fine
    const bad = b.accepted(3, 0, 2, 3, 'w'); // same round, higher server: a higher ballot
    const v = checkChosen(b.events, 3);
    // The quorum that chose v (n1, n2) and the server that accepted w over it.
    expect(v).toMatchObject({
      ok: false,
      event: bad,
      involved: { servers: [1, 2, 3], slots: [0], events: [chosen, bad] },
    });
  });
  it('needs a majority of the real server count (3 of 5)', () => {
    const b = new TraceBuilder();
    b.accepted(1, 0, 1, 1, 'v');
    b.accepted(2, 0, 1, 1, 'v');
    b.accepted(3, 0, 2, 3, 'w');
    expect(checkChosen(b.events, 5)).toEqual({ ok: true });
    b.accepted(4, 0, 1, 1, 'v');
    const bad = b.accepted(5, 0, 3, 5, 'w');
    expect(checkChosen(b.events, 5)).toMatchObject({ ok: false, event: bad });
  });
});
