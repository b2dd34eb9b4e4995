import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER } from '../sim/config';
import type { OutputRecord } from '../script/run';
import { setLanguage } from '../script/language';
import { entryText, type ConsoleEntry } from '../view/projections';
import { text } from '../view/text';
import { absorbRecords, newConsole, resultAbout } from './console';
import { LiveRun } from './engine';
import { play } from './testPlay';

/** A console line as the page prints it. */
function shown(entry: ConsoleEntry): string {
  if (entry.kind === 'input') return `> ${entry.text}${entry.control === true ? ' [button]' : ''}`;
  if (entry.kind === 'output' && entry.about !== undefined) return `${entry.about}${text.console.arrow}${entry.text}`;
  return entry.text;
}

function absorbed(records: readonly OutputRecord[]): ConsoleEntry[] {
  const state = newConsole();
  absorbRecords(state, records);
  return state.log;
}

describe('console result lines', () => {
  it('name the session and the command before zkCli text, which stays verbatim', () => {
    const log = absorbed([
      {
        t: 900,
        line: 3,
        ok: false,
        json: { session: 'c1', cmd: 'create /y', error: 'CONNECTIONLOSS' },
        text: ['c1> create /y', 'Connection loss'],
      },
    ]);
    expect(log.map(shown)).toEqual(['c1 create /y → Connection loss']);
    expect(log[0]).toMatchObject({ kind: 'output', ok: false, session: 'c1', text: 'Connection loss' });
  });

  it('put the name on the first line of a result only, and acknowledge a silent success', () => {
    const log = absorbed([
      {
        t: 1,
        line: 1,
        ok: true,
        json: { session: 'c2', cmd: 'get -s /a' },
        text: ['c2> get -s /a', 'v1', 'cZxid = 0x100000002'],
      },
      { t: 2, line: 2, ok: true, json: { session: 'c2', cmd: 'set /a 2' }, text: ['c2> set /a 2'] },
      { t: 3, line: 3, ok: true, json: { session: 'c2', cmd: 'c2 close' }, text: ['c2 close'] },
    ]);
    expect(log.map(shown)).toEqual([
      'c2 get -s /a → v1',
      'cZxid = 0x100000002',
      'c2 set /a 2 → done',
      'c2 close → done',
    ]);
  });

  it('name a line without a session by the line itself, and leave watch events as zkCli prints them', () => {
    const log = absorbed([
      {
        t: 5,
        line: 4,
        ok: false,
        json: { cmd: 'c9 expire', ok: false },
        text: ['c9 expire', 'c9 has no open session to expire: it never connected'],
      },
      { t: 6, line: 5, ok: true, json: { cmd: 'kill n2', ok: true }, text: ['kill n2'] },
      {
        t: 7,
        ok: true,
        json: { session: 'c1', event: 'NodeDataChanged', path: '/a' },
        text: ['WATCHER:: c1 NodeDataChanged /a'],
      },
    ]);
    expect(log.map(shown)).toEqual([
      'c9 expire → c9 has no open session to expire: it never connected',
      'WATCHER:: c1 NodeDataChanged /a',
    ]);
  });

  it("carry the ZooKeeper error code of the line that prints it (a multi's per sub-result), for the page's gloss", () => {
    const log = absorbed([
      {
        t: 1,
        line: 1,
        ok: false,
        json: { session: 'c1', cmd: 'create /a', ok: false, error: 'NODEEXISTS', path: '/a' },
        text: ['c1> create /a', 'Node already exists: /a'],
      },
      {
        t: 2,
        line: 2,
        ok: false,
        json: {
          session: 'c1',
          cmd: 'multi create /b; delete /x; create /c',
          ok: false,
          error: 'NONODE',
          results: [
            { ok: false, error: 'ROLLEDBACK' },
            { ok: false, error: 'NONODE' },
            { ok: false, error: 'RUNTIMEINCONSISTENCY' },
          ],
        },
        text: [
          'c1> multi create /b; delete /x; create /c',
          'KeeperErrorCode = Rolled back for /b',
          'Node does not exist: /x',
          'KeeperErrorCode = RuntimeInconsistency for /c',
        ],
      },
      {
        t: 3,
        line: 3,
        ok: true,
        json: { session: 'c1', cmd: 'create /d', ok: true },
        text: ['c1> create /d', 'Created /d'],
      },
      {
        t: 4,
        line: 4,
        ok: false,
        json: { cmd: 'c9 expire', ok: false },
        text: ['c9 expire', 'c9 has no open session to expire: it never connected'],
      },
    ]);
    expect(log.map((entry) => (entry.kind === 'output' ? entry.error : 'not output'))).toEqual([
      'NODEEXISTS',
      'ROLLEDBACK',
      'NONODE',
      'RUNTIMEINCONSISTENCY',
      undefined,
      undefined,
    ]);
    // The text stays zkCli's, verbatim.
    expect(log[0]).toMatchObject({ text: 'Node already exists: /a' });
  });

  it('resultAbout prefers the session and command, and never names the session twice', () => {
    expect(resultAbout('c1', 'set -v 0 /a 2', 'c1> set -v 0 /a 2')).toBe('c1 set -v 0 /a 2');
    expect(resultAbout('c1', 'c1 close', 'c1 close')).toBe('c1 close');
    expect(resultAbout(undefined, 'settle', 'settle')).toBe('settle');
  });
});

