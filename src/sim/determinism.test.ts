// Same script text, same run: the trace is identical event for event. And the example scenarios run to
// completion with every replica identical at the end.
import { paxos } from './testPaxos';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScript, type Script } from '../script/index';
import type { Header } from './config';
import { runScript, type RunOutcome } from '../script/run';
import { replicaFingerprint } from '../zk/replica';
import type { Simulator } from './simulator';
import type { TraceEvent } from './trace';

// The example scenarios live in the repository (testdata/scenarios).
const SCENARIO_DIR = resolve(__dirname, '../../testdata/scenarios');
const SCENARIOS = ['leader-crash', 'seed-example', 'version-race'] as const;

function parse(text: string): Script {
  const { script, errors } = parseScript(text);
  expect(errors).toEqual([]);
  return script;
}

function withHeader(script: Script, change: Partial<Header>): Script {
  return { ...script, header: { ...script.header, ...change } };
}

function traceHash(trace: readonly TraceEvent[]): string {
  return createHash('sha256').update(JSON.stringify(trace)).digest('hex');
}

/** Faults of every kind: kill, restart, partition, cut, loss, duplication, background writes racing them. */
const FAULTY = `servers 5
seed 11
latency 5..60ms
loss 5%
dup 5%
c1> create /a x
c2> create /b y &
wait 30ms
kill n1
c1> set /a z
c3> create -s /a/job- j
partition n2 n3 n4 | n1 n5
c2> set /b w &
c3> create -e /a/eph e &
wait 400ms
cut n2 n3
restart n1
wait 200ms
kill n2
c1> delete -v 1 /a/job-0000000000
heal
restart n2
loss 20%
dup 10%
c2> set /a zz &
c1> create /c 1
loss 0%
dup 0%
settle
c1> ls /a
c2> get -s /b
`;

function upFingerprints(sim: Simulator): string[] {
  return sim.servers.filter((s) => s.up).map((s) => replicaFingerprint(s.replica));
}

function expectRunCompleted(outcome: RunOutcome): void {
  const stuck = outcome.records.filter((r) => r.json.pending === true);
  expect(stuck.map((r) => r.text.join(' | '))).toEqual([]);
  const settles = outcome.records.filter((r) => r.json.cmd === 'settle');
  expect(settles.length).toBeGreaterThan(0);
  for (const r of settles) expect(r.text.join(' | ')).toBe('settle');
  expect(outcome.sim.isSettled()).toBe(true);
}

function expectReplicasIdentical(sim: Simulator): void {
  const prints = upFingerprints(sim);
  expect(prints.length).toBeGreaterThan(0);
  for (const print of prints) expect(print).toBe(prints[0]);
}

/** slot -> proposal id per server, from the trace's 'decided' events; throws on a server deciding a slot twice. */
function decidedLogs(trace: readonly TraceEvent[]): Map<number, Map<number, string>> {
  const logs = new Map<number, Map<number, string>>();
  for (const e of trace) {
    if (e.kind !== 'decided') continue;
    let log = logs.get(e.server);
    if (log === undefined) logs.set(e.server, (log = new Map<number, string>()));
    const before = log.get(e.slot);
    if (before !== undefined) expect(e.proposalId).toBe(before);
    log.set(e.slot, e.proposalId);
  }
  return logs;
}

describe('determinism', () => {
  it('the same faulty script twice gives the same trace, event for event', () => {
    const script = parse(FAULTY);
    const first = runScript(script);
    const second = runScript(parse(FAULTY));
    // The run actually went through the faults it names.
    const kinds = new Set(first.sim.trace.map((e) => e.kind));
    for (const kind of ['crash', 'restart', 'cut', 'heal', 'network', 'duplicate', 'drop', 'decided', 'apply'] as const)
      expect(kinds).toContain(kind);
    expect(first.sim.trace.some((e) => e.kind === 'drop' && e.reason === 'loss')).toBe(true);
    expect(first.sim.trace.length).toBe(second.sim.trace.length);
    expect(traceHash(second.sim.trace)).toBe(traceHash(first.sim.trace));
    expect(second.records).toEqual(first.records);
    expect(second.sim.now).toBe(first.sim.now);
  });

  it('a different seed gives a different trace', () => {
    const script = parse(FAULTY);
    const a = runScript(script);
    const b = runScript(withHeader(script, { seed: 12 }));
    expect(traceHash(b.sim.trace)).not.toBe(traceHash(a.sim.trace));
  });

  it('the faulty script ends settled with identical replicas and no disagreement', () => {
    const outcome = runScript(parse(FAULTY));
    expectRunCompleted(outcome);
    expectReplicasIdentical(outcome.sim);
    const logs = decidedLogs(outcome.sim.trace);
    const bySlot = new Map<number, string>();
    for (const log of logs.values()) {
      for (const [slot, id] of log) {
        const other = bySlot.get(slot);
        if (other === undefined) bySlot.set(slot, id);
        else expect(id, `slot ${slot}`).toBe(other);
      }
    }
  });

  it('running without message tracing decides the same log', () => {
    const script = parse(FAULTY);
    const traced = runScript(script);
    const untraced = runScript(script, { traceMessages: false });
    const strip = (trace: readonly TraceEvent[]) =>
      trace.filter((e) => e.kind === 'decided' || e.kind === 'apply' || e.kind === 'return');
    expect(traceHash(strip(untraced.sim.trace))).toBe(traceHash(strip(traced.sim.trace)));
  });
});

