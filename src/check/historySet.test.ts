// The generated Jepsen-like histories of testdata/histories (scripts/gen-histories.ts): each file's verdict is the
// end of its name, `-ok` linearizable, `-bad` not (each bad one has one injected stale read, lost write, bad or
// failed cas, or read of a value never written, that real-time order alone rules out).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHistoryText } from './histories';

const root = resolve(import.meta.dirname, '../../testdata/histories');
const files = (folder: string): string[] =>
  readdirSync(join(root, folder))
    .sort()
    .map((name) => join(folder, name));

function expected(file: string): boolean {
  if (file.endsWith('-ok.log') || file.endsWith('-ok.edn')) return true;
  if (file.endsWith('-bad.log') || file.endsWith('-bad.edn')) return false;
  throw new Error(`${file}: the name ends with neither -ok nor -bad`);
}

describe('the generated history set', () => {
  const register = files('register');
  const kv = files('kv');

  it('holds 100 register histories of 70-90 ops and 6 kv histories up to 2,000 ops, ok and bad', () => {
    expect(register).toHaveLength(100);
    expect(kv).toHaveLength(6);
    expect(register.filter((f) => !expected(f))).toHaveLength(25);
    expect(kv.filter((f) => !expected(f))).toHaveLength(3);
  });

  it.each([...register, ...kv])('%s has the verdict its name says', (file) => {
    const { ops, verdict } = checkHistoryText(readFileSync(join(root, file), 'utf8'), null);
    if (file.startsWith('register')) {
      expect(ops).toBeGreaterThanOrEqual(70);
      expect(ops).toBeLessThanOrEqual(90);
    }
    expect(verdict.linearizable).toBe(expected(file));
  });
});
