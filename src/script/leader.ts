// `leader` where a line names a server (`kill leader`, `cut leader -> n2`): resolved when the line runs.
import type { ServerId } from '../protocol/types';
import type { Simulator } from '../sim/simulator';
import type { Line } from './ast';
import { scriptText } from './text';
import { LEADER } from './values';

/** The server leading now: up, leading and believing it leads; with two (a stale one), the one most follow. */
export function currentLeader(sim: Simulator): ServerId | null {
  let best: ServerId | null = null;
  let bestFollowers = -1;
  const servers = sim.header.servers;
  for (let id = 1; id <= servers; id++) {
    if (!sim.server(id).up) continue;
    const view = sim.viewOf(id);
    if (view.role !== 'leader' || view.leader !== id) continue;
    let followers = 0;
    for (let other = 1; other <= servers; other++)
      if (sim.server(other).up && sim.viewOf(other).leader === id) followers++;
    if (followers > bestFollowers) {
      best = id;
      bestFollowers = followers;
    }
  }
  return best;
}

/** Whether a line says `leader` anywhere a server goes. */
export function namesLeader(line: Line): boolean {
  switch (line.kind) {
    case 'kill':
    case 'restart':
    case 'connect':
      return line.server === LEADER;
    case 'partition':
      return line.groups.some((g) => g.includes(LEADER));
    case 'cut':
    case 'heal':
      return line.from === LEADER || line.to === LEADER;
    default:
      return false;
  }
}

export type Resolved =
  | { readonly ok: true; readonly line: Line; readonly leader: ServerId | null }
  | { readonly ok: false; readonly error: string };

/** The line with `leader` replaced by the server leading now; an error when none does, or the result is wrong. */
export function resolveLeader(sim: Simulator, line: Line): Resolved {
  if (!namesLeader(line)) return { ok: true, line, leader: null };
  const leader = currentLeader(sim);
  if (leader === null) return { ok: false, error: scriptText.noLeaderNow() };
  const at = (id: ServerId): ServerId => (id === LEADER ? leader : id);
  switch (line.kind) {
    case 'kill':
    case 'restart':
    case 'connect':
      return { ok: true, line: { ...line, server: leader }, leader };
    case 'partition': {
      const groups = line.groups.map((g) => g.map(at));
      const named = groups.flat();
      if (new Set(named).size !== named.length) return { ok: false, error: scriptText.leaderNamedTwice(leader) };
      const missing: string[] = [];
      for (let k = 1; k <= sim.header.servers; k++) if (!named.includes(k)) missing.push(`n${k}`);
      if (missing.length > 0) return { ok: false, error: scriptText.partitionMissing(missing) };
      return { ok: true, line: { ...line, groups }, leader };
    }
    case 'cut':
    case 'heal': {
      const from = line.from === undefined ? undefined : at(line.from);
      const to = line.to === undefined ? undefined : at(line.to);
      if (from !== undefined && from === to)
        return { ok: false, error: scriptText.linkSameServer(line.kind, `n${from}`) };
      return {
        ok: true,
        line: { ...line, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) },
        leader,
      };
    }
    default:
      return { ok: true, line, leader: null };
  }
}
