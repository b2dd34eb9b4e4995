import { DEFAULT_HEADER as DEFAULT_HEADER_FOR_CURSOR } from '../sim/config';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../script/language';
import { BUG_NAMES, DEFAULT_HEADER, type Header } from '../sim/config';
import { checkActions, type Scenario, type ScenarioAction } from './model';
import {
  bytesToBase64url,
  base64urlToBytes,
  decodeScenario,
  encodeScenario,
  MAX_PAYLOAD_CHARS,
  packJsonText,
  scenarioFromLocationHash,
  scenarioHash,
  type DecodeResult,
} from './url';

// ---------------------------------------------------------------------------------------------
// Generators: valid headers and a small grammar of valid console lines.

const percent = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 1000 }).map((k) => k / 10),
);

const headerArb: fc.Arbitrary<Header> = fc
  .record({
    servers: fc.integer({ min: 3, max: 25 }),
    seed: fc.oneof(fc.constant(1), fc.nat({ max: 2 ** 40 })),
    protocol: fc.constantFrom('multi-paxos' as const, 'basic-paxos' as const, 'zab' as const),
    latency: fc
      .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }))
      .map(([a, b]) => ({ msMin: Math.min(a, b), msMax: Math.max(a, b) })),
    loss: percent.map((p) => p / 100),
    dup: percent.map((p) => p / 100),
    sessionTimeoutMs: fc.oneof(fc.constant(4000), fc.integer({ min: 1, max: 60_000 })),
    bugs: fc
      .subarray([...BUG_NAMES])
      .chain((bs) => fc.shuffledSubarray(bs, { minLength: bs.length, maxLength: bs.length })),
  })
  .map((h) => ({ ...h, bugs: h.bugs }));

const session = fc.constantFrom('c1', 'c2', 'c3', 'alice');
const path = fc.constantFrom('/a', '/b', '/a/x', '/jobs/job-', '/');
const word = fc.constantFrom(
  'x',
  'y',
  '42',
  '"hello world"',
  '""',
  '"<script>alert(1)</script>"',
  '<b>bold</b>',
  '"ünï ✓"',
  '"a\\"b"',
);

function lineArb(servers: number): fc.Arbitrary<string> {
  const server = fc.integer({ min: 1, max: servers }).map((k) => `n${k}`);
  const twoServers = fc
    .tuple(fc.integer({ min: 1, max: servers }), fc.integer({ min: 1, max: servers - 1 }))
    .map(([a, d]) => [`n${a}`, `n${((a - 1 + d) % servers) + 1}`] as const);
  const bg = fc.constantFrom('', ' &');
  const partition = fc
    .shuffledSubarray(
      Array.from({ length: servers }, (_, i) => i + 1),
      { minLength: servers, maxLength: servers },
    )
    .chain((order) =>
      fc.integer({ min: 1, max: servers - 1 }).map(
        (cut) =>
          `partition ${order
            .slice(0, cut)
            .map((k) => `n${k}`)
            .join(' ')} | ${order
            .slice(cut)
            .map((k) => `n${k}`)
            .join(' ')}`,
      ),
    );
  return fc.oneof(
    fc
      .tuple(session, fc.constantFrom('', ' -e', ' -s', ' -e -s'), path, word, bg)
      .map(([s, f, p, w, b]) => `${s}> create${f} ${p === '/' ? '/z' : p} ${w}${b}`),
    fc
      .tuple(session, fc.integer({ min: -1, max: 5 }), path, word, bg)
      .map(([s, v, p, w, b]) => `${s}> set${v === -1 ? '' : ` -v ${v}`} ${p === '/' ? '/a' : p} ${w}${b}`),
    fc
      .tuple(
        session,
        fc.constantFrom('get', 'get -s -w', 'ls', 'ls -R', 'stat -w', 'sync', 'delete', 'delete -v 0', 'deleteall'),
        path,
      )
      .map(([s, c, p]) => `${s}> ${c} ${p === '/jobs/job-' || (p === '/' && c.startsWith('delete')) ? '/a' : p}`),
    fc.tuple(session, path).map(([s]) => `${s}> multi check /a 0; set -v 1 /a x; create -e -s /b y`),
    fc.tuple(session, server).map(([s, n]) => `${s} connect ${n}`),
    fc.tuple(session, fc.constantFrom('close', 'expire')).map(([s, v]) => `${s} ${v}`),
    fc.tuple(fc.constantFrom('kill', 'restart'), server).map(([c, n]) => `${c} ${n}`),
    fc
      .tuple(fc.constantFrom('cut', 'heal'), twoServers, fc.boolean())
      .map(([c, [a, b], oneWay]) => `${c} ${a}${oneWay ? ' ->' : ''} ${b}`),
    fc.constant('heal'),
    partition,
    fc.integer({ min: 0, max: 100 }).map((p) => `loss ${p}%`),
    fc.integer({ min: 0, max: 50 }).map((p) => `dup ${p}%`),
    fc
      .tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 400 }))
      .map(([a, d]) => `latency ${a}..${a + d}ms`),
    fc.integer({ min: 0, max: 5000 }).map((ms) => `wait ${ms}ms`),
    fc.constant('settle'),
    fc.constant('kill n1   # with a comment'),
  );
}

