import './share.css';
import { useRef } from 'react';
import { useSim } from '../../store/simStore';
import { useCompare } from '../../store/compareStore';
import { copyCompareLink } from '../compare/compareActions';
import { copyLink, exportScenario, exportTrace, importScript, showFingerprint } from './shareStore';
import { shareText as t } from '../../view/share/text';

/** Buttons in the page header: copy a link, fingerprint, export and import (only the link while comparing). */
export function ShareBar() {
  const ready = useSim((s) => s.ready);
  const comparing = useCompare((s) => s.on);
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="share-bar" role="toolbar" aria-label={t.toolbar}>
      <button
        type="button"
        className="btn btn-small btn-primary"
        title={t.copyLinkTitle}
        disabled={!ready}
        onClick={() => void (useCompare.getState().on ? copyCompareLink() : copyLink())}
      >
        {t.copyLink}
      </button>
      {/* The rest act on the page's own run, which the compare view keeps paused out of sight. */}
      {!comparing && (
        <>
          <button
            type="button"
            className="btn btn-small"
            title={t.fingerprintTitle}
            disabled={!ready}
            onClick={() => void showFingerprint()}
          >
            {t.fingerprintButton}
          </button>
          <button
            type="button"
            className="btn btn-small"
            title={t.exportScenarioTitle}
            disabled={!ready}
            onClick={() => void exportScenario()}
          >
            {t.exportScenario}
          </button>
          <label className="btn btn-small" title={t.importScenarioTitle}>
            {t.importScenario}
            <input
              ref={file}
              type="file"
              className="visually-hidden"
              accept=".zk,.txt,text/plain"
              aria-label={t.importScenario}
              onChange={(event) => {
                const chosen = event.currentTarget.files?.[0];
                if (chosen !== undefined) void importScript(chosen);
                // Choosing the same file again still imports it.
                event.currentTarget.value = '';
              }}
            />
          </label>
          <button
            type="button"
            className="btn btn-small"
            title={t.exportTraceTitle}
            disabled={!ready}
            onClick={() => void exportTrace()}
          >
            {t.exportTrace}
          </button>
        </>
      )}
    </div>
  );
}
