// Links, import/export and embed mode in Chinese (zh-CN), the same keys as ./text.ts.

const n = (value: number): string => value.toLocaleString('zh-CN');

export const shareTextZh = {
  toolbar: '分享与文件',
  copyLink: '复制链接',
  copyLinkTitle: '复制一个在此刻打开这次运行的链接',
  copied: '链接已复制到剪贴板。',
  copyFallback: '无法使用剪贴板：链接已在下方选中，请用 Ctrl+C 复制。',
  linkField: '可分享的链接',
  fingerprintButton: '指纹',
  fingerprintTitle: '显示到目前为止运行的指纹；显示同一次运行的两个页面会显示相同的指纹',
  fingerprint: '运行指纹',
  fingerprintValue: (fp: string, events: number, t: number): string =>
    `${fp}（${n(events)} 个事件，${n(Math.floor(t))} ms）`,
  exportScenario: '导出场景',
  exportScenarioTitle: '把这次运行下载为场景脚本（.zk）',
  importScenario: '导入场景',
  importScenarioTitle: '打开一个场景脚本（.zk 或 .txt）',
  exportTrace: '导出追踪',
  exportTraceTitle: '把这次运行的每个追踪事件下载为 JSON',
  scenarioFile: 'paxoscope-scenario.zk',
  traceFile: 'paxoscope-trace.json',
  linkErrorTitle: '无法打开这个链接',
  linkErrorRest: '改为运行默认场景。',
  importErrorTitle: (file: string): string => `无法导入 ${file}`,
  importReadFailed: '无法读取该文件',
  importTooBig: (kb: number): string => `文件大于 ${kb} KB`,
  imported: (file: string, actions: number): string => `已导入 ${file}：${actions} 个操作。`,
  unknownLesson: (id: string): string => `没有名为“${id.length > 40 ? `${id.slice(0, 37)}...` : id}”的课程`,
  dismiss: '关闭',
};
