// Space plays or pauses, the right arrow steps; not while the focus is in a text field or form control.
import { useEffect } from 'react';
import { useSim } from '../../store/simStore';

function isFormControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [role="slider"], [role="textbox"]') !== null;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isFormControl(event.target))
        return;
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
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
