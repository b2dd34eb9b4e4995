// Starts the simulation worker and connects it to the store; the page acks each frame after painting it.
import type { Command, Update } from '../worker/ipc';
import { FRAMES_PER_SECOND } from './flying';
import { mainSim, type SimInstance } from './simStore';
import { text } from '../view/text';
import { language } from '../script/language';

let worker: Worker | null = null;

export function startWorker(initial?: Command): void {
  worker?.terminate();
  worker = spawnWorker(mainSim, initial);
}

/** A new simulation worker feeding `instance` (the page's run, or one of the compare view's). */
export function spawnWorker(instance: SimInstance, initial?: Command): Worker {
  const created = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });
  instance.useSim.setState({ fatal: null, error: null, ready: false });
  let lastAck = 0;
  created.onmessage = (event: MessageEvent<Update>) => {
    instance.applyUpdate(event.data);
    if (event.data.type !== 'frame') return;
    // At most one frame per animation frame, and at most FRAMES_PER_SECOND: the canvases interpolate
    // between frames on their own, so the page does not need the worker's state more often.
    requestAnimationFrame((paintedAt) => {
      const wait = Math.max(0, lastAck + 1000 / FRAMES_PER_SECOND - paintedAt);
      setTimeout(() => {
        lastAck = performance.now();
        created.postMessage({ type: 'frame-ack' } satisfies Command);
      }, wait);
    });
  };
  created.onerror = (event) => {
    instance.useSim.setState({ fatal: text.workerFailed(event.message || 'unknown error'), playing: false });
  };
  instance.connect((command, transfer) => created.postMessage(command, transfer ?? []));
  // The worker formats events and messages: it learns the page's language before anything else.
  created.postMessage({ type: 'language', language: language() } satisfies Command);
  if (initial !== undefined) created.postMessage(initial);
  return created;
}
