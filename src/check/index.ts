// The checkers: each a pure function of a trace (and the server count) to a verdict.
import type { TraceEvent } from '../sim/trace';
import { checkAgreement } from './agreement';
import { checkChosen } from './chosen';
import { checkLinearizable } from './linearizable';
import { checkLiveness } from './liveness';
import { checkPrefix } from './prefix';
import { checkPromises } from './promises';
import type { Verdict } from './types';
import { checkValidity } from './validity';

export type { Verdict } from './types';
export { checkAgreement, checkValidity, checkPrefix, checkPromises, checkChosen, checkLinearizable, checkLiveness };
export { buildHistory, partitionHistory, LINEARIZABILITY_BUDGET, type HistoryOp } from './linearizable';

/** The checkers in the order the summary lists them (these names are JSON keys of the CLI summary). */
export const CHECK_NAMES = [
  'agreement',
  'validity',
  'prefix',
  'promises',
  'chosen',
  'linearizable',
  'liveness',
] as const;

export type CheckName = (typeof CHECK_NAMES)[number];

export type Checker = (trace: readonly TraceEvent[], servers: number) => Verdict;

export const CHECKERS: Readonly<Record<CheckName, Checker>> = {
  agreement: checkAgreement,
  validity: checkValidity,
  prefix: checkPrefix,
  promises: checkPromises,
  chosen: checkChosen,
  linearizable: checkLinearizable,
  liveness: checkLiveness,
};

/** Every checker on one trace, keyed in CHECK_NAMES order. */
export function runChecks(trace: readonly TraceEvent[], servers: number): Record<CheckName, Verdict> {
  const out = {} as Record<CheckName, Verdict>;
  for (const name of CHECK_NAMES) out[name] = CHECKERS[name](trace, servers);
  return out;
}
