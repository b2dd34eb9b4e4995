// The diagram's mark labels are drawn in the worker, on a canvas with no web font: no CJK there, in any language.
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../script/language';
import { text } from '../text';
import { zabText } from '../zab/text';

const cjk = (s: string): boolean => Array.from(s, (char) => char.codePointAt(0)!).some((code) => code >= 0x2e80);

describe('phase mark labels on the worker canvas', () => {
  afterEach(() => setLanguage('en'));
  for (const language of ['en', 'zh'] as const)
    it(`are free of CJK characters in ${language}`, () => {
      setLanguage(language);
      const labels = [...Object.values(text.timeTravel.phaseShort), ...Object.values(zabText.phaseShort)];
      expect(labels.length).toBe(11);
      expect(labels.filter(cjk)).toEqual([]);
      // The long names, in the page's own DOM (tooltips, legend), are translated.
      if (language === 'zh') expect(cjk(zabText.phaseLong.election)).toBe(true);
    });
});
