import { useMemo } from 'react';
import { useRingSim } from '../cluster/simContext';
import { breakingFocus, shownViolation, type BreakingFocus } from '../../view/safety';

/** The marks of the violation showing at the cursor of the page's run (or the compare view's, inside its provider),
 *  null when none: recomputed only when that changes. */
export function useBreakingFocus(): BreakingFocus | null {
  const violations = useRingSim((s) => s.violations);
  // A number, not an object, so a frame that changes nothing here renders nothing.
  const shownAt = useRingSim((s) => shownViolation(s.violations, s.eventCount)?.detectedAt ?? -1);
  return useMemo(() => (shownAt < 0 ? null : breakingFocus(violations, shownAt + 1)), [violations, shownAt]);
}
