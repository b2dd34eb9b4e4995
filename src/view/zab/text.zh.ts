// ZAB 在屏幕上（中文）：阶段标记、投票计数、纪元与同步包。英文在 text.ts。

export const zabTextZh = {
  stepPhaseTitle: '运行到下一个选举、发现、同步、提议、确认法定人数或提交',
  // Drawn on the worker's canvas, which has no web font (a machine without a system CJK font would draw boxes):
  // abbreviations, as Paxos's marks are; the tooltip and the legend give the Chinese names.
  phaseShort: {
    election: 'elect',
    discovery: 'disc',
    sync: 'sync',
    proposal: 'prop',
    'ack-quorum': 'ack✓',
    commit: 'com',
  },
  phaseLong: {
    election: '选举',
    discovery: '发现：选定纪元',
    sync: '同步：NEWLEADER 法定人数，UPTODATE',
    proposal: '提议',
    'ack-quorum': '确认法定人数',
    commit: '提交',
  },
  markDetail: (epoch: number, zxid?: string): string => `纪元 ${epoch}${zxid === undefined ? '' : ` · zxid ${zxid}`}`,
  mark: {
    lookingStarted: (server: string, epoch: number): string => `${server} 选举：进入 LOOKING（acceptedEpoch ${epoch}）`,
    electionWon: (server: string): string => `${server} 选举：胜出，成为领导者`,
    discovery: (server: string, epoch: number): string => `${server} 发现：法定人数发来 FOLLOWERINFO，新纪元 ${epoch}`,
    sync: (server: string, epoch: number): string =>
      `${server} 同步：法定人数确认 NEWLEADER，发送 UPTODATE（纪元 ${epoch}）`,
    proposal: (server: string, zxid: string): string => `${server} 提议 ${zxid}`,
    ackQuorum: (server: string, zxid: string): string => `${server} 的 ${zxid} 达到确认法定人数`,
    commit: (server: string, zxid: string): string => `${server} 提交 ${zxid}`,
  },
  tally: (votes: number, servers: number, candidate: number, owner?: number): string =>
    `${owner === undefined ? '' : `n${owner} · `}${servers} 票中 ${votes} 票投给 n${candidate}`,
  epochLine: (accepted: string, current: string): string =>
    accepted === current ? `纪元 ${current}` : `纪元 ${current} · 已接受 ${accepted}`,
  logLine: (committed: number, logged: number): string =>
    logged === committed ? `已提交 ${committed}` : `已提交 ${committed} · 已记录 ${logged}`,
  appliedLine: (applied: number): string => `已应用 ${applied}`,
  serverTitle: (id: number, role: string, epochs: string, log: string, applied: number): string =>
    `n${id} · ${role} · ${epochs} · ${log} · 已应用 ${applied}。点击查看其日志与 ZNode。`,
  epochColumn: '纪元',
  uncommitted: '已提议，未提交',
};
