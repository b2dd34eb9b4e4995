import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Line } from './ast';
import { BUG_NAMES, DEFAULT_HEADER } from '../sim/config';
import { type ClientCommand } from '../zk/commands';
import { formatParseError, parseConsoleLine, parseLine, parseScript } from './parse';

/** Parses one body line (3 servers unless told) and returns the Line, failing on an error. */
function line(text: string, servers = 3): Line {
  const r = parseLine(text, 1, { context: 'body', servers });
  if (r.error !== undefined) throw new Error(`unexpected error for ${text}: ${r.error.message}`);
  if (r.line === undefined) throw new Error(`no line for ${text}`);
  return r.line;
}

function command(text: string): ClientCommand {
  const l = line(text);
  if (l.kind !== 'client') throw new Error(`not a client line: ${text}`);
  return l.command;
}

/** The error message for one body line. */
function err(text: string, servers = 3): string {
  const r = parseLine(text, 7, { context: 'body', servers });
  expect(r.line).toBeUndefined();
  expect(r.error?.line).toBe(7);
  return r.error?.message ?? '(no error)';
}

describe('header', () => {
  it('parses every header line of the contract', () => {
    const r = parseScript(
      [
        'servers 5                # 3..25 in the app',
        'seed 42',
        'protocol basic-paxos',
        'latency 20..80ms',
        'loss 1%',
        'dup 2.5%',
        'session-timeout 4000ms',
        'bug forget-promise',
        'bug minority-quorum',
        'kill n5',
      ].join('\n'),
    );
    expect(r.errors).toEqual([]);
    expect(r.script.header).toEqual({
      servers: 5,
      seed: 42,
      protocol: 'basic-paxos',
      latency: { msMin: 20, msMax: 80 },
      loss: 0.01,
      dup: 0.025,
      sessionTimeoutMs: 4000,
      bugs: ['forget-promise', 'minority-quorum'],
    });
    expect(r.script.lines).toEqual([{ kind: 'kill', line: 10, text: 'kill n5', server: 5 }]);
  });

  it('has the documented defaults', () => {
    const r = parseScript('settle');
    expect(r.script.header).toEqual(DEFAULT_HEADER);
    expect(DEFAULT_HEADER.latency).toEqual({ msMin: 10, msMax: 50 });
  });

  it('accepts seconds, single latencies, several network settings and several bugs', () => {
    const r = parseScript(
      'session-timeout 2.5s\nlatency 1..2s\nloss 0% dup 100%\nbug apply-out-of-order accept-below-promise\nmulti-x foo',
    );
    expect(r.script.header.sessionTimeoutMs).toBe(2500);
    expect(r.script.header.latency).toEqual({ msMin: 1000, msMax: 2000 });
    expect(r.script.header.loss).toBe(0);
    expect(r.script.header.dup).toBe(1);
    expect(r.script.header.bugs).toEqual(['apply-out-of-order', 'accept-below-promise']);
    expect(parseScript('latency 30ms').script.header.latency).toEqual({ msMin: 30, msMax: 30 });
  });

  it('checks server references against the header', () => {
    expect(parseScript('servers 5\nkill n5').errors).toEqual([]);
    expect(parseScript('kill n5').errors[0]?.message).toBe('no server n5: this cluster has 3 servers');
    expect(parseScript('servers 1\nkill n2').errors[0]?.message).toBe('no server n2: this cluster has 1 server');
  });

  it('rejects bad header values with a specific message', () => {
    const cases: [string, RegExp][] = [
      ['servers 0', /servers must be a whole number from 1 to 101: "0"/],
      ['servers 102', /from 1 to 101: "102"/],
      ['servers five', /servers must be a whole number/],
      ['servers', /servers needs one value/],
      ['servers 3 4', /servers needs one value/],
      ['seed -1', /seed must be a non-negative whole number: "-1"/],
      ['seed 1.5', /seed must be a non-negative whole number/],
      ['protocol raft', /unknown protocol "raft"; valid protocols: multi-paxos, basic-paxos/],
      ['latency 80..20ms', /latency minimum 80ms is above its maximum 20ms/],
      ['latency -5..10ms', /latency must be a range/],
      ['latency 5..10', /latency must be a range/],
      ['latency 1.5ms', /latency must be a range of whole milliseconds/],
      ['latency', /latency needs a range/],
      ['loss 101%', /loss must be a percentage from 0% to 100%/],
      ['loss 10', /loss must be a percentage/],
      ['dup x', /dup must be a percentage/],
      ['loss 1% loss 2%', /loss is given twice/],
      ['session-timeout 0ms', /session-timeout must be a positive whole number of milliseconds/],
      ['session-timeout 4000', /session-timeout must be/],
      ['bug', new RegExp(`bug needs a name; valid bugs: ${BUG_NAMES.join(', ')}`)],
      ['bug nope', new RegExp(`unknown bug "nope"; valid bugs: ${BUG_NAMES.join(', ')}`)],
    ];
    for (const [text, re] of cases) {
      const r = parseScript(`# a comment\n${text}`);
      expect(r.errors, text).toHaveLength(1);
      expect(r.errors[0]?.line, text).toBe(2);
      expect(r.errors[0]?.message, text).toMatch(re);
      expect(r.script.header, text).toEqual(DEFAULT_HEADER);
    }
  });

  it('rejects a header setting given twice', () => {
    const r = parseScript('seed 1\nseed 2\nloss 1%\nloss 2% dup 3%');
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [2, 'seed is already set on line 1'],
      [4, 'loss is already set on line 3'],
    ]);
  });

  it('rejects a header line after the first command, naming both lines', () => {
    const r = parseScript('servers 5\nc1> create /a\nseed 3\nservers 3\nbug forget-promise');
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(r.errors[0]?.message).toBe('header line "seed 3" must come before the first command (line 2)');
    expect(formatParseError(r.errors[0] ?? { line: 0, text: '', message: '' })).toBe(
      'line 3: header line "seed 3" must come before the first command (line 2)',
    );
    expect(r.script.header.seed).toBe(1);
    expect(r.script.header.servers).toBe(5);
  });

  it('reads loss/dup/latency after the first command as a network change', () => {
    const r = parseScript('loss 5%\nsettle\nloss 10% dup 5% latency 5..300ms');
    expect(r.errors).toEqual([]);
    expect(r.script.header.loss).toBe(0.05);
    expect(r.script.lines[1]).toEqual({
      kind: 'network',
      line: 3,
      text: 'loss 10% dup 5% latency 5..300ms',
      loss: 0.1,
      dup: 0.05,
      latency: { msMin: 5, msMax: 300 },
    });
  });

  it('lets a bad command end the header too', () => {
    const r = parseScript('frobnicate\nseed 3');
    expect(r.errors.map((e) => e.line)).toEqual([1, 2]);
    expect(r.errors[1]?.message).toMatch(/must come before the first command \(line 1\)/);
  });
});

