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
};
