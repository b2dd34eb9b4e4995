// The recorded run's messages in Chinese (zh-CN), the same keys as ./text.ts.

export const timelineTextZh = {
  alreadyDown: (server: number): string => `n${server} 已经宕机`,
  alreadyUp: (server: number): string => `n${server} 已经在运行`,
  serverDown: (server: number): string => `n${server} 已宕机：请先重启它`,
  settleBound: (boundMs: number): string => `settle：${boundMs / 1000} 秒后仍未稳定（多数派是否在运行并互相连通？）`,
  tooLongToReplay: (events: number, max: number): string =>
    `这个链接的运行太长，无法在此重放（${events.toLocaleString('zh-CN')} 个事件；最多 ${max.toLocaleString('zh-CN')} 个）`,
  historyFull: (max: number): string =>
    `这次运行已达到 ${max.toLocaleString('zh-CN')} 个追踪事件，即时间回溯保存的上限：请回到过去并操作以分叉（fork），或开始新的运行`,
  noPhase: (ms: number): string =>
    `接下来 ${(ms / 1000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 秒内没有 Paxos 阶段：没有任何值正在达成共识（只有心跳经过）。输入一次写入，或让领导者崩溃，来开始一个阶段。`,
  noPhaseZab: (ms: number): string =>
    `接下来 ${(ms / 1000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 秒内没有 ZAB 阶段：没有任何事务正在达成共识（只有 PING 经过）。输入一次写入，或让领导者崩溃，来开始一个阶段。`,
};
