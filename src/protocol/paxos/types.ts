// The Paxos protocol's data: ballots, log entries, messages, server state, step inputs and outputs.
// The protocol is generic over the payload P it replicates (Paxoscope replicates znode transactions).
import type {
  Env,
  Input as SeamInput,
  LogEffect,
  Proposal,
  Role,
  ServerId,
  StepOutput as SeamStepOutput,
} from '../types';
import type { Out } from './out';

export type { Env, Proposal, Role, ServerId };

/** A ballot (round, server): compared round first, then server, so no two proposers share one. */
export interface Ballot {
  readonly round: number;
  readonly server: ServerId;
}

export interface AcceptedEntry<P> {
  readonly ballot: Ballot;
  readonly proposal: Proposal<P>;
}

export type BugName =
  'forget-promise' | 'ignore-promised-values' | 'minority-quorum' | 'accept-below-promise' | 'apply-out-of-order';

export interface ProtocolConfig {
  readonly servers: number;
  /** Multi-Paxos or basic Paxos: how a server behaves between elections (see policies.ts). */
  readonly policy: PaxosPolicy;
  readonly bugs: ReadonlySet<BugName>;
  readonly heartbeatMs: number;
  /** A follower's election timeout is drawn uniformly from [min, max). */
  readonly electionTimeoutMinMs: number;
  readonly electionTimeoutMaxMs: number;
  /** At most this many entries in one catch-up reply. */
  readonly catchUpBatch: number;
}

/** Survives a crash. */
export interface DurableState<P> {
  promised: Ballot;
  /** Indexed by slot (0-based). */
  accepted: (AcceptedEntry<P> | undefined)[];
  decided: (Proposal<P> | undefined)[];
}

/** Lost on a crash. */
export interface VolatileState<P> {
  role: Role;
  /** The leader this server believes in (itself when leader), or null. */
  leader: ServerId | null;
  /** This server's own ballot while candidate or leader. */
  ballot: Ballot;
  /** Highest round seen anywhere; the next election goes above it. */
  highestRound: number;
  /** Candidate: voters whose Promise arrived, and what they reported. */
  promisesFrom: Set<ServerId>;
  prepareFromSlot: number;
  reportedAccepted: Map<number, AcceptedEntry<P>>;
  /** Leader: next free slot, and the Accepted votes of slots not yet chosen. */
  nextSlot: number;
  acceptVotes: Map<number, Set<ServerId>>;
  /** Leader: when each slot's Accepts last went out (they are re-sent when no quorum came in time). */
  acceptSentAt: Map<number, number>;
  /** Follower: the leader's decided prefix as its previous heartbeat reported it. */
  leaderDecidedUpTo: number;
  /** Requests this server holds until they are decided: to forward, or to propose when it leads. */
  pending: Map<string, Proposal<P>>;
  /** Ids of recently decided requests, so a late or repeated forward is not proposed again. */
  decidedIds: Set<string>;
  /** The same ids in the order they were decided, as a ring: the oldest is forgotten first. */
  decidedRing: string[];
  decidedRingAt: number;
  /** Basic Paxos: the request this proposer's current round exists for. */
  roundFor: string | null;
  /** First slot not yet decided (the decided prefix is [0, decidedUpTo)). */
  decidedUpTo: number;
  /** First slot not yet applied. */
  appliedUpTo: number;
  /** apply-out-of-order bug only: slots applied ahead of the prefix. */
  appliedAhead: Set<number>;
  electionDeadline: number;
  /** When the election timer was last set (the screen draws how much of it is left). */
  electionSetAt: number;
  heartbeatDue: number;
  /** Leader: when each follower last answered; steps down without a quorum of answers. */
  lastHeardFrom: Map<ServerId, number>;
  /** When pending requests were last forwarded to the leader. */
  lastForwardAt: number;
  /** Basic Paxos has no leader heartbeats: a server asks its peers in turn for decided slots it lacks. */
  probeAt: number;
  probePeer: ServerId;
}

export interface ServerState<P> {
  readonly id: ServerId;
  readonly config: ProtocolConfig;
  durable: DurableState<P>;
  volatile: VolatileState<P>;
}

