// ZAB's data as ZooKeeper 3.8 names it (../shared/reference/zab.md): votes, epochs, the txn log, messages, notes.
import type {
  Env,
  Input as SeamInput,
  LogEffect,
  Proposal,
  Role,
  ServerId,
  StepOutput as SeamStepOutput,
} from '../types';

export type { Env, Proposal, Role, ServerId };

export type ZabBugName = 'zab-elect-by-id' | 'zab-skip-truncate';

/** ZooKeeper's QuorumPeer states. */
export type PeerState = 'looking' | 'following' | 'leading';

/** Where a follower or leader is after the election: discovery, then synchronisation, then broadcast. */
export type ZabPhase = 'election' | 'discovery' | 'sync' | 'broadcast';

/** A vote as FastLeaderElection orders it: (peerEpoch, zxid, sid). */
export interface Vote {
  readonly leader: ServerId;
  readonly zxid: number;
  readonly peerEpoch: number;
}

/** One txn of the log: its zxid (epoch << 32 | counter) and the proposal it carries. */
export interface Txn<P> {
  readonly zxid: number;
  readonly proposal: Proposal<P>;
}

export interface ZabConfig {
  readonly servers: number;
  readonly bugs: ReadonlySet<ZabBugName>;
  /** ZooKeeper's tickTime: the leader PINGs every tick. */
  readonly tickMs: number;
  /** Ticks a follower may hear nothing from its leader (and a leader lack a quorum) in broadcast. */
  readonly syncLimit: number;
  /** Ticks discovery and synchronisation may take. */
  readonly initLimit: number;
  /** FastLeaderElection's finalizeWait, also the first notification timeout. */
  readonly finalizeWaitMs: number;
  /** The notification timeout doubles up to this. */
  readonly maxNotificationIntervalMs: number;
  /** How many recent committed txns the leader keeps to DIFF from (ZooKeeper's commitLogCount); older: SNAP. */
  readonly commitLogCount: number;
  /** A leader re-sends unacknowledged packets of a connection after this long. */
  readonly resendMs: number;
}

/** Survives a crash: the two epoch files and the txn log (uncommitted proposals included). */
export interface ZabDurable<P> {
  acceptedEpoch: number;
  currentEpoch: number;
  log: Txn<P>[];
  /** How many txns from the start are committed (what the last snapshot and applied log hold). */
  committed: number;
}

/** A notification received in the election (what FastLeaderElection keeps in recvset / outofelection). */
export interface ReceivedVote extends Vote {
  readonly electionEpoch: number;
  readonly state: PeerState;
}

/** The leader's side of one follower connection (ZooKeeper's LearnerHandler). */
export interface LearnerHandler<P> {
  readonly conn: number;
  /** Packets sent on this connection, by sequence number from 1; dropped once the follower has them. */
  sent: LeaderPacket<P>[];
  /** When the oldest packet in `sent` last went out (a resend sends them all again). */
  oldestSentAt: number;
  /** Sequence number of sent[0]. */
  sentBase: number;
  /** The follower has every packet up to here. */
  ackedSeq: number;
  acceptedEpoch: number;
  /** From ACKEPOCH, once it came. */
  epochAck: { readonly currentEpoch: number; readonly lastZxid: number } | null;
  /** Synchronisation sent (and NEWLEADER); proposals are forwarded from then on. */
  synced: boolean;
  newLeaderAcked: boolean;
  upToDateSent: boolean;
  /** Highest zxid it acknowledged in the current epoch. */
  ackedZxid: number;
  lastHeard: number;
}

/** Lost on a crash. */
export interface ZabVolatile<P> {
  peerState: PeerState;
  phase: ZabPhase;
  /** FastLeaderElection's logicalclock: the election round. */
  logicalclock: number;
  vote: Vote;
  /** Votes received this round from LOOKING peers (and the rest), and from peers out of the election. */
  recvset: Map<ServerId, ReceivedVote>;
  outofelection: Map<ServerId, ReceivedVote>;
  /** When the current vote may be final (a quorum for it, finalizeWait without a better one). */
  finalizeAt: number;
  notifyTimeoutMs: number;
  nextNotifyAt: number;
  /** The leader followed or being followed (self when leading). */
  leader: ServerId | null;
  /** Follower: its connection to the leader, and the leader's packets received in order. */
  conn: number;
  connCounter: number;
  recvSeq: number;
  /** Packets that came ahead of a gap, by sequence number. */
  early: Map<number, SeqPacket<P>>;
  lastHeardLeader: number;
  /** The newEpoch this server is establishing (0 before LEADERINFO). */
  epoch: number;
  /** Follower: it had accepted this epoch before LEADERINFO came (its ACKEPOCH then reports -1). */
  epochAckedBefore: boolean;
  /** Follower: NEWLEADER came on this connection (proposals are acknowledged from then on). */
  newLeaderSeen: boolean;
  /** Follower: the highest COMMIT received before UPTODATE. */
  commitZxid: number;
  /** Follower: the handshake message to repeat until the leader answers. */
  handshakeAt: number;
  /** Leader: its handlers, by follower; the epoch chosen (0 while collecting FOLLOWERINFO). */
  handlers: Map<ServerId, LearnerHandler<P>>;
  /** Leader: follower connections it closed (silent too long, or replaced); never reopened. */
  closedConns: Set<number>;
  /** Leader: when it started leading; follower: that time of the leader whose packets it takes (0: none yet). */
  lead: number;
  /** When this phase began (discovery and sync must end within initLimit ticks). */
  phaseStart: number;
  /** Leader: the counter of the last zxid proposed in its epoch. */
  counter: number;
  /** Leader: ids of the requests in its log, so a request is proposed once. */
  ids: Set<string>;
  pingDue: number;
  /** Requests this server holds until they commit: to forward (REQUEST), or to propose when it leads. */
  pending: Map<string, Proposal<P>>;
  forwardAt: number;
  /** How many txns have been applied here. */
  applied: number;
}

