import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../script/language';
import { ERROR_CODES, errorMessage, isErrorCode } from '../zk/errors';
import { text, textEn } from './text';
import { textZh } from './text.zh';

afterEach(() => setLanguage('en'));

describe("the console's gloss beside a ZooKeeper error", () => {
  it('has a short Chinese gloss, in brackets, for every error code the console can print', () => {
    expect(ERROR_CODES.length).toBe(11);
    for (const code of ERROR_CODES) {
      const gloss = textZh.console.errorGloss[code];
      expect(gloss, code).toMatch(/^（[^（）]*[\u4e00-\u9fff][^（）]*）$/);
      expect(gloss.length, code).toBeLessThanOrEqual(24);
      // The gloss sits beside ZooKeeper's text, which stays English: it never repeats it.
      expect(gloss).not.toContain(errorMessage(code, '/a'));
    }
    // Each code its own gloss: none says another's.
    expect(new Set(ERROR_CODES.map((code) => textZh.console.errorGloss[code])).size).toBe(ERROR_CODES.length);
  });

  it('shows nothing in English, where the error already is English', () => {
    for (const code of ERROR_CODES) expect(textEn.console.errorGloss[code], code).toBe('');
  });

  it('follows the page language', () => {
    setLanguage('zh');
    expect(text.console.errorGloss.NODEEXISTS).toBe('（节点已存在）');
    setLanguage('en');
    expect(text.console.errorGloss.NODEEXISTS).toBe('');
  });

  it('is keyed by the code: only real codes are codes', () => {
    for (const code of ERROR_CODES) expect(isErrorCode(code)).toBe(true);
    expect(isErrorCode('Node already exists: /a')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});
