// Messages the simulation worker shows to users (English first; a translation replaces this object).
export const workerText = {
  badSpeed: (speed: number, min: number, max: number): string =>
    `speed must be between ${min}x and ${max}x, got ${speed}`,
  noSuchServer: (server: number, servers: number): string =>
    `no server n${server}: this cluster has ${servers} servers`,
  alreadyDown: (server: number): string => `n${server} is already down`,
  alreadyUp: (server: number): string => `n${server} is already up`,
  serverDown: (server: number): string => `n${server} is down: restart it first`,
  settleBound: (boundMs: number): string =>
    `settle: not settled after ${boundMs / 1000}s (is a majority up and connected?)`,
  done: (session: string, cmd: string): string =>
    cmd.startsWith(`${session} `) ? `${cmd}: done` : `${session}: ${cmd} done`,
  tooLongToReplay: (events: number, max: number): string =>
    `this link's run is too long to replay here (${events.toLocaleString('en-US')} events; at most ${max.toLocaleString('en-US')})`,
  badCommand: (): string => 'unknown command from the page',
  workerCrashed: (reason: string): string => `the simulation stopped: ${reason}`,
  historyFull: (max: number): string =>
    `this run has reached ${max.toLocaleString('en-US')} trace events, as many as time travel keeps: go back in time and act to fork it, or start a new run`,
  noPhase: (ms: number): string =>
    `no Paxos phase in the next ${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s: nothing is being agreed on (only heartbeats went by). Type a write, or kill the leader, to start one.`,
  exportFailed: (reason: string): string => `could not export the diagram: ${reason}`,
};