describe('example scenarios', () => {
  for (const name of SCENARIOS) {
    const text = readFileSync(`${SCENARIO_DIR}/${name}.zk`, 'utf8');
    for (const servers of [3, 5]) {
      it(`${name} runs to completion on ${servers} servers with identical replicas`, () => {
        const outcome = runScript(withHeader(parse(text), { servers }));
        expectRunCompleted(outcome);
        expect(outcome.sim.servers).toHaveLength(servers);
        expect(outcome.sim.servers.every((s) => s.up)).toBe(true);
        expectReplicasIdentical(outcome.sim);
        // Deterministic too.
        const again = runScript(withHeader(parse(text), { servers }));
        expect(traceHash(again.sim.trace)).toBe(traceHash(outcome.sim.trace));
      });
    }
  }

  it('version-race: exactly one of the two conditional sets wins', () => {
    for (const servers of [3, 5]) {
      const outcome = runScript(
        withHeader(parse(readFileSync(`${SCENARIO_DIR}/version-race.zk`, 'utf8')), { servers }),
      );
      const sets = outcome.records.filter(
        (r) => typeof r.json.cmd === 'string' && r.json.cmd.startsWith('set -v 0 /counter'),
      );
      expect(sets).toHaveLength(2);
      expect(sets.filter((r) => r.ok)).toHaveLength(1);
      expect(sets.find((r) => !r.ok)?.json.error).toBe('BADVERSION');
    }
  });

  it('leader-crash keeps every value that was decided', () => {
    const text = readFileSync(`${SCENARIO_DIR}/leader-crash.zk`, 'utf8');
    for (const servers of [3, 5]) {
      const outcome = runScript(withHeader(parse(text), { servers }));
      const sim = outcome.sim;
      expectRunCompleted(outcome);
      // n1 led the first term and was killed while the set was in flight.
      expect(sim.trace.find((e) => e.kind === 'role' && e.role === 'leader')).toMatchObject({ server: 1 });
      expect(sim.trace.some((e) => e.kind === 'crash' && e.server === 1)).toBe(true);
      expect(sim.trace.some((e) => e.kind === 'role' && e.role === 'leader' && e.server !== 1)).toBe(true);

      // Every (slot, value) any server ever decided is in every server's final log at that slot.
      const decided = new Map<number, string>();
      for (const log of decidedLogs(sim.trace).values()) {
        for (const [slot, id] of log) {
          const other = decided.get(slot);
          if (other !== undefined) expect(id, `slot ${slot}`).toBe(other);
          decided.set(slot, id);
        }
      }
      expect(decided.size).toBeGreaterThan(0);
      for (const server of sim.servers) {
        for (const [slot, id] of decided)
          expect(paxos(server).durable.decided[slot]?.id, `n${server.id} slot ${slot}`).toBe(id);
      }

      // The data read after the crash reflects the set exactly when the set was decided.
      const setDecided = sim.trace.some((e) => e.kind === 'decided' && e.text === 'c1: set /config v2');
      const setOk = outcome.records.some((r) => r.json.cmd === 'set /config v2' && r.ok);
      if (setOk) expect(setDecided).toBe(true);
      const read = outcome.records.find((r) => r.json.cmd === 'get -s /config');
      expect(read?.json.data).toBe(setDecided ? 'v2' : 'v1');
      for (const server of sim.servers)
        expect(server.replica.nodes.get('/config')?.data).toBe(setDecided ? 'v2' : 'v1');
    }
  });
});
