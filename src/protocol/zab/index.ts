// ZAB behind the protocol seam: ZooKeeper's own protocol, beside Paxos (../shared/reference/zab.md).
import { freezeRecord, serverSnapshots, thawRecord, type Frozen, type FrozenServer as Snapshot } from '../freeze';
import type { Envelope, Note, Protocol, ProtocolSettings } from '../types';
import { ZAB_BUG_NAMES } from './bugs';
import { describeMessage, isChatter, zabView } from './describe';
import { crashServer, initServer, restartServer, step } from './server';
import type {
  Input,
  LearnerHandler,
  Message,
  ServerId,
  ZabBugName,
  ZabConfig,
  ZabDurable,
  ZabNote,
  ZabServer,
  ZabVolatile,
} from './types';

type FrozenServer<P> = Snapshot<ZabConfig, ZabDurable<P>, Frozen<ZabVolatile<P>>>;

/** ZooKeeper's timers scaled to the network: a tick of 1.5 slowest deliveries, syncLimit 5, initLimit 10. */
export function zabConfig(settings: ProtocolSettings): ZabConfig {
  const tickMs = Math.max(50, Math.round(settings.latencyMsMax * 1.5));
  const bugs = settings.bugs.filter((bug): bug is ZabBugName => (ZAB_BUG_NAMES as readonly string[]).includes(bug));
  return {
    servers: settings.servers,
    bugs: new Set(bugs),
    tickMs,
    syncLimit: 5,
    initLimit: 10,
    finalizeWaitMs: 200,
    maxNotificationIntervalMs: 60_000,
    commitLogCount: 500,
    resendMs: Math.max(2 * tickMs, settings.latencyMsMax * 3),
  };
}

/** Handlers change in place (their queues of unacknowledged packets): a snapshot copies each. */
function copyHandlers<P>(handlers: ReadonlyMap<ServerId, LearnerHandler<P>>): Map<ServerId, LearnerHandler<P>> {
  const copy = new Map<ServerId, LearnerHandler<P>>();
  for (const [id, h] of handlers) copy.set(id, { ...h, sent: [...h.sent] });
  return copy;
}

function freezeVolatile<P>(v: ZabVolatile<P>, previous: Frozen<ZabVolatile<P>> | undefined): Frozen<ZabVolatile<P>> {
  return { ...freezeRecord(v, previous), handlers: copyHandlers(v.handlers) };
}

function thawVolatile<P>(frozen: Frozen<ZabVolatile<P>>): ZabVolatile<P> {
  const v = thawRecord(frozen);
  v.handlers = copyHandlers(frozen.handlers);
  return v;
}

export function zab<P>(
  settings: ProtocolSettings,
): Protocol<P, ZabServer<P>, ZabDurable<P>, FrozenServer<P>, Frozen<ZabDurable<P>>> {
  const config = zabConfig(settings);
  const snapshots = serverSnapshots<ZabConfig, ZabDurable<P>, ZabVolatile<P>, Frozen<ZabVolatile<P>>>(
    freezeVolatile,
    thawVolatile,
  );
  return {
    hasStableLeader: true,
    init: (id, env) => {
      const state = initServer<P>(id, config, env);
      // The first tick starts the first election.
      return { state, wakeAt: env.now };
    },
    step: (state, input, env) => step(state, input as Input<P>, env),
    crash: crashServer,
    restart: (id, durable, env) => restartServer(id, config, durable, env),
    durableOf: (state) => state.durable,
    role: (state) => {
      const peer = state.volatile.peerState;
      return peer === 'looking' ? 'candidate' : peer === 'leading' ? 'leader' : 'follower';
    },
    // A server serves clients only once synced with an established leader (after UPTODATE).
    leader: (state) => (state.volatile.phase === 'broadcast' ? state.volatile.leader : null),
    // Established: a follower after UPTODATE, a leader after a quorum ACKed NEWLEADER (both then in broadcast).
    serving: (state) => state.volatile.phase === 'broadcast' && state.volatile.peerState !== 'looking',
    decidedUpTo: (state) => state.durable.committed,
    appliedUpTo: (state) => state.volatile.applied,
    startsLeading: (note: Note) => (note as ZabNote).kind === 'zab-established',
    view: zabView,
    ...snapshots,
    messageKind: (message: Envelope) => (message as Message<P>).type,
    messageLabel: (message: Envelope) => describeMessage(message as Message<P>),
    isChatter: (message: Envelope) => isChatter((message as Message<P>).type),
  };
}
