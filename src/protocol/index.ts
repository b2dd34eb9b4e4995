// The protocols a run can use, by the name a scenario's header gives (`protocol multi-paxos`).
// Adding one is a folder beside paxos/ and a line here: the simulator and the UI drive it through the seam (types.ts).
import { basicPaxos, multiPaxos } from './paxos';
import type { MessageType, PaxosNote } from './paxos/types';
import type { Protocol, ProtocolSettings } from './types';

export const PROTOCOLS = {
  'multi-paxos': multiPaxos,
  'basic-paxos': basicPaxos,
} as const;

export type ProtocolName = keyof typeof PROTOCOLS;

/** The registered protocols' names, in the order the Protocol select lists them. */
export const PROTOCOL_NAMES = Object.keys(PROTOCOLS) as readonly ProtocolName[];

export function isProtocolName(value: string): value is ProtocolName {
  return Object.hasOwn(PROTOCOLS, value);
}

/** Every registered protocol's trace notes (the trace records them with the time and the server in front). */
export type ProtocolNote = PaxosNote;

/** Every registered protocol's message kinds, as the trace and the colours name them. */
export type ProtocolMessageKind = MessageType;

export function createProtocol<P>(name: ProtocolName, settings: ProtocolSettings): Protocol<P> {
  return PROTOCOLS[name]<P>(settings);
}

export { BUG_NAMES } from './paxos/bugs';
export type { BugName } from './paxos/types';
