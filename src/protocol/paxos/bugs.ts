// The deliberate bugs a Paxos run can switch on (names are a contract: ../shared/reference/paxos.md).
import type { BugName } from './types';

export const BUG_NAMES: readonly BugName[] = [
  'forget-promise',
  'ignore-promised-values',
  'minority-quorum',
  'accept-below-promise',
  'apply-out-of-order',
];
