import { useEffect, useRef } from 'react';
import { useShare } from './shareStore';
import { shareText as t } from '../../view/share/text';

/** Under the header: a bad link's message, import errors, the link just made and the run fingerprint. */
export function ShareStatus({ compact = false }: { compact?: boolean }) {
  const linkError = useShare((s) => s.linkError);
  const importError = useShare((s) => s.importError);
  const url = useShare((s) => s.url);
  const copied = useShare((s) => s.copied);
  const fingerprint = useShare((s) => s.fingerprint);
  const notice = useShare((s) => s.notice);
  const dismissLinkError = useShare((s) => s.dismissLinkError);
  const dismissImportError = useShare((s) => s.dismissImportError);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // The fallback: the link is shown selected, ready for Ctrl+C.
    if (url !== null && field.current !== null) field.current.select();
  }, [url]);

  const showStrip = !compact && (url !== null || fingerprint !== null || notice !== null);
  return (
    <>
      {linkError !== null && (
        <div role="alert" className="alert alert-error">
          <div>
            <strong>{t.linkErrorTitle}:</strong> {linkError}. {t.linkErrorRest}
          </div>
          <button type="button" className="btn" onClick={dismissLinkError}>
            {t.dismiss}
          </button>
        </div>
      )}
      {importError !== null && (
        <div role="alert" className="alert alert-error">
          <div>
            <strong>{t.importErrorTitle(importError.file)}:</strong>
            <ul className="share-errors">
              {importError.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
          <button type="button" className="btn" onClick={dismissImportError}>
            {t.dismiss}
          </button>
        </div>
      )}
      {showStrip && (
        <div className="share-strip">
          {url !== null && (
            <>
              <label htmlFor="share-url">{t.linkField}</label>
              <input
                id="share-url"
                ref={field}
                className="share-url mono"
                type="text"
                readOnly
                value={url}
                onFocus={(e) => e.currentTarget.select()}
              />
              <span className={copied === 'yes' ? 'share-ok' : 'share-warn'}>
                {copied === 'yes' ? t.copied : t.copyFallback}
              </span>
            </>
          )}
          {notice !== null && <span className="share-ok">{notice}</span>}
          {fingerprint !== null && (
            <span className="share-fp">
              <span id="share-fp-label">{t.fingerprint}</span>{' '}
              <output role="status" aria-labelledby="share-fp-label" className="readout mono">
                {fingerprint}
              </output>
            </span>
          )}
        </div>
      )}
    </>
  );
}
