import { useRef } from 'react';
import { text } from '../../view/text';

const t = text.help;

/** "Help": a dialog that explains the panels (the monitor, the switches, the history view, the fuzzer). */
export function HelpButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        title={t.buttonTitle}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {t.button}
      </button>
      <dialog ref={dialog} className="help-dialog" aria-labelledby="help-title">
        <div className="help-head">
          <h2 id="help-title">{t.title}</h2>
          <button type="button" className="btn btn-small" onClick={() => dialog.current?.close()}>
            {t.close}
          </button>
        </div>
        <div className="help-body">
          {t.sections.map((section) => (
            <section key={section.heading} aria-label={section.heading}>
              <h3>{section.heading}</h3>
              <p>{section.body}</p>
            </section>
          ))}
        </div>
      </dialog>
    </>
  );
}