interface Envelope {
  readonly from: ServerId;
  readonly to: ServerId;
}

export type Message<P> =
  | (Envelope & { readonly type: 'prepare'; readonly ballot: Ballot; readonly fromSlot: number })
  | (Envelope & {
      readonly type: 'promise';
      readonly ballot: Ballot;
      readonly accepted: readonly (readonly [number, AcceptedEntry<P>])[];
      readonly decided: readonly (readonly [number, Proposal<P>])[];
    })
  | (Envelope & { readonly type: 'nack'; readonly ballot: Ballot; readonly promised: Ballot })
  | (Envelope & {
      readonly type: 'accept';
      readonly ballot: Ballot;
      readonly slot: number;
      readonly proposal: Proposal<P>;
    })
  | (Envelope & { readonly type: 'accepted'; readonly ballot: Ballot; readonly slot: number })
  | (Envelope & { readonly type: 'decide'; readonly slot: number; readonly proposal: Proposal<P> })
  | (Envelope & { readonly type: 'heartbeat'; readonly ballot: Ballot; readonly decidedUpTo: number })
  | (Envelope & { readonly type: 'heartbeatAck'; readonly ballot: Ballot; readonly decidedUpTo: number })
  | (Envelope & { readonly type: 'catchUpRequest'; readonly fromSlot: number })
  | (Envelope & { readonly type: 'catchUpReply'; readonly entries: readonly (readonly [number, Proposal<P>])[] })
  | (Envelope & { readonly type: 'forward'; readonly proposal: Proposal<P> });

export type MessageType = Message<unknown>['type'];

export type Input<P> = SeamInput<P, Message<P>>;

/** The phases a proposer goes through, as the UI and the trace name them. */
export type Phase = 'prepare' | 'promise-quorum' | 'accept' | 'accepted-quorum' | 'decide';

/** What a step notes for the trace besides the log effects (recorded with the time and the server in front). */
export type PaxosNote =
  | { readonly kind: 'phase'; readonly phase: Phase; readonly ballot: Ballot; readonly slot?: number }
  | {
      readonly kind: 'vote';
      readonly vote: 'promise' | 'accepted';
      readonly ballot: Ballot;
      readonly slot?: number;
      readonly voter: ServerId;
      readonly votes: number;
      readonly needed: number;
    }
  | { readonly kind: 'promised'; readonly ballot: Ballot }
  | { readonly kind: 'accepted'; readonly slot: number; readonly ballot: Ballot; readonly proposalId: string }
  | { readonly kind: 'role'; readonly role: Role; readonly ballot: Ballot };

/** What a step did besides sending: for the driver (apply) and for the trace (the rest). */
export type Effect<P> = LogEffect<P> | PaxosNote;

export type StepOutput<P> = SeamStepOutput<P, ServerState<P>, Message<P>, PaxosNote>;

/** How a server behaves between elections; multi-Paxos and basic Paxos are two of these (policies.ts). */
export interface PaxosPolicy {
  readonly name: 'multi-paxos' | 'basic-paxos';
  /** A leader stays leader between requests, sends heartbeats, and others forward their requests to it. */
  readonly hasStableLeader: boolean;
  /** When a server that does not lead wants its next tick. */
  wakeAt<P>(state: ServerState<P>): number;
  /** A tick of a server that does not lead. */
  tick<P>(out: Out<P>): void;
  /** A leader's heartbeat: false when it stepped down instead. */
  keepLeading<P>(out: Out<P>): boolean;
  /** A request just held as pending. */
  onRequest<P>(out: Out<P>, proposal: Proposal<P>): void;
  /** The request a new round of phase 1 exists for, if any. */
  roundFor<P>(volatile: VolatileState<P>): string | null;
  /** Phase 1 won, the reported values re-proposed (their ids in `reproposed`): propose the rest. */
  afterElection<P>(out: Out<P>, reproposed: ReadonlySet<string>): void;
  /** A slot was chosen by this leader. */
  afterChosen<P>(out: Out<P>): void;
}