/** Times and event counts as the live engine records them: non-decreasing, sometimes fractional, sometimes unknown. */
const stepArb = fc.record({
  dEvents: fc.oneof(fc.constant(0), fc.nat({ max: 500 }), fc.nat({ max: 2_000_000 })),
  dt: fc.oneof(
    fc.constant(0),
    fc.nat({ max: 5000 }),
    fc.double({ min: 0, max: 5000, noNaN: true, noDefaultInfinity: true }),
  ),
});

const scenarioArb: fc.Arbitrary<Scenario> = headerArb.chain((header) =>
  fc
    .array(fc.tuple(lineArb(header.servers), stepArb, fc.integer({ min: 0, max: 9 })), { maxLength: 40 })
    .map((items) => {
      const actions: ScenarioAction[] = [];
      let events = 0;
      let t = 0;
      for (const [text, step, roll] of items) {
        events += step.dEvents;
        t += step.dt;
        actions.push({ events: roll === 0 ? -1 : events, t, text });
      }
      return { header, actions };
    }),
);

// ---------------------------------------------------------------------------------------------
// Helpers.

function expectError(r: DecodeResult, pattern: RegExp): void {
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error).toMatch(pattern);
    expect(r.error).not.toContain('\n');
  }
}

function expectValidOrError(r: DecodeResult): void {
  if (r.ok) {
    expect(checkActions(r.scenario.header, r.scenario.actions)).toBeNull();
    expect(r.scenario.header.servers).toBeGreaterThanOrEqual(3);
    expect(r.scenario.header.servers).toBeLessThanOrEqual(25);
  } else {
    expect(typeof r.error).toBe('string');
    expect(r.error.length).toBeGreaterThan(0);
    expect(r.error).not.toContain('\n');
  }
}

const handMade: Scenario = {
  header: {
    ...DEFAULT_HEADER,
    servers: 5,
    seed: 42,
    protocol: 'basic-paxos',
    latency: { msMin: 20, msMax: 80 },
    loss: 0.05,
    dup: 0.125,
    sessionTimeoutMs: 6000,
    bugs: ['minority-quorum', 'forget-promise'],
  },
  actions: [
    { events: 0, t: 0, text: 'c1> create /a x' },
    { events: 0, t: 0, text: 'c2> create -e /lock "held by c2" &' },
    { events: 57, t: 312, text: 'kill n2' },
    { events: 57, t: 312, text: 'partition n1 | n2 n3 n4 n5' },
    { events: 240, t: 1887.75, text: 'c2> set -v 1 /a y' },
    { events: -1, t: 2500, text: 'cut n1 -> n2' },
    { events: 900, t: 4000.0001, text: 'loss 10%' },
    { events: 901, t: 4000.0001, text: 'heal' },
    { events: 5000, t: 30_000, text: 'c3> create /s "<script>alert(1)</script>"' },
    { events: 5001, t: 30_001, text: 'restart n2' },
  ],
};

// ---------------------------------------------------------------------------------------------

