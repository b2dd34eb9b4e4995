import { useSim } from '../../store/simStore';
import { text } from '../text';
import { useStickToBottom } from './useStickToBottom';

/** While the run plays the log shows only what fits its panel: the lines change faster than anyone reads them,
 *  and every line drawn costs the live view frames. Paused, it shows everything the page keeps to scroll back. */
const SHOWN_PLAYING = 30;

export function EventLog() {
  const events = useSim((s) => s.events);
  const playing = useSim((s) => s.playing);
  const shown = playing ? events.slice(-SHOWN_PLAYING) : events;
  const list = useStickToBottom<HTMLDivElement>(events);

  return (
    <section className="panel panel-events" aria-labelledby="events-title">
      <div className="panel-head">
        <h2 id="events-title">{text.events.title}</h2>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{text.events.empty}</p>
      ) : (
        <div className="event-scroll" role="log" aria-label={text.events.log} ref={list.ref} onScroll={list.onScroll} tabIndex={0}>
          <ol className="event-list">
          {shown.map((note) => (
            <li key={note.index} className={note.phase === undefined ? 'ev' : 'ev ev-phase'}>
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