describe('comments, blank lines, line numbers', () => {
  it('skips blank and comment lines and strips trailing comments', () => {
    const r = parseScript(
      '\n# whole line\n   \n  c1> create /app   # persistent, empty data\r\nsettle#not a comment?\nsettle # yes\n\tkill n1\t',
    );
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [
        5,
        'unknown command "settle#not"; valid commands: c1> COMMAND, c1 connect nK, c1 close, c1 expire, kill, restart, partition, cut, heal, wait, settle, loss, dup, latency, servers, seed, protocol, session-timeout, bug',
      ],
    ]);
    expect(r.script.lines).toEqual([
      {
        kind: 'client',
        line: 4,
        text: 'c1> create /app',
        session: 'c1',
        command: { kind: 'create', path: '/app', data: '', ephemeral: false, sequential: false },
        background: false,
      },
      { kind: 'settle', line: 6, text: 'settle' },
      { kind: 'kill', line: 7, text: 'kill n1', server: 1 },
    ]);
  });

  it('keeps # inside quoted data and inside a word', () => {
    expect(command('c1> set /a "x # y"')).toMatchObject({ data: 'x # y' });
    expect(command('c1> set /a x#y # comment')).toMatchObject({ data: 'x#y' });
  });

  it('returns nothing for a blank or comment line from parseLine', () => {
    expect(parseLine('   ', 1)).toEqual({});
    expect(parseLine('# hi', 1)).toEqual({});
  });

  it('reports every error and keeps every valid line', () => {
    const r = parseScript('c1> get a\nc1> create /a\nkill n9\nsettle\nfoo');
    expect(r.errors.map((e) => e.line)).toEqual([1, 3, 5]);
    expect(r.script.lines.map((l) => l.line)).toEqual([2, 4]);
    expect(r.errors[0]?.text).toBe('c1> get a');
  });
});

