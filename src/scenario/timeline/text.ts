// Messages the recorded run shows to users (English first; a translation replaces this object).
import { localized } from '../../script/language';
import { timelineTextZh } from './text.zh';
export const timelineTextEn = {
  alreadyDown: (server: number): string => `n${server} is already down`,
  alreadyUp: (server: number): string => `n${server} is already up`,
  serverDown: (server: number): string => `n${server} is down: restart it first`,
  settleBound: (boundMs: number): string =>
    `settle: not settled after ${boundMs / 1000}s (is a majority up and connected?)`,
  tooLongToReplay: (events: number, max: number): string =>
    `this link's run is too long to replay here (${events.toLocaleString('en-US')} events; at most ${max.toLocaleString('en-US')})`,
  historyFull: (max: number): string =>
    `this run has reached ${max.toLocaleString('en-US')} trace events, as many as time travel keeps: go back in time and act to fork it, or start a new run`,
  noPhase: (ms: number): string =>
    `no Paxos phase in the next ${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s: nothing is being agreed on (only heartbeats went by). Type a write, or kill the leader, to start one.`,
  noPhaseZab: (ms: number): string =>
    `no ZAB phase in the next ${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s: nothing is being agreed on (only PINGs went by). Type a write, or kill the leader, to start one.`,
};

export const timelineText = localized(timelineTextEn, timelineTextZh);
