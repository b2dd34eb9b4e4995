// Console and control lines: why one cannot run now.
import type { Line } from '../../script/ast';
import { parseConsoleLine } from '../../script/parse';
import { resolveLeader } from '../../script/leader';
import type { Simulator } from '../../sim/simulator';
import { timelineText } from './text';

/** Why a line cannot run now (a parse error, without its line number: the console shows it under the line), or null. */
export function lineError(sim: Simulator, text: string, lineNumber: number, servers: number): string | null {
  const parsed = parseConsoleLine(text, lineNumber, servers);
  if (parsed.error !== undefined) return parsed.error.message;
  return parsed.line === undefined ? null : refusal(sim, parsed.line);
}

/** Lines that parse but make no sense now: a command to a dead server, killing the dead. */
function refusal(sim: Simulator, typed: Line): string | null {
  const resolved = resolveLeader(sim, typed);
  if (!resolved.ok) return resolved.error;
  const line = resolved.line;
  const up = (id: number): boolean => sim.server(id).up;
  switch (line.kind) {
    case 'kill':
      return up(line.server) ? null : timelineText.alreadyDown(line.server);
    case 'restart':
      return up(line.server) ? timelineText.alreadyUp(line.server) : null;
    case 'connect':
      return up(line.server) ? null : timelineText.serverDown(line.server);
    default:
      return null;
  }
}
