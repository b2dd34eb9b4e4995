// Each trace event in words, for the event log and Step (English; the Chinese is describeEventZh in text.zh.ts).
import { language } from '../../script/language';
import { formatBallot } from '../../protocol/paxos/ballot';
import { describeTxn } from '../../sim/describe';
import { serverName } from '../../sim/simulator';
import type { TraceEvent } from '../../sim/trace';
import { formatZxid } from '../../zk/format';
import { isZabMark, zabMarkLine } from '../zab/marks';
import { zabTextEn } from '../zab/text';
import { describeEventZh } from './text.zh';

/** One line per trace event worth showing in the event log, in the current language; null for the ones that are not. */
export function describeEvent(event: TraceEvent): string | null {
  return language() === 'zh' ? describeEventZh(event) : describeEventEn(event);
}

/** The English line of a trace event (describeEvent in English). */
export function describeEventEn(event: TraceEvent): string | null {
  switch (event.kind) {
    case 'send':
      return `${event.from} → ${event.to} ${event.label}${event.lost ? ' (will be lost)' : ''}`;
    case 'duplicate':
      return `${event.from} → ${event.to} ${event.label} duplicated`;
    case 'deliver':
      return `${event.to} received ${event.wire} from ${event.from}`;
    case 'drop':
      return `${event.from} → ${event.to} ${event.wire} dropped (${event.reason})`;
    case 'crash':
      return `${serverName(event.server)} crashed`;
    case 'restart':
      return `${serverName(event.server)} restarted`;
    case 'cut':
      return `link ${serverName(event.from)} → ${serverName(event.to)} cut`;
    case 'heal':
      return `link ${serverName(event.from)} → ${serverName(event.to)} healed`;
    case 'network':
      return `network: latency ${event.latencyMin}..${event.latencyMax}ms, loss ${Math.round(event.loss * 100)}%, dup ${Math.round(event.dup * 100)}%`;
    case 'role':
      return `${serverName(event.server)} is ${event.role} (${formatBallot(event.ballot)})`;
    case 'phase':
      if (isZabMark(event)) return zabMarkLine(event, zabTextEn);
      return `${serverName(event.server)} ${event.phase}${event.slot === undefined ? '' : ` slot ${event.slot}`} (${formatBallot(event.ballot)})`;
    case 'vote':
      return `${serverName(event.server)} has ${event.votes} of ${event.needed} ${event.vote === 'promise' ? 'promises' : 'accepted votes'}${event.slot === undefined ? '' : ` for slot ${event.slot}`}`;
    case 'promised':
      return `${serverName(event.server)} promised ${formatBallot(event.ballot)}`;
    case 'accepted':
      return `${serverName(event.server)} accepted slot ${event.slot} at ${formatBallot(event.ballot)}`;
    case 'decided':
      return `${serverName(event.server)} learned slot ${event.slot} is chosen: ${event.text}`;
    case 'apply':
      return `${serverName(event.server)} applied slot ${event.slot}${event.zxid === 0 ? '' : ` as ${formatZxid(event.zxid)}`}: ${event.text}${event.ok ? '' : ` → ${event.error ?? 'error'}`}`;
    case 'request':
      return `${serverName(event.server)} got a write to propose: ${describeTxn(event.txn)}`;
    case 'invoke':
      return `${event.session} sent ${event.command.kind}`;
    case 'return':
      return `${event.session} got ${event.result.ok ? 'ok' : (event.result.error ?? 'error')}`;
    case 'watch':
      return `${event.session} watch fired: ${event.type} ${event.path}`;
    case 'session':
      return `session ${event.session} ${event.status}${event.server === null ? '' : ` (${serverName(event.server)})`}`;
    case 'zab-state':
      return `${serverName(event.server)} is ${event.state.toUpperCase()}${event.leader === null || event.state === 'leading' ? '' : ` ${serverName(event.leader)}`} (round ${event.round})`;
    case 'zab-phase':
      return `${serverName(event.server)} ${event.phase}${event.phase === 'election' ? '' : ` (epoch ${event.epoch})`}`;
    case 'zab-tally':
      return `${serverName(event.server)} has ${event.votes} of ${event.needed} votes for ${serverName(event.candidate)} (round ${event.round})`;
    case 'zab-epoch':
      return `${serverName(event.server)} ${event.which}Epoch = ${event.epoch}`;
    case 'zab-established':
      return `${serverName(event.server)} leads epoch ${event.epoch}`;
    case 'zab-sync':
      return `${serverName(event.server)} syncs ${serverName(event.follower)} by ${event.mode} from ${formatZxid(event.peerLastZxid)}${event.mode.startsWith('TRUNC') ? ` (truncate to ${formatZxid(event.truncZxid)})` : ''}${event.txns > 0 ? `, ${event.txns} txns` : ''}`;
    case 'zab-propose':
      return `${serverName(event.server)} proposes ${formatZxid(event.zxid)}`;
    case 'zab-commit':
      return `${serverName(event.server)} committed ${formatZxid(event.zxid)} (slot ${event.slot})`;
    case 'zab-truncate':
      return `${serverName(event.server)} truncated ${event.dropped === 1 ? `txn ${formatZxid(event.first)}` : `${event.dropped} txns from ${formatZxid(event.first)}`}: its log ends at ${formatZxid(event.zxid)}`;
    case 'zab-step-down':
      return `${serverName(event.server)} goes LOOKING (${event.reason})`;
  }
}
