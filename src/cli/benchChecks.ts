// `npm run bench` cases for the checkers and the whole CLI run: N sequential writes checked for linearizability
// through the znode model (the history built directly), and `npm run sim` of a create and N sequential sets.
import { checkOperations } from '../check/explain';
import type { Operation } from '../check/search';
import { znodeModel } from '../check/znodeModel';
import type { OpResult } from '../sim/trace';
import type { Txn } from '../zk/types';
import { simRun } from './simText';

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

type ZnodeOp = Operation<Txn, OpResult | null>;

/** One session, a create of /bench, then `writes` setData on it, each returning before the next is called. */
export function sequentialWrites(writes: number): ZnodeOp[] {
  const ops: ZnodeOp[] = [];
  const add = (txn: Txn, output: OpResult | null): void => {
    const call = 2 * ops.length;
    ops.push({ input: txn, output, call, ret: call + 1, required: true, compared: output !== null });
  };
  add({ op: 'createSession', session: 'c1', timeoutMs: 4000 }, null);
  add(
    { op: 'create', session: 'c1', path: '/bench', data: '', ephemeral: false, sequential: false },
    { ok: true, path: '/bench' },
  );
  for (let k = 1; k <= writes; k++) {
    const data = String(k);
    const stat = {
      czxid: 2,
      mzxid: k + 2,
      pzxid: 2,
      version: k,
      cversion: 0,
      aversion: 0,
      ephemeralOwner: 0,
      ephemeralOwnerId: 0,
      dataLength: data.length,
      numChildren: 0,
      ctime: 0,
      mtime: 0,
    } as const;
    add({ op: 'setData', session: 'c1', path: '/bench', data, version: k - 1 }, { ok: true, path: '/bench', stat });
  }
  return ops;
}

export interface CheckRow {
  readonly writes: number;
  readonly linearizable: boolean;
  readonly cpuSeconds: number;
}

/** The linearizability search over `writes` sequential writes (building the history not counted). */
export function benchSequentialCheck(writes: number): CheckRow {
  const ops = sequentialWrites(writes);
  const start = cpuSeconds();
  const outcome = checkOperations(znodeModel, ops);
  const cpu = cpuSeconds() - start;
  return { writes, linearizable: outcome.kind === 'ok', cpuSeconds: Number(cpu.toFixed(3)) };
}

export interface SimRow {
  readonly writes: number;
  readonly deliveries: number;
  readonly cpuSeconds: number;
  readonly deliveriesPerSecond: number;
}

/** What `npm run sim` does for a create and `writes` sequential sets on 5 servers, in this process (no start-up). */
export function benchSimScript(writes: number): SimRow {
  const lines = ['servers 5', 'seed 1', 'c1> create /a 0'];
  for (let k = 1; k <= writes; k++) lines.push(`c1> set /a ${k}`);
  const start = cpuSeconds();
  const output = simRun(`${lines.join('\n')}\n`, { file: 'bench.zk' });
  // Joining the output is part of what the CLI pays to write it.
  const chars = output.chunks.reduce((sum, chunk) => sum + chunk.text.length, 0);
  const cpu = cpuSeconds() - start;
  if (output.exitCode !== 0 || chars === 0) throw new Error(`the bench script failed (exit ${output.exitCode})`);
  return {
    writes,
    deliveries: output.deliveries,
    cpuSeconds: Number(cpu.toFixed(3)),
    deliveriesPerSecond: Math.round(output.deliveries / cpu),
  };
}
