// The running lesson: which step, whether its pause point was reached, and where earlier steps paused.
// It dispatches worker commands through the sim store; the worker runs the lesson's lines.
import { create } from 'zustand';
import { lessonById, type Lesson } from '../../scenario/lessons';
import { lastLoadSeq, useSim } from '../../store/simStore';

export interface LessonState {
  lesson: Lesson | null;
  /** 0-based step shown. */
  step: number;
  /** The step's pause point was reached (the page paused there). */
  reached: boolean;
  /** Trace index where each step paused, by step. */
  pauses: readonly number[];
}

export const useLesson = create<LessonState>()(() => ({ lesson: null, step: 0, reached: false, pauses: [] }));

function send(...commands: Parameters<ReturnType<typeof useSim.getState>['send']>[0][]): void {
  const { send: post } = useSim.getState();
  for (const command of commands) post(command);
}

function selectFor(lesson: Lesson, step: number): void {
  const server = lesson.steps[step]?.highlight?.servers?.[0];
  if (server !== undefined) send({ type: 'select', server });
}

/** Send step `k`'s pause point and lines, then play. */
function runStep(lesson: Lesson, k: number): void {
  const step = lesson.steps[k];
  if (step === undefined) return;
  useLesson.setState({ step: k, reached: false });
  send({ type: 'pause-at', matcher: step.pauseAt });
  for (const line of step.actions ?? []) send({ type: 'line', text: line, source: 'console' });
  selectFor(lesson, k);
  send({ type: 'play' });
}

/** Load a lesson's header and setup and run its first step; false for an unknown id. */
export function startLesson(id: string): boolean {
  const lesson = lessonById(id);
  if (lesson === undefined) return false;
  useLesson.setState({ lesson, step: 0, reached: false, pauses: [] });
  send({ type: 'load', header: lesson.header, lines: lesson.setup, play: false }, { type: 'select', server: 1 });
  lessonLoad = lastLoadSeq();
  runStep(lesson, 0);
  return true;
}

export function nextStep(): void {
  const { lesson, step, reached } = useLesson.getState();
  if (lesson === null || !reached || step + 1 >= lesson.steps.length) return;
  runStep(lesson, step + 1);
}

/** Go back to where the previous step paused. */
export function previousStep(): void {
  const { lesson, step, pauses } = useLesson.getState();
  if (lesson === null || step === 0) return;
  const index = pauses[step - 1];
  if (index === undefined) return;
  send({ type: 'pause-at', matcher: null }, { type: 'seek-event', index });
  selectFor(lesson, step - 1);
  useLesson.setState({ step: step - 1, reached: true, pauses: pauses.slice(0, step) });
}

export function closeLesson(): void {
  if (useLesson.getState().lesson === null) return;
  send({ type: 'pause-at', matcher: null });
  useLesson.setState({ lesson: null, step: 0, reached: false, pauses: [] });
}

/** The number of the Load that started the open lesson's run. */
let lessonLoad = 0;

// Another run (the person chose another cluster size or protocol, imported a scenario...) ends the lesson:
// its steps would run against a cluster it did not set up.
useSim.subscribe((state, previous) => {
  // Frames of runs loaded before the lesson's own (still on their way) do not count.
  if (state.runSeq !== previous.runSeq && state.runSeq > lessonLoad) closeLesson();
});

// A pause point reported by the worker ends the running step.
useSim.subscribe((state, previous) => {
  if (state.pausedAt === null || state.pausedAt === previous.pausedAt) return;
  const { lesson, step, reached, pauses } = useLesson.getState();
  if (lesson === null || reached) return;
  const next = pauses.slice(0, step);
  next[step] = state.pausedAt;
  useLesson.setState({ reached: true, pauses: next });
});
