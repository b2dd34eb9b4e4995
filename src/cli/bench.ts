// npm run bench [-- --writes N --servers 3,5,9,51 --json]
// Simulated message deliveries and committed writes per CPU second, steady leader, closed-loop clients.
import { isProtocolName, PROTOCOL_NAMES, type ProtocolName } from '../protocol';
import { DEFAULT_HEADER } from '../sim/config';
import { Simulator } from '../sim/simulator';
import { LiveChecks } from '../check/live';
import { NO_OBSERVER, Timeline } from '../scenario/timeline/timeline';
import { benchSequentialCheck, benchSimScript } from './benchChecks';
import { fail, parseInteger, parseOptions } from './common';

const USAGE =
  'usage: npm run bench -- [--writes N] [--servers 3,5,9,51] [--sessions N] [--trace] [--seek 25000,50000,100000] [--seek-growing 25000,50000,100000] [--monitor-seconds S] [--check-writes N] [--sim-writes N] [--protocol multi-paxos|basic-paxos|zab] [--json]';

interface BenchRow {
  servers: number;
  writes: number;
  deliveries: number;
  cpuSeconds: number;
  deliveriesPerSecond: number;
  writesPerSecond: number;
  /** CPU microseconds per (server x write): flat when cost grows linearly with servers x writes. */
  microsPerServerWrite: number;
  heapMB: number;
}

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function benchOne(
  servers: number,
  writes: number,
  sessions: number,
  trace: boolean,
  protocol: ProtocolName = DEFAULT_HEADER.protocol,
): BenchRow {
  const sim = new Simulator({
    header: { ...DEFAULT_HEADER, servers, seed: 42, protocol },
    traceMessages: trace,
    traceProtocol: trace,
  });
  // Steady leader first (ZAB's also synced its followers): the measured part is replication only.
  sim.runUntilCondition(
    () => sim.servers.some((s) => sim.roleOf(s.id) === 'leader' && sim.viewOf(s.id).leader === s.id),
    60_000,
  );
  let issued = 0;
  let completed = 0;
  const issue = (session: string): void => {
    if (issued >= writes) return;
    issued++;
    sim.invoke(session, {
      kind: 'command',
      command: { kind: 'set', path: '/bench', data: String(issued), version: -1, stat: false },
    });
  };
  sim.invoke('c0', {
    kind: 'command',
    command: { kind: 'create', path: '/bench', data: '', ephemeral: false, sequential: false },
  });
  sim.runUntilCondition(() => sim.isSettled(), 60_000);
  sim.listener = {
    onComplete: (done) => {
      completed++;
      issue(done.session);
    },
  };
  const deliveriesBefore = sim.deliveries;
  const start = cpuSeconds();
  for (let s = 0; s < sessions; s++) issue(`c${s + 1}`);
  sim.runUntilCondition(() => completed >= writes, 10_000_000);
  const cpu = cpuSeconds() - start;
  const deliveries = sim.deliveries - deliveriesBefore;
  return {
    servers,
    writes: completed,
    deliveries,
    cpuSeconds: Number(cpu.toFixed(3)),
    deliveriesPerSecond: Math.round(deliveries / cpu),
    writesPerSecond: Math.round(completed / cpu),
    microsPerServerWrite: Number(((cpu * 1e6) / (servers * completed)).toFixed(2)),
    heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
  };
}

interface MonitorRow {
  servers: number;
  simulatedSeconds: number;
  writes: number;
  traceEvents: number;
  cpuSecondsWithChecks: number;
  cpuSecondsWithout: number;
  /** The live checks' share of the worker's time: (with - without) / with. */
  monitorShare: number;
  /** The checks alone fed the same run's trace (best of three): steadier than a difference of two runs. */
  cpuSecondsChecksAlone: number;
  /** checks alone / (the run without them + checks alone). */
  monitorShareAlone: number;
}

/** The live checks' cost in a played run: 25 servers at 100x, 10 writes a simulated second, with and without. */
function benchMonitor(simulatedSeconds: number): MonitorRow {
  const playFor = (checks: boolean): { cpu: number; writes: number; events: number; run: Timeline } => {
    const run = new Timeline({ ...DEFAULT_HEADER, servers: 25, seed: 3 }, NO_OBSERVER, [], undefined, checks);
    run.speed = 100;
    run.playing = true;
    let writes = 0;
    const never = (): boolean => false;
    const start = cpuSeconds();
    while (run.sim.now < simulatedSeconds * 1000) {
      run.advance(16, never);
      run.playing = true;
      while (run.sim.now > writes * 100) {
        writes++;
        const session = `c${(writes % 4) + 1}`;
        const line = writes % 5 === 0 ? `create -s /w- ${writes}` : `set /k${writes % 3} ${writes}`;
        if (writes <= 3) run.runLine(`${session}> create /k${writes % 3} x &`, 'console');
        else run.runLine(`${session}> ${line} &`, 'console');
      }
    }
    return { cpu: cpuSeconds() - start, writes, events: run.sim.trace.length, run };
  };
  playFor(false); // warm-up
  const without = playFor(false);
  const withChecks = playFor(true);
  let alone = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = cpuSeconds();
    new LiveChecks(25).catchUp(without.run.sim.trace);
    alone = Math.min(alone, cpuSeconds() - start);
  }
  return {
    servers: 25,
    simulatedSeconds,
    writes: withChecks.writes,
    traceEvents: withChecks.events,
    cpuSecondsWithChecks: Number(withChecks.cpu.toFixed(3)),
    cpuSecondsWithout: Number(without.cpu.toFixed(3)),
    monitorShare: Number(((withChecks.cpu - without.cpu) / withChecks.cpu).toFixed(3)),
    cpuSecondsChecksAlone: Number(alone.toFixed(3)),
    monitorShareAlone: Number((alone / (without.cpu + alone)).toFixed(3)),
  };
}

