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
  welcomeRegion: 'Getting started',
  welcomeLead: 'New here?',
  welcomeStart: 'Start with One write',
  welcomeMore: 'a guided lesson that pauses at each phase of one Paxos write, with narration to read out.',
  welcomeDismiss: 'Dismiss: do not show this again',
  welcomeDismissShort: 'Dismiss',
  /** The note while a lesson fast-forwards through a wait where only heartbeats go by. */
  skipping: (ms: number): string => `Skipping ${(Math.round(ms / 100) / 10).toLocaleString('en-US')} s of heartbeats`,
  skipped: (ms: number): string => `Skipped ${(Math.round(ms / 100) / 10).toLocaleString('en-US')} s of heartbeats`,
  skippingLabel: 'Fast-forward',
  lookAtLabel: 'Look at:',
  /** A message or trace kind a step talks about (prepare, watch, ...). */
  kind: (kind: string): string => kind,
  server: (id: number): string => `n${id}`,
  /** A list of names in a sentence: "n1", "n1 and n3", "n1, n2 and n3". */
  names: (list: readonly string[]): string =>
    list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]!}`,
  /** A fact with nobody in it (no leader, no vote still on the wire). */
  nobody: 'nobody',
} as const;

export const lessonsUiText = localized(lessonsUiTextEn, lessonsUiTextZh);
