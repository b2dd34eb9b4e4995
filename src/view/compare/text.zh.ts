// The compare view in Chinese (zh-CN), the same keys as ./text.ts.

const n = (value: number): string => value.toLocaleString('zh-CN');

export const compareTextZh = {
  button: '对比',
  onTitle: '在 Multi-Paxos 和 ZAB 下并排运行这个场景：相同的种子、相同的命令和故障',
  offTitle: '回到单个运行',
  region: '对比',
  intro: '一个场景，两种协议，一个时钟：每条命令和每个故障都在同一模拟时刻发给两个运行。',
  protocolName: { 'multi-paxos': 'Multi-Paxos', 'basic-paxos': '基本 Paxos', zab: 'ZAB' },
  controls: '对比控制',
  time: '时间（两个运行）',
  table: '协议对比',
  measure: '指标',
  rows: {
    messagesPerWrite: '每次写入的消息数',
    writeLatency: '写入延迟',
    recoveryMs: '领导者崩溃 → 下一次提交的写入',
    recoveryMessages: '恢复所用的消息数',
  },
  perWrite: (value: number): string => value.toFixed(1),
  ms: (value: number): string => `${n(Math.round(value))} ms`,
  count: (value: number): string => n(value),
  none: '—',
  recovering: '恢复中…',
  writes: (value: number): string => `共 ${n(value)} 次写入`,
  footnote:
    '服务器之间的消息，不含心跳、ping 和会话续期。每次写入的消息数与延迟（客户端请求到回复）：只计恢复期间以外得到回复的写入。恢复从杀死领导者开始，到其后第一个提交的客户端写入为止（显示最近一次）：先暂停，按下“杀死领导者”和“写入”，再播放。',
  faults: '两个运行的故障',
  killLeader: '杀死领导者',
  killLeaderTitle: '在两个运行中执行 kill leader：各自杀死当前的领导者',
  restartAll: '重启崩溃的服务器',
  restartAllTitle: '重启每台崩溃的服务器，每个运行各自的',
  write: '写入',
  writeTitle:
    '在两个运行中执行 w1> create -s /w- x（顺序节点：名字不会冲突）；w1 请求连接 n2（选举后是跟随者），n2 还拒绝客户端时改连下一台服务器',
  lastWriteFailed: (message: string): string => ` · 最近一次写入失败（${message}）：请再按一次“写入”`,
  line: '发给两个运行的命令',
  linePlaceholder: 'c1> create /a 1',
  run: '在两者中运行',
  runError: (protocol: string, message: string): string => `${protocol}：${message}`,
  linkErrorTitle: '无法打开这个对比链接',
  linkErrorRest: '改为显示普通页面。',
  dismiss: '关闭',
};
