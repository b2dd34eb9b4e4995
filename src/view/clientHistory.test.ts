// The client history view: bars, linearization points, the unorderable set, stale reads, history files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../script/language';
import { parseScript } from '../script/parse';
import { runScript } from '../script/run';
import { fileHistoryView, runHistoryView, type ClientHistoryView } from './clientHistory';

function runView(script: string): ClientHistoryView {
  const parsed = parseScript(script);
  expect(parsed.errors).toEqual([]);
  return runHistoryView(runScript(parsed.script).sim.trace);
}

const REGISTER_STALE = [
  'INFO  jepsen.util - 0\t:invoke\t:write\t1',
  'INFO  jepsen.util - 0\t:ok\t:write\t1',
  'INFO  jepsen.util - 1\t:invoke\t:write\t2',
  'INFO  jepsen.util - 1\t:ok\t:write\t2',
  'INFO  jepsen.util - 2\t:invoke\t:read\tnil',
  'INFO  jepsen.util - 2\t:ok\t:read\t1',
  'INFO  jepsen.util - 0\t:invoke\t:write\t3',
  'INFO  jepsen.util - 0\t:ok\t:write\t3',
].join('\n');

describe('the client history view', () => {
  it("places every write of a healthy run inside its bar, in the order the writes' zxids say", () => {
    const view = runView(
      [
        'seed 1',
        'c1 connect n1',
        'c2 connect n2',
        'c1> create /a 1',
        'c2> set /a 2 &',
        'c1> set /a 3',
        'settle',
        'c2> get /a',
      ].join('\n'),
    );
    expect(view.verdict).toBe('linearizable');
    expect(view.lanes).toEqual(['c1', 'c2']);
    const writes = view.bars.filter((bar) => bar.label !== 'get /a');
    expect(writes.map((bar) => bar.label)).toEqual(['create /a 1', 'set /a 2', 'set /a 3']);
    for (const bar of writes) {
      expect(bar.point).not.toBeNull();
      expect(bar.point!).toBeGreaterThanOrEqual(bar.call);
      expect(bar.point!).toBeLessThanOrEqual(bar.ret!);
      expect(bar.mark).toBe('point');
    }
    const read = view.bars.find((bar) => bar.label === 'get /a')!;
    expect(read).toMatchObject({ point: null, stale: false, lane: 'c2' });
    expect(read.invokeEvent).toBeGreaterThan(writes[2]!.invokeEvent!);
  });

  it("stacks a session's overlapping async calls on rows of their own, and reuses a row once it is free", () => {
    const view = runView(
      ['seed 1', 'c1 connect n1', 'c1> create /a 1 &', 'c1> create /b 1 &', 'settle', 'c1> set /a 2'].join('\n'),
    );
    expect(view.bars.map((bar) => [bar.label, bar.row])).toEqual([
      ['create /a 1', 0],
      ['create /b 1', 1],
      ['set /a 2', 0],
    ]);
    expect(view.rows).toEqual([2]);
  });

  it('marks a minority read that missed a completed write as stale, not as a violation', () => {
    const view = runView(
      [
        'seed 1',
        'settle',
        'c1 connect n1',
        'c2 connect n3',
        'c1> create /cfg v1',
        'settle',
        'partition n1 n2 | n3',
        'c1> set /cfg v2',
        'c2> get /cfg',
        'c2> get /cfg',
      ].join('\n'),
    );
    expect(view.verdict).toBe('linearizable');
    const reads = view.bars.filter((bar) => bar.label === 'get /cfg');
    expect(reads).toHaveLength(2);
    for (const read of reads) expect(read).toMatchObject({ stale: true, result: expect.stringContaining('ok') });
    expect(view.bars.some((bar) => bar.mark === 'culprit' || bar.mark === 'unorderable')).toBe(false);
  });

  it('names the prefix, the culprit and the set that cannot be ordered in a bad register file', () => {
    const result = fileHistoryView('stale.log', REGISTER_STALE);
    if (!('view' in result)) throw new Error(result.error);
    const { view } = result;
    expect(view).toMatchObject({ file: 'stale.log', model: 'register', unit: 'line', verdict: 'not-linearizable' });
    expect(view.lanes).toEqual(['p0', 'p1', 'p2']);
    expect(view.culprit).toBe('p2 read -> 1');
    expect(view.prefix).toEqual(['p0 write 1', 'p1 write 2']);
    expect(view.answer).toBe('reads 2');
    expect(view.bars.map((bar) => bar.mark)).toEqual(['unorderable', 'unorderable', 'culprit', 'plain']);
    expect(view.bars[2]).toMatchObject({ label: 'read', result: '1', call: 5, ret: 6, point: null });
  });

  it('draws a good kv file with a point in every completed op', () => {
    const result = fileHistoryView('c01-ok.edn', readFileSync('testdata/histories/kv/c01-ok.edn', 'utf8'));
    if (!('view' in result)) throw new Error(result.error);
    expect(result.view.verdict).toBe('linearizable');
    for (const bar of result.view.bars.filter((b) => b.ret !== null && b.label.startsWith('get'))) {
      expect(bar.point).not.toBeNull();
    }
  });

  it('gives a malformed file an error naming the file and the line', () => {
    const bad = 'INFO  jepsen.util - 0\t:invoke\t:write\t1\nINFO  jepsen.util - 0\t:invoke\t:write\tx';
    expect(fileHistoryView('bad.log', bad)).toEqual({
      error: 'bad.log line 2: a write takes an integer, got x',
    });
    expect(fileHistoryView('empty.txt', 'hello\n')).toEqual({
      error: 'empty.txt: no register op line or EDN map found',
    });
  });

  it('says what is wrong with a file in the page’s language', () => {
    setLanguage('zh');
    try {
      const bad = 'INFO  jepsen.util - 0\t:invoke\t:write\tx';
      expect(fileHistoryView('bad.log', bad)).toEqual({ error: 'bad.log 第 1 行：write 需要一个整数，实际是 x' });
      const edn = '{:process 0, :type :invoke, :f :put, :key "1"}';
      expect(fileHistoryView('bad.edn', edn)).toEqual({ error: 'bad.edn 第 1 行：缺少 :value' });
    } finally {
      setLanguage('en');
    }
  });
});