describe('the moment a link opens at', () => {
  it('round-trips a cursor and omits it when absent', () => {
    const header = { ...DEFAULT_HEADER_FOR_CURSOR };
    const withCursor = { header, actions: [{ events: 10, t: 100, text: 'kill n2' }], cursor: { events: 500, t: 4321 } };
    const decoded = decodeScenario(encodeScenario(withCursor));
    expect(decoded).toEqual({ ok: true, scenario: withCursor });
    const without = { header, actions: [{ events: 10, t: 100, text: 'kill n2' }] };
    expect(decodeScenario(encodeScenario(without))).toEqual({ ok: true, scenario: without });
  });

  it('a link made in the past keeps the future: actions after the cursor, up to where the run went', () => {
    const header = { ...DEFAULT_HEADER_FOR_CURSOR };
    const past = {
      header,
      actions: [
        { events: 10, t: 100, text: 'c1> create /l 1' },
        { events: 900, t: 900, text: 'c2> set /l 2' },
      ],
      cursor: { events: 500, t: 600 },
      head: { events: 1400, t: 1177 },
    };
    expect(decodeScenario(encodeScenario(past))).toEqual({ ok: true, scenario: past });
  });

  it('a past moment before actions recorded at the very same point says how many had run', () => {
    const header = { ...DEFAULT_HEADER_FOR_CURSOR };
    const past = {
      header,
      actions: [
        { events: 500, t: 600, text: 'kill n2' },
        // An imported script's line that never ran may lie beyond the end of the run.
        { events: -1, t: 9000, text: 'restart n2' },
      ],
      cursor: { events: 500, t: 600, actions: 0 },
      head: { events: 1400, t: 1177 },
    };
    expect(decodeScenario(encodeScenario(past))).toEqual({ ok: true, scenario: past });
    const tooMany = decodeScenario(encodeScenario({ ...past, cursor: { events: 500, t: 600, actions: 3 } }));
    expect(tooMany).toEqual({ ok: false, error: 'this link is damaged: it says 3 actions had run but holds 2' });
  });

  it('refuses a future that ends before the cursor, or actions after the end', () => {
    const header = { ...DEFAULT_HEADER_FOR_CURSOR };
    const actions = [{ events: 10, t: 100, text: 'kill n2' }];
    const endBeforeCursor = decodeScenario(
      encodeScenario({ header, actions, cursor: { events: 500, t: 600 }, head: { events: 400, t: 700 } }),
    );
    expect(endBeforeCursor).toEqual({
      ok: false,
      error: 'this link is damaged: its run ends before the moment it opens at',
    });
    const actionAfterEnd = decodeScenario(
      encodeScenario({
        header,
        actions: [...actions, { events: 2000, t: 2000, text: 'restart n2' }],
        cursor: { events: 500, t: 600 },
        head: { events: 1000, t: 1000 },
      }),
    );
    expect(actionAfterEnd).toEqual({
      ok: false,
      error: 'this link is damaged: it has an action after the end of its run',
    });
    // Without the end of the run, actions after the cursor are damage as before.
    const noHead = decodeScenario(
      encodeScenario({
        header,
        actions: [...actions, { events: 900, t: 900, text: 'restart n2' }],
        cursor: { events: 500, t: 600 },
      }),
    );
    expect(noHead).toEqual({ ok: false, error: 'this link is damaged: it opens before its last action' });
  });
});

