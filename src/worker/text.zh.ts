// The simulation worker's own messages in Chinese (zh-CN), the same keys as ./text.ts (less the timeline's).
export const workerTextZh = {
  badSpeed: (speed: number, min: number, max: number): string =>
    `速度必须在 ${min}x 和 ${max}x 之间，收到的是 ${speed}`,
  noSuchServer: (server: number, servers: number): string => `没有服务器 n${server}：这个集群有 ${servers} 台服务器`,
  about: (session: string, cmd: string): string => (cmd.startsWith(`${session} `) ? cmd : `${session} ${cmd}`),
  silentResult: '完成',
  // "done" glosses a silent zkCli success; the command itself is shown as typed.
  done: (session: string, cmd: string): string =>
    cmd.startsWith(`${session} `) ? `${cmd}：完成` : `${session}：${cmd} 完成`,
  badCommand: (): string => '来自页面的未知命令',
  workerCrashed: (reason: string): string => `模拟已停止：${reason}`,
  exportFailed: (reason: string): string => `无法导出时空图：${reason}`,
};
