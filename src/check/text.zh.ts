// The checkers' reasons in Chinese (zh-CN), the same keys as ./text.ts; values, ballots and ZooKeeper's
// results stay as the trace has them.
export const checkTextZh = {
  agreement: (server: number, value: string, slot: number, other: number, otherValue: string, at: number): string =>
    `n${server} 为槽位 ${slot} 决定了 ${value}，但 n${other} 在那里决定的是 ${otherValue}（追踪事件 ${at}）`,
  chosen: (
    server: number,
    value: string,
    slot: number,
    ballot: string,
    chosen: string,
    chosenBallot: string,
    at: number,
  ): string =>
    `n${server} 在提案编号 ${ballot} 下为槽位 ${slot} 接受了 ${value}，但那里已在提案编号 ${chosenBallot} 下选定了 ${chosen}（追踪事件 ${at}）`,
  promiseNotAbove: (server: number, ballot: string, earlier: string, at: number): string =>
    `n${server} 承诺了 ${ballot}，并不高于它之前的承诺 ${earlier}（追踪事件 ${at}）`,
  acceptBelowPromise: (
    server: number,
    value: string,
    slot: number,
    ballot: string,
    promise: string,
    at: number,
  ): string =>
    `n${server} 在提案编号 ${ballot} 下为槽位 ${slot} 接受了 ${value}，低于它的承诺 ${promise}（追踪事件 ${at}）`,
  validity: (server: number, value: string, slot: number): string =>
    `n${server} 为槽位 ${slot} 决定了 ${value}，但没有任何客户端或会话请求过它`,
  prefixGap: (server: number, slot: number, expected: number): string =>
    `n${server} 在槽位 ${expected} 之前应用了槽位 ${slot}（出现空洞）`,
  prefixAgain: (server: number, slot: number, expected: number): string =>
    `n${server} 在槽位 ${expected - 1} 之后再次应用了槽位 ${slot}（顺序错乱）`,
  notLinearizable: (op: string, result: string | null, hint: string | null): string =>
    `${op} ${result === null ? '已生效' : `返回了 ${result}`}，这与写操作的任何线性化顺序都不符${hint === null ? '' : `（搜索走得最远处，模型给出 ${hint}）`}`,
  zabNotProposed: (server: number, value: string, zxid: string): string =>
    `n${server} 以 ${zxid} 提交了 ${value}，但没有哪个 leader 以这个 zxid 提议过它`,
  zabOutOfOrder: (server: number, zxid: string, slot: number, lastZxid: string, lastSlot: number): string =>
    `n${server} 在槽位 ${lastSlot} 提交 ${lastZxid} 之后，又在槽位 ${slot} 提交了 ${zxid}：没有按 zxid 顺序`,
  zabSlotDisagrees: (
    server: number,
    zxid: string,
    slot: number,
    other: number,
    otherZxid: string,
    at: number,
  ): string => `n${server} 在槽位 ${slot} 提交了 ${zxid}，但 n${other} 在那里提交的是 ${otherZxid}（追踪事件 ${at}）`,
  zabAcceptedEpochNotAbove: (server: number, epoch: number, accepted: number): string =>
    `n${server} 接受了纪元 ${epoch}，并不高于它的 acceptedEpoch ${accepted}`,
  zabCurrentEpochBelow: (server: number, epoch: number, current: number): string =>
    `n${server} 把 currentEpoch 设为 ${epoch}，低于它之前的 ${current}`,
  zabCurrentEpochAbove: (server: number, epoch: number, accepted: number): string =>
    `n${server} 把 currentEpoch 设为 ${epoch}，高于它的 acceptedEpoch ${accepted}`,
  zabEstablishedNotAbove: (server: number, epoch: number, earlier: number, at: number): string =>
    `n${server} 确立了纪元 ${epoch}，并不高于之前确立的纪元 ${earlier}（追踪事件 ${at}）`,
  faultStart: '开始',
  faultCrash: (server: number): string => `n${server} 的崩溃`,
  faultRestart: (server: number): string => `n${server} 的重启`,
  faultCut: (from: number, to: number): string => `链路 n${from}->n${to} 的切断`,
  faultHeal: (from: number, to: number): string => `链路 n${from}->n${to} 的恢复`,
  faultLoss: (percent: number): string => `网络改为 ${percent}% 丢包`,
  neverReturned: (
    session: string,
    command: string,
    t: number,
    quietMs: number,
    fault: string,
    faultT: number,
  ): string =>
    `${session} "${command}"（在 ${t} ms 调用）一直没有返回，尽管在${fault}（${faultT} ms）之后多数派已经启动并互通了 ${quietMs} ms`,
  livenessNoMajority: (group: number, servers: number): string =>
    `不适用：结束时 ${servers} 台服务器中只有 ${group} 台启动并互通，不构成多数派`,
  livenessTotalLoss: '不适用：结束时网络丢弃所有消息',
  livenessEmpty: '不适用：追踪为空',
  livenessTooSoon: (sinceMs: number, fault: string, faultT: number, quietMs: number): string =>
    `不适用：${fault}（${faultT} ms）之后只过了 ${sinceMs} ms，不到 ${quietMs} ms`,
  // Reading Jepsen-style history files (npm run check, the page's Open history…).
  historyPending: (process: number): string => `进程 ${process} 在上一个操作尚未完成时又发起了调用`,
  historyNeverInvoked: (process: number): string => `进程 ${process} 完成了一个它从未调用过的操作`,
  historyOtherF: (process: number, f: string, invoked: string): string =>
    `进程 ${process} 完成的是 ${f}，但调用的是 ${invoked}`,
  historyReadInvoke: (value: string): string => `read 调用时的值应为 nil，实际是 ${value}`,
  historyWriteValue: (value: string): string => `write 需要一个整数，实际是 ${value}`,
  historyCasValue: (value: string): string => `cas 需要 [from to]，实际是 ${value}`,
  historyReadResult: (value: string): string => `read 应返回 nil 或一个整数，实际是 ${value}`,
  historyNotRegisterLine: (raw: string): string => `不是寄存器操作行：${raw}`,
  historyNotEdn: (body: string): string => `不是 EDN map：${body}`,
  historyEdnNear: (near: string): string => `无法读取 EDN map，出错位置靠近 "${near}"`,
  historyMissingKey: (name: string): string => `缺少 :${name}`,
  historyStringValue: (f: string): string => `${f} 需要一个字符串 :value`,
  historyOtherKey: (process: number, key: string, invoked: string): string =>
    `进程 ${process} 完成的是键 "${key}"，但调用的是 "${invoked}"`,
  historyEdnOdd: 'EDN map 的每个键都需要一个值',
  historyGetResult: '成功的 get 应带上它读到的字符串',
  historyNoOps: '没有找到寄存器操作行或 EDN map（可用 --model register|kv 指定）',
};
