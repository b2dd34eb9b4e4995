// Space plays or pauses, the right arrow steps, N and B take a lesson to its next or previous step; not while the
// focus is in a text field or form control.
import { useEffect } from 'react';
import { comparePause, comparePlay, compareStep, useCompare } from '../../store/compareStore';
import { useSim } from '../../store/simStore';
import { nextStep, previousStep, useLesson } from '../lessons/lessonStore';

function isFormControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [role="slider"], [role="textbox"]') !== null;
}

/** The compare view: space and the right arrow drive both runs. */
function compareKey(event: KeyboardEvent): void {
  if (event.key === ' ') {
    if (event.target instanceof HTMLElement && event.target.closest('button') !== null) return;
    event.preventDefault();
    if (useCompare.getState().playing) comparePause();
    else comparePlay();
  } else if (event.key === 'ArrowRight') {
    event.preventDefault();
    compareStep();
  }
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isFormControl(event.target))
        return;
      if (useCompare.getState().on) {
        compareKey(event);
        return;
      }
      const { playing, ready, send } = useSim.getState();
      if (!ready) return;
      if (event.key === ' ') {
        // A focused button is pressed by space itself.
        if (event.target instanceof HTMLElement && event.target.closest('button') !== null) return;
        event.preventDefault();
        send({ type: playing ? 'pause' : 'play' });
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        send({ type: 'step' });
      } else if ((event.key === 'n' || event.key === 'N') && useLesson.getState().lesson !== null) {
        event.preventDefault();
        nextStep();
      } else if ((event.key === 'b' || event.key === 'B') && useLesson.getState().lesson !== null) {
        event.preventDefault();
        previousStep();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
