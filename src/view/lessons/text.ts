// Strings of the lesson picker and panel (English); the lessons' own narration is in src/scenario/lessonText.ts.
import { localized } from '../../script/language';
import { lessonsUiTextZh } from './text.zh';
export const lessonsUiTextEn = {
  picker: 'Lessons',
  pickerTitle: 'Guided lessons: short scenarios that pause where something happens',
  list: 'Lessons',
  region: 'Lesson',
  stepOf: (k: number, n: number): string => `Step ${k} of ${n}`,
  next: 'Next',
  back: 'Back',
  close: 'Close lesson',
  copyLink: 'Copy lesson link',
  copied: 'Lesson link copied.',
  progress: 'Step progress',
  running: "Running to this step's pause point…",
  reached: (index: number): string => `Paused here (event #${index}).`,
  done: 'Lesson complete. Explore freely, or pick another lesson.',
  lookAt: 'Look at',
  lookAtLabel: 'Look at:',
  /** A message or trace kind a step talks about (prepare, watch, ...). */
  kind: (kind: string): string => kind,
  server: (id: number): string => `n${id}`,
} as const;

export const lessonsUiText = localized(lessonsUiTextEn, lessonsUiTextZh);
