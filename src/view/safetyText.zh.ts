// The safety monitor's words in Chinese (zh-CN), the same keys as ./safetyText.ts.
export const safetyTextZh = {
  region: '安全性监控器',
  names: {
    agreement: '一致性',
    validity: '有效性',
    prefix: '前缀顺序',
    promises: '承诺单调性',
    chosen: '选定值稳定性',
    linearizable: '写操作线性一致',
    liveness: '恢复后的活性',
  },
  rules: {
    agreement: '没有两台服务器为同一个槽位决定不同的值。',
    validity: '每个已决定的值都是某个客户端请求的（或是空操作）。',
    prefix: '每台服务器按 0、1、2…… 的顺序应用槽位，没有空缺。',
    promises: '服务器从不承诺更低的提案编号，也不接受低于其承诺的提案。',
    chosen: '一旦多数派接受了某个值，更高的提案编号都携带同一个值。',
    linearizable: '客户端的写操作及其结果可以排成一个尊重真实时间的顺序。',
    liveness: '一旦故障停止且多数派可以通信，每个待处理的写操作都会得到答复。',
  },
  holds: '成立',
  violated: '违反',
  waiting: '等待中',
  waitingWhy: '没有多数派服务器可以通信：等到可以通信时才判断活性。',
  caught: (name: string): string => `${name}被违反`,
  atEvent: (index: number): string => `在事件 #${index}`,
  showBreaking: '显示违反的事件',
  breaks: (name: string): string => `破坏${name}`,
  involved: (name: string): string => `与${name}被破坏有关`,
  headline: {
    agreement: (servers: string, slots: string): string => `${servers} 为槽位 ${slots} 决定了不同的值。`,
    validity: (servers: string, slots: string): string => `${servers} 为槽位 ${slots} 决定了一个没有客户端请求过的值。`,
    prefix: (servers: string, slots: string): string => `${servers} 没有按顺序应用槽位 ${slots}。`,
    promises: (servers: string, slots: string): string =>
      slots === '' ? `${servers} 违背了自己的承诺。` : `${servers} 以低于其承诺的提案编号接受了槽位 ${slots}。`,
    chosen: (servers: string, slots: string): string => `槽位 ${slots} 已选定的值被另一个值取代了：请看 ${servers}。`,
    linearizable: (): string => '某个写操作的结果不符合客户端写操作的任何顺序。',
    liveness: (): string => '尽管多数派可以通信，某个写操作始终没有得到答复。',
  },
  list: (items: readonly string[]): string =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')} 和 ${items[items.length - 1]}`,
};
