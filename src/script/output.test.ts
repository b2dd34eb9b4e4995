// The --json records a run prints for multi: an empty multi commits under a zxid of its own, and each sub-result
// has the shape of ZooKeeper's OpResult (../shared/reference/zookeeper.md, "multi").
import { describe, expect, it } from 'vitest';
import { parseScript } from './parse';
import { runScript } from './run';
import { serverSummaries } from './summary';

/** Runs a script (which must parse) and returns each line's --json result record, by line number. */
function run(text: string): { byLine: Map<number, Record<string, unknown>>; decided: string[] } {
  const { script, errors } = parseScript(text);
  expect(errors).toEqual([]);
  const { sim, records } = runScript(script);
  const byLine = new Map<number, Record<string, unknown>>();
  for (const r of records) if (r.line !== undefined && 'session' in r.json) byLine.set(r.line, r.json);
  const leader = Object.values(serverSummaries(sim)).reduce((a, b) => (b.decided.length > a.decided.length ? b : a));
  return { byLine, decided: leader.decided.map(([, zxid, txn]) => `${zxid} ${txn}`) };
}

function statOf(json: Record<string, unknown> | undefined): Record<string, unknown> {
  expect(json?.ok).toBe(true);
  return json!.stat as Record<string, unknown>;
}

describe('--json for multi', () => {
  it('an empty multi succeeds with no results, and takes a zxid between the writes around it', () => {
    const { byLine, decided } = run(
      'seed 3\nc1> create /a x\nc1> multi\nc1> multi ;\nc1> create /b y\nc1> stat /a\nc1> stat /b\n',
    );
    expect(byLine.get(3)).toMatchObject({ ok: true, cmd: 'multi', results: [] });
    expect(byLine.get(4)).toMatchObject({ ok: true, cmd: 'multi', results: [] });
    expect(byLine.get(3)).not.toHaveProperty('error');
    const a = statOf(byLine.get(6)).czxid as number;
    const b = statOf(byLine.get(7)).czxid as number;
    // The two empty multis sit in the log between the creates, each with a zxid of its own.
    const multis = decided.filter((d) => d.endsWith(' c1: multi')).map((d) => Number(d.split(' ')[0]));
    expect(multis).toHaveLength(2);
    expect(new Set(multis).size).toBe(2);
    for (const z of multis) expect(z > a && z < b).toBe(true);
    expect(b - a).toBe(3);
  });

  it("each sub-result has the shape of ZooKeeper's OpResult: create a path, set a stat, check and delete nothing", () => {
    const { byLine } = run(
      [
        'seed 4',
        'c1> create /q ""',
        'c1> create /gone ""',
        'c1> multi create /q/a 1; create -s /q/s- 2; set /q 3; check /q 1; delete /gone',
        'c1> stat /q',
        'c1> ls /q',
      ].join('\n') + '\n',
    );
    const multi = byLine.get(4);
    expect(multi?.ok).toBe(true);
    const results = multi!.results as Record<string, unknown>[];
    expect(results).toHaveLength(5);
    const children = byLine.get(6)!.children as string[];
    const seq = children.find((c) => c.startsWith('s-'));
    expect(seq).toBeDefined();
    expect(results[0]).toEqual({ ok: true, path: '/q/a' });
    // a sequential create reports the name it made
    expect(results[1]).toEqual({ ok: true, path: `/q/${seq!}` });
    // set: its Stat, which is /q's Stat after the whole multi (the creates before it, nothing of /q after it)
    expect(results[2]).toEqual({ ok: true, stat: statOf(byLine.get(5)) });
    expect(results[3]).toEqual({ ok: true });
    expect(results[4]).toEqual({ ok: true });
  });

  it('a failed multi: each sub-result carries only its error (ROLLEDBACK, its own code, RUNTIMEINCONSISTENCY)', () => {
    const { byLine } = run(
      'seed 5\nc1> create /a 0\nc1> multi create /b 1; set -v 0 /a x; check /a 7; delete /a; create /c 2\n',
    );
    const multi = byLine.get(3)!;
    // the multi as a whole keeps its keys: ok, the failing sub-op's error and path
    expect(multi).toMatchObject({ ok: false, error: 'BADVERSION', path: '/a' });
    expect(multi.results).toEqual([
      { ok: false, error: 'ROLLEDBACK' },
      { ok: false, error: 'ROLLEDBACK' },
      { ok: false, error: 'BADVERSION' },
      { ok: false, error: 'RUNTIMEINCONSISTENCY' },
      { ok: false, error: 'RUNTIMEINCONSISTENCY' },
    ]);
  });
});