describe('client commands', () => {
  it('parses every example of the contract', () => {
    expect(command('c1> create /app')).toEqual({
      kind: 'create',
      path: '/app',
      data: '',
      ephemeral: false,
      sequential: false,
    });
    expect(command('c1> create -e /data 1')).toEqual({
      kind: 'create',
      path: '/data',
      data: '1',
      ephemeral: true,
      sequential: false,
    });
    expect(command('c1> create -s /jobs/job- x')).toEqual({
      kind: 'create',
      path: '/jobs/job-',
      data: 'x',
      ephemeral: false,
      sequential: true,
    });
    expect(command('c1> create -e -s /lock/n- ""')).toEqual({
      kind: 'create',
      path: '/lock/n-',
      data: '',
      ephemeral: true,
      sequential: true,
    });
    expect(command('c1> get /data')).toEqual({ kind: 'get', path: '/data', stat: false, watch: false });
    expect(command('c1> get -s -w /data')).toEqual({ kind: 'get', path: '/data', stat: true, watch: true });
    expect(command('c1> set /data 2')).toEqual({ kind: 'set', path: '/data', data: '2', version: -1, stat: false });
    expect(command('c1> set -v 0 /data 2')).toEqual({ kind: 'set', path: '/data', data: '2', version: 0, stat: false });
    expect(command('c1> delete -v 1 /data')).toEqual({ kind: 'delete', path: '/data', version: 1 });
    expect(command('c1> delete /data')).toEqual({ kind: 'delete', path: '/data', version: -1 });
    expect(command('c1> deleteall /app')).toEqual({ kind: 'deleteall', path: '/app' });
    expect(command('c1> ls /')).toEqual({ kind: 'ls', path: '/', stat: false, watch: false, recursive: false });
    expect(command('c1> ls -s -w /app')).toEqual({
      kind: 'ls',
      path: '/app',
      stat: true,
      watch: true,
      recursive: false,
    });
    expect(command('c1> ls -R /')).toEqual({ kind: 'ls', path: '/', stat: false, watch: false, recursive: true });
    expect(command('c1> stat -w /maybe')).toEqual({ kind: 'stat', path: '/maybe', watch: true });
    expect(command('c1> stat /maybe')).toEqual({ kind: 'stat', path: '/maybe', watch: false });
    expect(command('c1> sync /data')).toEqual({ kind: 'sync', path: '/data' });
    expect(command('c1> multi check /a 0; set -v 1 /a x; create -e -s /b y; delete -v 0 /c')).toEqual({
      kind: 'multi',
      ops: [
        { op: 'check', path: '/a', version: 0 },
        { op: 'setData', path: '/a', data: 'x', version: 1 },
        { op: 'create', path: '/b', data: 'y', ephemeral: true, sequential: true },
        { op: 'delete', path: '/c', version: 0 },
      ],
    });
  });

  it('accepts zkCli flag spellings: combined, attached values, anywhere, --', () => {
    expect(command('c1> get -sw /a')).toEqual({ kind: 'get', path: '/a', stat: true, watch: true });
    expect(command('c1> get -ws /a')).toEqual({ kind: 'get', path: '/a', stat: true, watch: true });
    expect(command('c1> ls -swR /a')).toEqual({ kind: 'ls', path: '/a', stat: true, watch: true, recursive: true });
    expect(command('c1> create -es /a/')).toMatchObject({ ephemeral: true, sequential: true, path: '/a/' });
    expect(command('c1> set -v0 /a x')).toMatchObject({ version: 0 });
    expect(command('c1> set -sv 3 /a x')).toMatchObject({ version: 3, stat: true });
    expect(command('c1> set -s /a x')).toMatchObject({ stat: true, version: -1 });
    expect(command('c1> set -v -1 /a x')).toMatchObject({ version: -1 });
    expect(command('c1> set -v -2 /a x')).toMatchObject({ version: -2 });
    expect(command('c1> get /a -w')).toMatchObject({ watch: true });
    expect(command('c1> set /a -- -5')).toMatchObject({ data: '-5' });
    expect(command('c1> set /a "-5"')).toMatchObject({ data: '-5' });
  });

  it('reads data: a word or a quoted string with escapes', () => {
    expect(command('c1> set /a "hello world"')).toMatchObject({ data: 'hello world' });
    expect(command('c1> set /a ""')).toMatchObject({ data: '' });
    expect(command('c1> set /a "say \\"hi\\" \\\\ ok"')).toMatchObject({ data: 'say "hi" \\ ok' });
    expect(command('c1> set /a "a;b & c"')).toMatchObject({ data: 'a;b & c' });
    expect(command('c1> set /a "line\\nbreak\\ttab"')).toMatchObject({ data: 'line\nbreak\ttab' });
    expect(command('c1> set /a x\\y')).toMatchObject({ data: 'x\\y' });
    expect(command('c1> create /a')).toMatchObject({ data: '' });
    expect(command('c1> create /a "&"')).toMatchObject({ data: '&' });
    expect(command('c1> multi create /a "x; y"; set /b "1 2"')).toEqual({
      kind: 'multi',
      ops: [
        { op: 'create', path: '/a', data: 'x; y', ephemeral: false, sequential: false },
        { op: 'setData', path: '/b', data: '1 2', version: -1 },
      ],
    });
  });

  it('reads a word with quotes and braces as zkCli does', () => {
    expect(command('c1> create /j {"a":1}')).toMatchObject({ kind: 'create', path: '/j', data: '{"a":1}' });
    expect(command('c1> set /j {"a":[1,2],"b":"x"}')).toMatchObject({ data: '{"a":[1,2],"b":"x"}' });
    expect(command('c1> set /a ab"c"')).toMatchObject({ data: 'ab"c"' });
    expect(command("c1> set /a it's")).toMatchObject({ data: "it's" });
    // Single quotes hold a string as they are, with no escapes (zkCli strips them too).
    expect(command('c1> create /j \'{"a": 1}\'')).toMatchObject({ data: '{"a": 1}' });
    expect(command("c1> set /a 'x\\ny'")).toMatchObject({ data: 'x\\ny' });
    expect(command("c1> set /a ''")).toMatchObject({ data: '' });
    expect(command("c1> set /a '-5'")).toMatchObject({ data: '-5' });
    expect(command('c1> set /a {"x":1}&')).toMatchObject({ data: '{"x":1}&' });
    expect(line('c1> set /a {"x":1} &')).toMatchObject({ background: true, command: { data: '{"x":1}' } });
    expect(command('c1> multi create /a {"k":1}; set /a {"k":2}')).toEqual({
      kind: 'multi',
      ops: [
        { op: 'create', path: '/a', data: '{"k":1}', ephemeral: false, sequential: false },
        { op: 'setData', path: '/a', data: '{"k":2}', version: -1 },
      ],
    });
  });

  it('accepts quoted paths', () => {
    expect(command('c1> get "/a b"')).toMatchObject({ path: '/a b' });
  });

  it('marks a trailing & as background', () => {
    const l = line('c1> set -v 0 /counter 1 &');
    expect(l).toMatchObject({ kind: 'client', session: 'c1', background: true });
    expect(line('c1> set /a 1')).toMatchObject({ background: false });
    expect(line('c1> multi check /a 0; delete /a &')).toMatchObject({ background: true });
  });

  it('accepts session names and spacing around >', () => {
    expect(line('alice> get /')).toMatchObject({ session: 'alice' });
    expect(line('web-1_x> get /')).toMatchObject({ session: 'web-1_x' });
    expect(line('c1 > get /')).toMatchObject({ session: 'c1' });
    expect(line('c1>get /')).toMatchObject({ session: 'c1', command: { kind: 'get' } });
    expect(line('c1 >get /')).toMatchObject({ session: 'c1', command: { kind: 'get' } });
  });

  it('allows a trailing ; and empty operations in multi', () => {
    expect(command('c1> multi check /a 0;')).toEqual({ kind: 'multi', ops: [{ op: 'check', path: '/a', version: 0 }] });
    expect(command('c1> multi check /a -1 ; ; delete /a')).toMatchObject({
      ops: [{ op: 'check', version: -1 }, { op: 'delete' }],
    });
  });

  it('accepts an empty multi (no sub-ops), as ZooKeeper does', () => {
    expect(command('c1> multi')).toEqual({ kind: 'multi', ops: [] });
    expect(command('c1> multi ;')).toEqual({ kind: 'multi', ops: [] });
    expect(command('c1> multi ; ;')).toEqual({ kind: 'multi', ops: [] });
    expect(line('c1> multi &')).toMatchObject({ background: true, command: { kind: 'multi', ops: [] } });
  });

  it('validates paths as ZooKeeper does', () => {
    expect(err('c1> get a')).toBe('invalid path "a": Path must start with / character');
    expect(err('c1> get /a/')).toBe('invalid path "/a/": Path must not end with / character');
    expect(err('c1> get /a//b')).toBe('invalid path "/a//b": empty node name specified @3');
    expect(err('c1> get /a/./b')).toBe('invalid path "/a/./b": relative paths not allowed @3');
    expect(err('c1> get /a/..')).toBe('invalid path "/a/..": relative paths not allowed @4');
    expect(err('c1> get ""')).toBe('invalid path "": Path length must be > 0');
    expect(err('c1> get "/a\\tb"')).toBe('invalid path "/a\\tb": invalid character @2');
    expect(err('c1> create /a/ x')).toBe('invalid path "/a/": Path must not end with / character');
    expect(command('c1> create -s / x')).toMatchObject({ path: '/', sequential: true });
    expect(command('c1> get /a.b/..c/.d')).toMatchObject({ path: '/a.b/..c/.d' });
    expect(err('c1> multi create /a; delete b')).toBe('invalid path "b": Path must start with / character');
  });

  it('rejects malformed client commands with zkCli-style messages', () => {
    const cases: [string, string | RegExp][] = [
      [
        'c1> foo /a',
        'unknown command "foo"; valid commands: create, get, set, delete, deleteall, ls, stat, sync, multi',
      ],
      ['c1> get -x /a', 'unknown flag "-x" for get; usage: get [-s] [-w] path'],
      ['c1> get -sx /a', 'unknown flag "-x" for get; usage: get [-s] [-w] path'],
      ['c1> get --watch /a', 'unknown flag "--watch" for get; usage: get [-s] [-w] path'],
      ['c1> stat -s /a', 'unknown flag "-s" for stat; usage: stat [-w] path'],
      ['c1> create -c /a', 'unknown flag "-c" for create; usage: create [-e] [-s] path [data]'],
      ['c1> delete -w /a', 'unknown flag "-w" for delete; usage: delete [-v version] path'],
      [
        'c1> create /a -1',
        'unknown flag "-1" for create: data that starts with - must be written in double quotes ("-1")',
      ],
      ['c1> get', 'get: missing path; usage: get [-s] [-w] path'],
      ['c1> get -s', 'get: missing path; usage: get [-s] [-w] path'],
      ['c1> set /a', 'set: missing data; usage: set [-s] [-v version] path data'],
      ['c1> set', 'set: missing path; usage: set [-s] [-v version] path data'],
      ['c1> set -v x /a 1', 'version must be a number: x'],
      ['c1> set -v 1.5 /a 1', 'version must be a number: 1.5'],
      ['c1> delete -v abc /a', 'version must be a number: abc'],
      ['c1> set -v 99999999999 /a 1', /version out of range: 99999999999/],
      ['c1> set -v', 'flag -v for set needs a version; usage: set [-s] [-v version] path data'],
      ['c1> get /a /b', 'too many arguments for get: "/b"; usage: get [-s] [-w] path'],
      ['c1> create /a x y', 'too many arguments for create: "y"; usage: create [-e] [-s] path [data]'],
      ['c1> set /a x y', 'too many arguments for set: "y"; usage: set [-s] [-v version] path data'],
      ['c1> sync', 'sync: missing path; usage: sync path'],
      ['c1> deleteall', 'deleteall: missing path; usage: deleteall path'],
      ['c1> get /a; get /b', 'unexpected ";" in get: only multi takes several operations ("multi OP; OP; ...")'],
      ['c1>', /missing command after "c1>"/],
      ['c1> ', /missing command after "c1>"/],
      ['c1> multi get /a', 'unknown multi operation "get"; valid operations: check, create, set, delete'],
      ['c1> multi check /a', 'check: missing version; usage: check path version'],
      ['c1> multi check /a x', 'version must be a number: x'],
      ['c1> multi check', 'check: missing path; usage: check path version'],
      ['c1> multi check /a 1 2', 'too many arguments for check: "2"; usage: check path version'],
      ['c1> multi set -s /a 1', 'unknown flag "-s" for set; usage: set [-v version] path data'],
      ['c1> multi set /a', 'set: missing data; usage: set [-v version] path data'],
      ['> get /a', 'missing session name before ">": write "c1> COMMAND"'],
      ['1c> get /a', /invalid session name "1c": a session name is a letter followed by letters, digits, - or _/],
      ['c.1> get /a', /invalid session name "c.1"/],
      ['kill> get /a', '"kill" cannot be a session name: it is a command word'],
      ['c1> set /a "abc', 'unterminated quoted string: a closing " is missing'],
      ['c1> set /a "a\\qb"', /unknown escape \\q in a quoted string/],
      ["c1> set /a 'abc", "unterminated quoted string: a closing ' is missing"],
      ["c1> set /a 'ab'c", 'unexpected text right after a closing quote: put a space after it'],
      ['c1> set /a "ab"c', 'unexpected text right after a closing quote: put a space after it'],
    ];
    for (const [text, expected] of cases) {
      const message = err(text);
      if (typeof expected === 'string') expect(message, text).toBe(expected);
      else expect(message, text).toMatch(expected);
    }
  });

  it('explains a client command written without a session or without >', () => {
    expect(err('create /a')).toBe('a client command needs a session: write "c1> create /a"');
    expect(err('c1 create /a')).toMatch(
      /^unknown session command "c1 create"; a session line is "c1 connect nK", "c1 close" or "c1 expire", and a client command is "c1> COMMAND"/,
    );
    expect(err('alice get /a')).toMatch(/unknown session command "alice get"/);
  });
});

