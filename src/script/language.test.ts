import { afterEach, describe, expect, it } from 'vitest';
import { inEveryLanguage, language, setLanguage } from './language';
import { scriptText } from './text';

afterEach(() => setLanguage('en'));

describe('inEveryLanguage', () => {
  it('says a message in each language and leaves the setting as it was', () => {
    setLanguage('zh');
    const said = inEveryLanguage(() => scriptText.notAServer('x'));
    expect(said.en).toBe('expected a server like n1, got "x"');
    expect(said.zh).not.toBe(said.en);
    expect(said.zh).toContain('"x"');
    expect(language()).toBe('zh');
  });

  it('restores the setting when the message throws', () => {
    expect(() =>
      inEveryLanguage(() => {
        throw new Error(language());
      }),
    ).toThrow('en');
    expect(language()).toBe('en');
  });
});
