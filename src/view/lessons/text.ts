// Strings of the lesson picker and panel (English); the lessons' own narration is in src/scenario/lessonText.ts.
export const lessonsUiText = {
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
  server: (id: number): string => `n${id}`,
} as const;
