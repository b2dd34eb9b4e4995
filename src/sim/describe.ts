// Short, zkCli-like text for transactions, as the trace, the summary and the UI show them.
import type { Proposal } from '../protocol/types';
import type { MultiOp, Txn } from '../zk/types';

function quote(data: string): string {
  return /^[^\s"\\;&#]+$/.test(data) ? data : JSON.stringify(data);
}

function describeMultiOp(op: MultiOp): string {
  switch (op.op) {
    case 'check':
      return `check ${op.path} ${op.version}`;
    case 'create':
      return `create${op.ephemeral ? ' -e' : ''}${op.sequential ? ' -s' : ''} ${op.path} ${quote(op.data)}`;
    case 'setData':
      return `set${op.version === -1 ? '' : ` -v ${op.version}`} ${op.path} ${quote(op.data)}`;
    case 'delete':
      return `delete${op.version === -1 ? '' : ` -v ${op.version}`} ${op.path}`;
  }
}

// A txn is described once per server's decide and apply, its message and the summary: its text is made once
// (txns are immutable), which also lets the trace's events share one string.
const texts = new WeakMap<Txn, string>();

export function describeTxn(txn: Txn | null): string {
  if (txn === null) return 'noop';
  let text = texts.get(txn);
  if (text === undefined) texts.set(txn, (text = txnText(txn)));
  return text;
}

/** A log entry's value as the log and the payloads show it: its transaction, or "noop". */
export function describeProposal(proposal: Proposal<Txn>): string {
  return proposal.payload === null ? 'noop' : describeTxn(proposal.payload);
}

function txnText(txn: Txn): string {
  switch (txn.op) {
    case 'createSession':
      return `createSession ${txn.session}`;
    case 'closeSession':
      return `closeSession ${txn.session}${txn.reason === 'expire' ? ' (expired)' : ''}`;
    case 'create':
    case 'setData':
    case 'delete':
      return `${txn.session}: ${describeMultiOp(txn)}`;
    case 'multi':
      return txn.ops.length === 0
        ? `${txn.session}: multi`
        : `${txn.session}: multi ${txn.ops.map(describeMultiOp).join('; ')}`;
    case 'sync':
      return `${txn.session}: sync ${txn.path}`;
  }
}
