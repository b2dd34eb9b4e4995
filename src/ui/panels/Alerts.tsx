import { useSim } from '../../store/simStore';
import { startWorker } from '../../store/workerClient';
import { text } from '../text';

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
          <button type="button" className="btn btn-primary" onClick={() => startWorker({ type: 'play' })}>
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
      {notice !== null && (
        <div role="status" className="alert alert-notice">
          <div>
            <strong>{text.page.noticeTitle}:</strong> {notice}
          </div>
          <button type="button" className="btn" onClick={dismissNotice}>
            {text.page.dismiss}
          </button>
        </div>
      )}
    </>
  );
}
