import { useState } from 'react';
import { lessonHash } from '../../scenario/lessons';
import { lessonsUiText as t } from '../../view/lessons/text';
import { openLesson } from './openLesson';
import { useLesson } from './lessonStore';
import { dismissWelcome, welcomeDismissed } from './welcome';

/** The lesson a newcomer is pointed at. */
const FIRST_LESSON = 'one-write';

/** A first visit's pointer to the lessons: "New here? Start with One write", until dismissed for good. */
export function WelcomeCard() {
  // Read once: a visit from a link (a lesson, a shared run) is not a first look at the page.
  const [shown, setShown] = useState(() => !welcomeDismissed() && location.hash === '');
  const lessonOpen = useLesson((s) => s.lesson !== null);
  if (!shown || lessonOpen) return null;
  const dismiss = (): void => {
    dismissWelcome();
    setShown(false);
  };
  return (
    <aside className="welcome-card" aria-label={t.welcomeRegion}>
      <strong>{t.welcomeLead}</strong>{' '}
      <a
        href={lessonHash(FIRST_LESSON)}
        className="welcome-start"
        onClick={(event) => {
          event.preventDefault();
          dismiss();
          openLesson(FIRST_LESSON);
        }}
      >
        {t.welcomeStart}
      </a>
      <span className="welcome-more">{t.welcomeMore}</span>
      <button type="button" className="btn btn-small" aria-label={t.welcomeDismiss} onClick={dismiss}>
        {t.welcomeDismissShort}
      </button>
    </aside>
  );
}