describe('session lines', () => {
  it('parses connect, close and expire', () => {
    expect(line('c1 connect n2')).toEqual({
      kind: 'connect',
      line: 1,
      text: 'c1 connect n2',
      session: 'c1',
      server: 2,
    });
    expect(line('c1 close')).toEqual({ kind: 'close', line: 1, text: 'c1 close', session: 'c1' });
    expect(line('alice expire')).toEqual({ kind: 'expire', line: 1, text: 'alice expire', session: 'alice' });
  });

  it('rejects malformed session lines', () => {
    expect(err('c1 connect')).toBe('c1 connect needs a server, as in "c1 connect n2"');
    expect(err('c1 connect n4')).toBe('no server n4: this cluster has 3 servers');
    expect(err('c1 connect 2')).toBe('expected a server like n1, got "2"');
    expect(err('c1 connect n1 n2')).toMatch(/too many arguments for c1 connect: "n2"/);
    expect(err('c1 close now')).toMatch(/too many arguments for c1 close: "now"/);
    expect(err('c1 close &')).toMatch(/a trailing & \(run in the background\) only applies to client commands/);
    expect(err('connect close')).toBe('"connect" cannot be a session name: it is a command word');
  });
});

describe('cluster and fault lines', () => {
  it('parses kill, restart, partition, cut, heal', () => {
    expect(line('kill n2')).toEqual({ kind: 'kill', line: 1, text: 'kill n2', server: 2 });
    expect(line('restart n2')).toEqual({ kind: 'restart', line: 1, text: 'restart n2', server: 2 });
    expect(line('partition n1 n2 | n3 n4 n5', 5)).toMatchObject({
      kind: 'partition',
      groups: [
        [1, 2],
        [3, 4, 5],
      ],
    });
    expect(line('partition n1|n2 n3|n4 n5', 5)).toMatchObject({ kind: 'partition', groups: [[1], [2, 3], [4, 5]] });
    expect(line('cut n1 n3')).toMatchObject({ kind: 'cut', from: 1, to: 3, oneWay: false });
    expect(line('cut n1 -> n3')).toMatchObject({ kind: 'cut', from: 1, to: 3, oneWay: true });
    expect(line('cut n1->n3')).toMatchObject({ kind: 'cut', from: 1, to: 3, oneWay: true });
    expect(line('heal n1 n3')).toMatchObject({ kind: 'heal', from: 1, to: 3, oneWay: false });
    expect(line('heal n1 -> n3')).toMatchObject({ kind: 'heal', from: 1, to: 3, oneWay: true });
    expect(line('heal')).toEqual({ kind: 'heal', line: 1, text: 'heal', oneWay: false });
  });

  it('parses network changes, wait and settle', () => {
    expect(line('loss 10%')).toEqual({ kind: 'network', line: 1, text: 'loss 10%', loss: 0.1 });
    expect(line('dup 5%')).toEqual({ kind: 'network', line: 1, text: 'dup 5%', dup: 0.05 });
    expect(line('latency 5..300ms')).toEqual({
      kind: 'network',
      line: 1,
      text: 'latency 5..300ms',
      latency: { msMin: 5, msMax: 300 },
    });
    expect(line('latency 5ms..1s')).toMatchObject({ latency: { msMin: 5, msMax: 1000 } });
    expect(line('latency 5..300ms   loss 10%   dup 5%')).toMatchObject({
      loss: 0.1,
      dup: 0.05,
      latency: { msMin: 5, msMax: 300 },
    });
    expect(line('loss 0.5%')).toMatchObject({ loss: 0.005 });
    expect(line('wait 500ms')).toEqual({ kind: 'wait', line: 1, text: 'wait 500ms', ms: 500 });
    expect(line('wait 2s')).toMatchObject({ ms: 2000 });
    expect(line('wait 1.1s')).toMatchObject({ ms: 1100 });
    expect(line('wait 0ms')).toMatchObject({ ms: 0 });
    expect(line('settle')).toEqual({ kind: 'settle', line: 1, text: 'settle' });
  });

  it('rejects malformed fault lines', () => {
    const cases: [string, string | RegExp, number?][] = [
      ['kill n7', 'no server n7: this cluster has 3 servers'],
      ['kill n0', 'no server n0: this cluster has 3 servers'],
      ['kill 2', 'expected a server like n1, got "2"'],
      ['kill', 'kill needs one server, as in "kill n2"'],
      ['restart n1 n2', 'restart needs one server, as in "restart n2"'],
      ['kill n1 &', /only applies to client commands/],
      ['partition n1 n2 n3', /partition needs at least two groups/],
      ['partition', /partition needs at least two groups/],
      ['partition n1 | | n2 n3', /partition has an empty group/],
      ['partition n1 n2 | n3 |', /partition has an empty group/],
      ['partition n1 n2 | n2 n3', 'partition names n2 more than once'],
      ['partition n1 | n2', 'partition must place every server in a group; missing: n3, n4, n5', 5],
      ['partition n1 | n9', 'no server n9: this cluster has 3 servers'],
      ['cut n1', /cut needs two servers: "cut n1 n3" \(both directions\) or "cut n1 -> n3"/],
      ['cut', /cut needs two servers/],
      ['cut n1 n2 n3', /cut needs two servers/],
      ['cut n1 <- n2', /cut needs two servers/],
      ['cut n1 n1', 'cut needs two different servers, got n1 twice'],
      ['cut n1 -> n4', 'no server n4: this cluster has 3 servers'],
      ['heal n1', /heal takes no servers \(every link\), two servers/],
      ['wait', 'wait needs one duration, as in "wait 500ms" or "wait 2s"'],
      ['wait 500', 'wait needs a whole number of milliseconds, like 500ms or 2s: "500"'],
      ['wait 1.5ms', /wait needs a whole number of milliseconds/],
      ['wait 1.0005s', /wait needs a whole number of milliseconds/],
      ['wait -5ms', /wait needs a whole number of milliseconds/],
      ['settle now', 'settle takes no arguments, got "now"'],
      ['loss', 'loss needs a percentage, as in "loss 10%"'],
      ['loss 10% foo 3', /unexpected "foo" in a network change/],
      ['loss 10%; dup 1%', /unexpected ";" in loss/],
      ['loss 0.1234567%', /loss must be a percentage from 0% to 100% with at most 6 decimals/],
      ['foo', /^unknown command "foo"; valid commands: c1> COMMAND, c1 connect nK, c1 close, c1 expire, kill, restart/],
      ['"kill" n1', /^unknown command "\\"kill\\""/],
    ];
    for (const [text, expected, servers] of cases) {
      const message = err(text, servers ?? 3);
      if (typeof expected === 'string') expect(message, text).toBe(expected);
      else expect(message, text).toMatch(expected);
    }
  });
});

