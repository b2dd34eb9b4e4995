// What a run prints: zkCli's text for each result and watch event, and the --json records
// whose keys ../shared/reference/script-language.md fixes.
import type { OpResult } from '../sim/trace';
import type { ClientCommand } from '../zk/commands';
import { errorMessage } from '../zk/errors';
import { formatLs, formatStat } from '../zk/format';
import type { MultiOp, MultiOpResult, Stat } from '../zk/types';

export interface JsonStat {
  readonly czxid: number;
  readonly mzxid: number;
  readonly pzxid: number;
  readonly version: number;
  readonly cversion: number;
  readonly aversion: number;
  readonly ephemeralOwner: string | 0;
  readonly dataLength: number;
  readonly numChildren: number;
}

export function jsonStat(stat: Stat): JsonStat {
  return {
    czxid: stat.czxid,
    mzxid: stat.mzxid,
    pzxid: stat.pzxid,
    version: stat.version,
    cversion: stat.cversion,
    aversion: stat.aversion,
    ephemeralOwner: stat.ephemeralOwner,
    dataLength: stat.dataLength,
    numChildren: stat.numChildren,
  };
}

/** A command's result as one --json object (without t/line/session/cmd, which the caller adds). */
export function resultJson(command: ClientCommand | null, result: OpResult): Record<string, unknown> {
  const json: Record<string, unknown> = { ok: result.ok };
  if (result.error !== undefined) json.error = result.error;
  if (result.path !== undefined && result.path !== '') json.path = result.path;
  const showsData = command !== null && command.kind === 'get';
  if (showsData && result.data !== undefined) json.data = result.data;
  if (result.children !== undefined) json.children = result.children;
  if (result.stat !== undefined) json.stat = jsonStat(result.stat);
  if (result.results !== undefined) {
    json.results = result.results.map((sub, index) => subResultJson(subOpKind(command, index), sub));
  }
  return json;
}

/** The kind of a multi's sub-op `index` (deleteall's multi deletes only); undefined when the command does not say. */
function subOpKind(command: ClientCommand | null, index: number): MultiOp['op'] | undefined {
  if (command?.kind === 'deleteall') return 'delete';
  return command?.kind === 'multi' ? command.ops[index]?.op : undefined;
}

/**
 * One multi sub-result in the shape of ZooKeeper's OpResult: CreateResult the path it made, SetDataResult the
 * Stat, CheckResult and DeleteResult nothing but success, ErrorResult its error code.
 */
function subResultJson(kind: MultiOp['op'] | undefined, sub: MultiOpResult): Record<string, unknown> {
  if (!sub.ok) return { ok: false, error: sub.error ?? 'RUNTIMEINCONSISTENCY' };
  switch (kind) {
    case 'create':
      return sub.path === undefined ? { ok: true } : { ok: true, path: sub.path };
    case 'setData':
      return sub.stat === undefined ? { ok: true } : { ok: true, stat: jsonStat(sub.stat) };
    case 'check':
    case 'delete':
      return { ok: true };
    case undefined: {
      const entry: Record<string, unknown> = { ok: true };
      if (sub.path !== undefined) entry.path = sub.path;
      if (sub.stat !== undefined) entry.stat = jsonStat(sub.stat);
      return entry;
    }
  }
}

function subOpPath(op: MultiOp): string {
  return op.path;
}

/** The lines zkCli prints for a command's result. */
export function resultText(command: ClientCommand | null, result: OpResult): string[] {
  if (command === null) return result.ok ? [] : [errorMessage(result.error ?? 'CONNECTIONLOSS', result.path ?? '')];
  const path = command.kind === 'multi' ? '' : command.path;
  if (!result.ok && command.kind !== 'multi')
    return [errorMessage(result.error ?? 'CONNECTIONLOSS', path, result.reason)];
  switch (command.kind) {
    case 'create':
      return [`Created ${result.path ?? command.path}`];
    case 'get':
      return [result.data ?? '', ...(command.stat && result.stat ? formatStat(result.stat) : [])];
    case 'set':
      return command.stat && result.stat ? formatStat(result.stat) : [];
    case 'delete':
    case 'deleteall':
      return [];
    case 'ls': {
      const children = result.children ?? [];
      const lines = command.recursive ? [...children] : [formatLs(children)];
      return command.stat && result.stat ? [...lines, ...formatStat(result.stat)] : lines;
    }
    case 'stat':
      return result.stat ? formatStat(result.stat) : [];
    case 'sync':
      return ['Sync is OK'];
    case 'multi': {
      if (result.results === undefined) return result.ok ? [] : [errorMessage(result.error ?? 'CONNECTIONLOSS', '')];
      return result.results.map((sub, index) => {
        const op = command.ops[index];
        const opPath = op === undefined ? (sub.path ?? '') : subOpPath(op);
        if (!sub.ok) return errorMessage(sub.error ?? 'RUNTIMEINCONSISTENCY', opPath);
        switch (op?.op) {
          case 'create':
            return `Created ${sub.path ?? opPath}`;
          case 'setData':
            return `Set ${opPath}`;
          case 'delete':
            return `Deleted ${opPath}`;
          default:
            return `Checked ${opPath}`;
        }
      });
    }
  }
}

/** zkCli's two-line watch notice, folded into the one line the scenario language prints. */
export function watchText(session: string, type: string, path: string): string {
  return `WATCHER:: ${session} ${type} ${path}`;
}
