// Strings of a message's payload card (English; a translation replaces this object). One line each.
import { localized } from '../../script/language';
import { payloadTextZh } from './text.zh';
export const payloadTextEn = {
  ballot: (ballot: string): string => `ballot ${ballot}`,
  prepare: (ballot: string, fromSlot: number): string => `ballot ${ballot} · slots from #${fromSlot}`,
  acceptedHeading: (count: number): string =>
    count === 0 ? 'accepted: nothing' : `accepted (${count} ${count === 1 ? 'entry' : 'entries'}):`,
  /** An accepted entry: slot, the ballot it was accepted at, its value. */
  acceptedEntry: (slot: number, ballot: string, value: string): string => `#${slot}: ${ballot}, ${value}`,
  decidedHeading: (count: number): string => `decided (${count} ${count === 1 ? 'entry' : 'entries'}):`,
  decidedEntry: (slot: number, value: string): string => `#${slot}: ${value}`,
  more: (count: number): string => `and ${count} more ${count === 1 ? 'entry' : 'entries'}`,
  nack: (rejected: string, promised: string): string => `rejects ballot ${rejected}: promised ${promised}`,
  slotBallot: (slot: number, ballot: string): string => `slot #${slot} · ballot ${ballot}`,
  slot: (slot: number): string => `slot #${slot}`,
  value: (value: string): string => `value: ${value}`,
  zabVote: (leader: number, zxid: string, epoch: number, round: number, state: string): string =>
    `vote: n${leader}, zxid ${zxid}, peerEpoch ${epoch}; round ${round}, ${state.toUpperCase()}`,
  zabTxn: (zxid: string, value: string): string => `${zxid}: ${value}`,
  zabZxid: (zxid: string): string => `zxid: ${zxid}`,
  /** What a sync packet does to the follower's history. */
  zabTrunc: (zxid: string): string => `truncate the log to ${zxid}: drop every txn above it`,
  zabDiff: (count: number): string =>
    count === 0
      ? 'nothing to add: the follower has the history'
      : `add the ${count} txn${count === 1 ? '' : 's'} it lacks:`,
  zabSnap: (count: number): string =>
    `replace the log by the leader's snapshot (${count} txn${count === 1 ? '' : 's'}):`,
  zabEpoch: (epoch: number): string => `epoch: ${epoch}`,
  zabEpochs: (current: number, zxid: string): string => `currentEpoch ${current}, last zxid ${zxid}`,
  decidedUpTo: (ballot: string, upTo: number): string => `ballot ${ballot} · decided up to #${upTo}`,
  catchUpFrom: (fromSlot: number): string => `decided slots from #${fromSlot}, please`,
  catchUpEntries: (count: number): string => `${count} decided ${count === 1 ? 'entry' : 'entries'}:`,
  forward: (value: string): string => `request: ${value}`,
  sessions: (sessions: readonly string[]): string =>
    sessions.length === 0 ? 'sessions: none' : `sessions: ${sessions.join(', ')}`,
  connectNew: (session: string, timeoutMs: number): string => `${session}: new session, timeout ${timeoutMs} ms`,
  connectAgain: (session: string, id: string, timeoutMs: number): string =>
    `${session}: reconnect session ${id}, timeout ${timeoutMs} ms`,
  connectSeen: (zxid: string, watches: number): string =>
    `last zxid seen ${zxid} · ${watches} ${watches === 1 ? 'watch' : 'watches'}`,
  write: (session: string, opId: number, txn: string): string => `${session} op ${opId}: ${txn}`,
  read: (session: string, opId: number, read: string): string => `${session} op ${opId}: ${read}`,
  readWatch: ' (watch)',
  ping: (session: string): string => `${session}: keep the session alive`,
  pong: 'the session is alive',
  connected: (ok: boolean, id: string): string => (ok ? `session ${id} open` : 'session expired: start a new one'),
  ended: (reason: 'close' | 'expire'): string => (reason === 'expire' ? 'session expired' : 'session closed'),
  disconnected: 'this server stopped serving clients: reconnect elsewhere',
  reply: (opId: number, outcome: string): string => `op ${opId} → ${outcome}`,
  ok: 'ok',
  failed: (error: string, reason?: string): string => (reason === undefined ? error : `${error}: ${reason}`),
  path: (path: string): string => `path ${path}`,
  data: (data: string): string => `data ${data === '' ? '""' : data}`,
  version: (version: number): string => `version ${version}`,
  children: (shown: readonly string[], more: number): string =>
    shown.length === 0 ? 'children: none' : `children: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
  subResults: (ok: number, total: number): string => `${ok} of ${total} ops ok`,
  zxid: (zxid: string): string => `zxid ${zxid}`,
  lastZxid: (zxid: string): string => `server has applied up to ${zxid}`,
  session: (id: string): string => `session ${id}`,
  watchEvent: (type: string, path: string): string => `${type} on ${path}`,
} as const;

export const payloadText = localized(payloadTextEn, payloadTextZh);
