// ZAB on screen (English; the Chinese is in text.zh.ts): its phase marks, vote tallies, epochs and sync packets.
import { localized } from '../../script/language';
import { zabTextZh } from './text.zh';

export const zabTextEn = {
  /** Step phase's title under ZAB (Paxos's is controls.stepPhaseTitle). */
  stepPhaseTitle: 'Run to the next election, discovery, sync, proposal, ack quorum or commit',
  /** The space-time diagram's mark labels. */
  phaseShort: {
    election: 'elect',
    discovery: 'disc',
    sync: 'sync',
    proposal: 'prop',
    'ack-quorum': 'ack✓',
    commit: 'com',
  },
  phaseLong: {
    election: 'election',
    discovery: 'discovery: epoch chosen',
    sync: 'sync: NEWLEADER quorum, UPTODATE',
    proposal: 'proposal',
    'ack-quorum': 'ack quorum',
    commit: 'commit',
  },
  /** A mark's detail line in the diagram's tooltip. */
  markDetail: (epoch: number, zxid?: string): string => `epoch ${epoch}${zxid === undefined ? '' : ` · zxid ${zxid}`}`,
  /** The event log's line for a phase mark. */
  mark: {
    lookingStarted: (server: string, epoch: number): string =>
      `${server} election: starts LOOKING (acceptedEpoch ${epoch})`,
    electionWon: (server: string): string => `${server} election: won, leads`,
    discovery: (server: string, epoch: number): string =>
      `${server} discovery: a quorum sent FOLLOWERINFO, new epoch ${epoch}`,
    sync: (server: string, epoch: number): string =>
      `${server} sync: a quorum acknowledged NEWLEADER, UPTODATE (epoch ${epoch})`,
    proposal: (server: string, zxid: string): string => `${server} proposal ${zxid}`,
    ackQuorum: (server: string, zxid: string): string => `${server} ack quorum for ${zxid}`,
    commit: (server: string, zxid: string): string => `${server} commit ${zxid}`,
  },
  /** A LOOKING server's tally for its current vote: "2 of 3 votes for n3", the owner first when several run. */
  tally: (votes: number, servers: number, candidate: number, owner?: number): string =>
    `${owner === undefined ? '' : `n${owner} · `}${votes} of ${servers} ${servers === 1 ? 'vote' : 'votes'} for n${candidate}`,
  /** A server's epochs where Paxos shows its ballot. */
  epochLine: (accepted: string, current: string): string =>
    accepted === current ? `epoch ${current}` : `epoch ${current} · accepted ${accepted}`,
  /** Logged vs committed txns under a server. */
  logLine: (committed: number, logged: number): string =>
    logged === committed ? `committed ${committed}` : `committed ${committed} · logged ${logged}`,
  appliedLine: (applied: number): string => `applied ${applied}`,
  /** A server's tooltip under ZAB. */
  serverTitle: (id: number, role: string, epochs: string, log: string, applied: number): string =>
    `n${id} · ${role} · ${epochs} · ${log} · applied ${applied}. Click to show its log and znodes.`,
  /** The log panel's tag on a txn logged but not (yet) committed. */
  /** The log panel's Ballot column under ZAB. */
  epochColumn: 'Epoch',
  uncommitted: 'proposed, not committed',
};

export type ZabText = typeof zabTextEn;

export const zabText = localized(zabTextEn, zabTextZh);
