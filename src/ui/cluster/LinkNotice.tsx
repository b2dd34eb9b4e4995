// What a click on a ring line did, said at once with an Undo: a click on a thin line is easy to make by mistake.
import { useCallback, useEffect, useState } from 'react';
import { useRingSim } from './simContext';
import { text } from '../../view/text';
import { toggleLine } from './Links';

const t = text.cluster.linkNotice;

/** A link a click changed: `cut` when the click cut it, else healed it. */
export interface LinkChange {
  readonly from: number;
  readonly to: number;
  readonly cut: boolean;
  /** Set once Undo ran. */
  readonly undone?: true;
}

/** The notice's state and the ring's click handler: each click runs its line and says what it did. */
export function useLinkNotice(run: (line: string) => void) {
  const [change, setChange] = useState<LinkChange | null>(null);
  // A new run (another size, a lesson, a link) has none of the old run's links to undo.
  const runs = useRingSim((s) => s.runs);
  useEffect(() => setChange(null), [runs]);
  const onToggle = useCallback(
    (from: number, to: number, up: boolean) => {
      run(toggleLine(from, to, up));
      setChange({ from, to, cut: up });
    },
    [run],
  );
  const undo = useCallback(() => {
    if (change === null || change.undone === true) return;
    // The opposite line: healing what was cut, cutting what was healed.
    run(toggleLine(change.from, change.to, !change.cut));
    setChange({ ...change, undone: true });
  }, [change, run]);
  const dismiss = useCallback(() => setChange(null), []);
  return { change, onToggle, undo, dismiss };
}

export function LinkNotice({
  change,
  onUndo,
  onDismiss,
}: {
  change: LinkChange | null;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  // The status region is always there, so a screen reader hears each change as it is put in.
  return (
    <div className="link-notice-region" role="status" aria-label={t.region}>
      {change !== null && (
        <p className="link-notice">
          <span>
            {change.undone === true
              ? t.undone(change.from, change.to, !change.cut)
              : t.did(change.from, change.to, change.cut)}
          </span>
          {change.undone !== true && (
            <button
              type="button"
              className="link-notice-undo"
              onClick={onUndo}
              title={t.undoTitle(toggleLine(change.from, change.to, !change.cut))}
            >
              {t.undo}
            </button>
          )}
          <button type="button" className="link-notice-dismiss" onClick={onDismiss} aria-label={t.dismiss}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
