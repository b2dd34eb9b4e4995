// The lesson picker and panel in Chinese (zh-CN), the same keys as ./text.ts.

/** Message and trace kinds as the glossary names them; a kind not listed shows as it is. */
const KINDS: Readonly<Record<string, string>> = {
  prepare: '准备',
  promise: '承诺',
  nack: '拒绝',
  accept: '接受请求',
  accepted: '已接受',
  decide: '决定',
  heartbeat: '心跳',
  client: '客户端',
  watch: '监视',
};

export const lessonsUiTextZh = {
  picker: '课程',
  pickerTitle: '引导式课程：在关键时刻暂停的小场景',
  list: '课程',
  region: '课程',
  stepOf: (k: number, n: number): string => `第 ${k} 步，共 ${n} 步`,
  next: '下一步',
  back: '上一步',
  close: '关闭课程',
  copyLink: '复制课程链接',
  copied: '课程链接已复制。',
  progress: '步骤进度',
  running: '正在运行到这一步的暂停点……',
  reached: (index: number): string => `已在此暂停（事件 #${index}）。`,
  done: '课程完成。可以自由探索，或选择另一门课程。',
  lookAt: '请看',
  welcomeRegion: '入门',
  welcomeLead: '第一次来？',
  welcomeStart: '从“一次写入”开始',
  welcomeMore: '一门引导式课程：在一次 Paxos 写入的每个阶段暂停，并配有可以朗读的讲解。',
  welcomeDismiss: '关闭：不再显示',
  welcomeDismissShort: '关闭',
  skipping: (ms: number): string => `正在跳过 ${(Math.round(ms / 100) / 10).toLocaleString('zh-CN')} 秒的心跳`,
  skipped: (ms: number): string => `已跳过 ${(Math.round(ms / 100) / 10).toLocaleString('zh-CN')} 秒的心跳`,
  skippingLabel: '快进',
  lookAtLabel: '请看：',
  kind: (kind: string): string => (Object.hasOwn(KINDS, kind) ? KINDS[kind]! : kind),
  server: (id: number): string => `n${id}`,
  names: (list: readonly string[]): string =>
    list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join('、')} 和 ${list[list.length - 1]!}`,
  nobody: '无人',
};
