// While the run is paused, each message on the ring is a small button over its dot: hovering or focusing it
// shows the message's whole content in a card (what the worker sent with it, see view/payload).
import { memo, useEffect, useState, type RefObject } from 'react';
import { drawTime } from '../../store/flying';
import { useRingFlying, useRingSim } from './simContext';
import { messageSpots, type MessageSpot } from '../../view/cluster/paintMessages';
import type { Scene } from '../../view/cluster/scene';
import { text } from '../../view/text';
import { MessageCard } from '../payload/MessageCard';

const t = text.cluster.messageTip;
const tt = text.timeTravel;

/** The smallest hover target (css px), however small the dot. */
const MIN_TARGET_PX = 14;

/** The stage's size in css px, kept current. */
function useSize(ref: RefObject<HTMLElement | null>): { w: number; h: number } {
  const [size, setSize] = useState({ w: 0, h: 0 });
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => {
      const rect = element.getBoundingClientRect();
      setSize((old) => (old.w === rect.width && old.h === rect.height ? old : { w: rect.width, h: rect.height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

export const MessageTargets = memo(function MessageTargets({
  sceneRef,
  stageRef,
}: {
  sceneRef: RefObject<Scene>;
  stageRef: RefObject<HTMLElement | null>;
}) {
  const flying = useRingFlying();
  const playing = useRingSim((s) => s.playing);
  // A step or a seek changes what is on the wire: these change with it (read so that this re-renders).
  const now = useRingSim((s) => s.now);
  const events = useRingSim((s) => s.eventCount);
  const size = useSize(stageRef);
  const [active, setActive] = useState<number | null>(null);
  if (playing || size.w === 0) return null;
  const scene = sceneRef.current;
  const spots = messageSpots(scene, flying.messages, drawTime(performance.now(), flying));
  // The SVG's viewBox with "xMidYMid meet", as the message canvas maps it.
  const box = scene.box;
  const scale = Math.min(size.w / box.w, size.h / box.h);
  const ox = (size.w - box.w * scale) / 2 - box.x * scale;
  const oy = (size.h - box.h * scale) / 2 - box.y * scale;
  const place = (spot: MessageSpot) => ({ x: ox + spot.x * scale, y: oy + spot.y * scale });
  const shown = spots.find((spot) => spot.message.id === active);
  return (
    <div className="message-targets" role="group" aria-label={t.group} data-now={now} data-events={events}>
      {spots.map((spot) => {
        const { x, y } = place(spot);
        const d = Math.max(MIN_TARGET_PX, spot.r * 2 * scale + 4);
        const m = spot.message;
        return (
          <button
            key={m.id}
            type="button"
            className="message-target"
            aria-label={t.name(m.label === '' ? m.kind : m.label, m.from, m.to)}
            aria-describedby={active === m.id ? `message-card-${m.id}` : undefined}
            style={{ left: x - d / 2, top: y - d / 2, width: d, height: d }}
            onMouseEnter={() => setActive(m.id)}
            onMouseLeave={() => setActive((old) => (old === m.id ? null : old))}
            onFocus={() => setActive(m.id)}
            onBlur={() => setActive((old) => (old === m.id ? null : old))}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setActive(null);
            }}
          />
        );
      })}
      {shown !== undefined && (
        <MessageCard
          id={`message-card-${shown.message.id}`}
          anchor={place(shown)}
          title={shown.message.label === '' ? shown.message.kind : shown.message.label}
          lines={[
            `${shown.message.kind} · ${tt.tip.route(shown.message.from, shown.message.to)}`,
            tt.tip.sent(tt.ms(shown.message.sentAt)),
            tt.tip.inFlight(tt.ms(shown.message.deliverAt)),
            ...(shown.message.lost ? [tt.tip.lost] : []),
            ...(shown.message.copyOf === undefined ? [] : [tt.tip.duplicate(shown.message.copyOf)]),
          ]}
          payload={shown.message.payload}
        />
      )}
    </div>
  );
});
