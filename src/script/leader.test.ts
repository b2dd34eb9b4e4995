// `leader` where a line names a server: parsed as a placeholder, resolved when the line runs, named in the output.
import { describe, expect, it } from 'vitest';
import { formatLine } from './format';
import { parseScript } from './parse';
import { runScript } from './run';
import { LEADER } from './values';

function run(text: string): string[] {
  const { records } = runScript(parseScript(text).script);
  return records.flatMap((r) => r.text);
}

describe('leader in a line', () => {
  it('parses wherever a server goes, and formats back', () => {
    const { script, errors } = parseScript(
      'kill leader\nrestart leader\ncut leader -> n2\nheal n1 leader\npartition leader | n2 n3\nc1 connect leader',
    );
    expect(errors).toEqual([]);
    expect(script.lines.map((l) => ('server' in l ? l.server : null))).toEqual([
      LEADER,
      LEADER,
      null,
      null,
      null,
      LEADER,
    ]);
    expect(script.lines.map(formatLine)).toEqual([
      'kill leader',
      'restart leader',
      'cut leader -> n2',
      'heal n1 leader',
      'partition leader | n2 n3',
      'c1 connect leader',
    ]);
  });

  it('a partition with leader may leave out one server, not two', () => {
    expect(parseScript('servers 5\npartition leader | n2 n3 n4 n5').errors).toEqual([]);
    expect(parseScript('servers 5\npartition leader | n2 n3').errors[0]?.message).toContain('missing: n1, n4, n5');
    expect(parseScript('cut leader leader').errors[0]?.message).toContain('got leader twice');
  });

  it.each(['multi-paxos', 'zab'])('%s: kill leader kills the server leading then, and says which', (protocol) => {
    const out = run(`protocol ${protocol}\nc1> create /a 1\nkill leader\nsettle\nc1> set /a 2\nkill leader`);
    const killed = out.filter((l) => l.startsWith('(leader is n'));
    expect(killed).toHaveLength(2);
    expect(killed[0]).not.toBe(killed[1]);
  });

  it('basic Paxos has no leader between writes: the line says so', () => {
    const out = run('protocol basic-paxos\nc1> create /a 1\nkill leader');
    expect(out.at(-1)).toContain('no leader at this moment');
  });

  it('a clear error when no server leads at that moment, and nothing else changes', () => {
    const out = run('c1> create /a 1\nkill n1\nkill n2\nkill n3\nkill leader');
    expect(out.at(-1)).toBe('no leader at this moment: "leader" names the server leading when the line runs');
  });

  it('a partition that the leader makes wrong is refused when it runs', () => {
    // ZAB elects n3 in a fresh ensemble: "leader" is n3, already named.
    const out = run('protocol zab\nc1> create /a 1\npartition leader | n1 n3');
    expect(out.at(-1)).toBe('the leader is n3, which this line also names');
  });
});