export interface ZabServer<P> {
  readonly id: ServerId;
  readonly config: ZabConfig;
  durable: ZabDurable<P>;
  volatile: ZabVolatile<P>;
}

interface Envelope {
  readonly from: ServerId;
  readonly to: ServerId;
}

/** What the leader sends on a follower connection, in order (a sequence number makes the channel FIFO). */
export type LeaderPacket<P> =
  | { readonly type: 'LEADERINFO'; readonly epoch: number }
  | { readonly type: 'DIFF'; readonly txns: readonly Txn<P>[]; readonly lastZxid: number }
  | { readonly type: 'TRUNC'; readonly zxid: number }
  | { readonly type: 'SNAP'; readonly txns: readonly Txn<P>[] }
  | { readonly type: 'NEWLEADER'; readonly zxid: number }
  | { readonly type: 'UPTODATE' }
  | { readonly type: 'PROPOSAL'; readonly txn: Txn<P> }
  | { readonly type: 'COMMIT'; readonly zxid: number }
  | { readonly type: 'PING' };

/** A leader packet on the wire: its connection and sequence number. */
export type SeqPacket<P> = Envelope &
  LeaderPacket<P> & {
    readonly conn: number;
    readonly seq: number;
    /** When the sending leader started leading: tells its incarnations apart (a restart resets connections). */
    readonly lead: number;
  };

export type Message<P> =
  | (Envelope & {
      readonly type: 'NOTIFICATION';
      readonly vote: Vote;
      readonly electionEpoch: number;
      readonly state: PeerState;
    })
  | SeqPacket<P>
  | (Envelope & { readonly type: 'FOLLOWERINFO'; readonly conn: number; readonly acceptedEpoch: number })
  | (Envelope & {
      readonly type: 'ACKEPOCH';
      readonly conn: number;
      readonly currentEpoch: number;
      readonly lastZxid: number;
      readonly recvSeq: number;
    })
  /** ACK of NEWLEADER (zxid = epoch << 32) or of proposals up to zxid; a follower's PING answer likewise. */
  | (Envelope & { readonly type: 'ACK'; readonly conn: number; readonly zxid: number; readonly recvSeq: number })
  | (Envelope & { readonly type: 'PINGACK'; readonly conn: number; readonly zxid: number; readonly recvSeq: number })
  | (Envelope & { readonly type: 'REQUEST'; readonly proposal: Proposal<P> });

export type MessageType = Message<unknown>['type'];

export type Input<P> = SeamInput<P, Message<P>>;

export type SyncMode = 'DIFF' | 'TRUNC+DIFF' | 'TRUNC' | 'SNAP';

/** Step phase's stops under ZAB, as the UI and the trace name them (Paxos's are prepare ... decide). */
export type ZabMark = 'election' | 'discovery' | 'sync' | 'proposal' | 'ack-quorum' | 'commit';

/**
 * A phase mark (kind 'phase', as Paxos's): election when a server starts looking after losing its leader (no
 * `leader`) or an election ends with this server leading (`leader` itself); discovery when the leader chose its
 * epoch from a quorum of FOLLOWERINFO; sync when a quorum acknowledged NEWLEADER (UPTODATE goes out); proposal,
 * ack-quorum and commit for a zxid at the leader.
 */
export interface ZabPhaseNote {
  readonly kind: 'phase';
  readonly phase: ZabMark;
  readonly epoch: number;
  readonly zxid?: number;
  readonly leader?: ServerId;
}

/** What a step notes for the trace (recorded with the time and the server in front). */
export type ZabNote =
  | ZabPhaseNote
  | { readonly kind: 'zab-state'; readonly state: PeerState; readonly leader: ServerId | null; readonly round: number }
  | { readonly kind: 'zab-phase'; readonly phase: ZabPhase; readonly epoch: number }
  | {
      readonly kind: 'zab-tally';
      readonly round: number;
      readonly candidate: ServerId;
      readonly votes: number;
      readonly needed: number;
      readonly voters: readonly ServerId[];
    }
  | { readonly kind: 'zab-epoch'; readonly which: 'accepted' | 'current'; readonly epoch: number }
  | { readonly kind: 'zab-established'; readonly epoch: number }
  | {
      readonly kind: 'zab-sync';
      readonly follower: ServerId;
      readonly mode: SyncMode;
      readonly peerLastZxid: number;
      readonly truncZxid: number;
      readonly txns: number;
    }
  | { readonly kind: 'zab-propose'; readonly zxid: number; readonly proposalId: string }
  | { readonly kind: 'zab-commit'; readonly slot: number; readonly zxid: number; readonly proposalId: string }
  /** A TRUNC (or SNAP) dropped `dropped` txns from zxid `first` on; the log now ends at `zxid`. */
  | { readonly kind: 'zab-truncate'; readonly zxid: number; readonly dropped: number; readonly first: number }
  | {
      readonly kind: 'zab-step-down';
      readonly reason: 'follower-ahead' | 'no-quorum' | 'stale-epoch' | 'timeout' | 'connection-reset';
    };

export type Effect<P> = LogEffect<P> | ZabNote;

export type StepOutput<P> = SeamStepOutput<P, ZabServer<P>, Message<P>, ZabNote>;
