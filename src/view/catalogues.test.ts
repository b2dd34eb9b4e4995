// Every catalogue in both languages: the Chinese has every key the English has, no empty string, its functions
// return text where the English ones do, and switching the language switches what `text` reads.
import { afterEach, describe, expect, it } from 'vitest';
import { checkTextEn } from '../check/text';
import { checkTextZh } from '../check/text.zh';
import { DEFAULT_HEADER } from '../sim/config';
import { lessonText } from '../scenario/lessonText';
import { lessonTextZh } from '../scenario/lessonText.zh';
import { LESSONS } from '../scenario/lessons';
import { scenarioTextEn } from '../scenario/text';
import { scenarioTextZh } from '../scenario/text.zh';
import { timelineTextEn } from '../scenario/timeline/text';
import { timelineTextZh } from '../scenario/timeline/text.zh';
import { setLanguage } from '../script/language';
import { scriptTextEn } from '../script/text';
import { scriptTextZh } from '../script/text.zh';
import { LiveRun } from '../worker/engine';
import { play } from '../worker/testPlay';
import { workerTextEn } from '../worker/text';
import { workerTextZh } from '../worker/text.zh';
import { describeEventEn } from './events/text';
import { describeEventZh } from './events/text.zh';
import { lessonWords } from './lessons/narration';
import { lessonsUiTextEn } from './lessons/text';
import { lessonsUiTextZh } from './lessons/text.zh';
import { payloadTextEn } from './payload/text';
import { payloadTextZh } from './payload/text.zh';
import { compareTextEn } from './compare/text';
import { compareTextZh } from './compare/text.zh';
import { shareTextEn } from './share/text';
import { shareTextZh } from './share/text.zh';
import { text, textEn } from './text';
import { textZh } from './text.zh';
import { zabTextEn } from './zab/text';
import { zabTextZh } from './zab/text.zh';

const CATALOGUES: readonly [string, unknown, unknown][] = [
  ['view/text', textEn, textZh],
  ['view/lessons/text', lessonsUiTextEn, lessonsUiTextZh],
  ['view/share/text', shareTextEn, shareTextZh],
  ['view/compare/text', compareTextEn, compareTextZh],
  ['view/payload/text', payloadTextEn, payloadTextZh],
  ['view/zab/text', zabTextEn, zabTextZh],
  ['scenario/text', scenarioTextEn, scenarioTextZh],
  ['scenario/timeline/text', timelineTextEn, timelineTextZh],
  ['scenario/lessonText', lessonText, lessonTextZh],
  ['script/text', scriptTextEn, scriptTextZh],
  ['check/text', checkTextEn, checkTextZh],
  ['worker/text', workerTextEn, { ...timelineTextZh, ...workerTextZh }],
];

/** Arguments to try a catalogue function with: the first the English accepts is given to the Chinese too. */
const TRIALS: readonly unknown[][] = [
  Array<number>(6).fill(2),
  Array<string>(6).fill('x'),
  Array<unknown[]>(6).fill(['a', 'b']),
  [2, 'x', 'x', 'x', 'x'],
  ['x', 2, 2, 2, 2],
  ['x', 'x', 2, 2],
  [['n1'], ['c1'], 2, 2, 2],
  [{ server: 1, vote: 'promise', ballot: '1.n1' }],
];

function isText(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || (Array.isArray(value) && value.every(isText));
}