describe('round trip', () => {
  it('a hand-made scenario comes back equal, <script> as plain data', () => {
    const payload = encodeScenario(handMade);
    expect(payload).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(decodeScenario(payload)).toEqual({ ok: true, scenario: handMade });
    const back = decodeScenario(payload);
    expect(back.ok && back.scenario.actions[8]?.text).toBe('c3> create /s "<script>alert(1)</script>"');
  });

  it('a ZAB run with its bug switches and `leader` in its actions', () => {
    const s: Scenario = {
      header: { ...DEFAULT_HEADER, protocol: 'zab', bugs: ['zab-skip-truncate', 'zab-elect-by-id'] },
      actions: [
        { events: 0, t: 0, text: 'c1> create /a x' },
        { events: 40, t: 300, text: 'kill leader' },
      ],
    };
    const payload = encodeScenario(s);
    expect(decodeScenario(payload)).toEqual({ ok: true, scenario: s });
  });

  it('the default header and no actions', () => {
    const s: Scenario = { header: DEFAULT_HEADER, actions: [] };
    expect(decodeScenario(encodeScenario(s))).toEqual({ ok: true, scenario: s });
  });

  it('the same scenario always encodes to the same link', () => {
    expect(encodeScenario(handMade)).toBe(encodeScenario(structuredClone(handMade)));
  });

  it('scenarioHash and scenarioFromLocationHash', () => {
    const hash = scenarioHash(handMade);
    expect(hash.startsWith('#s=v1.')).toBe(true);
    expect(scenarioFromLocationHash(hash)).toEqual({ kind: 'scenario', scenario: handMade });
    expect(scenarioFromLocationHash(hash.slice(1))).toEqual({ kind: 'scenario', scenario: handMade });
    expect(scenarioFromLocationHash('')).toEqual({ kind: 'none' });
    expect(scenarioFromLocationHash('#')).toEqual({ kind: 'none' });
    expect(scenarioFromLocationHash('#about')).toEqual({
      kind: 'error',
      error: 'this link ends in "#about", which is neither a shared run (#s=...) nor a lesson (#lesson=...)',
    });
    expect(scenarioFromLocationHash('#s=')).toEqual({
      kind: 'error',
      error: expect.stringMatching(/no scenario in it/),
    });
    expect(scenarioFromLocationHash('#s=v2.abc')).toEqual({
      kind: 'error',
      error: expect.stringMatching(/newer version of Paxoscope \(v2\)/),
    });
  });

  it('property: decode(encode(s)) equals s for generated scenarios', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(checkActions(s.header, s.actions)).toBeNull();
        expect(decodeScenario(encodeScenario(s))).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 300 },
    );
  });

  it('base64url: bytes round-trip at every length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        const s = bytesToBase64url(bytes);
        expect(s).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(Buffer.from(s, 'base64url').equals(Buffer.from(bytes))).toBe(true);
        expect(base64urlToBytes(s)).toEqual(bytes);
      }),
    );
  });
});

