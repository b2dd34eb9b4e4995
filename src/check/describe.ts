// Short texts for the checkers' one-line reasons.
import type { ClientCommand } from '../script/ast';
import type { OpResult } from '../sim/trace';
import type { MultiOp, MultiOpResult, Stat, Txn, TxnResult } from '../zk/types';

function word(s: string): string {
  return /^[^\s"\\;&#]+$/.test(s) ? s : JSON.stringify(s);
}

function multiOpText(op: MultiOp): string {
  switch (op.op) {
    case 'check':
      return `check -v ${op.version} ${word(op.path)}`;
    case 'create':
      return `create${op.ephemeral ? ' -e' : ''}${op.sequential ? ' -s' : ''} ${word(op.path)} ${word(op.data)}`;
    case 'setData':
      return `set${op.version === -1 ? '' : ` -v ${op.version}`} ${word(op.path)} ${word(op.data)}`;
    case 'delete':
      return `delete${op.version === -1 ? '' : ` -v ${op.version}`} ${word(op.path)}`;
  }
}

/** zkCli-like text of a client command: "set -v 0 /a x". */
export function commandText(c: ClientCommand): string {
  switch (c.kind) {
    case 'create':
      return multiOpText({ op: 'create', path: c.path, data: c.data, ephemeral: c.ephemeral, sequential: c.sequential });
    case 'set':
      return multiOpText({ op: 'setData', path: c.path, data: c.data, version: c.version });
    case 'delete':
      return multiOpText({ op: 'delete', path: c.path, version: c.version });
    case 'multi':
      return `multi ${c.ops.map(multiOpText).join('; ')}`;
    case 'deleteall':
    case 'get':
    case 'stat':
    case 'ls':
    case 'sync':
      return `${c.kind} ${word(c.path)}`;
  }
}

export function txnText(txn: Txn): string {
  switch (txn.op) {
    case 'createSession':
      return `createSession ${txn.session}`;
    case 'closeSession':
      return `closeSession ${txn.session}${txn.reason === 'expire' ? ' (expire)' : ''}`;
    case 'multi':
      return `multi ${txn.ops.map(multiOpText).join('; ')}`;
    case 'sync':
      return `sync ${word(txn.path)}`;
    default:
      return multiOpText(txn);
  }
}

function statText(stat: Stat | undefined): string {
  return stat === undefined ? '' : ` (version ${stat.version})`;
}

function oneText(r: MultiOpResult | TxnResult | OpResult): string {
  if (!r.ok) return r.error ?? 'error';
  return `ok${r.path === undefined ? '' : ` ${r.path}`}${statText(r.stat)}`;
}

/** "ok /a-0000000001 (version 0)", "BADVERSION", "NODEEXISTS [ROLLEDBACK, NODEEXISTS]". */
export function resultText(r: TxnResult | OpResult): string {
  const head = oneText(r);
  return r.results === undefined ? head : `${head} [${r.results.map(oneText).join(', ')}]`;
}
