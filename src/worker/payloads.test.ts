import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER, type Header } from '../sim/config';
import type { MessageView } from '../view/projections';
import { play } from './testPlay';
import { LiveRun } from './engine';

const header: Header = { ...DEFAULT_HEADER, servers: 3, seed: 5 };

describe('message payloads in the live run', () => {
  it('frames carry each message’s content, and a new leader’s promises list what the old one had accepted', () => {
    const run = new LiveRun(header);
    run.speed = 20;
    const sent: MessageView[] = [];
    const take = (): void => void sent.push(...run.frame().sent);
    play(run, 2000);
    take();
    expect(run.runLine('c1> create /a 1', 'console')).toBeNull();
    expect(run.runLine('c1> create /b 2', 'console')).toBeNull();
    // Kill the leader just after its Accepts for the writes went out: the next leader learns them from promises.
    for (let i = 0; i < 400 && !run.sim.trace.some((e) => e.kind === 'send' && e.wire === 'accept'); i++) run.step();
    take();
    const leader = run.sim.servers.find((s) => run.sim.roleOf(s.id) === 'leader')!.id;
    expect(run.runLine(`kill n${leader}`, 'control')).toBeNull();
    for (let i = 0; i < 40; i++) {
      play(run, 100);
      take();
    }
    const accept = sent.find((m) => m.kind === 'accept' && m.sentAt > 2000)!;
    // c1's first write is its session's creation: the leader proposes it first.
    expect(accept.payload).toEqual(['slot #0 · ballot 1.n1', 'value: createSession c1']);
    const promises = sent.filter((m) => m.kind === 'promise' && m.sentAt > 2000);
    expect(promises.length).toBeGreaterThan(0);
    const entries = promises.flatMap((m) => m.payload ?? []).filter((line) => /^#\d+: \d+\.n\d+, /.test(line));
    expect(entries).toContain('#0: 1.n1, createSession c1');
    // The diagram asks by id for messages that have arrived long ago.
    expect(run.payloadOf(accept.id)).toEqual(accept.payload);
  });
});
