// liveness on hand-made traces.
import { describe, expect, it } from 'vitest';
import { checkLiveness } from './liveness';
import { cmd, TraceBuilder } from './testTrace';

describe('liveness', () => {
  it('accepts when every op invoked before the last fault + 1 s returned', () => {
    const b = new TraceBuilder();
    b.at(100).invoke('c1', 1, cmd.create('/a'));
    b.at(200).crash(3);
    b.at(900).invoke('c1', 2, cmd.create('/b'));
    b.at(950).ret('c1', 1, { ok: true, path: '/a' });
    b.at(5000).ret('c1', 2, { ok: true, path: '/b' });
    b.at(1500).invoke('c1', 3, cmd.create('/c')); // after the deadline: may still be pending
    b.at(20_000).network(0); // a network change without loss is no fault
    expect(checkLiveness(b.events, 3)).toEqual({ ok: true });
  });

  it('rejects an op that never returned, at its invoke', () => {
    const b = new TraceBuilder();
    b.at(100).invoke('c1', 1, cmd.create('/a'));
    const bad = b.at(300).invoke('c2', 2, cmd.set('/a', 'x'));
    b.at(400).ret('c1', 1, { ok: true, path: '/a' });
    b.at(500).cut(1, 2);
    b.at(600).heal(1, 2);
    b.at(30_000).network(0);
    const v = checkLiveness(b.events, 3);
    expect(v).toMatchObject({ ok: false, event: bad });
    if (!v.ok) expect(v.reason).toContain('c2 "set /a x"');
  });

  it('is not applicable without a connected majority at the end', () => {
    const b = new TraceBuilder();
    b.at(100).invoke('c1', 1, cmd.create('/a'));
    b.at(200).crash(1);
    b.at(300).cut(2, 3); // n2 and n3 are up but cannot talk
    b.at(30_000).network(0);
    const v = checkLiveness(b.events, 3);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.note).toMatch(/^not applicable: /);
    // Five servers: three up and linked is a majority.
    const c = new TraceBuilder();
    c.at(100).invoke('c1', 1, cmd.create('/a'));
    c.at(200).crash(1);
    c.at(200).crash(2);
    const bad = 0;
    c.at(30_000).network(0);
    expect(checkLiveness(c.events, 5)).toMatchObject({ ok: false, event: bad });
  });

  it('is not applicable until 10 s after the last fault', () => {
    const b = new TraceBuilder();
    b.at(100).invoke('c1', 1, cmd.create('/a'));
    b.at(5000).restart(2);
    b.at(14_000).network(0.5); // a lossy network change is a fault
    b.at(20_000).network(0);
    const v = checkLiveness(b.events, 3);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.note).toMatch(/^not applicable: only 6000 ms/);
  });
});
