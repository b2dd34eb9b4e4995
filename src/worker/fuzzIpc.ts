// Messages between the page and a fuzz worker (fuzz.worker.ts): a seed to run, and its verdict.
import type { FuzzFinding, FuzzSeedOptions, SeedOutcome } from '../scenario/fuzz';

/** Page → worker: run this seed. */
export interface FuzzJob {
  readonly seed: number;
  readonly options: FuzzSeedOptions;
}

/** Worker → page: the seed's verdict; a failing one carries the run to open in the page. */
export type FuzzAnswer =
  | {
      readonly type: 'seed';
      readonly seed: number;
      readonly events: number;
      readonly findings: readonly FuzzFinding[];
      readonly replay?: SeedOutcome['replay'];
    }
  | { readonly type: 'failed'; readonly seed: number; readonly message: string };