describe('hostile and broken links', () => {
  const valid = encodeScenario(handMade);

  it('an empty payload', () => {
    expectError(decodeScenario(''), /no scenario in it/);
  });

  it('a wrong or missing version', () => {
    expectError(decodeScenario('v9.' + valid.slice(3)), /^this link was made by a newer version of Paxoscope \(v9\)/);
    expectError(decodeScenario(valid.slice(3)), /no version tag/);
    expectError(decodeScenario('v1'), /no version tag/);
    expectError(decodeScenario('V1.' + valid.slice(3)), /no version tag/);
    expectError(decodeScenario('v0.' + valid.slice(3)), /unknown version tag \(v0\)/);
  });

  it('characters outside base64url, with the character and where it is', () => {
    expectError(decodeScenario('v1.abc+def'), /"\+" at character 7 cannot appear/);
    expectError(decodeScenario(valid + '='), /"=" at character/);
    expectError(decodeScenario('v1.<script>alert(1)</script>'), /"<" at character 4/);
    expectError(decodeScenario('v1.ab cd'), /" " at character 6/);
    expectError(decodeScenario('v1.abc😀'), /"😀" at character 7/);
  });

  it('truncated links, at every length, are errors', () => {
    for (let n = 3; n < valid.length; n++) {
      const r = decodeScenario(valid.slice(0, n));
      expect(r.ok, `cut at ${n}`).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/cut short|damaged|impossible length/);
    }
    expectError(decodeScenario(valid.slice(0, valid.length - 8)), /cut short|damaged/);
  });

  it('corrupt compressed data', () => {
    const bytes = base64urlToBytes(valid.slice(3))!;
    const garbage = new Uint8Array(bytes);
    for (let i = 4; i < garbage.length; i++) garbage[i] = 0xff;
    expectError(decodeScenario('v1.' + bytesToBase64url(garbage)), /does not unpack|checksum|damaged/);
    const flipped = new Uint8Array(bytes);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x10;
    expectError(decodeScenario('v1.' + bytesToBase64url(flipped)), /damaged/);
    const badSum = new Uint8Array(bytes);
    badSum[0]! ^= 1;
    expectError(decodeScenario('v1.' + bytesToBase64url(badSum)), /does not match its checksum/);
  });

  it('a 5 MB hash is refused before any decoding', () => {
    const huge = 'v1.' + 'A'.repeat(5 * 1024 * 1024);
    expectError(decodeScenario(huge), /too long: 5,242,883 characters .*at most 65,536/);
    expect(scenarioFromLocationHash('#s=' + huge)).toEqual({ kind: 'error', error: expect.stringMatching(/too long/) });
    // The size comes first: a bad version or a bad character further in is not even looked at.
    expectError(decodeScenario('v9.%' + 'A'.repeat(5 * 1024 * 1024)), /too long/);
    expectError(decodeScenario('v1.' + 'A'.repeat(MAX_PAYLOAD_CHARS)), /too long/);
  });

  it('a zip bomb: a small link that would unpack to megabytes stops at the cap', () => {
    // 20 MB of JSON whitespace: valid JSON if ever unpacked, so only the cap can stop it.
    const bomb = packJsonText('[[],[' + ' '.repeat(20 * 1024 * 1024) + ']]');
    expect(bomb.length).toBeLessThan(MAX_PAYLOAD_CHARS);
    console.log(`zip bomb link: ${bomb.length} characters for 20 MB unpacked`);
    expectError(decodeScenario(bomb), /unpacks to more than 256 KB/);
    // Raw deflate of zeros with no checksum prefix in front: still capped, or an error.
    const zeros = bytesToBase64url(deflateSync(new Uint8Array(10 * 1024 * 1024), { level: 9 }));
    expectError(decodeScenario('v1.' + zeros), /unpacks to more than|damaged|checksum/);
  });

  it('JSON of the wrong shape says where and what in the page’s language', () => {
    setLanguage('zh');
    try {
      expectError(
        decodeScenario(packJsonText('[[],[[-2,0,"heal"]]]')),
        /^这个链接的场景在 第 1 个操作（事件数） 处结构不对：应为不小于 -1 的整数$/,
      );
      expectError(decodeScenario(packJsonText('[[5],[]]')), /在 第 1 行头部设置 处结构不对：应为 string，实际是 5$/);
    } finally {
      setLanguage('en');
    }
    expectError(decodeScenario(packJsonText('[[5],[]]')), /at header line 1: expected string, got 5$/);
  });

  it('JSON of the wrong shape, each with where and what', () => {
    expectError(decodeScenario(packJsonText('not json')), /not valid JSON/);
    expectError(decodeScenario(packJsonText('{"header":[],"actions":[]}')), /wrong shape at the top level/);
    expectError(decodeScenario(packJsonText('[[],[],[]]')), /wrong shape at the moment the link opens at/);
    expectError(decodeScenario(packJsonText('[[],[],[1,2],4]')), /wrong shape at the end of the run/);
    expectError(decodeScenario(packJsonText('[[],[],[1,2],[3,4],5]')), /wrong shape at the top level/);
    expectError(decodeScenario(packJsonText('[[],[[5,100,"heal"]],[4,200]]')), /opens before its last action/);
    expectError(decodeScenario(packJsonText('[[5],[]]')), /wrong shape at header line 1/);
    expectError(decodeScenario(packJsonText('[[],{}]')), /wrong shape at the action list/);
    expectError(
      decodeScenario(packJsonText('[[],[[0,0,"heal"],[1.5,0,"heal"]]]')),
      /wrong shape at action 2 \(event count\)/,
    );
    expectError(decodeScenario(packJsonText('[[],[[-2,0,"heal"]]]')), /wrong shape at action 1 \(event count\)/);
    expectError(decodeScenario(packJsonText('[[],[[0,-5,"heal"]]]')), /wrong shape at action 1 \(time\)/);
    expectError(decodeScenario(packJsonText('[[],[[0,1e999,"heal"]]]')), /wrong shape at action 1 \(time\)/);
    expectError(decodeScenario(packJsonText('[[],[[0,[1,2],"heal"]]]')), /wrong shape at action 1 \(time\)/);
    expectError(
      decodeScenario(packJsonText('[[],[[0,0,{"toString":"kill n1"}]]]')),
      /wrong shape at action 1 \(text\)/,
    );
    expectError(
      decodeScenario(packJsonText(`[[],[[0,0,"${'x'.repeat(3000)}"]]]`)),
      /wrong shape at action 1 \(text\).*2000/,
    );
    expectError(decodeScenario(packJsonText('[[],[[0,0,"heal",1]]]')), /wrong shape at action 1/);
    expectError(
      decodeScenario(packJsonText('[[],[[9007199254740991,0,"heal"],[9007199254740991,0,"heal"]]]')),
      /action 2.*out of range|more than/,
    );
    expectError(
      decodeScenario(packJsonText('[[],[[0,999999999,"heal"],[0,999999999,"heal"]]]')),
      /action 2 .*later than/,
    );
    expectError(decodeScenario(packJsonText('[[],[[0,0,"kill n1\\nservers 9"]]]')), /action 1 .*several lines/);
    expectError(decodeScenario(packJsonText('[[],[[0,0,"   # just a comment"]]]')), /action 1 .*empty/);
    expectError(
      decodeScenario(packJsonText('[[],[[0,[50],"heal"],[0,[10],"heal"]]]')),
      /action 2 .*happens before action 1/,
    );
  });

  it('invalid UTF-8 inside the compressed data', () => {
    // packJsonText encodes text; build the bytes by hand with a stray continuation byte.
    const payload = packJsonText('[[],[]]');
    const good = decodeScenario(payload);
    expect(good.ok).toBe(true);
    const raw = new Uint8Array([0x5b, 0x80, 0x5d]);
    const sum = fnv(raw);
    const deflated = deflateSync(raw);
    const bytes = new Uint8Array(4 + deflated.length);
    bytes.set([sum >>> 24, (sum >>> 16) & 255, (sum >>> 8) & 255, sum & 255]);
    bytes.set(deflated, 4);
    expectError(decodeScenario('v1.' + bytesToBase64url(bytes)), /not valid UTF-8/);
  });

  it('10,000 servers, and other headers out of bounds', () => {
    expectError(
      decodeScenario(packJsonText('[["servers 10000"],[]]')),
      /^this link asks for 10000 servers; Paxoscope runs 3 to 25 in the browser$/,
    );
    expectError(decodeScenario(packJsonText('[["servers 26"],[]]')), /asks for 26 servers; Paxoscope runs 3 to 25/);
    expectError(decodeScenario(packJsonText('[["servers 1"],[]]')), /asks for 1 servers/);
    expectError(
      decodeScenario(packJsonText('[["servers 99999999999999999999999"],[]]')),
      /asks for 99999999999999999999999 servers/,
    );
    expectError(decodeScenario(packJsonText('[["servers five"],[]]')), /header line 1 \("servers five"\) is invalid/);
    expectError(decodeScenario(packJsonText('[["protocol raft"],[]]')), /header line 1 .*invalid/);
    expectError(decodeScenario(packJsonText('[["kill n1"],[]]')), /header line 1 .*not a header setting/);
    expectError(decodeScenario(packJsonText('[["seed 1","seed 2"],[]]')), /header line 2/);
    expectError(decodeScenario(packJsonText('[["seed 1\\nkill n1"],[]]')), /header line 1/);
    expectError(
      decodeScenario(packJsonText(JSON.stringify([Array(65).fill('seed 1'), []]))),
      /header: expected at most 64 header lines/,
    );
  });

  it('at most 10,000 actions', () => {
    const many = packJsonText(JSON.stringify([[], Array.from({ length: 10_001 }, () => [0, 0, 'heal'])]));
    expectError(decodeScenario(many), /^this link has 10,001 actions; Paxoscope accepts at most 10,000$/);
    const ok = packJsonText(JSON.stringify([[], Array.from({ length: 10_000 }, () => [0, 0, 'heal'])]));
    const r = decodeScenario(ok);
    expect(r.ok && r.scenario.actions.length).toBe(10_000);
  });

  it('a script line with an error names the first bad action and its index', () => {
    const s: Scenario = {
      header: DEFAULT_HEADER,
      actions: [
        { events: 0, t: 0, text: 'c1> create /a x' },
        { events: 3, t: 10, text: 'c1> frobnicate /a' },
        { events: 4, t: 20, text: 'kill n7' },
      ],
    };
    expectError(decodeScenario(encodeScenario(s)), /^action 2 of this link \("c1> frobnicate \/a"\) cannot run: /);
    expectError(
      decodeScenario(encodeScenario({ header: DEFAULT_HEADER, actions: [{ events: 0, t: 0, text: 'kill n7' }] })),
      /^action 1 .*n7/,
    );
    // Header lines are not actions: a link cannot smuggle `servers 9` in as an action.
    expectError(
      decodeScenario(encodeScenario({ header: DEFAULT_HEADER, actions: [{ events: 0, t: 0, text: 'servers 9' }] })),
      /^action 1 /,
    );
  });

  it('<script> and other markup stay plain data', () => {
    const texts = [
      'c1> create /x "<script>alert(document.cookie)</script>"',
      'c1> set /x <img/src=x/onerror=alert(1)>',
      'c1> create /y "${constructor}"',
    ];
    const s: Scenario = { header: DEFAULT_HEADER, actions: texts.map((text, i) => ({ events: i, t: i, text })) };
    const r = decodeScenario(encodeScenario(s));
    expect(r).toEqual({ ok: true, scenario: s });
    const proto = decodeScenario(packJsonText('[[],[[0,0,"__proto__"]]]'));
    expectError(proto, /action 1/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('property: never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => 'v1.' + s),
          fc.base64String().map((s) => 'v1.' + s.replace(/=+$/, '')),
        ),
        (s) => {
          expectValidOrError(decodeScenario(s));
          const h = scenarioFromLocationHash('#s=' + s);
          expect(['none', 'scenario', 'error']).toContain(h.kind);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: never throws on mutations of valid links (flip, delete, insert characters)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.%=+/ ';
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), ch: fc.constantFrom(...Array.from(alphabet)) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), ch: fc.constant('') }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), ch: fc.constantFrom(...Array.from(alphabet)) }),
    );
    fc.assert(
      fc.property(scenarioArb, fc.array(mutation, { minLength: 1, maxLength: 4 }), (s, mutations) => {
        let p = encodeScenario(s);
        for (const mu of mutations) {
          const at = mu.at % (p.length + 1);
          if (mu.kind === 'flip') p = p.slice(0, at) + mu.ch + p.slice(at + 1);
          else if (mu.kind === 'delete') p = p.slice(0, at) + p.slice(at + 1);
          else p = p.slice(0, at) + mu.ch + p.slice(at);
        }
        expectValidOrError(decodeScenario(p));
      }),
      { numRuns: 300 },
    );
  });
});

