// What a lesson may say at a ZAB phase mark: the epoch, the zxid and its txn, and how the leader synced each follower.
import { describeTxn } from '../../sim/describe';
import type { TraceEvent } from '../../sim/trace';
import { formatZxid } from '../../zk/format';
import type { ZabMarkEvent } from '../zab/marks';

export function zabMarkFacts(event: ZabMarkEvent, trace: readonly TraceEvent[], index: number): Record<string, string> {
  const facts: Record<string, string> = { epoch: String(event.epoch), phase: event.phase };
  if (event.zxid !== undefined) {
    facts.zxid = formatZxid(event.zxid);
    const value = txnOf(trace, index, event.server, event.zxid);
    if (value !== undefined) facts.value = value;
  }
  if (event.phase === 'sync') facts.syncs = syncsOf(trace, index, event.server);
  return facts;
}

/** The txn a leader proposed as `zxid`: the request it came from. */
function txnOf(trace: readonly TraceEvent[], index: number, server: number, zxid: number): string | undefined {
  let proposalId: string | undefined;
  for (let i = index; i >= 0 && proposalId === undefined; i--) {
    const e = trace[i]!;
    if (e.kind === 'zab-propose' && e.server === server && e.zxid === zxid) proposalId = e.proposalId;
  }
  if (proposalId === undefined) return undefined;
  for (const e of trace) if (e.kind === 'request' && e.proposalId === proposalId) return describeTxn(e.txn);
  return undefined;
}

/** How the leader synced each follower since it started leading, in ZooKeeper's packet names: "n1 DIFF +1, n2 TRUNC". */
function syncsOf(trace: readonly TraceEvent[], index: number, server: number): string {
  const parts: string[] = [];
  for (let i = index; i >= 0; i--) {
    const e = trace[i]!;
    if (e.kind === 'zab-state' && e.server === server && e.state === 'leading') break;
    if (e.kind === 'zab-sync' && e.server === server)
      parts.unshift(`n${e.follower} ${e.mode}${e.txns > 0 ? ` +${e.txns}` : ''}`);
  }
  return parts.join(', ');
}
