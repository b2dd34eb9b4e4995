import { text } from '../../view/text';
import { setPresent, usePresent } from './presentStore';

/** "Present": a toggle between the full page and the projector view. */
export function PresentButton() {
  const on = usePresent((s) => s.on);
  return (
    <button
      type="button"
      className="btn btn-small btn-present"
      aria-pressed={on}
      title={on ? text.present.offTitle : text.present.onTitle}
      onClick={() => setPresent(!on)}
    >
      {text.present.button}
    </button>
  );
}
