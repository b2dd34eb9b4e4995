// The run's closing summary: each server's decided log (slot, zxid, txn text), how far it applied, and the checks.
import type { Simulator } from '../sim/simulator';
import { serverName } from '../sim/simulator';
import { describeTxn } from '../sim/describe';

export type DecidedEntry = readonly [slot: number, zxid: number, text: string];

export interface ServerSummary {
  readonly decided: DecidedEntry[];
  /** Highest slot applied, -1 when none. */
  readonly applied: number;
  readonly up: boolean;
  readonly role: string;
}

/** A check's verdict as the summary prints it: "ok", or a one-line reason. */
export type CheckSummary = Record<string, string>;

export function serverSummaries(sim: Simulator): Record<string, ServerSummary> {
  // zxid of each slot as each server applied it (the last apply wins after a restart replays).
  const zxids = new Map<number, Map<number, number>>();
  for (const event of sim.trace) {
    if (event.kind !== 'apply') continue;
    let perSlot = zxids.get(event.server);
    if (perSlot === undefined) zxids.set(event.server, (perSlot = new Map<number, number>()));
    perSlot.set(event.slot, event.zxid);
  }
  const result: Record<string, ServerSummary> = {};
  for (const server of sim.servers) {
    const view = sim.viewOf(server.id);
    const decided: DecidedEntry[] = [];
    for (let slot = 0; slot < view.logLength; slot++) {
      const entry = view.entry(slot);
      if (entry.chosen && entry.proposal !== undefined)
        decided.push([slot, zxids.get(server.id)?.get(slot) ?? 0, describeTxn(entry.proposal.payload)]);
    }
    result[serverName(server.id)] = {
      decided,
      applied: view.role === null ? -1 : view.appliedUpTo - 1,
      up: server.up,
      role: view.role ?? 'crashed',
    };
  }
  return result;
}

/** Text form: one line per server, then the longest decided log once, then the checks and the trace's fingerprint. */
export function summaryText(
  servers: Record<string, ServerSummary>,
  checks: CheckSummary,
  fingerprint: string,
): string[] {
  const lines: string[] = ['--- summary ---'];
  let longest: DecidedEntry[] = [];
  for (const [name, s] of Object.entries(servers)) {
    lines.push(
      `${name}: ${s.up ? 'up' : 'down'} ${s.role}, decided ${s.decided.length} slots, applied up to slot ${s.applied}`,
    );
    if (s.decided.length > longest.length) longest = s.decided;
  }
  lines.push('decided log:');
  for (const [slot, zxid, text] of longest)
    lines.push(`  #${slot} ${zxid === 0 ? '-' : `0x${zxid.toString(16)}`} ${text}`);
  lines.push(
    `checks: ${Object.entries(checks)
      .map(([name, verdict]) => `${name} ${verdict}`)
      .join(', ')}`,
  );
  lines.push(`fingerprint: ${fingerprint}`);
  return lines;
}
