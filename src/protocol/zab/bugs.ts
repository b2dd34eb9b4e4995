// The deliberate bugs a ZAB run can switch on (names are a contract: ../shared/reference/zab.md).
import type { ZabBugName } from './types';

export const ZAB_BUG_NAMES: readonly ZabBugName[] = ['zab-elect-by-id', 'zab-skip-truncate'];
