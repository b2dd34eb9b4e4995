import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../sim/trace';
import { DiagramIndex } from './model';

function send(t: number, id: number): TraceEvent {
  return {
    t,
    kind: 'send',
    id,
    from: 'n1',
    to: 'n2',
    wire: 'heartbeat',
    label: 'Heartbeat',
    deliverAt: t + 20,
    lost: false,
  };
}
function deliver(t: number, id: number): TraceEvent {
  return { t, kind: 'deliver', id, from: 'n1', to: 'n2', wire: 'heartbeat' };
}

describe('the diagram index follows a growing trace', () => {
  it('scans only what was appended, rescans after a fork or for another run', () => {
    const index = new DiagramIndex();
    const events: TraceEvent[] = [send(0, 1)];
    expect(index.sync(events, 3)).toBe(true);
    expect(index.sync(events, 3)).toBe(false);
    expect(index.endIndex[0]).toBe(-1);
    events.push(deliver(15, 1), send(20, 2));
    expect(index.sync(events, 3)).toBe(true);
    expect(index.length).toBe(3);
    expect(index.endIndex[0]).toBe(1);
    // The longest a message takes, for culling: its planned delivery (20 ms) until it ends.
    expect(index.maxSpan).toBe(20);

    // A fork: the future after event 0 is replaced by another one.
    events.length = 1;
    events.push(deliver(30, 1));
    expect(index.sync(events, 3)).toBe(true);
    expect(index.length).toBe(2);
    expect(index.endIndex[0]).toBe(1);
    expect(index.maxSpan).toBe(30);

    // Another run (a load): another array, lanes for its size.
    const other: TraceEvent[] = [
      send(0, 1),
      { t: 1, kind: 'invoke', session: 'c2', opId: 1, command: { kind: 'sync', path: '/' }, write: false },
    ];
    expect(index.sync(other, 5)).toBe(true);
    expect(index.lanes).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'c2']);
    expect(index.ops).toHaveLength(1);
  });
});
