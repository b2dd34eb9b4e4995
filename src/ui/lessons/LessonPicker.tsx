import { useState } from 'react';
import { LESSONS } from '../../scenario/lessons';
import { openLesson } from './openLesson';
import { lessonsUiText as t } from '../../view/lessons/text';
import { lessonWords } from '../../view/lessons/narration';

/** "Lessons": a button that opens the list of lessons, one button per lesson title. */
export function LessonPicker() {
  const [open, setOpen] = useState(false);
  return (
    <div className="lesson-picker">
      <button
        type="button"
        className="btn btn-small"
        aria-expanded={open}
        aria-controls="lesson-list"
        title={t.pickerTitle}
        onClick={() => setOpen(!open)}
      >
        {t.picker} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul id="lesson-list" className="lesson-list" aria-label={t.list}>
          {LESSONS.map((lesson) => (
            <li key={lesson.id}>
              <button
                type="button"
                className="lesson-choice"
                onClick={() => {
                  setOpen(false);
                  openLesson(lesson.id);
                }}
              >
                <span className="lesson-choice-title">{lessonWords(lesson).title}</span>
                <span className="lesson-choice-summary" aria-hidden="true">
                  {lessonWords(lesson).summary}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
