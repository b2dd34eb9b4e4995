// Tests as data (etcd-io/raft's datadriven style): every testdata/**/*.zk file with a line `----` is a scenario
// followed by the output `npm run sim -- FILE 2>&1` gives for it. UPDATE=1 rewrites the part after `----`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED_MARK, simText } from './simText';

const root = resolve(__dirname, '../..');
const update = process.env.UPDATE === '1';

function zkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return zkFiles(path);
    return entry.name.endsWith('.zk') ? [path] : [];
  });
}

interface Golden {
  readonly script: string;
  readonly expected: string;
}

function splitGolden(text: string): Golden | undefined {
  const lines = text.split('\n');
  const mark = lines.indexOf(EXPECTED_MARK);
  if (mark === -1) return undefined;
  return { script: lines.slice(0, mark + 1).join('\n') + '\n', expected: lines.slice(mark + 1).join('\n') };
}

const goldens = zkFiles(join(root, 'testdata'))
  .map((path) => ({ file: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }))
  .flatMap(({ file, text }) => {
    const golden = splitGolden(text);
    return golden === undefined ? [] : [{ file, ...golden }];
  })
  .sort((a, b) => a.file.localeCompare(b.file));

describe('golden scenarios (testdata/**/*.zk)', () => {
  it('finds the golden files', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(24);
  });

  for (const { file, script, expected } of goldens) {
    it(file, () => {
      // Each file opens with a comment saying what story it tells and what to look for.
      expect(script.startsWith('#'), `${file} must start with a # comment`).toBe(true);
      // The whole file, as the CLI reads it: the CLI itself stops at `----`.
      const actual = simText(script + expected, { file });
      if (update && actual !== expected) writeFileSync(join(root, file), script + actual);
      else
        expect(actual, `${file}: output differs (UPDATE=1 npx vitest run src/cli/golden.test.ts rewrites it)`).toBe(
          expected,
        );
    });
  }

  it('is what `npm run sim -- FILE 2>&1` prints for the file', () => {
    // One spawn through the real entry point, so sim.ts and the golden runner cannot drift apart.
    const golden = goldens.find((g) => g.file.startsWith('testdata/parse-errors/'));
    expect(golden).toBeDefined();
    const tsx = join(root, 'node_modules/.bin/tsx');
    const result = spawnSync('sh', ['-c', '"$0" src/cli/sim.ts "$1" 2>&1', tsx, golden!.file], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    // Read again: under UPDATE=1 the file may have just been rewritten.
    expect(result.stdout).toBe(splitGolden(readFileSync(join(root, golden!.file), 'utf8'))!.expected);
  });
});
