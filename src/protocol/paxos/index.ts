// Paxos behind the protocol seam: one implementation, two policies (multi-Paxos and basic Paxos).
import { freezeRecord, serverSnapshots, thawRecord, type Frozen, type FrozenServer as Snapshot } from '../freeze';
import type { Envelope, Note, Protocol, ProtocolSettings } from '../types';
import { BUG_NAMES } from './bugs';
import { describeMessage, isChatter, paxosView } from './describe';
import { BASIC_PAXOS, MULTI_PAXOS } from './policies';
import { crashServer, initServer, restartServer, step } from './server';
import type {
  BugName,
  DurableState,
  Input,
  Message,
  PaxosNote,
  PaxosPolicy,
  ProtocolConfig,
  ServerState,
  VolatileState,
} from './types';

/** Volatile state as a snapshot keeps it: the set of recent ids is rebuilt from their ring on thaw. */
type FrozenVolatile<P> = Frozen<Omit<VolatileState<P>, 'decidedIds'>>;

type FrozenServer<P> = Snapshot<ProtocolConfig, DurableState<P>, FrozenVolatile<P>>;

/** The timers follow the network: a heartbeat every 1.5 slowest deliveries, elections after six. */
export function paxosConfig(settings: ProtocolSettings, policy: PaxosPolicy): ProtocolConfig {
  const heartbeatMs = Math.max(50, Math.round(settings.latencyMsMax * 1.5));
  const electionMin = Math.max(300, settings.latencyMsMax * 6);
  const bugs = settings.bugs.filter((bug): bug is BugName => (BUG_NAMES as readonly string[]).includes(bug));
  return {
    servers: settings.servers,
    policy,
    bugs: new Set(bugs),
    heartbeatMs,
    electionTimeoutMinMs: electionMin,
    electionTimeoutMaxMs: electionMin * 2,
    catchUpBatch: 64,
  };
}

function freezeVolatile<P>(volatile: VolatileState<P>, previous: FrozenVolatile<P> | undefined): FrozenVolatile<P> {
  const { decidedIds: _derived, ...rest } = volatile;
  return freezeRecord(rest, previous);
}

function thawVolatile<P>(frozen: FrozenVolatile<P>): VolatileState<P> {
  const rest = thawRecord(frozen);
  return { ...rest, decidedIds: new Set(rest.decidedRing) };
}

function paxos<P>(
  policy: PaxosPolicy,
): (
  settings: ProtocolSettings,
) => Protocol<P, ServerState<P>, DurableState<P>, FrozenServer<P>, Frozen<DurableState<P>>> {
  return (settings) => {
    const config = paxosConfig(settings, policy);
    const snapshots = serverSnapshots<ProtocolConfig, DurableState<P>, VolatileState<P>, FrozenVolatile<P>>(
      freezeVolatile,
      thawVolatile,
    );
    return {
      hasStableLeader: policy.hasStableLeader,
      init: (id, env) => {
        const state = initServer<P>(id, config, env);
        // The first tick is the staggered boot election deadline.
        return { state, wakeAt: state.volatile.electionDeadline };
      },
      step: (state, input, env) => step(state, input as Input<P>, env),
      crash: crashServer,
      restart: (id, durable, env) => restartServer(id, config, durable, env),
      durableOf: (state) => state.durable,
      role: (state) => state.volatile.role,
      leader: (state) => state.volatile.leader,
      // Multi-Paxos: a leader once its phase 1 is done, a follower once an established leader's heartbeat or
      // Accept named it. Basic Paxos has no leader to wait for: every server runs both phases for its own writes.
      serving: (state) =>
        !policy.hasStableLeader || (state.volatile.leader !== null && state.volatile.role !== 'candidate'),
      decidedUpTo: (state) => state.volatile.decidedUpTo,
      appliedUpTo: (state) => state.volatile.appliedUpTo,
      startsLeading: (note: Note) => {
        const paxosNote = note as PaxosNote;
        return paxosNote.kind === 'role' && paxosNote.role === 'leader';
      },
      view: paxosView,
      ...snapshots,
      messageKind: (message: Envelope) => (message as Message<P>).type,
      messageLabel: (message: Envelope) => describeMessage(message as Message<P>),
      isChatter: (message: Envelope) => isChatter((message as Message<P>).type),
    };
  };
}

export const multiPaxos = <P>(settings: ProtocolSettings) => paxos<P>(MULTI_PAXOS)(settings);
export const basicPaxos = <P>(settings: ProtocolSettings) => paxos<P>(BASIC_PAXOS)(settings);
