// A lesson's title, summary and step texts in the page's language: the lesson data holds the English
// (src/scenario/lessonText.ts), the Chinese is keyed by lesson id and step (src/scenario/lessonText.zh.ts).
import type { Lesson } from '../../scenario/lessons';
import type { LessonId } from '../../scenario/lessonText';
import { lessonTextZh } from '../../scenario/lessonText.zh';
import { language } from '../../script/language';

export interface LessonWords {
  readonly title: string;
  readonly summary: string;
  /** Step `index`'s narration. */
  readonly step: (index: number) => string;
}

function translation(id: string) {
  return Object.hasOwn(lessonTextZh, id) ? lessonTextZh[id as LessonId] : undefined;
}

export function lessonWords(lesson: Lesson): LessonWords {
  const zh = language() === 'zh' ? translation(lesson.id) : undefined;
  const english: LessonWords = {
    title: lesson.title,
    summary: lesson.summary,
    step: (index) => lesson.steps[index]?.text ?? '',
  };
  if (zh === undefined) return english;
  return {
    title: zh.title,
    summary: zh.summary,
    // A step added in English and not yet translated shows in English rather than not at all.
    step: (index) => zh.steps[index] ?? english.step(index),
  };
}
