import { useEffect, useState } from 'react';
import { useSim } from '../../store/simStore';
import { text } from '../../view/text';
import { liveRows, useStickToBottom } from './liveList';
import { useBreakingFocus } from './useBreakingFocus';

export function EventLog() {
  const events = useSim((s) => s.events);
  const playing = useSim((s) => s.playing);
  const phaseStop = useSim((s) => s.phaseStop);
  const shown = liveRows(events, playing);
  const focus = useBreakingFocus();
  const list = useStickToBottom<HTMLDivElement>(events, playing);
  const live = useQuietWhilePlaying(playing);
  // Said once when the run pauses, so a screen reader hears where it stopped, not every line that flew by.
  const [pausedAt, setPausedAt] = useState('');
  const last = events[events.length - 1];
  useEffect(() => {
    if (playing) setPausedAt('');
    else if (last !== undefined) setPausedAt(text.events.pausedAt(last.index, last.t));
    // Only on play and pause: each Step's new lines are announced by the log itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing]);

  return (
    <section className="panel panel-events" aria-labelledby="events-title">
      <div className="panel-head">
        <h2 id="events-title">{text.events.title}</h2>
      </div>
      <p className="visually-hidden" role="status">
        {pausedAt}
      </p>
      {shown.length === 0 ? (
        <p className="empty">{text.events.empty}</p>
      ) : (
        <div
          className="event-scroll"
          role="log"
          aria-label={text.events.log}
          aria-live={live ? 'polite' : 'off'}
          ref={list.ref}
          onScroll={list.onScroll}
          tabIndex={0}
        >
          <ol className="event-list">
            {shown.map((note, position) => {
              const mark = focus?.events.get(note.index);
              return (
                // Playing, every line changes at each update: lines keyed by position get new text instead of
                // being removed and inserted (which cost far more). Paused, each keeps its own key.
                <li
                  key={playing ? position : note.index}
                  className={eventClass(note.phase !== undefined, note.index === phaseStop, mark)}
                  // The phase mark Step phase stopped at (several can share one instant: each is a stop).
                  aria-current={note.index === phaseStop ? 'step' : undefined}
                >
                  <span className="ev-index">{text.events.index(note.index)}</span>{' '}
                  <span className="ev-time">{text.events.time(note.t)}</span>{' '}
                  {note.phase !== undefined && <span className="ev-tag">{text.events.phase}</span>}{' '}
                  {mark !== undefined && (
                    <span className={`ev-tag ev-tag-${mark}`}>
                      {mark === 'breaking' ? text.safety.breaks(focus!.name) : text.safety.involved(focus!.name)}
                    </span>
                  )}{' '}
                  <span className="ev-text">{note.text}</span>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
}

function eventClass(phase: boolean, stop: boolean, mark: 'breaking' | 'involved' | undefined): string {
  const classes = ['ev'];
  if (phase) classes.push('ev-phase');
  if (stop) classes.push('ev-stop');
  if (mark !== undefined) classes.push(`ev-${mark}`);
  return classes.join(' ');
}

/**
 * A log is a live region only while paused: playing, some 20 lines a second would flood a screen reader. It turns
 * polite one render after the pause, so the redraw that pausing causes is not read out as new lines.
 */
function useQuietWhilePlaying(playing: boolean): boolean {
  const [live, setLive] = useState(!playing);
  useEffect(() => setLive(!playing), [playing]);
  return live && !playing;
}
