// Starts the simulation worker and connects it to the store; the page acks each frame after painting it.
import type { Command, Update } from '../worker/protocol';
import { applyUpdate, connectStore, useSim } from './simStore';
import { text } from '../ui/text';

let worker: Worker | null = null;

export function startWorker(initial?: Command): void {
  worker?.terminate();
  const created = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });
  worker = created;
  useSim.setState({ fatal: null, error: null, ready: false });
  created.onmessage = (event: MessageEvent<Update>) => {
    applyUpdate(event.data);
    // One frame per animation frame: ask for the next only after this one is painted.
    requestAnimationFrame(() => created.postMessage({ type: 'frame-ack' } satisfies Command));
  };
  created.onerror = (event) => {
    useSim.setState({ fatal: text.workerFailed(event.message || 'unknown error'), playing: false });
  };
  connectStore((command) => created.postMessage(command));
  if (initial !== undefined) created.postMessage(initial);
}
