import { describe, expect, it } from 'vitest';
import { isPresentSearch, withPresent } from './presentStore';

describe('present mode in the address', () => {
  it('reads ?present=1 and nothing else', () => {
    expect(isPresentSearch('?present=1')).toBe(true);
    expect(isPresentSearch('?embed=1&present=1')).toBe(true);
    expect(isPresentSearch('?present=0')).toBe(false);
    expect(isPresentSearch('')).toBe(false);
  });

  it('adds and removes it, keeping the other parameters', () => {
    expect(withPresent('', true)).toBe('?present=1');
    expect(withPresent('?embed=1', true)).toBe('?embed=1&present=1');
    expect(withPresent('?present=1', false)).toBe('');
    expect(withPresent('?a=b&present=1', false)).toBe('?a=b');
  });
});
