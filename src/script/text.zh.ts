// The scenario language's messages in Chinese (zh-CN), the same keys as ./text.ts. Commands, flags and
// keywords stay as written (they are the language); ZooKeeper's own reasons (PathUtils) stay English.

const q = (s: string): string => JSON.stringify(s);
const list = (items: readonly string[]): string => items.join(', ');

export const scriptTextZh = {
  noSessionToExpire: (session: string, ended: boolean): string =>
    ended ? `${session} 没有可以过期的打开会话：它已经结束了` : `${session} 没有可以过期的打开会话：它从未连接`,
  noServerToExpire: (): string => '没有正在运行的服务器可以让会话过期',

  unterminatedQuote: (): string => '引号字符串没有结束：缺少一个右引号 "',
  unknownEscape: (seq: string): string =>
    `引号字符串中有未知的转义 ${seq}；引号用 \\"，反斜杠用 \\\\，换行、回车、制表符用 \\n \\r \\t`,
  quoteInsideWord: (word: string): string => `${q(word)} 中出现了意外的 "：请给整个词加引号，如 "a b"`,
  textAfterQuote: (): string => '右引号后面紧跟着意外的文字：请在它后面加一个空格',

  unknownCommand: (word: string, valid: readonly string[]): string => `未知命令 ${q(word)}；有效的命令：${list(valid)}`,
  clientCommandWithoutSession: (text: string): string => `客户端命令需要一个会话：请写 ${q(`c1> ${text}`)}`,
  unknownSessionCommand: (session: string, word: string): string =>
    `未知的会话命令 ${q(`${session} ${word}`)}；会话行是 "${session} connect nK"、"${session} close" 或 "${session} expire"，客户端命令是 "${session}> COMMAND"（是否漏了 ">"？）`,
  missingSessionName: (): string => '">" 前缺少会话名：请写 "c1> COMMAND"',
  invalidSessionName: (name: string): string =>
    `无效的会话名 ${q(name)}：会话名是一个字母，后跟字母、数字、- 或 _（如 c1 或 alice）`,
  reservedSessionName: (name: string): string => `${q(name)} 不能作为会话名：它是一个命令词`,
  missingClientCommand: (session: string): string =>
    `"${session}>" 后缺少命令；有效的命令：create, get, set, delete, deleteall, ls, stat, sync, multi`,
  backgroundOnlyForClients: (): string => '末尾的 &（后台运行）只适用于客户端命令，如 "c1> set /a 1 &"',
  unexpectedSemicolon: (cmd: string): string =>
    `${cmd} 中出现了意外的 ";"：只有 multi 接受多个操作（"multi OP; OP; ..."）`,
  sessionNeedsServer: (session: string): string => `${session} connect 需要一台服务器，如 "${session} connect n2"`,
  tooManyWords: (cmd: string, extra: string, usage: string): string => `${cmd} 的参数太多：${q(extra)}；用法：${usage}`,

  unknownFlag: (flag: string, cmd: string, usage: string): string => `${cmd} 没有选项 ${q(flag)}；用法：${usage}`,
  unknownFlagNegativeData: (flag: string, cmd: string): string =>
    `${cmd} 没有选项 ${q(flag)}：以 - 开头的数据必须写在双引号中（"${flag}"）`,
  flagNeedsValue: (flag: string, cmd: string, usage: string): string =>
    `${cmd} 的选项 ${flag} 需要一个版本号；用法：${usage}`,
  missingPath: (cmd: string, usage: string): string => `${cmd}：缺少路径；用法：${usage}`,
  missingData: (cmd: string, usage: string): string => `${cmd}：缺少数据；用法：${usage}`,
  missingVersion: (cmd: string, usage: string): string => `${cmd}：缺少版本号；用法：${usage}`,
  invalidPath: (path: string, reason: string): string => `无效的路径 ${q(path)}：${reason}`,
  versionNotNumber: (v: string): string => `版本号必须是数字：${v}`,
  versionOutOfRange: (v: string): string => `版本号超出范围：${v}（版本号是 32 位整数）`,
  unknownMultiOp: (word: string, valid: readonly string[]): string =>
    `未知的 multi 操作 ${q(word)}；有效的操作：${list(valid)}`,

  // ZooKeeper's PathUtils.validatePath reasons stay word for word, as ZooKeeper prints them.
  pathEmpty: (): string => 'Path length must be > 0',
  pathNoLeadingSlash: (): string => 'Path must start with / character',
  pathTrailingSlash: (): string => 'Path must not end with / character',
  pathEmptyNode: (at: number): string => `empty node name specified @${at}`,
  pathRelative: (at: number): string => `relative paths not allowed @${at}`,
  pathNullChar: (at: number): string => `null character not allowed @${at}`,
  pathInvalidChar: (at: number): string => `invalid character @${at}`,

  notAServer: (word: string): string => `需要一台服务器，如 n1，收到的是 ${q(word)}`,
  noSuchServer: (word: string, servers: number): string => `没有服务器 ${word}：这个集群有 ${servers} 台服务器`,
  serverCommandNeedsOne: (cmd: string): string => `${cmd} 需要一台服务器，如 "${cmd} n2"`,
  partitionUsage: (): string => 'partition 需要至少两组用 | 分隔的服务器，如 "partition n1 n2 | n3"',
  partitionEmptyGroup: (): string => 'partition 有一个空组：| 之间的每组至少要有一台服务器',
  partitionDuplicate: (server: string): string => `partition 多次提到了 ${server}`,
  partitionMissing: (missing: readonly string[]): string =>
    `partition 必须把每台服务器放进一个组；缺少：${list(missing)}`,
  linkUsage: (cmd: string): string =>
    cmd === 'heal'
      ? 'heal 不带服务器（所有链路）、带两台服务器 "heal n1 n3"，或带一个方向 "heal n1 -> n3"'
      : `${cmd} 需要两台服务器："${cmd} n1 n3"（两个方向）或 "${cmd} n1 -> n3"（一个方向）`,
  linkSameServer: (cmd: string, server: string): string => `${cmd} 需要两台不同的服务器，${server} 出现了两次`,
  networkUsage: (word: string): string =>
    `网络设置中出现了意外的 ${q(word)}；请写 "loss 10%"、"dup 5%" 和/或 "latency 5..300ms"`,
  networkDuplicate: (setting: string): string => `这一行中 ${setting} 出现了两次`,
  networkMissingValue: (setting: string): string =>
    setting === 'latency'
      ? 'latency 需要一个范围，如 "latency 5..300ms"'
      : `${setting} 需要一个百分比，如 "${setting} 10%"`,
  badPercent: (setting: string, value: string): string =>
    `${setting} 必须是 0% 到 100% 之间、最多 6 位小数的百分比，如 10%：${q(value)}`,
  badLatency: (value: string): string => `latency 必须是整数毫秒的范围，如 10..50ms（或 1..2s）：${q(value)}`,
  latencyMinAboveMax: (min: number, max: number): string => `latency 最小值 ${min}ms 大于最大值 ${max}ms`,
  badDuration: (cmd: string, value: string): string => `${cmd} 需要整数毫秒，如 500ms 或 2s：${q(value)}`,
  waitUsage: (): string => 'wait 需要一个时长，如 "wait 500ms" 或 "wait 2s"',
  atUsage: (): string => 'at 需要一个时刻，如 "at 560ms" 或 "at 560.25ms after 1234 events"（模拟毫秒，模拟器事件）',
  atTooManyEvents: (events: number, max: number): string =>
    `at ... after ${events} events 太远了：一个场景最多运行到 ${max} 个模拟器事件`,
  settleBound: (boundMs: number): string => `settle：${boundMs / 1000} 秒后仍未稳定（多数派是否在运行并互相连通？）`,
  stopTakesNothing: (extra: string): string => `stop 不带参数，收到的是 ${q(extra)}`,
  momentInConsole: (word: string): string =>
    `${word} 只能写在场景文件（精确重放）中，不能用于控制台：控制台立即运行命令`,
  lineAfterStop: (stopLine: number): string => `stop（第 ${stopLine} 行）之后不能再有内容：运行在那里结束`,
  settleTakesNothing: (extra: string): string => `settle 不带参数，收到的是 ${q(extra)}`,

  headerAfterCommands: (text: string, firstCommandLine?: number): string =>
    `头部设置 ${q(text)} 必须写在第一条命令之前${firstCommandLine === undefined ? '' : `（第 ${firstCommandLine} 行）`}`,
  headerInConsole: (word: string): string =>
    `${word} 是脚本的头部设置，不能在控制台中修改；请把 "${word} ..." 写在脚本开头`,
  headerDuplicate: (word: string, firstLine: number): string => `${word} 已在第 ${firstLine} 行设置过`,
  headerNeedsOneValue: (word: string, example: string): string => `${word} 需要一个值，如 ${q(example)}`,
  badServers: (value: string, max: number): string => `servers 必须是 1 到 ${max} 之间的整数：${q(value)}`,
  badSeed: (value: string): string => `seed 必须是非负整数：${q(value)}`,
  badProtocol: (value: string, valid: readonly string[]): string => `未知协议 ${q(value)}；有效的协议：${list(valid)}`,
  badSessionTimeout: (value: string): string => `session-timeout 必须是正整数毫秒，如 4000ms 或 4s：${q(value)}`,
  bugNeedsName: (valid: readonly string[]): string => `bug 需要一个名字；有效的故障：${list(valid)}`,
  unknownBug: (name: string, valid: readonly string[]): string => `未知故障 ${q(name)}；有效的故障：${list(valid)}`,

  errorAtLine: (line: number, message: string): string => `第 ${line} 行：${message}`,
  noLeaderNow: (): string => '此刻没有领导者："leader" 指这一行运行时正在领导的服务器',
  leaderNamedTwice: (leader: number): string => `领导者是 n${leader}，这一行也点名了它`,
  leaderIs: (leader: number): string => `（领导者是 n${leader}）`,
};
