import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER } from '../script/ast';
import type { TraceEvent } from '../sim/trace';
import type { Frame } from '../worker/protocol';
import { flying } from './flying';
import { applyUpdate } from './simStore';

function frame(over: Partial<Frame> & Pick<Frame, 'eventCount' | 'timeline' | 'reset'>): Frame {
  return {
    type: 'frame',
    now: 0,
    head: { t: 0, events: over.eventCount },
    playing: true,
    speed: 1,
    header: DEFAULT_HEADER,
    servers: [],
    sent: [],
    ended: [],
    quorums: [],
    console: [],
    events: [],
    network: { latencyMin: 10, latencyMax: 50, loss: 0, dup: 0 },
    ...over,
  };
}

/** `count` heartbeats to or from n1, one per ms; message ids are the event indices. */
function heartbeats(from: number, count: number): TraceEvent[] {
  const events: TraceEvent[] = [];
  for (let i = from; i < from + count; i++) {
    events.push(i % 2 === 0
      ? { t: i, kind: 'send', id: i, from: 'n1', to: 'n2', wire: 'heartbeat', label: 'Heartbeat', deliverAt: i + 20, lost: false }
      : { t: i, kind: 'deliver', id: i - 1, from: 'n1', to: 'n2', wire: 'heartbeat' });
  }
  return events;
}

describe('the page reads messages off the timeline', () => {
  it('draws the messages of events whose timeline slice arrives after the frame that counted them', () => {
    // A reset frame says 100 events happened but brings only the first 40 of the timeline.
    applyUpdate(frame({ reset: true, eventCount: 100, now: 100, timeline: { from: 0, events: heartbeats(0, 40) } }));
    expect(flying.messages.size).toBe(0);
    // The next frame: the run went on to 104 events and the timeline caught up to 104.
    applyUpdate(frame({ reset: false, eventCount: 104, now: 104, timeline: { from: 40, events: heartbeats(40, 64) } }));
    // Events 100..103 are new: sends 100 and 102 fly (101 delivered 100, 103 delivered 102).
    expect([...flying.messages.keys()].sort((a, b) => a - b)).toEqual([100, 102]);
    expect(flying.messages.get(100)!.end?.outcome).toBe('delivered');
  });

  it('a timeline that lags the run is read as it arrives, not skipped', () => {
    applyUpdate(frame({ reset: true, eventCount: 10, now: 10, timeline: { from: 0, events: heartbeats(0, 10) } }));
    // The run jumps to 30 events; the timeline brings only up to 20 ...
    applyUpdate(frame({ reset: false, eventCount: 30, now: 30, timeline: { from: 10, events: heartbeats(10, 10) } }));
    expect(flying.messages.has(10)).toBe(true);
    expect(flying.messages.has(20)).toBe(false);
    // ... and the rest with the next frame: those messages are drawn too.
    applyUpdate(frame({ reset: false, eventCount: 30, now: 30, timeline: { from: 20, events: heartbeats(20, 10) } }));
    expect(flying.messages.has(20)).toBe(true);
    expect(flying.messages.has(28)).toBe(true);
  });
});
