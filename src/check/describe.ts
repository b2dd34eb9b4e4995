// Short texts for the checkers' one-line reasons.
import type { OpResult } from '../sim/trace';
import type { MultiOpResult, Stat, TxnResult } from '../zk/types';

// A command's text is the scenario language's own (formatCommand); a transaction's is the trace's (describeTxn).
export { formatCommand as commandText } from '../script/format';
export { describeTxn as txnText } from '../sim/describe';

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
