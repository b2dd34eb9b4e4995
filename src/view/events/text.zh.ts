// Each trace event in Chinese (zh-CN) for the event log and Step, as ./text.ts says it in English. Message
// labels, ZooKeeper's event types and error codes, transactions and zxids stay as the trace has them.
import { formatBallot } from '../../protocol/paxos/ballot';
import { describeTxn } from '../../sim/describe';
import { serverName } from '../../sim/simulator';
import type { TraceEvent } from '../../sim/trace';
import { formatZxid } from '../../zk/format';
import { isZabMark, zabMarkLine } from '../zab/marks';
import { zabTextZh } from '../zab/text.zh';

const ROLES: Readonly<Record<string, string>> = { leader: '领导者', follower: '跟随者', candidate: '候选者' };
const PHASES: Readonly<Record<string, string>> = {
  prepare: '准备',
  'promise-quorum': '达到承诺法定人数',
  accept: '接受请求',
  'accepted-quorum': '达到已接受法定人数',
  decide: '决定',
};
const ZAB_PHASES: Readonly<Record<string, string>> = {
  election: '选举',
  discovery: '发现',
  sync: '同步',
  broadcast: '广播',
};
const DROPS: Readonly<Record<string, string>> = { loss: '丢包', cut: '链路已切断', down: '服务器宕机' };
const SESSIONS: Readonly<Record<string, string>> = {
  connecting: '正在连接',
  connected: '已连接',
  disconnected: '已断开',
  closed: '已关闭',
  expired: '已过期',
};

/** A word from a table, or the trace's own word when the table does not know it (a newer protocol's). */
const word = (table: Readonly<Record<string, string>>, key: string): string =>
  Object.hasOwn(table, key) ? table[key]! : key;

export function describeEventZh(event: TraceEvent): string | null {
  switch (event.kind) {
    case 'send':
      return `${event.from} → ${event.to} ${event.label}${event.lost ? '（将会丢失）' : ''}`;
    case 'duplicate':
      return `${event.from} → ${event.to} ${event.label} 被重复`;
    case 'deliver':
      return `${event.to} 收到来自 ${event.from} 的 ${event.wire}`;
    case 'drop':
      return `${event.from} → ${event.to} ${event.wire} 被丢弃（${word(DROPS, event.reason)}）`;
    case 'crash':
      return `${serverName(event.server)} 崩溃`;
    case 'restart':
      return `${serverName(event.server)} 重启`;
    case 'cut':
      return `链路 ${serverName(event.from)} → ${serverName(event.to)} 已切断`;
    case 'heal':
      return `链路 ${serverName(event.from)} → ${serverName(event.to)} 已恢复`;
    case 'network':
      return `网络：延迟 ${event.latencyMin}..${event.latencyMax}ms，丢包 ${Math.round(event.loss * 100)}%，重复 ${Math.round(event.dup * 100)}%`;
    case 'role':
      return `${serverName(event.server)} 成为${word(ROLES, event.role)}（${formatBallot(event.ballot)}）`;
    case 'phase':
      if (isZabMark(event)) return zabMarkLine(event, zabTextZh);
      return `${serverName(event.server)} ${word(PHASES, event.phase)}${event.slot === undefined ? '' : ` 槽位 ${event.slot}`}（${formatBallot(event.ballot)}）`;
    case 'vote':
      return `${serverName(event.server)}${event.slot === undefined ? '' : ` 为槽位 ${event.slot}`} 收到 ${event.votes} / ${event.needed} 个${event.vote === 'promise' ? '承诺' : '已接受投票'}`;
    case 'promised':
      return `${serverName(event.server)} 承诺 ${formatBallot(event.ballot)}`;
    case 'accepted':
      return `${serverName(event.server)} 在 ${formatBallot(event.ballot)} 下接受槽位 ${event.slot}`;
    case 'decided':
      return `${serverName(event.server)} 得知槽位 ${event.slot} 已选定：${event.text}`;
    case 'apply':
      return `${serverName(event.server)} 应用槽位 ${event.slot}${event.zxid === 0 ? '' : `，zxid ${formatZxid(event.zxid)}`}：${event.text}${event.ok ? '' : ` → ${event.error ?? 'error'}`}`;
    case 'request':
      return `${serverName(event.server)} 收到一个待提议的写入：${describeTxn(event.txn)}`;
    case 'invoke':
      return `${event.session} 发送 ${event.command.kind}`;
    case 'return':
      return `${event.session} 收到 ${event.result.ok ? 'ok' : (event.result.error ?? 'error')}`;
    case 'watch':
      return `${event.session} 的监视触发：${event.type} ${event.path}`;
    case 'session':
      return `会话 ${event.session} ${word(SESSIONS, event.status)}${event.server === null ? '' : `（${serverName(event.server)}）`}`;
    case 'zab-state':
      return `${serverName(event.server)} 处于 ${event.state.toUpperCase()}${event.leader === null || event.state === 'leading' ? '' : ` ${serverName(event.leader)}`}（轮次 ${event.round}）`;
    case 'zab-phase':
      return `${serverName(event.server)} ${word(ZAB_PHASES, event.phase)}${event.phase === 'election' ? '' : `（纪元 ${event.epoch}）`}`;
    case 'zab-tally':
      return `${serverName(event.server)} 为 ${serverName(event.candidate)} 收到 ${event.votes} / ${event.needed} 票（轮次 ${event.round}）`;
    case 'zab-epoch':
      return `${serverName(event.server)} ${event.which}Epoch = ${event.epoch}`;
    case 'zab-established':
      return `${serverName(event.server)} 领导纪元 ${event.epoch}`;
    case 'zab-sync':
      return `${serverName(event.server)} 以 ${event.mode} 从 ${formatZxid(event.peerLastZxid)} 同步 ${serverName(event.follower)}${event.mode.startsWith('TRUNC') ? `（截断到 ${formatZxid(event.truncZxid)}）` : ''}${event.txns > 0 ? `，${event.txns} 个事务` : ''}`;
    case 'zab-propose':
      return `${serverName(event.server)} 提议 ${formatZxid(event.zxid)}`;
    case 'zab-commit':
      return `${serverName(event.server)} 已提交 ${formatZxid(event.zxid)}（槽位 ${event.slot}）`;
    case 'zab-truncate':
      return `${serverName(event.server)} 截断了从 ${formatZxid(event.first)} 起的 ${event.dropped} 个事务，日志止于 ${formatZxid(event.zxid)}`;
    case 'zab-step-down':
      return `${serverName(event.server)} 转为 LOOKING（${event.reason}）`;
  }
}
