// Server detail: the selected server's log and znode tree, sent when they changed.
import { describeProposal } from '../sim/describe';
import type { Simulator } from '../sim/simulator';
import { formatZxid } from '../zk/format';
import type { AllLogsView, LogEntryView, ServerDetail, ZnodeView } from '../view/projections';

const MAX_LOG_ENTRIES = 300;

type Replica = ReturnType<Simulator['replicaOf']>;

/** What the detail shows changes exactly when this does. */
export function detailSignature(sim: Simulator, selected: number): string {
  const server = sim.server(selected);
  const view = sim.viewOf(server.id);
  const replica = sim.replicaOf(server.id);
  let watchCount = 0;
  for (const keys of replica.watches.bySession.values()) watchCount += keys.size;
  return [
    server.id,
    server.up,
    view.revision,
    view.appliedUpTo,
    replica.lastZxid,
    watchCount,
    clusterDecidedUpTo(sim),
    shownBallots(view),
    // The all-logs grid changes with any server's log.
    ...sim.servers.map((s) => `${s.up}/${sim.viewOf(s.id).revision}/${sim.viewOf(s.id).appliedUpTo}`),
  ].join(':');
}

/** The accepted ballots of the slots the detail shows: a new leader re-accepts a slot at its own ballot without
 *  changing the log's length (the leader-crash lesson's slot 1 goes from 1.n1 to 2.n2). */
function shownBallots(view: ReturnType<Simulator['viewOf']>): string {
  let ballots = '';
  for (let slot = Math.max(0, view.logLength - MAX_LOG_ENTRIES); slot < view.logLength; slot++)
    ballots += `${view.entry(slot).ballot},`;
  return ballots;
}

function clusterDecidedUpTo(sim: Simulator): number {
  let decided = 0;
  for (const s of sim.servers) if (s.up) decided = Math.max(decided, sim.viewOf(s.id).decidedUpTo);
  return decided;
}

export function serverDetail(sim: Simulator, selected: number): ServerDetail {
  const server = sim.server(selected);
  const replica = sim.replicaOf(server.id);
  return {
    server: server.id,
    log: logEntries(sim, selected),
    znodes: [...znodeViews(replica), ...missingWatched(replica)],
    clusterDecidedUpTo: clusterDecidedUpTo(sim),
    logs: allLogs(sim),
  };
}

/** Slots the all-logs grid shows: the last ones, up to the longest log. */
export const ALL_LOGS_SLOTS = 40;

/** Every server's last ALL_LOGS_SLOTS slots, one character each (LOG_CELL_CODES). */
export function allLogs(sim: Simulator): AllLogsView {
  const decided = clusterDecidedUpTo(sim);
  let to = decided;
  for (const s of sim.servers) to = Math.max(to, sim.viewOf(s.id).logLength);
  const from = Math.max(0, to - ALL_LOGS_SLOTS);
  const rows = sim.servers.map((s) => {
    const view = sim.viewOf(s.id);
    let cells = '';
    for (let slot = from; slot < to; slot++) {
      const entry = slot < view.logLength ? view.entry(slot) : undefined;
      const has = entry !== undefined && entry.proposal !== undefined;
      if (slot < view.appliedUpTo) cells += 'p';
      else if (has) cells += entry.chosen ? 'c' : 'a';
      else cells += slot < decided ? 'm' : '.';
    }
    return { server: s.id, up: s.up, cells };
  });
  return { from, to, rows };
}

function logEntries(sim: Simulator, selected: number): LogEntryView[] {
  const server = sim.server(selected);
  const view = sim.viewOf(server.id);
  const length = view.logLength;
  const zxids = server.zxids;
  const log: LogEntryView[] = [];
  for (let slot = Math.max(0, length - MAX_LOG_ENTRIES); slot < length; slot++) {
    const { ballot, proposal, chosen } = view.entry(slot);
    const zxid = zxids[slot];
    log.push({
      slot,
      ballot,
      text: proposal === undefined ? '' : describeProposal(proposal),
      chosen,
      applied: slot < view.appliedUpTo,
      ...(zxid === undefined || zxid === 0 ? {} : { zxid: formatZxid(zxid) }),
    });
  }
  return log;
}

function znodeViews(replica: Replica): ZnodeView[] {
  const znodes: ZnodeView[] = [];
  for (const path of [...replica.nodes.keys()].sort(comparePaths)) {
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
    znodes.push({
      path,
      name: path === '/' ? '/' : path.slice(path.lastIndexOf('/') + 1),
      depth: path === '/' ? 0 : path.split('/').length - 1,
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
  return znodes;
}

/** Exists watches on missing paths show too: they wait for a create. */
function missingWatched(replica: Replica): ZnodeView[] {
  const znodes: ZnodeView[] = [];
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
  return znodes;
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
