// Lines that parse but make no sense now: a command to a dead server, killing the dead. The console refuses them
// with a message and the run does not change.
import type { Line } from '../script/ast';
import type { Simulator } from '../sim/simulator';
import { workerText } from './text';

/** Why `line` cannot run on `sim` now, or null. */
export function refusal(sim: Simulator, line: Line): string | null {
  const up = (id: number): boolean => sim.server(id).up;
  switch (line.kind) {
    case 'kill':
      return up(line.server) ? null : workerText.alreadyDown(line.server);
    case 'restart':
      return up(line.server) ? workerText.alreadyUp(line.server) : null;
    case 'connect':
      return up(line.server) ? null : workerText.serverDown(line.server);
    default:
      return null;
  }
}
