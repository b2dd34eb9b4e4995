// Messages between the page and a fuzz worker (fuzz.worker.ts): a seed to run, and its verdict.
import type { FuzzFinding, FuzzSeedOptions, SeedOutcome } from '../scenario/fuzz';
import type { Language } from '../script/language';

/** Page → worker: run this seed. */
export interface FuzzJob {
  readonly seed: number;
  readonly options: FuzzSeedOptions;
  /** The page's language, for the reasons of the violations found (the verdicts are the same in every one). */
  readonly language?: Language;
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
