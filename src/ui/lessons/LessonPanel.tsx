import '../share/share.css';
import { useState } from 'react';
import { lessonHash, type LessonHighlight } from '../../scenario/lessons';
import { copyText } from '../share/shareStore';
import { closeLesson, nextStep, previousStep, useLesson } from './lessonStore';
import { useSim } from '../../store/simStore';
import { fillNarration } from '../../view/lessons/facts';
import { lessonsUiText as t } from '../../view/lessons/text';
import { lessonWords } from '../../view/lessons/narration';

/** The running lesson: its step text, Back and Next, and what the step talks about. */
export function LessonPanel() {
  const lesson = useLesson((s) => s.lesson);
  const step = useLesson((s) => s.step);
  const reached = useLesson((s) => s.reached);
  const pauses = useLesson((s) => s.pauses);
  const facts = useLesson((s) => s.facts);
  const skippedMs = useSim((s) => s.skippedMs);
  const [copied, setCopied] = useState(false);
  if (lesson === null) return null;
  const current = lesson.steps[step];
  if (current === undefined) return null;
  const last = step + 1 >= lesson.steps.length;
  const hl = current.highlight;
  const kinds = hl?.kinds ?? [];
  const classes = [
    'panel',
    'lesson-panel',
    reached ? 'lesson-reached' : 'lesson-running',
    ...kinds.map((k) => `lesson-hl-${k}`),
  ];
  const pausedAt = pauses[step];
  const words = lessonWords(lesson);

  return (
    <section className={classes.join(' ')} aria-label={t.region}>
      <div className="lesson-head">
        <h2 className="lesson-title">{words.title}</h2>
        <span className="lesson-counter" role="status" aria-label={t.stepOf(step + 1, lesson.steps.length)}>
          {t.stepOf(step + 1, lesson.steps.length)}
        </span>
        <div className="lesson-actions">
          <button type="button" className="btn btn-small" disabled={step === 0} onClick={previousStep}>
            {t.back}
          </button>
          <button type="button" className="btn btn-small btn-primary" disabled={!reached || last} onClick={nextStep}>
            {t.next}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              void copyText(`${location.origin}${location.pathname}${location.search}${lessonHash(lesson.id)}`).then(
                setCopied,
              );
            }}
          >
            {t.copyLink}
          </button>
          {copied && <span className="share-ok">{t.copied}</span>}
          <button type="button" className="btn btn-small" onClick={closeLesson}>
            {t.close}
          </button>
        </div>
      </div>
      {/* The narration speaks of the pause: until the run gets there, its facts are not known yet. */}
      <p className="lesson-text" aria-busy={!reached}>
        {reached ? fillNarration(words.step(step), facts[step] ?? {}) : t.running}
      </p>
      <div className="lesson-foot">
        <p className="lesson-progress" role="status" aria-label={t.progress}>
          {reached && pausedAt !== undefined
            ? last
              ? `${t.reached(pausedAt)} ${t.done}`
              : t.reached(pausedAt)
            : t.running}
        </p>
        {skippedMs > 0 && (
          <p className="lesson-skip" role="status" aria-label={t.skippingLabel}>
            {reached ? t.skipped(skippedMs) : t.skipping(skippedMs)}
          </p>
        )}
        {hl !== undefined && <LessonLook highlight={hl} />}
      </div>
    </section>
  );
}

/** "Look at": the servers, message kinds and path the step talks about. */
function LessonLook({ highlight: hl }: { readonly highlight: LessonHighlight }) {
  const kinds = hl.kinds ?? [];
  return (
    <p className="lesson-look">
      <span className="lesson-look-label">{t.lookAtLabel}</span>
      {(hl.servers ?? []).map((s) => (
        <span key={`s${s}`} className="chip lesson-chip-server">
          {t.server(s)}
        </span>
      ))}
      {kinds.map((k) => (
        <span key={`k${k}`} className={`chip lesson-chip-kind lesson-kind-${k}`}>
          {t.kind(k)}
        </span>
      ))}
      {hl.path !== undefined && <span className="chip lesson-chip-path mono">{hl.path}</span>}
    </p>
  );
}
