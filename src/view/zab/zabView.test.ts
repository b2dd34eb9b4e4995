// ZAB on screen: sync packets say what they do to a follower's history, a truncation shows in the event log, and
// each server's ring lines read its epochs and its logged vs committed txns.
import { expect, it } from 'vitest';
import { describeMessage } from '../../protocol/zab/describe';
import type { Message, Txn } from '../../protocol/zab/types';
import { makeZxid } from '../../protocol/zab/zxid';
import { NO_OBSERVER, Timeline } from '../../scenario/timeline/timeline';
import { DEFAULT_HEADER } from '../../sim/config';
import type { LoggedTxn } from '../../sim/world';
import { serverViews } from '../../worker/frames';
import { describeEventEn } from '../events/text';
import { describePayload } from '../payload/describe';

const txn = (counter: number): Txn<LoggedTxn> => ({
  zxid: makeZxid(1, counter),
  proposal: { id: `t${counter}`, epoch: 1, time: 0, payload: { op: 'delete', session: 'c1', path: '/a', version: -1 } },
});
const packet = { from: 2, to: 3, conn: 1, seq: 1, lead: 1 };

it('labels and payload cards say what TRUNC, DIFF and SNAP carry', () => {
  const trunc: Message<LoggedTxn> = { ...packet, type: 'TRUNC', zxid: makeZxid(1, 3) };
  const diff: Extract<Message<LoggedTxn>, { type: 'DIFF' }> = {
    ...packet,
    type: 'DIFF',
    txns: [txn(4), txn(5)],
    lastZxid: makeZxid(1, 5),
  };
  const snap: Message<LoggedTxn> = { ...packet, type: 'SNAP', txns: [txn(1)] };
  expect([trunc, diff, snap].map(describeMessage)).toEqual(['TRUNC to 0x100000003', 'DIFF 2 txns', 'SNAP 1 txn']);
  expect(describePayload({ kind: 'protocol', message: trunc })).toEqual([
    'truncate the log to 0x100000003: drop every txn above it',
  ]);
  const lines = describePayload({ kind: 'protocol', message: diff });
  expect(lines[0]).toBe('add the 2 txns it lacks:');
  expect(lines).toHaveLength(3);
  const empty: Message<LoggedTxn> = { ...diff, txns: [] };
  expect(describePayload({ kind: 'protocol', message: empty })[0]).toBe('nothing to add: the follower has the history');
});

/** n3 leads epoch 1 and logs a write no follower gets; n1 and n2 go on in epoch 2; n3 comes back. */
function truncated(): Timeline {
  const run = new Timeline({ ...DEFAULT_HEADER, protocol: 'zab', seed: 1 }, NO_OBSERVER, ['settle', 'c1 connect n3']);
  for (const line of ['c1> create /a 1', 'wait 1000ms', 'kill n1', 'kill n2', 'c1> set /a 2 &', 'wait 100ms'])
    run.runLine(line, 'console');
  return run;
}

it('a server shows its epochs and a proposal it logged but never committed, until a TRUNC drops it', () => {
  const run = truncated();
  const n3 = serverViews(run.sim).find((s) => s.id === 3)!;
  expect(n3).toMatchObject({ zab: true, ballot: '1', promised: '1', decidedUpTo: 2, logged: 3 });
  for (const line of ['kill n3', 'restart n1', 'restart n2', 'wait 3000ms', 'restart n3', 'wait 3000ms'])
    run.runLine(line, 'console');
  const trace = run.sim.trace;
  const sent = trace.find((e) => e.kind === 'send' && e.wire === 'TRUNC' && e.to === 'n3');
  expect(sent).toMatchObject({ label: 'TRUNC to 0x100000002' });
  const cut = trace.find((e) => e.kind === 'zab-truncate' && e.server === 3)!;
  expect(describeEventEn(cut)).toBe('n3 truncated txn 0x100000003: its log ends at 0x100000002');
  const after = serverViews(run.sim).find((s) => s.id === 3)!;
  expect(after).toMatchObject({ ballot: '2', promised: '2' });
  expect(after.logged).toBe(after.decidedUpTo);
});
