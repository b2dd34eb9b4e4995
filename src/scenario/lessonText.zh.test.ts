// The Chinese narration says what the English says: every lesson has as many steps in both languages, and
// each step (and title and summary) uses exactly the `{placeholders}` of the English, so the facts the worker
// reads off the trace fill the Chinese text the same way.
import { describe, expect, it } from 'vitest';
import { placeholders } from '../view/lessons/facts';
import { type LessonId, lessonText } from './lessonText';
import { lessonTextZh } from './lessonText.zh';

const IDS = Object.keys(lessonText) as LessonId[];
const names = (template: string): string[] => [...new Set(placeholders(template))].sort();

describe('lessonText.zh', () => {
  it('has a translation for every lesson and no other', () => {
    expect(Object.keys(lessonTextZh).sort()).toEqual([...IDS].sort());
  });

  describe.each(IDS)('%s', (id) => {
    const en = lessonText[id];
    const zh = lessonTextZh[id];

    it('has as many steps in Chinese as in English', () => {
      expect(zh.steps.length).toBe(en.steps.length);
    });

    it('uses the placeholders of the English in its title and summary', () => {
      expect(names(zh.title)).toEqual(names(en.title));
      expect(names(zh.summary)).toEqual(names(en.summary));
    });

    it.each(en.steps.map((text, step) => [step, text] as const))(
      'step %i uses the placeholders of the English',
      (step, text) => {
        expect(names(zh.steps[step] ?? ''), `${id} step ${step}`).toEqual(names(text));
      },
    );
  });
});
