// The scenario model's and link codec's messages in Chinese (zh-CN), the same keys as ./text.ts. Scenario
// keywords and file contents stay as written: they are the scenario language.

const q = (s: string): string => JSON.stringify(s);
const excerpt = (s: string): string => q(s.length > 60 ? `${s.slice(0, 57)}...` : s);
const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;
const count = (n: number): string => n.toLocaleString('zh-CN');

export const scenarioTextZh = {
  // A comment inside an exported scenario file: the file is the same in every language (English).
  exactReplayComment: (): string[] => [
    '# An exact replay exported from Paxoscope: `npm run sim -- FILE` reaches the same run, event for event, and',
    '# prints the Fingerprint the page showed. Each `at` line is the moment the lines after it ran (simulated ms,',
    '# simulator events); they run as the console ran them, waiting for no reply. `stop` is the moment of export.',
  ],
  stopNeedsEvents: (line: number): string =>
    `第 ${line} 行：stop 之前需要一行 "at ...ms after N events"，说明运行停止的时刻`,
  cursorBeforeLastAction: (): string => '这个链接已损坏：它打开的时刻早于它的最后一个操作',
  unknownHash: (hash: string): string =>
    `这个链接以“#${hash.length > 40 ? `${hash.slice(0, 37)}...` : hash}”结尾，它既不是分享的运行（#s=...），也不是课程（#lesson=...）`,
  cursorActions: (run: number, actions: number): string =>
    `这个链接已损坏：它声称已运行 ${run} 个操作，却只包含 ${actions} 个`,
  headBeforeCursor: (): string => '这个链接已损坏：它的运行在它打开的时刻之前就结束了',
  actionAfterHead: (): string => '这个链接已损坏：它在运行结束之后还有操作',
  emptyPayload: (): string => '这个链接里没有场景：“#s=”后面什么也没有',
  hashTooLong: (length: number, max: number): string =>
    `这个链接太长：场景有 ${count(length)} 个字符，最多接受 ${count(max)} 个（${kb(max)}）`,
  missingVersion: (): string => '这个链接没有版本标记：Paxoscope 场景链接以“#s=v1.”开头（它是否被截断或修改过？）',
  newerVersion: (version: number): string =>
    `这个链接由更新版本的 Paxoscope 生成（v${version}）；本页面只能读取 v1 链接`,
  unknownVersion: (version: number): string => `这个链接的版本标记未知（v${version}）；本页面只能读取 v1 链接`,
  notBase64: (char: string, position: number): string =>
    `这个链接已损坏：第 ${position} 个字符 ${q(char)} 不能出现在场景链接中（只能是 A-Z a-z 0-9 - _）`,
  impossibleLength: (): string => '这个链接已损坏或被截断：它的场景数据长度不可能成立',
  tooShort: (): string => '这个链接被截断了：场景数据太少，装不下一个场景',
  corrupt: (reason: string): string => `这个链接已损坏或被截断：压缩的场景无法解压（${reason}）；请重新复制完整的链接`,
  checksum: (): string => '这个链接已损坏：解压后的场景与校验和不符；请重新复制完整的链接',
  tooBigUnpacked: (max: number): string => `这个链接解压后超过 ${kb(max)}；Paxoscope 接受最大 ${kb(max)} 的场景`,
  notText: (): string => '这个链接已损坏：解压后的场景不是有效的 UTF-8 文本',
  notJson: (): string => '这个链接已损坏：解压后的场景不是有效的 JSON',
  wrongShape: (where: string, problem: string): string => `这个链接的场景在 ${where} 处结构不对：${problem}`,
  tooManyActions: (n: number, max: number): string =>
    `这个链接有 ${count(n)} 个操作；Paxoscope 最多接受 ${count(max)} 个`,
  tooManyHeaderLines: (n: number, max: number): string => `这个链接有 ${count(n)} 行头部设置；场景头部最多 ${max} 行`,
  unexpectedError: (): string => '无法读取这个链接：解码时发生了意外错误',
  serversOutOfRange: (servers: number | string, min: number, max: number): string =>
    `这个链接要求 ${servers} 台服务器；Paxoscope 在浏览器中运行 ${min} 到 ${max} 台`,
  badHeaderLine: (index: number, text: string, problem: string): string =>
    `这个链接的第 ${index + 1} 行头部设置（${excerpt(text)}）无效：${problem}`,
  notAHeaderLine: (index: number, text: string): string =>
    `这个链接的第 ${index + 1} 行头部设置（${excerpt(text)}）不是头部设置（servers、seed、protocol、latency、loss、dup、session-timeout、bug）`,
  badAction: (index: number, text: string, problem: string): string =>
    `这个链接的第 ${index + 1} 个操作（${excerpt(text)}）无法运行：${problem}`,
  emptyAction: (index: number): string => `这个链接的第 ${index + 1} 个操作为空或只是注释`,
  actionHasNewline: (index: number): string => `这个链接的第 ${index + 1} 个操作跨越多行；一个操作只能是一行`,
  actionTooLong: (index: number, length: number, max: number): string =>
    `这个链接的第 ${index + 1} 个操作长 ${count(length)} 个字符；一个操作最多 ${count(max)} 个`,
  timeGoesBack: (index: number): string =>
    `这个链接的第 ${index + 1} 个操作发生在第 ${index} 个之前：操作必须按时间顺序排列`,
  eventsGoBack: (index: number): string => `这个链接的第 ${index + 1} 个操作所在的模拟器事件数少于之前的某个操作`,
  timeTooLate: (index: number, maxMs: number): string =>
    `这个链接的第 ${index + 1} 个操作晚于 ${count(maxMs)} ms 模拟时间，即链接可容纳的最长运行`,
  eventsTooMany: (index: number, max: number): string =>
    `这个链接的第 ${index + 1} 个操作在超过 ${count(max)} 个模拟器事件之后，即链接可容纳的上限`,
  scriptServersOutOfRange: (line: number, servers: number, min: number, max: number): string =>
    `第 ${line} 行：这个场景要求 ${servers} 台服务器；Paxoscope 在浏览器中运行 ${min} 到 ${max} 台（命令行可以运行更多）`,
  scriptTooManyActions: (n: number, max: number): string =>
    `这个场景有 ${count(n)} 个操作；Paxoscope 最多接受 ${count(max)} 个`,
  scriptLineTooLong: (line: number, length: number, max: number): string =>
    `第 ${line} 行：长 ${count(length)} 个字符；一行最多 ${count(max)} 个`,
  scriptTooLate: (line: number, maxMs: number): string =>
    `第 ${line} 行：运行时间晚于 ${count(maxMs)} ms 模拟时间，即场景可容纳的最长运行`,
  badCompare: (value: string, names: readonly string[]): string =>
    `“?compare=${value.length > 40 ? `${value.slice(0, 37)}...` : value}”没有给出两个不同的协议（${names.join('、')}），应当像 ?compare=multi-paxos,zab 这样`,
  shape: {
    topLevel: '最外层',
    header: '头部',
    headerLine: (n: number): string => `第 ${n} 行头部设置`,
    actionList: '操作列表',
    action: (n: number): string => `第 ${n} 个操作`,
    actionField: (n: number, field: 'events' | 'time' | 'text'): string =>
      `第 ${n} 个操作（${field === 'events' ? '事件数' : field === 'time' ? '时间' : '文本'}）`,
    cursor: '链接打开时的时刻',
    end: '运行的结尾',
    atLeast: (min: number): string => `应为不小于 ${min} 的数`,
    wholeAtLeast: (min: number): string => `应为不小于 ${min} 的整数`,
    atMost: (max: number): string => `应不超过 ${max}`,
    atMostCharacters: (max: number): string => `应不超过 ${max} 个字符`,
    atMostHeaderLines: (max: number): string => `应不超过 ${max} 行头部设置`,
    atMostActions: (max: number): string => `应不超过 ${max} 个操作`,
    expected: (expected: string, received: string): string => `应为 ${expected}，实际是 ${received}`,
    outOfRange: '它的时间或事件数超出范围',
    badTime: '它的时间不是非负数',
    badEvents: '它的事件数不是不小于 -1 的整数',
    invalidData: '数据无效',
    oneShortLine: '头部设置只能是简短的一行',
  },
};
