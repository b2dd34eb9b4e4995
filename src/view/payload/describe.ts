// A message's whole content as the page shows it when a message is hovered or focused: a few short lines,
// plain data, made once per message (the ring's frames carry them; the diagram asks when hovered).
import { formatBallot } from '../../protocol/paxos/ballot';
import type { Message } from '../../protocol/paxos/types';
import type { Proposal } from '../../protocol/types';
import type { Message as ZabMessage, Txn } from '../../protocol/zab/types';
import { describeProposal, describeTxn } from '../../sim/describe';
import type { OpResult } from '../../sim/trace';
import type { Wire } from '../../sim/wire';
import type { LoggedTxn } from '../../sim/world';
import { formatZxid } from '../../zk/format';
import { payloadText as p } from './text';

/** A list in a payload (a promise's accepted entries, a catch-up's decided ones) shows at most this many. */
export const MAX_PAYLOAD_ENTRIES = 8;

/** The lines of a message's content (empty when it carries nothing beyond its label). */
export function describePayload(wire: Wire): readonly string[] {
  switch (wire.kind) {
    case 'protocol':
      // ZAB's packets are named in capitals (ZooKeeper's own names); the rest are Paxos messages.
      if (isZabMessage(wire.message)) return zabPayload(wire.message);
      return protocolPayload(wire.message as Message<LoggedTxn>);
    case 'session-touch':
      return [p.sessions(wire.sessions)];
    case 'client-connect':
      return [
        wire.sessionId === 0
          ? p.connectNew(wire.session, wire.timeoutMs)
          : p.connectAgain(wire.session, formatZxid(wire.sessionId), wire.timeoutMs),
        p.connectSeen(formatZxid(wire.lastZxid), wire.watches.length),
      ];
    case 'client-write':
      return [p.write(wire.session, wire.opId, describeTxn(wire.txn))];
    case 'client-read': {
      const { read } = wire;
      const text = `${read.op}${read.op === 'ls' && read.recursive ? ' -R' : ''} ${read.path}`;
      return [p.read(wire.session, wire.opId, text + (read.watch ? p.readWatch : ''))];
    }
    case 'client-ping':
      return [p.ping(wire.session)];
    case 'client-pong':
      return [p.pong];
    case 'connected':
      return [p.connected(wire.ok, formatZxid(wire.sessionId))];
    case 'session-ended':
      return [p.ended(wire.reason)];
    case 'connection-closed':
      return [p.disconnected];
    case 'reply':
      return [...replyLines(wire.opId, wire.result), p.lastZxid(formatZxid(wire.lastZxid))];
    case 'watch-event':
      return [p.watchEvent(wire.type, wire.path)];
  }
}

function protocolPayload(m: Message<LoggedTxn>): string[] {
  switch (m.type) {
    case 'prepare':
      return [p.prepare(formatBallot(m.ballot), m.fromSlot)];
    case 'promise': {
      const lines = [p.ballot(formatBallot(m.ballot)), p.acceptedHeading(m.accepted.length)];
      lines.push(
        ...capped(m.accepted, ([slot, entry]) =>
          p.acceptedEntry(slot, formatBallot(entry.ballot), describeProposal(entry.proposal)),
        ),
      );
      if (m.decided.length > 0) lines.push(p.decidedHeading(m.decided.length), ...decidedLines(m.decided));
      return lines;
    }
    case 'nack':
      return [p.nack(formatBallot(m.ballot), formatBallot(m.promised))];
    case 'accept':
      return [p.slotBallot(m.slot, formatBallot(m.ballot)), p.value(describeProposal(m.proposal))];
    case 'accepted':
      return [p.slotBallot(m.slot, formatBallot(m.ballot))];
    case 'decide':
      return [p.slot(m.slot), p.value(describeProposal(m.proposal))];
    case 'heartbeat':
    case 'heartbeatAck':
      return [p.decidedUpTo(formatBallot(m.ballot), m.decidedUpTo)];
    case 'catchUpRequest':
      return [p.catchUpFrom(m.fromSlot)];
    case 'catchUpReply':
      return [p.catchUpEntries(m.entries.length), ...decidedLines(m.entries)];
    case 'forward':
      return [p.forward(describeProposal(m.proposal))];
  }
}

function isZabMessage(m: object): m is ZabMessage<LoggedTxn> {
  const type = (m as { type?: unknown }).type;
  return typeof type === 'string' && type === type.toUpperCase();
}

function zabPayload(m: ZabMessage<LoggedTxn>): string[] {
  const txnLines = (heading: string, txns: readonly Txn<LoggedTxn>[]): string[] => [
    heading,
    ...capped(txns, (t) => p.zabTxn(formatZxid(t.zxid), describeProposal(t.proposal))),
  ];
  switch (m.type) {
    case 'NOTIFICATION':
      return [p.zabVote(m.vote.leader, formatZxid(m.vote.zxid), m.vote.peerEpoch, m.electionEpoch, m.state)];
    case 'FOLLOWERINFO':
    case 'LEADERINFO':
      return [p.zabEpoch(m.type === 'LEADERINFO' ? m.epoch : m.acceptedEpoch)];
    case 'ACKEPOCH':
      return [p.zabEpochs(m.currentEpoch, formatZxid(m.lastZxid))];
    case 'DIFF':
      return txnLines(p.zabDiff(m.txns.length), m.txns);
    case 'SNAP':
      return txnLines(p.zabSnap(m.txns.length), m.txns);
    case 'PROPOSAL':
      return [p.zabTxn(formatZxid(m.txn.zxid), describeProposal(m.txn.proposal))];
    case 'TRUNC':
      return [p.zabTrunc(formatZxid(m.zxid))];
    case 'NEWLEADER':
    case 'ACK':
    case 'COMMIT':
      return [p.zabZxid(formatZxid(m.zxid))];
    case 'REQUEST':
      return [p.forward(describeProposal(m.proposal))];
    default:
      return [];
  }
}

function decidedLines(entries: readonly (readonly [number, Proposal<LoggedTxn>])[]): string[] {
  return capped(entries, ([slot, proposal]) => p.decidedEntry(slot, describeProposal(proposal)));
}

/** One line per entry, at most MAX_PAYLOAD_ENTRIES of them, then how many more there are. */
function capped<T>(entries: readonly T[], line: (entry: T) => string): string[] {
  const shown = entries.length > MAX_PAYLOAD_ENTRIES ? MAX_PAYLOAD_ENTRIES - 1 : entries.length;
  const lines = entries.slice(0, shown).map(line);
  if (shown < entries.length) lines.push(p.more(entries.length - shown));
  return lines;
}

function replyLines(opId: number, result: OpResult): string[] {
  const lines = [p.reply(opId, result.ok ? p.ok : p.failed(result.error ?? 'error', result.reason))];
  if (result.path !== undefined) lines.push(p.path(result.path));
  if (result.data !== undefined) lines.push(p.data(result.data));
  if (result.stat !== undefined) lines.push(p.version(result.stat.version));
  if (result.children !== undefined) {
    const shown = result.children.slice(0, MAX_PAYLOAD_ENTRIES);
    lines.push(p.children(shown, result.children.length - shown.length));
  }
  if (result.results !== undefined)
    lines.push(p.subResults(result.results.filter((r) => r.ok).length, result.results.length));
  if (result.sessionId !== undefined && result.sessionId !== 0) lines.push(p.session(formatZxid(result.sessionId)));
  if (result.zxid !== undefined && result.zxid !== 0) lines.push(p.zxid(formatZxid(result.zxid)));
  return lines;
}
