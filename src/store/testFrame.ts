// A worker Frame for store tests: an idle 3-server run at time 0, with the given fields replaced.
import { DEFAULT_HEADER } from '../sim/config';
import type { Frame } from '../worker/ipc';

export function testFrame(over: Partial<Frame> & Pick<Frame, 'eventCount' | 'reset'>): Frame {
  return {
    type: 'frame',
    now: 0,
    head: { t: 0, events: over.eventCount },
    playing: true,
    speed: 1,
    header: DEFAULT_HEADER,
    servers: [],
    timers: [],
    sent: [],
    ended: [],
    quorums: [],
    quorumOverlap: null,
    console: [],
    events: [],
    network: { latencyMsMin: 10, latencyMsMax: 50, loss: 0, dup: 0 },
    ...over,
  };
}
