import { describe, expect, it } from 'vitest';
import type { MessageView } from '../view/projections';
import { flying } from './flying';
import { applyUpdate, connectStore, onDiagramUpdate, requestTrace, type DiagramUpdate } from './simStore';
import { testFrame } from './testFrame';

function heartbeat(id: number, t: number): MessageView {
  return { id, from: 'n1', to: 'n2', kind: 'heartbeat', label: 'Heartbeat', sentAt: t, deliverAt: t + 20, lost: false };
}

describe('messages on the wire', () => {
  it('frames add the messages sent and mark the ones ended; a reset starts from what it lists', () => {
    applyUpdate(testFrame({ reset: true, eventCount: 10, now: 10, sent: [heartbeat(1, 5)] }));
    expect([...flying.messages.keys()]).toEqual([1]);
    applyUpdate(
      testFrame({
        reset: false,
        eventCount: 14,
        now: 12,
        sent: [heartbeat(2, 11), heartbeat(3, 12)],
        ended: [{ id: 1, outcome: 'delivered', at: 12 }],
      }),
    );
    expect([...flying.messages.keys()].sort()).toEqual([1, 2, 3]);
    expect(flying.messages.get(1)!.end?.outcome).toBe('delivered');
    // Long after its end, a message is forgotten.
    applyUpdate(
      testFrame({
        reset: false,
        eventCount: 15,
        now: 200,
        ended: [{ id: 2, outcome: 'dropped', reason: 'loss', at: 31 }],
      }),
    );
    expect(flying.messages.has(1)).toBe(false);
    expect(flying.messages.has(2)).toBe(false);
    // A seek: only what the reset frame lists is on the wire.
    applyUpdate(testFrame({ reset: true, eventCount: 4, now: 3, sent: [heartbeat(7, 1)] }));
    expect([...flying.messages.keys()]).toEqual([7]);
    // After a long gap the worker lists what is on the wire now, replacing what the page had.
    applyUpdate(
      testFrame({ reset: false, eventCount: 40_000, now: 900, sent: [heartbeat(9, 890)], messagesAfresh: true }),
    );
    expect([...flying.messages.keys()]).toEqual([9]);
  });
});

describe('what the worker says about the diagram and the trace', () => {
  it('reaches the diagram listeners, and a trace request resolves with the JSON', async () => {
    const posted: string[] = [];
    connectStore((command) => posted.push(command.type));
    const heard: DiagramUpdate[] = [];
    const stop = onDiagramUpdate((update) => heard.push(update));
    applyUpdate({ type: 'diagram', summary: 'Space-time diagram: one lane per server (n1)' });
    stop();
    applyUpdate({ type: 'diagram', summary: 'not heard' });
    expect(heard).toEqual([{ type: 'diagram', summary: 'Space-time diagram: one lane per server (n1)' }]);

    const trace = requestTrace();
    expect(posted).toEqual(['export-trace']);
    applyUpdate({ type: 'trace-file', json: '[]' });
    await expect(trace).resolves.toBe('[]');
  });
});
