// Messages in flight, kept outside React: the canvas reads this every animation frame.
import type { MessageEnd, MessageView } from '../worker/protocol';

export interface FlyingMessage extends MessageView {
  /** Set when the worker reported its end; the canvas animates the end (arrival or drop) and then forgets it. */
  end?: MessageEnd;
}

export const flying = {
  messages: new Map<number, FlyingMessage>(),
  /** Simulated time of the latest frame and the wall time it arrived, to interpolate between frames. */
  simNow: 0,
  wallAt: 0,
  /** Simulated ms per wall ms while playing (0 when paused). */
  rate: 0,
};

/** How long (simulated ms) an ended message stays drawn: the drop cross or arrival pulse. */
export const END_LINGER_MS = 40;

export function absorbMessages(sent: readonly MessageView[], ended: readonly MessageEnd[], now: number): void {
  for (const message of sent) flying.messages.set(message.id, message);
  for (const end of ended) {
    const message = flying.messages.get(end.id);
    if (message !== undefined) message.end = end;
  }
  for (const [id, message] of flying.messages) {
    if (message.end !== undefined && now - message.end.at > END_LINGER_MS) flying.messages.delete(id);
    // A message to a crashed server whose end never came: forget it well after its arrival time.
    else if (now - message.deliverAt > 10_000) flying.messages.delete(id);
  }
}

export function clearFlying(): void {
  flying.messages.clear();
}