describe('console', () => {
  it('rejects header lines with a console message', () => {
    for (const word of ['servers 5', 'seed 3', 'protocol basic-paxos', 'session-timeout 1s', 'bug forget-promise']) {
      const r = parseConsoleLine(word, 4, 5);
      expect(r.line).toBeUndefined();
      expect(r.header).toBeUndefined();
      expect(r.error?.line).toBe(4);
      expect(r.error?.message).toMatch(/is a script header setting and cannot be changed from the console/);
    }
  });

  it('reads loss/dup/latency as network changes and checks servers', () => {
    expect(parseConsoleLine('loss 10%', 1, 5).line).toMatchObject({ kind: 'network', loss: 0.1 });
    expect(parseConsoleLine('kill n5', 1, 5).line).toMatchObject({ kind: 'kill', server: 5 });
    expect(parseConsoleLine('kill n6', 1, 5).error?.message).toBe('no server n6: this cluster has 5 servers');
  });

  it('parseLine defaults to header context', () => {
    expect(parseLine('servers 5', 1)).toEqual({ header: { servers: 5 } });
    expect(parseLine('loss 10%', 1)).toEqual({ header: { loss: 0.1 } });
    expect(parseLine('bug forget-promise', 1)).toEqual({ header: { bugs: ['forget-promise'] } });
    expect(parseLine('c1> get /', 1).line).toMatchObject({ kind: 'client' });
  });
});

