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
});
