import { useCompare } from '../../store/compareStore';
import { useSim } from '../../store/simStore';
import { compareText as t } from '../../view/compare/text';
import { enterCompare, leaveCompare } from './compareActions';

/** "Compare": a toggle between the page's run and the same scenario under two protocols side by side. */
export function CompareButton() {
  const on = useCompare((s) => s.on);
  const ready = useSim((s) => s.ready);
  return (
    <button
      type="button"
      className="btn btn-small btn-compare"
      aria-pressed={on}
      disabled={!on && !ready}
      title={on ? t.offTitle : t.onTitle}
      onClick={() => (on ? leaveCompare() : void enterCompare())}
    >
      {t.button}
    </button>
  );
}

/** A compare link whose protocols could not be read: what was wrong, and that the normal page shows instead. */
export function CompareLinkError() {
  const error = useCompare((s) => s.linkError);
  if (error === null) return null;
  return (
    <div role="alert" className="alert alert-error">
      <div>
        <strong>{t.linkErrorTitle}:</strong> {error}. {t.linkErrorRest}
      </div>
      <button type="button" className="btn" onClick={() => useCompare.setState({ linkError: null })}>
        {t.dismiss}
      </button>
    </div>
  );
}
