// The checks on a finished CLI run, in the summary's form.
import { runChecks } from '../check/index';
import type { Simulator } from '../sim/simulator';
import type { CheckSummary } from '../script/summary';

/** Every checker's verdict: "ok" (with a note when it did not apply) or a one-line reason. */
export function checkSummary(sim: Simulator): { checks: CheckSummary; failed: string[] } {
  const verdicts = runChecks(sim.trace, sim.servers.length);
  const checks: CheckSummary = {};
  const failed: string[] = [];
  for (const [name, verdict] of Object.entries(verdicts)) {
    if (verdict.ok) checks[name] = 'ok';
    else {
      checks[name] = `${verdict.reason} (at trace event ${verdict.event})`;
      failed.push(name);
    }
  }
  return { checks, failed };
}
