// The running lesson: which step, whether its pause point was reached, and where earlier steps paused.
// It dispatches worker commands through the sim store; the worker runs the lesson's lines.
import { create } from 'zustand';
import { lessonById, replayHeader, type Lesson, type LessonStep } from '../../scenario/lessons';
import { lastLoadSeq, useSim } from '../../store/simStore';
import type { PauseFacts } from '../../view/lessons/facts';

export interface LessonState {
  lesson: Lesson | null;
  /** 0-based step shown. */
  step: number;
  /** The step's pause point was reached (the page paused there). */
  reached: boolean;
  /** Trace index where each step paused, by step. */
  pauses: readonly number[];
  /** What the run showed where each step paused (its narration is filled with them), by step. */
  facts: readonly PauseFacts[];
}

export const useLesson = create<LessonState>()(() => ({
  lesson: null,
  step: 0,
  reached: false,
  pauses: [],
  facts: [],
}));

function send(...commands: Parameters<ReturnType<typeof useSim.getState>['send']>[0][]): void {
  const { send: post } = useSim.getState();
  for (const command of commands) post(command);
}

function selectFor(lesson: Lesson, step: number): void {
  const server = lesson.steps[step]?.highlight?.servers?.[0];
  if (server !== undefined) send({ type: 'select', server });
}

/** A new run of the lesson's header and setup: as written, or as a replay step says (bugs off, another protocol). */
function loadLessonRun(lesson: Lesson, replay?: LessonStep['replay']): void {
  const header = replayHeader(lesson.header, replay);
  send({ type: 'load', header, lines: [], actions: lesson.setup, play: false });
  lessonLoad = lastLoadSeq();
}

/** Send step `k`'s pause point and lines, then play (a replay step first starts the run without the bugs). */
function runStep(lesson: Lesson, k: number): void {
  const step = lesson.steps[k];
  if (step === undefined) return;
  useLesson.setState({ step: k, reached: false });
  if (step.replay !== undefined) loadLessonRun(lesson, step.replay);
  send({ type: 'pause-at', matcher: step.pauseAt });
  for (const line of step.actions ?? []) send({ type: 'line', text: line, source: 'console' });
  selectFor(lesson, k);
  send({ type: 'play' });
}

/** The speed lessons play at: slow enough for a teacher to talk over (idle waits are fast-forwarded). */
export const LESSON_SPEED = 0.25;
/** The speed before the open lesson set its own, given back when it closes. */
let speedBefore: number | null = null;

/** Load a lesson's header and setup and run its first step; false for an unknown id. */
export function startLesson(id: string): boolean {
  const lesson = lessonById(id);
  if (lesson === undefined) return false;
  if (useLesson.getState().lesson === null) speedBefore = useSim.getState().speed;
  send({ type: 'speed', speed: LESSON_SPEED });
  useLesson.setState({ lesson, step: 0, reached: false, pauses: [], facts: [] });
  loadLessonRun(lesson);
  send({ type: 'select', server: 1 });
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
  const { lesson, step, pauses, facts } = useLesson.getState();
  if (lesson === null || step === 0) return;
  if (lesson.steps[step]?.replay !== undefined) {
    // The step before ran in the run with the bugs, which the replay replaced: run it again (the same run,
    // seed and lines, so it pauses at the same event).
    useLesson.setState({
      step: step - 1,
      reached: false,
      pauses: pauses.slice(0, step - 1),
      facts: facts.slice(0, step - 1),
    });
    loadLessonRun(lesson);
    send({ type: 'pause-at', matcher: lesson.steps[step - 1]!.pauseAt });
    selectFor(lesson, step - 1);
    send({ type: 'play' });
    return;
  }
  const index = pauses[step - 1];
  if (index === undefined) return;
  send({ type: 'pause-at', matcher: null }, { type: 'seek-event', index });
  selectFor(lesson, step - 1);
  useLesson.setState({ step: step - 1, reached: true, pauses: pauses.slice(0, step), facts: facts.slice(0, step) });
}

export function closeLesson(): void {
  if (useLesson.getState().lesson === null) return;
  send({ type: 'pause-at', matcher: null });
  // Unless the person chose another speed meanwhile.
  if (speedBefore !== null && useSim.getState().speed === LESSON_SPEED) send({ type: 'speed', speed: speedBefore });
  speedBefore = null;
  useLesson.setState({ lesson: null, step: 0, reached: false, pauses: [], facts: [] });
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
  const { lesson, step, reached, pauses, facts } = useLesson.getState();
  if (lesson === null || reached) return;
  const next = pauses.slice(0, step);
  next[step] = state.pausedAt;
  const nextFacts = facts.slice(0, step);
  nextFacts[step] = state.pauseFacts ?? {};
  useLesson.setState({ reached: true, pauses: next, facts: nextFacts });
});
