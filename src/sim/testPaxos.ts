// For tests that run Paxos and look inside a server: the simulator itself only hands the protocol's state on.
import type { ServerState } from '../protocol/paxos/types';
import type { LoggedTxn, Server } from './world';

/** The Paxos state of a server in a run whose protocol is multi- or basic Paxos. */
export function paxos(server: Server): ServerState<LoggedTxn> {
  return server.state as ServerState<LoggedTxn>;
}