interface SeekRow {
  traceEvents: number;
  snapshots: number;
  seekMedianMs: number;
  seekP90Ms: number;
  seekMaxMs: number;
  heapMB: number;
  snapshotMB: number;
}

/**
 * Time travel: a live run, then seeks to points spread over it. `steady`: 5 servers, writes to ten znodes and
 * crashes; `growing`: 25 servers and a new sequential znode every 25 ms (the tree grows all along, as in the
 * browser bench), where snapshots must share the unchanged znodes to stay small.
 */
function benchSeek(traceEvents: number, shape: 'steady' | 'growing'): SeekRow {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const run = new Timeline({ ...DEFAULT_HEADER, servers: shape === 'steady' ? 5 : 25, seed: 7 }, NO_OBSERVER);
  run.speed = 100;
  run.playing = true;
  let writes = 0;
  const never = (): boolean => false;
  while (run.sim.trace.length < traceEvents) {
    run.advance(16, never);
    if (shape === 'growing') {
      if (run.sim.now > writes * 25) {
        writes++;
        run.runLine(`c${(writes % 5) + 1}> create -s /w- ${writes} &`, 'console');
      }
    } else if (run.sim.now > writes * 40) {
      // A write every 40 ms from eight sessions: as fast as they complete, so no client queue grows without end.
      writes++;
      run.runLine(`c${(writes % 8) + 1}> set /k${writes % 10} ${writes} &`, 'console');
      if (writes % 10 === 0) run.runLine(`c${(writes % 8) + 1}> create /k${writes % 10} x &`, 'console');
      if (writes % 400 === 0) run.runLine(`kill n${((writes / 400) % 5) + 1}`, 'control');
      if (writes % 400 === 200) run.runLine(`restart n${(((writes - 200) / 400) % 5) + 1}`, 'control');
    }
  }
  run.playing = false;
  const end = run.sim.now;
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    // Spread over the run, visiting it out of order (back and forth).
    const t = (((i * 7919) % 40) / 40) * end;
    const start = process.hrtime.bigint();
    run.seekTime(t);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  global.gc?.();
  const heapWithSnapshots = process.memoryUsage().heapUsed;
  const snapshots = run.snapshotCount;
  run.forgetSnapshots();
  global.gc?.();
  const snapshotMB = Number(((heapWithSnapshots - process.memoryUsage().heapUsed) / 1e6).toFixed(1));
  return {
    traceEvents: run.head.events,
    snapshots,
    snapshotMB,
    seekMedianMs: Number(times[Math.floor(times.length / 2)]!.toFixed(1)),
    seekP90Ms: Number(times[Math.floor(times.length * 0.9)]!.toFixed(1)),
    seekMaxMs: Number(times[times.length - 1]!.toFixed(1)),
    // The run's own memory (trace, snapshots, state) when the heap was collected before and after; with
    // `npm run bench` node runs with --expose-gc, otherwise this is the whole heap's growth, garbage included.
    heapMB: Math.round((heapWithSnapshots - heapBefore) / 1e6),
  };
}

