import { useSim } from '../../store/simStore';
import { startWorker } from '../../store/workerClient';
import { closeLesson } from '../lessons/lessonStore';
import { text } from '../../view/text';

export function Alerts() {
  const error = useSim((s) => s.error);
  const fatal = useSim((s) => s.fatal);
  const dismissError = useSim((s) => s.dismissError);
  const notice = useSim((s) => s.notice);
  const dismissNotice = useSim((s) => s.dismissNotice);
  return (
    <>
      {fatal !== null && (
        <div role="alert" className="alert alert-fatal">
          <div>
            <strong>{text.page.fatalTitle}</strong> {fatal}
          </div>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              // The restarted worker runs the default scenario: a lesson's steps would not fit it.
              closeLesson();
              startWorker({ type: 'play' });
            }}
          >
            {text.page.restart}
          </button>
        </div>
      )}
      {error !== null && (
        <div role="alert" className="alert alert-error">
          <div>
            <strong>{text.page.errorTitle}:</strong> {error}
          </div>
          <button type="button" className="btn" onClick={dismissError}>
            {text.page.dismiss}
          </button>
        </div>
      )}
      {/* Always there, so screen readers announce a notice when its text arrives. */}
      <div role="status" className="notice-region">
        {notice !== null && (
          <div className="alert alert-notice">
            <div>
              <strong>{text.page.noticeTitle}:</strong> {notice}
            </div>
            <button type="button" className="btn" onClick={dismissNotice}>
              {text.page.dismiss}
            </button>
          </div>
        )}
      </div>
    </>
  );
}
