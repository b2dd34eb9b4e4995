import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MultiOp } from '../zk/types';
import { type Line } from './ast';
import { BUG_NAMES, DEFAULT_HEADER, type Header, type LatencyRange } from '../sim/config';
import { type ClientCommand } from '../zk/commands';
import { formatCommand, formatHeader, formatLine, formatPercent, formatScript, formatWord } from './format';
import { parseLine, parseScript, pathProblem } from './parse';

const SERVERS = 7;

/** fast-check builds records without a prototype; compare plain copies. */
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

// ---- generators of valid values ------------------------------------------------------------

const nameChar = fc.constantFrom(...'abcxyzAZ019-_'.split(''));
const sessionName = fc
  .tuple(fc.constantFrom('c', 'a', 'Z', 'w'), fc.array(nameChar, { maxLength: 6 }))
  .map(([h, t]) => h + t.join(''))
  .filter((s) => !['connect', 'close', 'expire'].includes(s));

/** Any text, leaning on the characters the lexer treats specially. */
const tricky = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc
    .array(
      fc.constantFrom(
        'a',
        'b',
        ' ',
        '"',
        '\\',
        ';',
        '#',
        '&',
        '-',
        '>',
        '|',
        '\n',
        '\r',
        '\t',
        '%',
        '.',
        '/',
        'é',
        '\u00a0',
      ),
      { maxLength: 8 },
    )
    .map((a) => a.join('')),
  fc.constantFrom('', '&', '-1', '#x', '->', '|', '--', '-s', 'x y'),
);
const data = tricky;
const component = fc.oneof(
  fc
    .array(fc.constantFrom('a', 'b', 'z', '0', '-', '.', '_', ' ', ';', '#', '&', '"', '\\', 'é', '>'), {
      minLength: 1,
      maxLength: 5,
    })
    .map((a) => a.join('')),
  fc.constantFrom('app', 'data', 'job-', '...', '.a'),
);
const path = fc
  .array(component, { maxLength: 4 })
  .map((cs) => '/' + cs.join('/'))
  .filter((p) => pathProblem(p, false) === null);
const seqPath = fc
  .oneof(
    path,
    path.map((p) => (p === '/' ? p : p + '/')),
  )
  .filter((p) => pathProblem(p, true) === null);
const version = fc.oneof(
  fc.constant(-1),
  fc.integer({ min: -3, max: 5 }),
  fc.integer({ min: -2147483648, max: 2147483647 }),
);
const server = fc.integer({ min: 1, max: SERVERS });
const ms = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
const latency: fc.Arbitrary<LatencyRange> = fc
  .tuple(ms, ms)
  .map(([a, b]) => ({ msMin: Math.min(a, b), msMax: Math.max(a, b) }));
/** As the parser makes them: a percentage with up to 6 decimals, over 100. */
const fraction = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 999999 }), fc.integer({ min: 0, max: 6 }))
  .map(([i, f, k]) => {
    const decimals = k === 0 ? '' : '.' + String(f).padStart(6, '0').slice(0, k);
    return Number(i === 100 ? '100' : `${i}${decimals}`) / 100;
  });

const createFields = fc
  .record({ path: seqPath, data, ephemeral: fc.boolean(), sequential: fc.boolean() })
  .map((c) => (c.sequential || pathProblem(c.path, false) === null ? c : { ...c, path: '/x' }));

const multiOp: fc.Arbitrary<MultiOp> = fc.oneof(
  fc.record({ op: fc.constant('check' as const), path, version }),
  createFields.map((c) => ({ op: 'create' as const, ...c })),
  fc.record({ op: fc.constant('setData' as const), path, data, version }),
  fc.record({ op: fc.constant('delete' as const), path, version }),
);

const clientCommand: fc.Arbitrary<ClientCommand> = fc.oneof(
  createFields.map((c) => ({ kind: 'create' as const, ...c })),
  fc.record({ kind: fc.constant('get' as const), path, stat: fc.boolean(), watch: fc.boolean() }),
  fc.record({ kind: fc.constant('set' as const), path, data, version, stat: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), path, version }),
  fc.record({ kind: fc.constant('deleteall' as const), path }),
  fc.record({
    kind: fc.constant('ls' as const),
    path,
    stat: fc.boolean(),
    watch: fc.boolean(),
    recursive: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('stat' as const), path, watch: fc.boolean() }),
  fc.record({ kind: fc.constant('sync' as const), path }),
  fc.record({ kind: fc.constant('multi' as const), ops: fc.array(multiOp, { minLength: 0, maxLength: 4 }) }),
);

const partitionGroups = fc
  .shuffledSubarray([1, 2, 3, 4, 5, 6, 7], { minLength: SERVERS, maxLength: SERVERS })
  .chain((order) =>
    fc.uniqueArray(fc.integer({ min: 1, max: SERVERS - 1 }), { minLength: 1, maxLength: SERVERS - 1 }).map((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const groups: number[][] = [];
      let start = 0;
      for (const c of [...sorted, SERVERS]) {
        groups.push(order.slice(start, c));
        start = c;
      }
      return groups;
    }),
  );

