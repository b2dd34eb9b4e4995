// The compare table's figures against two small scripted runs, each number checked by hand against the trace.
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../script';
import { runScript } from '../../script/run';
import { absorbTrace, compareMetrics, metricsOf, newMetricsState } from './metrics';

/** Two writes from n2's client, the leader killed, a third write (3 servers, seed 1, no loss). */
function run(protocol: string, crash = true) {
  const lines = ['servers 3', 'seed 1', `protocol ${protocol}`, 'wait 1000ms', 'c1 connect n2', 'c1> create /a 0'];
  lines.push('c1> set /a 1', ...(crash ? ['kill leader', 'c1> set /a 2'] : []), 'settle');
  const parsed = parseScript(lines.join('\n'));
  expect(parsed.errors).toEqual([]);
  return runScript(parsed.script).sim.trace;
}

describe('compare metrics', () => {
  it('Multi-Paxos: 7 messages a write, the recovery from the crash to the next decided write', () => {
    // Per write: Forward, Accept x2, Accepted x2, Decide x2. Latencies 1150->1269 and 1269->1500: mean 175.
    // n1 crashes at 1500; n2 decides the third write at 2002 after Forward x2, Prepare x2, Promise, Accept x2,
    // Accepted: 8 messages (heartbeats and session touches left out).
    expect(compareMetrics(run('multi-paxos'))).toEqual({
      writes: 2,
      messagesPerWrite: 7,
      writeLatencyMs: 175,
      recoveryMs: 502,
      recoveryMessages: 8,
      recovering: false,
      lastWriteFailure: null,
    });
  });

  it('ZAB: 7 messages a write, election, discovery and sync counted in the recovery', () => {
    // Per write: REQUEST, PROPOSAL x2, ACK x2, COMMIT x2. Latencies 135 and 153. n3 crashes at 1515; n2 commits
    // 0x200000001 at 2295 after REQUEST x2, NOTIFICATION x6, FOLLOWERINFO, LEADERINFO, ACKEPOCH, DIFF, NEWLEADER,
    // ACK, UPTODATE, PROPOSAL, ACK: 17 messages.
    expect(compareMetrics(run('zab'))).toEqual({
      writes: 2,
      messagesPerWrite: 7,
      writeLatencyMs: 144,
      recoveryMs: 780,
      recoveryMessages: 17,
      recovering: false,
      lastWriteFailure: null,
    });
  });

  it('a session opened with the first write is a transaction of its own', () => {
    // c1 opens at n1, the leader: its createSession and its create each take Accept x2, Accepted x2, Decide x2.
    const parsed = parseScript(['servers 3', 'seed 1', 'wait 1000ms', 'c1> create /a 0', 'settle'].join('\n'));
    const metrics = compareMetrics(runScript(parsed.script).sim.trace);
    expect(metrics).toMatchObject({ writes: 1, messagesPerWrite: 6 });
  });

  it('no leader crash: nothing to say about recovery', () => {
    const metrics = compareMetrics(run('zab', false));
    expect(metrics.recoveryMs).toBeNull();
    expect(metrics.recoveryMessages).toBeNull();
    expect(metrics.writes).toBe(2);
  });

  it('no write: no per-write figures', () => {
    expect(metricsOf(newMetricsState())).toMatchObject({ writes: 0, messagesPerWrite: null, writeLatencyMs: null });
  });

  it('folds as the trace grows, and afresh when it got shorter (a seek back)', () => {
    const trace = run('multi-paxos');
    let state = newMetricsState();
    for (let i = 0; i <= trace.length; i += 97) state = absorbTrace(state, trace.slice(0, i));
    state = absorbTrace(state, trace);
    expect(metricsOf(state)).toEqual(compareMetrics(trace));
    const crash = trace.findIndex((e) => e.kind === 'crash');
    state = absorbTrace(state, trace.slice(0, crash + 1));
    expect(metricsOf(state)).toMatchObject({ recovering: true, recoveryMs: null, writes: 2 });
  });

  it("a write on the crashed leader's own connection fails, says so, and the recovery waits for the next write", () => {
    // At 33 ms n2 is not serving yet (the first election is under way), so w1 lands on the next server, n1, which
    // becomes the leader. Killing it fails w1's write with ConnectionLoss: nothing commits, the table says why.
    const lines = ['servers 3', 'seed 1', 'wait 33ms', 'w1 connect n2', 'w1> create -s /w- x', 'wait 2000ms'];
    lines.push('kill leader', 'w1> create -s /w- x', 'settle');
    const parsed = parseScript(lines.join('\n'));
    expect(parsed.errors).toEqual([]);
    const trace = runScript(parsed.script).sim.trace;
    const connected = trace.find((e) => e.kind === 'session' && e.status === 'connected');
    expect(connected).toMatchObject({ session: 'w1', server: 1 });
    const failed = metricsOf(absorbTrace(newMetricsState(), trace));
    expect(failed).toMatchObject({ recovering: true, recoveryMs: null });
    expect(failed.lastWriteFailure).toBe('KeeperErrorCode = ConnectionLoss for /w-');
    const again = parseScript([...lines, 'w1> create -s /w- x', 'settle'].join('\n'));
    const recovered = compareMetrics(runScript(again.script).sim.trace);
    expect(recovered).toMatchObject({ recovering: false, lastWriteFailure: null });
    expect(recovered.recoveryMs).not.toBeNull();
  });
});
