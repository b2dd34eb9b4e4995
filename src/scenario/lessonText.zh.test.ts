// The Chinese narration says what the English says: every lesson has as many steps in both languages, and
// each step (and title and summary) uses exactly the `{placeholders}` of the English, so the facts the worker
// reads off the trace fill the Chinese text the same way.
import { describe, expect, it } from 'vitest';
import { placeholders } from '../view/lessons/facts';
import { type LessonId, lessonText } from './lessonText';
import { lessonTextZh } from './lessonText.zh';

const IDS = Object.keys(lessonText) as LessonId[];
const names = (template: string): string[] => [...new Set(placeholders(template))].sort();

/** Glossary terms (../shared/reference/glossary-zh.md) with the English a lesson gives in brackets on first use. */
const TERMS: readonly (readonly [string, RegExp])[] = [
  ['提案者', /proposer/i],
  ['接受者', /acceptor/i],
  ['学习者', /learner/i],
  ['提案编号', /ballot/i],
  ['法定人数', /quorum/i],
  ['多数派', /majority/i],
  ['槽位', /slot/i],
  ['空操作', /no-?op/i],
  ['临时节点', /ephemeral/i],
  ['顺序节点', /sequential/i],
  ['会话', /session/i],
  ['纪元', /epoch/i],
  ['线性一致', /lineari[sz]/i],
  ['承诺', /promise/i],
  ['心跳', /heartbeat/i],
  ['领导者', /leader/i],
  ['跟随者', /follower/i],
  ['监视', /watch/i],
  ['不变式', /invariant/i],
  ['活性', /liveness/i],
];

describe('lessonText.zh', () => {
  it.each(IDS)('%s gives the English in brackets on the first use of each glossary term', (id) => {
    const narration = lessonTextZh[id].steps.join('\n');
    const missing = TERMS.flatMap(([zh, en]) => {
      const at = narration.indexOf(zh);
      if (at < 0) return [];
      const after = narration.slice(at + zh.length);
      const bracket = after.startsWith('（') ? after.slice(0, after.indexOf('）') + 1) : '';
      return en.test(bracket) ? [] : [`${zh}: ${narration.slice(at, at + zh.length + 12)}`];
    });
    expect(missing).toEqual([]);
  });

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