describe('robustness', () => {
  it('never throws on odd input', () => {
    const odd = [
      '>',
      '&',
      ';',
      '"',
      '\\',
      'c1> multi ; ; ;',
      '->',
      '|',
      'cut ->',
      'partition |',
      'c1>>',
      'c1> get -',
      'c1> set -v',
      '\u0000',
      'n1',
      '#',
      'c1 connect "n1"',
    ];
    for (const t of odd) expect(() => parseScript(t)).not.toThrow();
    expect(parseLine('c1> get -', 1).error?.message).toBe('invalid path "-": Path must start with / character');
  });
});

describe('example scenarios', () => {
  const dir = resolve(__dirname, '../../testdata/scenarios');
  const files = readdirSync(dir).filter((f) => f.endsWith('.zk'));
  it('finds the examples', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const f of files) {
    it(`parses ${f} with no error`, () => {
      const r = parseScript(readFileSync(join(dir, f), 'utf8'));
      expect(r.errors).toEqual([]);
      expect(r.script.lines.length).toBeGreaterThan(0);
    });
  }
});

describe('exact replay moments', () => {
  const body = (text: string): ReturnType<typeof parseScript> => parseScript(`servers 3\n${text}`);

  it('reads at with and without an event count, times exact to the last digit', () => {
    const r = body('at 0ms after 0 events\nc1> get /\nat 50803.200000000004ms after 4076 events\nat 1e-7ms\nstop');
    expect(r.errors).toEqual([]);
    expect(r.script.lines.map((l) => (l.kind === 'at' ? [l.ms, l.events] : l.kind))).toEqual([
      [0, 0],
      'client',
      [50803.200000000004, 4076],
      [1e-7, undefined],
      'stop',
    ]);
  });

  it('names what is wrong with a bad moment, and nothing may follow stop', () => {
    const r = body(
      'at\nat 5s\nat 5ms after x events\nat 5ms after 3 steps\nat 5ms after 2000000000 events\nstop now\nstop\nkill n1',
    );
    expect(r.errors.map(formatParseError)).toEqual([
      'line 2: at needs a moment, as in "at 560ms" or "at 560.25ms after 1234 events" (simulated ms, simulator events)',
      'line 3: at needs a moment, as in "at 560ms" or "at 560.25ms after 1234 events" (simulated ms, simulator events)',
      'line 4: at needs a moment, as in "at 560ms" or "at 560.25ms after 1234 events" (simulated ms, simulator events)',
      'line 5: at needs a moment, as in "at 560ms" or "at 560.25ms after 1234 events" (simulated ms, simulator events)',
      'line 6: at ... after 2000000000 events is too far: a scenario may run to at most 1000000000 simulator events',
      'line 7: stop takes no arguments, got "now"',
      'line 9: nothing may follow stop (line 8): the run ends there',
    ]);
  });

  it('the console refuses them: it runs lines now', () => {
    expect(parseConsoleLine('at 5ms', 1, 3).error?.message).toBe(
      'at belongs in a scenario file (an exact replay), not the console: the console runs lines now',
    );
    expect(parseConsoleLine('stop', 1, 3).error?.message).toMatch(/^stop belongs in a scenario file/);
  });

  it('a session named at still connects', () => {
    expect(parseConsoleLine('at connect n2', 1, 3).line).toMatchObject({ kind: 'connect', session: 'at', server: 2 });
  });
});