function main(): void {
  const { values } = parseOptions(
    {
      options: {
        writes: { type: 'string', default: '10000' },
        servers: { type: 'string', default: '3,5,9,51' },
        sessions: { type: 'string', default: '20' },
        trace: { type: 'boolean', default: false },
        seek: { type: 'string', default: '25000,50000,100000,200000' },
        'seek-growing': { type: 'string', default: '25000,50000,100000' },
        'monitor-seconds': { type: 'string', default: '120' },
        'check-writes': { type: 'string', default: '100000' },
        'sim-writes': { type: 'string', default: '20000' },
        protocol: { type: 'string', default: DEFAULT_HEADER.protocol },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const protocol = values.protocol;
  if (!isProtocolName(protocol)) fail(`--protocol must be ${PROTOCOL_NAMES.join(', ')}, got "${protocol}"`);
  const writes = parseInteger('writes', values.writes, 1, 10_000_000)!;
  const sizesOf = (flag: 'seek' | 'seek-growing'): number[] =>
    values[flag] === '' ? [] : values[flag].split(',').map((s) => parseInteger(flag, s.trim(), 1000, 10_000_000)!);
  const seekSizes = sizesOf('seek');
  const growingSizes = sizesOf('seek-growing');
  const checkWrites = parseInteger('check-writes', values['check-writes'], 0, 10_000_000)!;
  const simWrites = parseInteger('sim-writes', values['sim-writes'], 0, 10_000_000)!;
  const sessions = parseInteger('sessions', values.sessions, 1, 10_000)!;
  const sizes = values.servers.split(',').map((s) => parseInteger('servers', s.trim(), 1, 101)!);
  if (!values.json)
    process.stdout.write(
      `${writes} writes, ${sessions} closed-loop sessions, trace ${values.trace ? 'on' : 'off'}, one core, best of 3\n`,
    );
  // Warm the JIT up first, so the figures are the steady state rather than compilation.
  benchOne(5, 5000, sessions, values.trace);
  for (const servers of sizes) {
    // Best of three: this machine's speed drifts, and the best run is the closest to what the code costs.
    let row = benchOne(servers, writes, sessions, values.trace, protocol);
    for (let attempt = 1; attempt < 3; attempt++) {
      const again = benchOne(servers, writes, sessions, values.trace, protocol);
      if (again.cpuSeconds < row.cpuSeconds) row = again;
    }
    if (values.json) process.stdout.write(`${JSON.stringify(row)}\n`);
    else {
      process.stdout.write(
        `${String(servers).padStart(3)} servers: ${row.deliveriesPerSecond.toLocaleString('en-US').padStart(11)} deliveries/s, ` +
          `${row.writesPerSecond.toLocaleString('en-US').padStart(8)} writes/s, ${row.microsPerServerWrite} µs per server-write, ` +
          `${row.cpuSeconds}s CPU, heap ${row.heapMB} MB\n`,
      );
    }
  }
  if (seekSizes.length > 0 && !values.json)
    process.stdout.write('time travel (5 servers, writes and crashes, seek to 40 points back and forth):\n');
  const printSeek = (key: 'seek' | 'seekGrowing', row: SeekRow): void => {
    if (values.json) process.stdout.write(`${JSON.stringify({ [key]: row })}\n`);
    else {
      process.stdout.write(
        `${String(row.traceEvents).padStart(7)} trace events: seek median ${row.seekMedianMs} ms, p90 ${row.seekP90Ms} ms, max ${row.seekMaxMs} ms, ` +
          `${row.snapshots} snapshots holding ${row.snapshotMB} MB, run memory ${row.heapMB} MB\n`,
      );
    }
  };
  for (const size of seekSizes) printSeek('seek', benchSeek(size, 'steady'));
  if (growingSizes.length > 0 && !values.json)
    process.stdout.write('time travel (25 servers, a new znode every 25 ms, seek to 40 points back and forth):\n');
  for (const size of growingSizes) printSeek('seekGrowing', benchSeek(size, 'growing'));
  const monitorSeconds = parseInteger('monitor-seconds', values['monitor-seconds'], 0, 100_000)!;
  if (monitorSeconds > 0) printMonitor(benchMonitor(monitorSeconds), values.json);
  benchWhole(checkWrites, simWrites, values.json);
}

function printMonitor(row: MonitorRow, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ monitor: row })}
`);
    return;
  }
  process.stdout.write(
    `live checks (25 servers at 100x, 10 writes a simulated second, ${row.simulatedSeconds} s): ` +
      `${(row.monitorShare * 100).toFixed(1)}% of the run's CPU (${row.cpuSecondsWithChecks}s with, ${row.cpuSecondsWithout}s without; ` +
      `${row.writes} writes, ${row.traceEvents} trace events); the checks alone over its trace: ` +
      `${row.cpuSecondsChecksAlone}s, ${(row.monitorShareAlone * 100).toFixed(1)}%\n`,
  );
}

/** The checker on sequential writes, and `npm run sim` end to end (0 writes: skipped). */
function benchWhole(checkWrites: number, simWrites: number, json: boolean): void {
  if (checkWrites > 0) {
    const row = benchSequentialCheck(checkWrites);
    if (json) process.stdout.write(`${JSON.stringify({ sequentialCheck: row })}\n`);
    else
      process.stdout.write(
        `${checkWrites.toLocaleString('en-US')} sequential writes checked (znode model): ${row.cpuSeconds}s CPU, ` +
          `${row.linearizable ? 'linearizable' : 'NOT linearizable'}\n`,
      );
  }
  if (simWrites > 0) {
    const row = benchSimScript(simWrites);
    if (json) process.stdout.write(`${JSON.stringify({ simScript: row })}\n`);
    else
      process.stdout.write(
        `npm run sim, a create and ${simWrites.toLocaleString('en-US')} sequential sets on 5 servers (no start-up): ` +
          `${row.deliveriesPerSecond.toLocaleString('en-US')} deliveries/s, ${row.deliveries} deliveries, ${row.cpuSeconds}s CPU\n`,
      );
  }
}

try {
  main();
} catch (error) {
  fail(`internal error: ${error instanceof Error ? error.message : String(error)}`, 3);
}
