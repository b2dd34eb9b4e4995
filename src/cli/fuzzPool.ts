// Fuzzing on every core: seeds go out to worker threads, results come back in any order and are reported in seed
// order, so the output (and where --stop stops) is the same as one thread's.
import { Worker } from 'node:worker_threads';
import { fuzzSeed, type FuzzOptions, type FuzzReport, type Violation } from '../scenario/fuzz';

type SeedOptions = Omit<FuzzOptions, 'seeds' | 'firstSeed' | 'stopAtFirst'>;

export interface SeedJob {
  readonly seed: number;
  readonly options: SeedOptions;
}

export interface SeedResult {
  readonly seed: number;
  readonly violations: Violation[];
  readonly events: number;
}

type Progress = (runs: number, violations: readonly Violation[]) => void;

/** A worker thread that runs TypeScript: tsx's loader is registered inside it before the worker module loads. */
function startWorker(): Worker {
  const url = new URL('./fuzzWorker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(boot, { eval: true });
}

/** Results in seed order: holds the ones that arrive early until the seeds before them are in. */
class InOrder {
  private readonly early = new Map<number, SeedResult>();
  readonly violations: Violation[] = [];
  runs = 0;
  events = 0;

  constructor(
    private next: number,
    private readonly options: FuzzOptions,
    private readonly onProgress?: Progress,
  ) {}

  /** Take a result; true once the run is over (every seed reported, or --stop saw a violation). */
  add(result: SeedResult): boolean {
    this.early.set(result.seed, result);
    for (let r = this.early.get(this.next); r !== undefined; r = this.early.get(this.next)) {
      this.early.delete(this.next);
      this.next++;
      this.runs++;
      this.events += r.events;
      this.violations.push(...r.violations);
      this.onProgress?.(this.runs, r.violations);
      if (this.done()) return true;
    }
    return this.done();
  }

  done(): boolean {
    return this.runs === this.options.seeds || (this.options.stopAtFirst && this.violations.length > 0);
  }
}

/** Run the fuzzer on `jobs` threads (one: in this thread, as `fuzz` does). */
export async function fuzzOnThreads(options: FuzzOptions, jobs: number, onProgress?: Progress): Promise<FuzzReport> {
  const { seeds, firstSeed, stopAtFirst: _stop, ...seedOptions } = options;
  const order = new InOrder(firstSeed, options, onProgress);
  if (jobs <= 1) {
    for (let seed = firstSeed; seed < firstSeed + seeds && !order.done(); seed++)
      order.add({ seed, ...fuzzSeed(seed, seedOptions) });
    return { runs: order.runs, violations: order.violations, events: order.events };
  }
  const workers = Array.from({ length: Math.min(jobs, seeds) }, startWorker);
  let nextSeed = firstSeed;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker): void => {
        if (nextSeed >= firstSeed + seeds) return;
        worker.postMessage({ seed: nextSeed++, options: seedOptions } satisfies SeedJob);
      };
      for (const worker of workers) {
        worker.on('message', (result: SeedResult) => {
          if (order.add(result)) resolve();
          else feed(worker);
        });
        worker.on('error', reject);
        // Two seeds in hand per thread: the next is ready when one finishes.
        feed(worker);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { runs: order.runs, violations: order.violations, events: order.events };
}
