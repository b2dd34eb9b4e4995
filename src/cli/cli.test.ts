// The CLI as a user runs it: through tsx, with real files, exit codes and output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../script/parse';
import { runScript } from '../script/run';
import { traceFingerprint } from '../sim/fingerprint';

const root = resolve(__dirname, '../..');
const scenarios = resolve(root, 'testdata/scenarios');
const tsx = join(root, 'node_modules/.bin/tsx');

function run(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, [join(root, 'src/cli', script), ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempScript(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'paxoscope-'));
  const file = join(dir, 'scenario.zk');
  writeFileSync(file, text);
  return file;
}

interface Summary {
  summary: {
    servers: Record<string, { decided: [number, number, string][]; applied: number; up: boolean }>;
    checks: Record<string, string>;
    fingerprint: string;
  };
}

function summaryOf(stdout: string): Summary['summary'] {
  const last = stdout.trim().split('\n').at(-1)!;
  return (JSON.parse(last) as Summary).summary;
}

describe('npm run sim', () => {
  for (const servers of ['3', '5']) {
    it(`runs the seed example on ${servers} servers with every check passing`, () => {
      const { status, stdout } = run('sim.ts', [join(scenarios, 'seed-example.zk'), '--servers', servers, '--json']);
      expect(status).toBe(0);
      const lines = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const create = lines.find((l) => l.cmd === 'create -e /data 1');
      expect(create).toMatchObject({ ok: true, path: '/data', session: 'c1' });
      const conditional = lines.find((l) => l.cmd === 'set -v 0 /data 2');
      expect(conditional).toMatchObject({ ok: true });
      // The watch set by get -w fires before the reply to c1's own set.
      const watchIndex = lines.findIndex((l) => l.event === 'NodeDataChanged' && l.session === 'c1');
      expect(watchIndex).toBeGreaterThan(-1);
      expect(watchIndex).toBeLessThan(lines.indexOf(conditional!));
      const summary = summaryOf(stdout);
      expect(Object.keys(summary.servers)).toHaveLength(Number(servers));
      expect(Object.values(summary.checks).every((v) => v === 'ok')).toBe(true);
      const logs = Object.values(summary.servers).map((s) => JSON.stringify(s.decided));
      expect(new Set(logs).size).toBe(1);
    });
  }

  it('keeps a chosen value when the leader crashes mid-write', () => {
    const { status, stdout } = run('sim.ts', [join(scenarios, 'leader-crash.zk'), '--json']);
    expect(status).toBe(0);
    const summary = summaryOf(stdout);
    expect(Object.values(summary.checks).every((v) => v === 'ok')).toBe(true);
    const get = stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.cmd === 'get -s /config');
    // Whichever value the get returns must be the one in the decided log's last write to /config.
    const decided = summary.servers.n2!.decided.map((entry) => entry[2]).filter((text) => text.includes('/config'));
    const lastValue = decided.at(-1)!.split(' ').at(-1);
    expect(get).toMatchObject({ ok: true, data: lastValue });
  });

  it('ends its summary with the trace fingerprint, the one the page shows for the same run', () => {
    const file = join(scenarios, 'version-race.zk');
    const { sim } = runScript(parseScript(readFileSync(file, 'utf8')).script);
    const fingerprint = traceFingerprint(sim.trace);
    expect(fingerprint).toMatch(/^[0-9a-f]{14}$/);
    expect(summaryOf(run('sim.ts', [file, '--json']).stdout).fingerprint).toBe(fingerprint);
    expect(run('sim.ts', [file]).stdout.trim().split('\n').at(-1)).toBe(`fingerprint: ${fingerprint}`);
    // Another seed is another run, with another fingerprint.
    expect(summaryOf(run('sim.ts', [file, '--seed', '3', '--json']).stdout).fingerprint).not.toBe(fingerprint);
  });

  it('prints zkCli text by default', () => {
    const { status, stdout } = run('sim.ts', [join(scenarios, 'version-race.zk')]);
    expect(status).toBe(0);
    expect(stdout).toContain('Created /counter');
    expect(stdout).toContain('version No is not valid : /counter');
    expect(stdout).toContain('dataVersion = 1');
    expect(stdout).toMatch(/checks: agreement ok/);
  });

  it('reports every malformed line with its number, runs the rest, and exits non-zero', () => {
    const file = tempScript('servers 3\nc1> create /a 1\nc1> bogus /a\nkill n7\nc1> get /a\n');
    const { status, stdout, stderr } = run('sim.ts', [file]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/:line 3: .*unknown command "bogus"/);
    expect(stderr).toMatch(/:line 4: .*n7/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(stdout).toContain('Created /a');
  });

  it('rejects bad options with one line and no stack trace', () => {
    for (const args of [['--servers', 'x', 'f.zk'], ['--bogus'], [], ['missing-file.zk']]) {
      const { status, stderr } = run('sim.ts', args);
      expect(status).not.toBe(0);
      expect(stderr.trim().split('\n')[0]).toMatch(/^error: /);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('npm run fuzz', () => {
  it('runs seeds and exits 0 without violations', () => {
    const { status, stdout } = run('fuzz.ts', ['--seeds', '5', '--steps', '100']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/5 runs, 0 violations/);
  });

  it('prints the violation, its seed and a reproducing scenario, and exits 1', () => {
    const { status, stdout } = run('fuzz.ts', ['--seeds', '50', '--steps', '300', '--bug', 'forget-promise', '--stop']);
    expect(status).toBe(1);
    expect(stdout).toMatch(/violation: promises at seed \d+/);
    expect(stdout).toContain('bug forget-promise');
  });

  it('on several threads prints the same lines, in seed order, and stops at the same seed', () => {
    const untimed = (out: string): string => out.replace(/, [\d.]+ s\)$/m, ')');
    for (const extra of [[], ['--stop']]) {
      const args = ['--seeds', '12', '--steps', '200', '--bug', 'minority-quorum', '--servers', '5', ...extra];
      const one = run('fuzz.ts', [...args, '--jobs', '1']);
      const three = run('fuzz.ts', [...args, '--jobs', '3']);
      expect(one.stdout).toMatch(/violation: /);
      expect(three.status).toBe(one.status);
      expect(untimed(three.stdout)).toBe(untimed(one.stdout));
    }
  });

  it('rejects a bad --jobs', () => {
    const { status, stderr } = run('fuzz.ts', ['--jobs', '0']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--jobs must be between 1 and 256/);
  });

  it('rejects an unknown bug name', () => {
    const { status, stderr } = run('fuzz.ts', ['--bug', 'nope']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/unknown bug "nope"/);
  });
});

describe('npm run bench', () => {
  it('reports throughput and both time-travel shapes as JSON lines, and refuses a bad size', () => {
    const { status, stdout } = run('bench.ts', [
      '--servers',
      '3',
      '--writes',
      '200',
      '--seek',
      '2000',
      '--seek-growing',
      '2000',
      '--monitor-seconds',
      '2',
      '--json',
    ]);
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, Record<string, number> | number>);
    expect(lines[0]).toMatchObject({ servers: 3, writes: 200 });
    const steady = lines.find((line) => 'seek' in line)!.seek as Record<string, number>;
    const growing = lines.find((line) => 'seekGrowing' in line)!.seekGrowing as Record<string, number>;
    for (const row of [steady, growing]) {
      expect(row.traceEvents).toBeGreaterThanOrEqual(2000);
      expect(row.snapshots).toBeGreaterThan(0);
      expect(row.seekMaxMs).toBeGreaterThanOrEqual(row.seekMedianMs!);
    }
    const monitor = lines.find((line) => 'monitor' in line)!.monitor as Record<string, number>;
    expect(monitor).toMatchObject({ servers: 25, simulatedSeconds: 2 });
    expect(monitor.writes).toBeGreaterThanOrEqual(19);
    expect(monitor.cpuSecondsWithChecks).toBeGreaterThan(0);
    const bad = run('bench.ts', ['--seek-growing', 'lots']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/seek-growing/);
  });
});

describe('commands on a closed session', () => {
  it('fail at once with SESSIONEXPIRED instead of vanishing', () => {
    const file = tempScript('c1> create -e /eph 1\nc1 close\nc1> get /eph\nc1> ls /\nc1 close\nc2> ls /\n');
    const { status, stdout } = run('sim.ts', [file, '--json']);
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const byLine = (n: number) => lines.find((l) => l.line === n);
    expect(byLine(2)).toMatchObject({ cmd: 'c1 close', ok: true });
    expect(byLine(3)).toMatchObject({ session: 'c1', cmd: 'get /eph', ok: false, error: 'SESSIONEXPIRED' });
    expect(byLine(4)).toMatchObject({ session: 'c1', cmd: 'ls /', ok: false, error: 'SESSIONEXPIRED' });
    expect(byLine(5)).toMatchObject({ cmd: 'c1 close', ok: false, error: 'SESSIONEXPIRED' });
    // Another session still works, and the ephemeral went with c1.
    expect(byLine(6)).toMatchObject({ session: 'c2', ok: true, children: ['zookeeper'] });
  });

  it('expiring a session that never opened, or already ended, is refused and commits nothing', () => {
    const file = tempScript('c1> ls /\nc4 expire\nc1 close\nc1 expire\n');
    const { status, stdout } = run('sim.ts', [file, '--json']);
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.line === 2)).toMatchObject({
      cmd: 'c4 expire',
      ok: false,
      note: 'c4 has no open session to expire: it never connected',
    });
    expect(lines.find((l) => l.line === 4)).toMatchObject({
      cmd: 'c1 expire',
      ok: false,
      note: 'c1 has no open session to expire: it already ended',
    });
    const summary = (lines.at(-1) as { summary: { servers: Record<string, { decided: [number, number, string][] }> } })
      .summary;
    expect(summary.servers.n1!.decided.map((entry) => entry[2])).toEqual(['createSession c1', 'closeSession c1']);
  });
});

describe('npm run check', () => {
  const good = 'INFO  jepsen.util - 0 :invoke :write 1\nINFO  jepsen.util - 0 :ok :write 1\n';
  const bad = `${good}INFO  jepsen.util - 1 :invoke :read nil\nINFO  jepsen.util - 1 :ok :read 2\n`;

  it('checks every file in one process: exit 0 when all are linearizable, 1 when one is not', () => {
    const ok = run('check.ts', [tempScript(good), tempScript(good)]);
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(2);
    expect(ok.stdout).toMatch(/: linearizable$/m);
    const mixed = run('check.ts', ['--json', tempScript(good), tempScript(bad)]);
    expect(mixed.status).toBe(1);
    const verdicts = mixed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(verdicts.map((v) => [v.model, v.linearizable])).toEqual([
      ['register', true],
      ['register', false],
    ]);
    expect(verdicts[1]?.op).toBe('p1 read -> 2');
  });

  it('exit 2 for a missing or malformed file (named with its line), a bad --model or no file', () => {
    const missing = run('check.ts', ['no-such-file.log']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^error: no-such-file\.log: no such file/);
    const malformed = run('check.ts', ['--model', 'kv', tempScript('{:process 0, :type :nope}\n')]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/:1: /);
    expect(run('check.ts', ['--model', 'queue', 'f.log']).status).toBe(2);
    expect(run('check.ts', []).status).toBe(2);
  });

  it('npm run check goes through scripts/check.mjs (a cached bundle of check.ts): same output and exit codes', () => {
    const files = [tempScript(good), tempScript(bad)];
    const launched = spawnSync('node', [join(root, 'scripts/check.mjs'), ...files], { cwd: root, encoding: 'utf8' });
    const direct = run('check.ts', files);
    expect(launched.status).toBe(1);
    expect(launched.stdout).toBe(direct.stdout);
    expect(launched.stdout).toMatch(/: not linearizable: p1 read -> 2 cannot follow/);
  });
});
