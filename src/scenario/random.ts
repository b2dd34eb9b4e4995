// Random scenarios for the fuzzer: a script text drawn from a seed, so every violation comes with
// the exact text that reproduces it (same text + same seed = same run).
import { Rng } from '../sim/rng';
import type { BugName, ProtocolName } from '../protocol';

export interface RandomScenarioOptions {
  readonly seed: number;
  readonly steps: number;
  readonly servers: number;
  readonly protocol?: ProtocolName;
  readonly bugs?: readonly BugName[];
}

const SESSIONS = ['c1', 'c2', 'c3'];
const PATHS = ['/a', '/b', '/a/x', '/a/y', '/q'];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(0, items.length - 1)]!;
}

function clientLine(rng: Rng): string {
  const session = pick(rng, SESSIONS);
  const path = pick(rng, PATHS);
  const version = rng.chance(0.3) ? -1 : rng.int(0, 3);
  const data = `v${rng.int(0, 99)}`;
  const v = version === -1 ? '' : ` -v ${version}`;
  const roll = rng.next();
  let command: string;
  if (roll < 0.25) command = `create${rng.chance(0.3) ? ' -e' : ''}${rng.chance(0.3) ? ' -s' : ''} ${path} ${data}`;
  else if (roll < 0.55) command = `set${v} ${path} ${data}`;
  else if (roll < 0.7) command = `delete${v} ${path}`;
  else if (roll < 0.8) command = `multi check ${path} ${rng.int(0, 2)}; set ${pick(rng, PATHS)} ${data}`;
  else if (roll < 0.85) command = `get${rng.chance(0.5) ? ' -w' : ''} ${path}`;
  else if (roll < 0.92) command = `stat${rng.chance(0.5) ? ' -w' : ''} ${path}`;
  else {
    // The same draws for both, so adding sync changed only the runs of seeds that roll it.
    const watch = rng.chance(0.5) ? ' -w' : '';
    const dir = pick(rng, ['/', '/a']);
    command = roll < 0.96 ? `ls${watch} ${dir}` : `sync ${dir}`;
  }
  // Most commands run in the background so that sessions race.
  return `${session}> ${command}${rng.chance(0.8) ? ' &' : ''}`;
}

/** A scenario of `steps` random lines: client writes and reads, crashes, restarts, cuts, partitions, loss, duplication. */
export function randomScenario(options: RandomScenarioOptions): string {
  const rng = new Rng(options.seed);
  const n = options.servers;
  const lines: string[] = [`servers ${n}`, `seed ${options.seed}`];
  if (options.protocol !== undefined && options.protocol !== 'multi-paxos') lines.push(`protocol ${options.protocol}`);
  for (const bug of options.bugs ?? []) lines.push(`bug ${bug}`);
  const down = new Set<number>();
  for (let i = 0; i < options.steps; i++) {
    const roll = rng.next();
    if (roll < 0.45) lines.push(clientLine(rng));
    else if (roll < 0.55) {
      // Crash a server, keeping a majority up most of the time.
      const id = rng.int(1, n);
      if (!down.has(id) && (down.size + 1 <= Math.floor((n - 1) / 2) || rng.chance(0.1))) {
        down.add(id);
        lines.push(`kill n${id}`);
      } else lines.push(`wait ${rng.int(5, 200)}ms`);
    } else if (roll < 0.63) {
      const restartable = [...down].sort((a, b) => a - b);
      if (restartable.length > 0) {
        const id = pick(rng, restartable);
        down.delete(id);
        lines.push(`restart n${id}`);
      } else lines.push(`wait ${rng.int(5, 200)}ms`);
    } else if (roll < 0.68) {
      const a = rng.int(1, n);
      let b = rng.int(1, n - 1);
      if (b >= a) b++;
      lines.push(rng.chance(0.5) ? `cut n${a} n${b}` : `cut n${a} -> n${b}`);
    } else if (roll < 0.72) {
      const ids = Array.from({ length: n }, (_, k) => k + 1);
      const left = ids.filter(() => rng.chance(0.5));
      const right = ids.filter((id) => !left.includes(id));
      if (left.length > 0 && right.length > 0)
        lines.push(`partition ${left.map((id) => `n${id}`).join(' ')} | ${right.map((id) => `n${id}`).join(' ')}`);
      else lines.push('heal');
    } else if (roll < 0.78) lines.push('heal');
    else if (roll < 0.82) lines.push(`loss ${pick(rng, [0, 0, 5, 10, 20])}% dup ${pick(rng, [0, 0, 5, 10])}%`);
    else lines.push(`wait ${rng.int(5, 400)}ms`);
  }
  // Give the cluster a fair chance to finish: heal, restart, clean network, settle.
  lines.push('heal', 'loss 0% dup 0%');
  for (const id of [...down].sort((a, b) => a - b)) lines.push(`restart n${id}`);
  lines.push('settle', 'wait 11000ms', 'settle');
  return `${lines.join('\n')}\n`;
}
