// What a frame shows, computed from the simulator: servers, wire, links, the selected server's detail, quorum
// tallies and console entries. Plain functions over the simulator's read-only views (LiveRun keeps the state).
import { formatBallot } from '../protocol/paxos/ballot';
import type { ServerId } from '../protocol/types';
import type { OutputRecord } from '../script/run';
import { describeTxn as describeTxnText } from '../sim/describe';
import type { Simulator } from '../sim/simulator';
import type { TraceEvent } from '../sim/trace';
import { formatZxid } from '../zk/format';
import type {
  ConsoleEntry,
  LinkView,
  LogEntryView,
  MessageEnd,
  MessageView,
  QuorumView,
  ServerDetail,
  ServerView,
  ZnodeView,
} from '../view/projections';
import { workerText } from './text';

const MAX_LOG_ENTRIES = 300;
/** How long a reached quorum stays on screen (simulated ms). */
const QUORUM_LINGER_MS = 400;

/** Every server as the ring draws it. A crashed server still has its durable log: what it decided shows. */
export function serverViews(sim: Simulator): ServerView[] {
  return sim.servers.map((server): ServerView => {
    const view = sim.viewOf(server.id);
    return {
      id: server.id,
      up: server.up,
      role: view.role ?? 'crashed',
      ballot: view.ballot,
      promised: view.promised,
      leader: view.leader,
      decidedUpTo: view.decidedUpTo,
      appliedUpTo: view.appliedUpTo,
      lastZxid: formatZxid(sim.replicaOf(server.id).lastZxid),
      sessions: [...server.clients].sort(),
    };
  });
}

/** What is on the wire now (a frame after a load, a seek or a long gap starts over from it). */
export function wireNow(sim: Simulator): MessageView[] {
  return sim.inFlight().map((m) => ({
    id: m.id,
    from: m.from,
    to: m.to,
    kind: m.wire,
    label: m.label,
    sentAt: m.sentAt,
    deliverAt: m.deliverAt,
    lost: m.lost,
  }));
}

/** Every directed link and whether it is up. */
export function linkViews(sim: Simulator): LinkView[] {
  const links: LinkView[] = [];
  const servers = sim.servers.length;
  for (let from = 1; from <= servers; from++) {
    for (let to = 1; to <= servers; to++) if (from !== to) links.push({ from, to, up: !sim.isCut(from, to) });
  }
  return links;
}

/** Fold one trace event into the quorum tallies on screen; true when it changed a link (cut, heal). */
export function foldQuorums(quorums: Map<string, QuorumView>, event: TraceEvent): boolean {
  switch (event.kind) {
    case 'vote': {
      const ballot = formatBallot(event.ballot);
      const key = `${event.server}:${event.vote}:${ballot}:${event.slot ?? ''}`;
      const known = quorums.get(key);
      const voters = known === undefined ? [event.voter] : [...known.voters, event.voter];
      const reached = known?.reachedAt ?? (event.votes >= event.needed ? event.t : undefined);
      quorums.set(key, {
        server: event.server,
        vote: event.vote,
        ballot,
        ...(event.slot === undefined ? {} : { slot: event.slot }),
        voters,
        needed: event.needed,
        ...(reached === undefined ? {} : { reachedAt: reached }),
      });
      return false;
    }
    case 'role':
      // A proposer that steps down or starts a new round drops its older tallies.
      for (const [key, q] of quorums)
        if (q.server === event.server && q.ballot !== formatBallot(event.ballot)) quorums.delete(key);
      return false;
    case 'crash':
      for (const [key, q] of quorums) if (q.server === event.server) quorums.delete(key);
      return false;
    case 'cut':
    case 'heal':
      return true;
    default:
      return false;
  }
}

/** Reached quorums leave the screen a moment after they were reached. */
export function expireQuorums(quorums: Map<string, QuorumView>, now: number): void {
  for (const [key, q] of quorums)
    if (q.reachedAt !== undefined && now - q.reachedAt > QUORUM_LINGER_MS) quorums.delete(key);
}

/** The console entries of one runner record (a result or a watch event). */
export function consoleEntriesOf(record: OutputRecord): ConsoleEntry[] {
  const entries: ConsoleEntry[] = [];
  const session = typeof record.json.session === 'string' ? record.json.session : undefined;
  const isWatch = typeof record.json.event === 'string';
  // The echoed command line of a result was already shown as input; show only the output lines.
  const lines = isWatch ? record.text : record.text.slice(1);
  for (const text of lines) {
    if (isWatch && session !== undefined) entries.push({ kind: 'watch', text, t: record.t, session });
    else
      entries.push({ kind: 'output', text, t: record.t, ok: record.ok, ...(session === undefined ? {} : { session }) });
  }
  if (!isWatch && lines.length === 0 && session !== undefined && record.line !== undefined) {
    // A silent success (set, delete) still gets an acknowledgement, so the console shows it completed.
    const cmd = typeof record.json.cmd === 'string' ? record.json.cmd : '';
    entries.push({ kind: 'output', text: workerText.done(session, cmd), t: record.t, ok: true, session });
  }
  return entries;
}