/** Problems with the translation `zh` of `en`, each named by its key path. */
function compare(en: unknown, zh: unknown, path: string, problems: string[]): void {
  if (typeof en === 'string') {
    if (typeof zh !== 'string') problems.push(`${path}: not a string`);
    else if (zh.trim() === '' && en.trim() !== '') problems.push(`${path}: empty`);
    return;
  }
  if (typeof en === 'function') {
    if (typeof zh !== 'function') {
      problems.push(`${path}: not a function`);
      return;
    }
    for (const args of TRIALS) {
      let english: unknown;
      try {
        english = (en as (...a: unknown[]) => unknown)(...args);
      } catch {
        continue;
      }
      if (!isText(english)) continue;
      let chinese: unknown;
      try {
        chinese = (zh as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        problems.push(`${path}: throws ${String(error)}`);
        return;
      }
      if (!isText(chinese)) problems.push(`${path}: returns ${JSON.stringify(chinese)}`);
      return;
    }
    return;
  }
  if (Array.isArray(en)) {
    if (!Array.isArray(zh)) problems.push(`${path}: not a list`);
    else if (zh.length !== en.length) problems.push(`${path}: ${zh.length} items, the English has ${en.length}`);
    else en.forEach((item, i) => compare(item, zh[i], `${path}[${i}]`, problems));
    return;
  }
  if (typeof en === 'object' && en !== null) {
    if (typeof zh !== 'object' || zh === null) {
      problems.push(`${path}: missing`);
      return;
    }
    for (const key of Object.keys(en)) {
      if (!Object.hasOwn(zh, key)) problems.push(`${path}.${key}: missing`);
      else
        compare((en as Record<string, unknown>)[key], (zh as Record<string, unknown>)[key], `${path}.${key}`, problems);
    }
  }
}

afterEach(() => setLanguage('en'));

describe('the Chinese catalogues', () => {
  for (const [name, en, zh] of CATALOGUES) {
    it(`${name} has every English key, no empty text, and functions that return text`, () => {
      const problems: string[] = [];
      compare(en, zh, name, problems);
      expect(problems).toEqual([]);
    });
  }

  it('finds a missing key, an empty string and a function that returns no text', () => {
    const problems: string[] = [];
    compare(
      { a: 'A', b: { c: 'C', d: (k: number) => `${k}` }, e: ['x'] },
      { a: '', b: { d: () => undefined }, e: [] },
      't',
      problems,
    );
    expect(problems).toEqual([
      't.a: empty',
      't.b.c: missing',
      't.b.d: returns undefined',
      't.e: 0 items, the English has 1',
    ]);
  });

  it('says every trace event of a busy run in Chinese exactly when it says it in English', () => {
    const run = new LiveRun({ ...DEFAULT_HEADER, servers: 3, seed: 4 });
    run.speed = 20;
    play(run, 1500);
    for (const line of ['c1> create -e /a 1', 'c2> get -w /a', 'loss 20%', 'kill n1', 'c1> set /a 2']) {
      expect(run.runLine(line, 'console')).toBeNull();
      play(run, 800);
    }
    const kinds = new Set<string>();
    for (const event of run.fullTrace) {
      const english = describeEventEn(event);
      const chinese = describeEventZh(event);
      expect(chinese === null).toBe(english === null);
      if (chinese !== null) {
        kinds.add(event.kind);
        expect(chinese.trim()).not.toBe('');
      }
    }
    expect(kinds.size).toBeGreaterThan(10);
  });

  it('gives each lesson a Chinese title, summary and text for every step', () => {
    setLanguage('zh');
    for (const lesson of LESSONS) {
      const words = lessonWords(lesson);
      expect(words.title).not.toBe(lesson.title);
      lesson.steps.forEach((step, i) => {
        expect(words.step(i)).not.toBe(step.text);
        expect(words.step(i)).toMatch(/[\u4e00-\u9fff]/);
      });
    }
  });
});

describe('setLanguage', () => {
  it('switches what the catalogue reads, sections kept from before included', () => {
    const controls = text.controls;
    expect(controls.play).toBe('Play');
    setLanguage('zh');
    expect(text.controls.play).toBe('播放');
    expect(controls.play).toBe('播放');
    expect(text.cluster.kill(2)).toBe('使 n2 崩溃');
    expect(Object.keys(text.bugs.explain)).toEqual(Object.keys(textEn.bugs.explain));
    setLanguage('en');
    expect(controls.play).toBe('Play');
    expect(text.cluster.kill(2)).toBe('Kill n2');
  });
});
