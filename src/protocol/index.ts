// The protocols a run can use, by the name a scenario's header gives (`protocol multi-paxos`).
// Adding one is a folder beside paxos/ and a line here: the simulator and the UI drive it through the seam (types.ts).
import { BUG_NAMES as PAXOS_BUG_NAMES } from './paxos/bugs';
import { basicPaxos, multiPaxos } from './paxos';
import type { BugName as PaxosBugName, MessageType, PaxosNote } from './paxos/types';
import type { Protocol, ProtocolSettings } from './types';
import { zab } from './zab';
import { ZAB_BUG_NAMES } from './zab/bugs';
import type { MessageType as ZabMessageType, ZabBugName, ZabNote } from './zab/types';

export const PROTOCOLS = {
  'multi-paxos': multiPaxos,
  'basic-paxos': basicPaxos,
  zab,
} as const;

export type ProtocolName = keyof typeof PROTOCOLS;

/** The registered protocols' names, in the order the Protocol select lists them. */
export const PROTOCOL_NAMES = Object.keys(PROTOCOLS) as readonly ProtocolName[];

export function isProtocolName(value: string): value is ProtocolName {
  return Object.hasOwn(PROTOCOLS, value);
}

/** Every registered protocol's trace notes (the trace records them with the time and the server in front). */
export type ProtocolNote = PaxosNote | ZabNote;

/** Every registered protocol's message kinds, as the trace and the colours name them. */
export type ProtocolMessageKind = MessageType | ZabMessageType;

export function createProtocol<P>(name: ProtocolName, settings: ProtocolSettings): Protocol<P> {
  return PROTOCOLS[name]<P>(settings);
}

export type BugName = PaxosBugName | ZabBugName;

/** Every protocol's bug switches: Paxos's first (the order the Bugs panel and errors list them). */
export const BUG_NAMES: readonly BugName[] = [...PAXOS_BUG_NAMES, ...ZAB_BUG_NAMES];

/** The bug switches that change this protocol (the others do nothing in its runs). */
export function bugsOf(protocol: ProtocolName): readonly BugName[] {
  return protocol === 'zab' ? ZAB_BUG_NAMES : PAXOS_BUG_NAMES;
}