const twoServers = fc.tuple(server, server).filter(([a, b]) => a !== b);

/** A Line without its `line` and `text`, which the property fills in. */
type Body = Line extends infer L ? (L extends Line ? Omit<L, 'line' | 'text'> : never) : never;

const body: fc.Arbitrary<Body> = fc.oneof(
  fc.record({
    kind: fc.constant('client' as const),
    session: sessionName,
    command: clientCommand,
    background: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('connect' as const), session: sessionName, server }),
  fc.record({ kind: fc.constantFrom('close' as const, 'expire' as const), session: sessionName }),
  fc.record({ kind: fc.constantFrom('kill' as const, 'restart' as const), server }),
  partitionGroups.map((groups) => ({ kind: 'partition' as const, groups })),
  fc.tuple(twoServers, fc.boolean()).map(([[from, to], oneWay]) => ({ kind: 'cut' as const, from, to, oneWay })),
  fc.tuple(twoServers, fc.boolean()).map(([[from, to], oneWay]) => ({ kind: 'heal' as const, from, to, oneWay })),
  fc.constant({ kind: 'heal' as const, oneWay: false }),
  fc
    .record({ loss: fraction, dup: fraction, latency }, { requiredKeys: [] })
    .filter((n) => n.loss !== undefined || n.dup !== undefined || n.latency !== undefined)
    .map((n) => ({ kind: 'network' as const, ...n })),
  ms.map((v) => ({ kind: 'wait' as const, ms: v })),
  fc.constant({ kind: 'settle' as const }),
);

const header: fc.Arbitrary<Header> = fc.record({
  servers: fc.integer({ min: SERVERS, max: 101 }),
  seed: fc.oneof(fc.constant(1), fc.nat(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
  protocol: fc.constantFrom('multi-paxos' as const, 'basic-paxos' as const),
  latency,
  loss: fraction,
  dup: fraction,
  sessionTimeoutMs: fc.oneof(fc.constant(4000), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  bugs: fc.uniqueArray(fc.constantFrom(...BUG_NAMES)),
});

// ---- properties ----------------------------------------------------------------------------

describe('formatLine / parseLine round trip', () => {
  it('gives back every generated Line', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 10_000 }), (b, lineNo) => {
        const text = formatLine({ ...b, line: lineNo, text: '' });
        const expected = { ...b, line: lineNo, text };
        const r = parseLine(text, lineNo, { context: 'body', servers: SERVERS });
        expect(r.error).toBeUndefined();
        expect(r.line).toStrictEqual(plain(expected));
        expect(text).not.toContain('\n');
      }),
      { numRuns: 3000 },
    );
  });

  it('formats in canonical form', () => {
    const parsed = (t: string): Line => {
      const l = parseLine(t, 1, { context: 'body', servers: 5 }).line;
      if (l === undefined) throw new Error(t);
      return l;
    };
    expect(formatLine(parsed('c1>  get  -ws   /a   # note'))).toBe('c1> get -s -w /a');
    expect(formatLine(parsed('c1> set -v -1 /a ""'))).toBe('c1> set /a ""');
    expect(formatLine(parsed('c1> create -se /a/ "" &'))).toBe('c1> create -e -s /a/ &');
    expect(formatLine(parsed('c1> set /a "x y"'))).toBe('c1> set /a "x y"');
    expect(formatLine(parsed('c1> set /a "-1"'))).toBe('c1> set /a "-1"');
    expect(formatLine(parsed('c1> multi check /a 0;set -v 1 /a x;create -e -s /b y;delete -v 0 /c'))).toBe(
      'c1> multi check /a 0; set -v 1 /a x; create -e -s /b y; delete -v 0 /c',
    );
    expect(formatLine(parsed('c1> multi ;'))).toBe('c1> multi');
    expect(formatLine(parsed('c1> multi &'))).toBe('c1> multi &');
    expect(formatLine(parsed('partition n1|n2 n3|n4 n5'))).toBe('partition n1 | n2 n3 | n4 n5');
    expect(formatLine(parsed('partition n1 n2 | n3 n4 n5'))).toBe('partition n1 n2 | n3 n4 n5');
    expect(formatLine(parsed('cut n1->n3'))).toBe('cut n1 -> n3');
    expect(formatLine(parsed('heal'))).toBe('heal');
    expect(formatLine(parsed('latency 1..2s dup 5% loss 10%'))).toBe('loss 10% dup 5% latency 1000..2000ms');
    expect(formatLine(parsed('loss 7%'))).toBe('loss 7%');
    expect(formatLine(parsed('loss 0.123456%'))).toBe('loss 0.123456%');
    expect(formatLine(parsed('wait 2s'))).toBe('wait 2000ms');
    expect(formatLine(parsed('c2 connect n4'))).toBe('c2 connect n4');
    expect(formatCommand({ kind: 'set', path: '/data', data: '2', version: 0, stat: false })).toBe('set -v 0 /data 2');
  });

  it('quotes words only when needed', () => {
    expect(formatWord('abc')).toBe('abc');
    expect(formatWord('a#b')).toBe('a#b');
    expect(formatWord('')).toBe('""');
    expect(formatWord('#a')).toBe('"#a"');
    expect(formatWord('&')).toBe('"&"');
    expect(formatWord('a;b')).toBe('"a;b"');
    expect(formatWord('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
    expect(formatWord('a\nb')).toBe('"a\\nb"');
    // Quotes and braces inside a word need no quoting (zkCli reads them as they are); a leading quote does.
    expect(formatWord('{"a":1}')).toBe('{"a":1}');
    expect(formatWord("it's")).toBe("it's");
    expect(formatWord('"a"')).toBe('"\\"a\\""');
    expect(formatWord("'a'")).toBe('"\'a\'"');
    expect(formatPercent(0.07)).toBe('7%');
    expect(formatPercent(0.001)).toBe('0.1%');
  });
});

