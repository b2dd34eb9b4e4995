import { useEffect, useRef } from 'react';
import { useSim } from '../../store/simStore';
import { text } from '../text';

/** The event log shows the most recent notes only. */
const SHOWN = 80;

export function EventLog() {
  const events = useSim((s) => s.events);
  const list = useRef<HTMLDivElement>(null);
  const shown = events.slice(-SHOWN);

  useEffect(() => {
    const el = list.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, [events]);

  return (
    <section className="panel panel-events" aria-labelledby="events-title">
      <div className="panel-head">
        <h2 id="events-title">{text.events.title}</h2>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{text.events.empty}</p>
      ) : (
        <div className="event-scroll" role="log" aria-label={text.events.log} ref={list} tabIndex={0}>
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