describe('size', () => {
  /** A realistic 50-action session: writes and reads from three clients, crashes, cuts, partitions, loss. */
  function realistic(fractional: boolean): Scenario {
    let state = 12345;
    const rand = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const clients = ['c1', 'c2', 'c3'];
    const paths = ['/app', '/app/config', '/app/leader', '/jobs/job-', '/locks/l-'];
    const faults = [
      'kill n2',
      'restart n2',
      'kill n4',
      'restart n4',
      'cut n1 -> n3',
      'heal n1 n3',
      'partition n1 n2 | n3 n4 n5',
      'heal',
      'loss 10%',
      'loss 0%',
      'latency 20..200ms',
      'dup 5%',
    ];
    const actions: ScenarioAction[] = [];
    let events = 0;
    let t = 0;
    let fault = 0;
    for (let i = 0; i < 50; i++) {
      events += 20 + rand(600);
      t += 150 + rand(4000);
      const time = fractional ? t + rand(1_000_000) / 1_048_576 : t;
      let text: string;
      if (i % 4 === 3) text = faults[fault++ % faults.length]!;
      else {
        const c = clients[rand(3)]!;
        const p = paths[rand(paths.length)]!;
        const roll = rand(6);
        if (roll === 0) text = `${c}> create ${p.endsWith('-') ? '-e -s ' : ''}${p} v${rand(100)}`;
        else if (roll === 1) text = `${c}> set -v ${rand(4)} /app/config v${rand(100)}`;
        else if (roll === 2) text = `${c}> get -w /app/config`;
        else if (roll === 3) text = `${c}> ls /app`;
        else if (roll === 4) text = `${c}> set /app/leader ${c} &`;
        else text = `${c}> delete /app/leader`;
      }
      actions.push({ events, t: time, text });
    }
    return { header: { ...DEFAULT_HEADER, servers: 5, seed: 20240611 }, actions };
  }

  it('a realistic 50-action scenario fits in fewer than 2,000 characters of URL hash', () => {
    const s = realistic(false);
    expect(checkActions(s.header, s.actions)).toBeNull();
    const hash = scenarioHash(s);
    console.log(`50-action scenario, whole-ms times: #s=... hash is ${hash.length} characters`);
    expect(hash.length).toBeLessThan(2000);
    expect(scenarioFromLocationHash(hash)).toEqual({ kind: 'scenario', scenario: s });
  });

  it('the same with fractional live-clock times (exact, but longer)', () => {
    const s = realistic(true);
    const hash = scenarioHash(s);
    console.log(`50-action scenario, fractional times: #s=... hash is ${hash.length} characters`);
    expect(hash.length).toBeLessThan(2000);
    expect(scenarioFromLocationHash(hash)).toEqual({ kind: 'scenario', scenario: s });
  });
});

function fnv(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