describe('formatHeader / formatScript', () => {
  it('writes nothing for the default header', () => {
    expect(formatHeader(DEFAULT_HEADER)).toEqual([]);
  });

  it('gives back every generated header', () => {
    fc.assert(
      fc.property(header, (h) => {
        const r = parseScript(formatHeader(h).join('\n'));
        expect(r.errors).toEqual([]);
        expect(r.script.header).toStrictEqual(plain(h));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives back every generated script, up to line numbers and text', () => {
    fc.assert(
      // Partitions name every server, so the ensemble is the one the lines were made for.
      fc.property(
        header.map((x) => ({ ...x, servers: SERVERS })),
        fc.array(body, { maxLength: 8 }),
        (h, bodies) => {
          const lines = bodies.map((b, i) => ({ ...b, line: i + 1, text: '' }));
          const text = formatScript({ header: h, lines });
          const r = parseScript(text);
          expect(r.errors).toEqual([]);
          expect(r.script.header).toStrictEqual(plain(h));
          const strip = (l: Line): unknown => ({ ...l, line: 0, text: '' });
          const got = r.script.lines.map(strip);
          const first = lines[0];
          // A leading network change is kept apart from the header by a `wait 0ms`.
          const want =
            first !== undefined && first.kind === 'network'
              ? [{ kind: 'wait', ms: 0, line: 0, text: '' }, ...lines.map(strip)]
              : lines.map(strip);
          expect(got).toStrictEqual(plain(want));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips the example of the contract', () => {
    const src = [
      'servers 5',
      'seed 42',
      'protocol basic-paxos',
      'latency 20..80ms',
      'session-timeout 4000ms',
      'bug forget-promise',
      'c1> create -e -s /lock/n- ""',
      'c1> multi check /a 0; set -v 1 /a x; create -e -s /b y; delete -v 0 /c &',
      'partition n1 n2 | n3 n4 n5',
      'loss 10% dup 5% latency 5..300ms',
      'wait 500ms',
      'settle',
    ].join('\n');
    const once = parseScript(src);
    expect(once.errors).toEqual([]);
    const text = formatScript(once.script);
    expect(text).toBe(src.replace('session-timeout 4000ms\n', '').replace('/lock/n- ""', '/lock/n-'));
    const twice = parseScript(text);
    expect(twice.script.header).toStrictEqual(once.script.header);
  });
});

describe('parser robustness', () => {
  it('never throws, and every error names a real line in one line of text', () => {
    const chunk = fc.constantFrom(
      'c1>',
      'c1',
      '>',
      'get',
      'set',
      'create',
      'multi',
      '-v',
      '-s',
      '-w',
      '-x',
      '/a',
      '/',
      '1',
      '-1',
      '"',
      '\\',
      ';',
      '&',
      '#',
      '|',
      '->',
      'n1',
      'n9',
      'kill',
      'partition',
      'cut',
      'heal',
      'loss',
      '10%',
      'latency',
      '5..9ms',
      'wait',
      '2s',
      'settle',
      'servers',
      'seed',
      'bug',
      'x',
      ' ',
      '\n',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(chunk, { maxLength: 30 }).map((a) => a.join(' ')),
      fc.array(chunk, { maxLength: 30 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = parseScript(t);
        const count = t.split(/\r\n|\n|\r/).length;
        for (const e of r.errors) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(count);
          expect(e.message).not.toMatch(/[\r\n]/);
          expect(e.message.length).toBeGreaterThan(0);
        }
        for (const l of r.script.lines) {
          // Whatever parsed also formats and parses back the same.
          const again = parseLine(formatLine(l), l.line, { context: 'body', servers: r.script.header.servers });
          expect(again.error).toBeUndefined();
          expect(again.line).toEqual({ ...l, text: formatLine(l) });
        }
      }),
      { numRuns: 3000 },
    );
  });
});
