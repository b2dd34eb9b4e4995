import { useSim } from '../../store/simStore';
import { text } from '../../view/text';
import { liveRows, useStickToBottom } from './liveList';

export function EventLog() {
  const events = useSim((s) => s.events);
  const playing = useSim((s) => s.playing);
  const phaseStop = useSim((s) => s.phaseStop);
  const shown = liveRows(events, playing);
  const list = useStickToBottom<HTMLDivElement>(events, playing);

  return (
    <section className="panel panel-events" aria-labelledby="events-title">
      <div className="panel-head">
        <h2 id="events-title">{text.events.title}</h2>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{text.events.empty}</p>
      ) : (
        <div
          className="event-scroll"
          role="log"
          aria-label={text.events.log}
          ref={list.ref}
          onScroll={list.onScroll}
          tabIndex={0}
        >
          <ol className="event-list">
            {shown.map((note, position) => (
              // Playing, every line changes at each update: lines keyed by position get new text instead of
              // being removed and inserted (which cost far more). Paused, each keeps its own key.
              <li
                key={playing ? position : note.index}
                className={
                  note.phase === undefined ? 'ev' : note.index === phaseStop ? 'ev ev-phase ev-stop' : 'ev ev-phase'
                }
                // The phase mark Step phase stopped at (several can share one instant: each is a stop).
                aria-current={note.index === phaseStop ? 'step' : undefined}
              >
                <span className="ev-index">{text.events.index(note.index)}</span>{' '}
                <span className="ev-time">{text.events.time(note.t)}</span>{' '}
                {note.phase !== undefined && <span className="ev-tag">{text.events.phase}</span>}{' '}
                <span className="ev-text">{note.text}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
