// Links made by an earlier build open to the same run: each pinned link (testdata/links/pinned.json, made by the
// runs below) is decoded and replayed, and must reach the fingerprint, time and event count it had when made.
// `UPDATE=1 npx vitest run src/worker/pinnedLinks.test.ts` makes the links afresh from today's code; do that only
// when a change of behaviour is intended, and say so in the commit.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER, type Header } from '../sim/config';
import { scenarioFromLocationHash, scenarioHash } from '../scenario/url';
import { play } from './testPlay';
import { LiveRun } from './engine';

const FILE = 'testdata/links/pinned.json';

interface PinnedLink {
  readonly name: string;
  readonly hash: string;
  readonly fingerprint: string;
  readonly events: number;
  readonly t: number;
}

/** The runs the links were made from: faults, races, a fork, a moment in the past, both protocols. */
const RUNS: Record<string, () => LiveRun> = {
  'writes-crash-restart': () => {
    const run = new LiveRun({ ...DEFAULT_HEADER, servers: 5, seed: 7 });
    run.speed = 5;
    play(run, 1000);
    run.runLine('c1> create -e /data 1', 'console');
    run.runLine('c2> create -s /jobs- x', 'console');
    play(run, 800);
    run.runLine('kill n1', 'control');
    play(run, 3000);
    run.runLine('c2> set -v 0 /data 2', 'console');
    run.runLine('restart n1', 'control');
    play(run, 2000);
    return run;
  },
  'race-and-fork-in-the-past': () => {
    const run = new LiveRun({ ...DEFAULT_HEADER, servers: 3, seed: 11 });
    run.speed = 4;
    run.runLine('c1> create /r 0', 'console');
    play(run, 1500);
    run.runLine('c1> set -v 0 /r a', 'console');
    run.runLine('c2> set -v 0 /r b', 'console');
    play(run, 1500);
    run.seekTime(Math.round(run.sim.now / 2));
    run.runLine('cut n1 -> n3', 'control');
    run.runLine('c3> get -w /r', 'console');
    play(run, 2000);
    run.seekTime(Math.round(run.sim.now * 0.8));
    return run;
  },
  'basic-paxos-partition-lossy': () => {
    const header: Header = { ...DEFAULT_HEADER, servers: 5, seed: 3, protocol: 'basic-paxos', loss: 0.05, dup: 0.05 };
    const run = new LiveRun(header);
    run.speed = 3;
    run.runLine('c1> create /p 1', 'console');
    play(run, 1200);
    run.runLine('partition n1 n2 | n3 n4 n5', 'console');
    run.runLine('c2> set /p 2', 'console');
    play(run, 3000);
    run.runLine('heal', 'console');
    run.runLine('c1> sync /p', 'console');
    play(run, 2000);
    return run;
  },
};

function pin(name: string, run: LiveRun): PinnedLink {
  return {
    name,
    hash: scenarioHash(run.scenario()),
    fingerprint: run.fingerprint(),
    events: run.sim.trace.length,
    t: run.sim.now,
  };
}

describe('links made by an earlier build', () => {
  if (process.env['UPDATE'] === '1') {
    const links = Object.entries(RUNS).map(([name, make]) => pin(name, make()));
    writeFileSync(FILE, `${JSON.stringify(links, null, 2)}\n`);
  }
  const links = JSON.parse(readFileSync(FILE, 'utf8')) as PinnedLink[];

  it('are all here', () => {
    expect(links.map((l) => l.name)).toEqual(Object.keys(RUNS));
  });

  for (const link of links) {
    it(`${link.name} opens to the same run`, () => {
      const read = scenarioFromLocationHash(link.hash);
      if (read.kind !== 'scenario') throw new Error(`pinned link does not decode: ${JSON.stringify(read)}`);
      const { header, actions, cursor, head } = read.scenario;
      const opened = new LiveRun(header, actions);
      // As the page opens a link: to its cursor (the moment it was made), its future after it.
      if (cursor === undefined) throw new Error('a link made by Copy link always has a cursor');
      expect(opened.openAt(cursor, head)).toBeNull();
      expect({ fingerprint: opened.fingerprint(), events: opened.sim.trace.length, t: opened.sim.now }).toEqual({
        fingerprint: link.fingerprint,
        events: link.events,
        t: link.t,
      });
    });
  }
});