/** What the selected server's detail depends on: equal signatures, an unchanged detail (it need not be resent). */
export function detailSignature(sim: Simulator, selected: ServerId): string {
  const server = sim.server(selected);
  const view = sim.viewOf(server.id);
  const appliedUpTo = view.appliedUpTo;
  let clusterDecidedUpTo = 0;
  for (const s of sim.servers)
    if (s.up) clusterDecidedUpTo = Math.max(clusterDecidedUpTo, sim.viewOf(s.id).decidedUpTo);
  const replica = sim.replicaOf(server.id);
  let watchCount = 0;
  for (const keys of replica.watches.bySession.values()) watchCount += keys.size;
  const signature = [
    server.id,
    server.up,
    view.revision,
    appliedUpTo,
    replica.lastZxid,
    watchCount,
    clusterDecidedUpTo,
  ].join(':');
  return signature;
}

/** The selected server's log (the newest entries) and znode tree, with its watches. */
export function serverDetail(sim: Simulator, selected: ServerId): ServerDetail {
  const server = sim.server(selected);
  const view = sim.viewOf(server.id);
  const appliedUpTo = view.appliedUpTo;
  let clusterDecidedUpTo = 0;
  for (const s of sim.servers)
    if (s.up) clusterDecidedUpTo = Math.max(clusterDecidedUpTo, sim.viewOf(s.id).decidedUpTo);
  const replica = sim.replicaOf(server.id);
  const length = view.logLength;
  const zxids = server.zxids;
  const log: LogEntryView[] = [];
  for (let slot = Math.max(0, length - MAX_LOG_ENTRIES); slot < length; slot++) {
    const { ballot, proposal, chosen } = view.entry(slot);
    const zxid = zxids[slot];
    log.push({
      slot,
      ballot,
      text: proposal === undefined ? '' : proposal.payload === null ? 'noop' : describeTxnText(proposal.payload),
      chosen,
      applied: slot < appliedUpTo,
      ...(zxid === undefined || zxid === 0 ? {} : { zxid: formatZxid(zxid) }),
    });
  }
  const znodes: ZnodeView[] = [];
  const paths = [...replica.nodes.keys()].sort(comparePaths);
  for (const path of paths) {
    const node = replica.nodes.get(path)!;
    const watches: string[] = [];
    for (const [kind, table] of [
      ['data', replica.watches.data],
      ['exist', replica.watches.exist],
      ['child', replica.watches.child],
    ] as const) {
      const sessions = table.get(path);
      if (sessions !== undefined) for (const session of [...sessions].sort()) watches.push(`${session} ${kind}`);
    }
    const depth = path === '/' ? 0 : path.split('/').length - 1;
    znodes.push({
      path,
      name: path === '/' ? '/' : path.slice(path.lastIndexOf('/') + 1),
      depth,
      data: node.data,
      version: node.version,
      cversion: 2 * node.childCreates - node.children.size,
      mzxid: formatZxid(node.mzxid),
      ephemeralOwner: node.ephemeralOwner === 0 ? null : node.ephemeralOwner,
      numChildren: node.children.size,
      watches,
      changed:
        replica.lastZxid !== 0 &&
        (node.mzxid === replica.lastZxid || node.pzxid === replica.lastZxid || node.czxid === replica.lastZxid),
    });
  }
  // Exists watches on missing paths show too: they wait for a create.
  for (const [path, sessions] of replica.watches.exist) {
    if (replica.nodes.has(path)) continue;
    znodes.push({
      path,
      name: `${path} (missing)`,
      depth: path.split('/').length - 1,
      data: '',
      version: -1,
      cversion: 0,
      mzxid: '-',
      ephemeralOwner: null,
      numChildren: 0,
      watches: [...sessions].sort().map((s) => `${s} exist`),
      changed: false,
    });
  }
  return { server: server.id, log, znodes, clusterDecidedUpTo };
}

/** Tree order: a parent right before its children, siblings by name. */
function comparePaths(a: string, b: string): number {
  const pa = a === '/' ? [] : a.split('/').slice(1);
  const pb = b === '/' ? [] : b.split('/').slice(1);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** What a trace event changes on the wire, as the page draws it. */
export function messageChange(event: TraceEvent, sent: MessageView[], ended: MessageEnd[]): void {
  switch (event.kind) {
    case 'send':
      sent.push({
        id: event.id,
        from: event.from,
        to: event.to,
        kind: event.wire,
        label: event.label,
        sentAt: event.t,
        deliverAt: event.deliverAt,
        lost: event.lost,
      });
      return;
    case 'duplicate':
      sent.push({
        id: event.id,
        from: event.from,
        to: event.to,
        kind: event.wire,
        label: event.label,
        sentAt: event.t,
        deliverAt: event.deliverAt,
        lost: false,
        copyOf: event.copyOf,
      });
      return;
    case 'deliver':
      ended.push({ id: event.id, outcome: 'delivered', at: event.t });
      return;
    case 'drop':
      ended.push({ id: event.id, outcome: 'dropped', reason: event.reason, at: event.t });
      return;
    default:
      return;
  }
}