describe('the live console', () => {
  it('prints a late reply under its own session and command, and echoes the lines buttons ran', () => {
    const run = new LiveRun({ ...DEFAULT_HEADER, servers: 3, seed: 3 });
    run.speed = 20;
    play(run, 2000);
    run.frame();
    expect(run.runLine('c1> create /y {"a":1}', 'console')).toBeNull();
    // Typed before the reply arrives: the reply must still say what it answers.
    expect(run.runLine('cut n1 -> n2', 'control')).toBeNull();
    play(run, 3000);
    const lines = run.frame().console.map(shown);
    expect(lines).toEqual(['> c1> create /y {"a":1}', '> cut n1 -> n2 [button]', 'c1 create /y {"a":1} → Created /y']);
  });

  it("still tags a button's line after a seek back replays it", () => {
    const run = new LiveRun({ ...DEFAULT_HEADER, servers: 3, seed: 3 });
    run.speed = 20;
    play(run, 1000);
    const before = run.sim.now;
    expect(run.runLine('kill n3', 'control')).toBeNull();
    expect(run.runLine('c1> create /a 1', 'console')).toBeNull();
    play(run, 2000);
    const end = run.sim.now;
    // Back before the lines, then just past them: the run replays them from the snapshot before.
    run.seekTime(before - 1);
    run.seekTime(before + 1);
    const replayed = run.frame().console.map(shown);
    expect(replayed).toEqual(['> kill n3 [button]', '> c1> create /a 1']);
    // And on to the end, through later snapshots: every line is back, none missing.
    run.seekTime(end);
    expect(run.frame().console.map(shown)).toEqual([...replayed, 'c1 create /a 1 → Created /a']);
  });

  it("says its own messages in every language, so a switch shows them in the new one; zkCli's text stays", () => {
    try {
      const run = new LiveRun({ ...DEFAULT_HEADER, servers: 3, seed: 3 });
      run.speed = 20;
      play(run, 2000);
      run.frame();
      expect(run.runLine('bogus', 'console')).not.toBeNull();
      expect(run.runLine('c1> set /nope 1', 'console')).toBeNull();
      expect(run.runLine('c1> create /a 1', 'console')).toBeNull();
      expect(run.runLine('c1> set /a 2', 'console')).toBeNull();
      expect(run.runLine('kill leader', 'console')).toBeNull();
      play(run, 3000);
      const entries = run.frame().console;
      const english = entries.map(entryText);
      const bogus = english.find((l) => l.startsWith('unknown command "bogus"'))!;
      expect(bogus).toBeDefined();
      expect(english).toContain('Node does not exist: /nope');
      expect(english).toContain('done');
      const note = english.find((l) => l.startsWith('(leader is n'))!;
      expect(note).toBeDefined();
      setLanguage('zh');
      const chinese = entries.map(entryText);
      const refusal = chinese[english.indexOf(bogus)]!;
      expect(refusal).toMatch(/[\u4e00-\u9fff]/);
      expect(refusal).toContain('bogus');
      expect(chinese).toContain('Node does not exist: /nope');
      expect(chinese).toContain('完成');
      expect(chinese[english.indexOf(note)]).toMatch(/^（领导者是 n\d）$/);
      // Only our own words changed.
      const changed = english.flatMap((line, i) => (line === chinese[i] ? [] : [line]));
      expect(changed.sort()).toEqual([bogus, 'done', note].sort());
    } finally {
      setLanguage('en');
    }
  });
});
