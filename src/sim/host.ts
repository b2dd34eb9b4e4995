// Hosting a protocol: handing a server's inputs to the protocol through the seam, and acting on what comes
// back (messages to send, slots to apply, notes for the trace, the next tick). Crash and restart too.
import type { Input, LogEffect, Note, ServerId, StepOutput } from '../protocol/types';
import { applyEntry, startSessionTracking } from './apply';
import { describeTxn } from './describe';
import { sendMessage } from './network';
import type { TraceEvent } from './trace';
import { freshConnections, freshZkState, record, type LoggedTxn, type Server, type World } from './world';

/** A server's first boot: a fresh protocol state, its first tick scheduled. */
export function bootServer(world: World, id: ServerId): void {
  const { state, wakeAt } = world.protocol.init(id, world.env);
  const server: Server = {
    id,
    up: true,
    state,
    durable: world.protocol.durableOf(state),
    ...freshZkState(),
    leaderLostAt: null,
    // A server starting up serves no client until the protocol says it is established (basic Paxos: at once).
    serving: world.protocol.serving(state),
    ...freshConnections(),
    tickAt: Infinity,
    tickGen: 0,
  };
  world.servers.push(server);
  scheduleTick(world, server, wakeAt);
}

function scheduleTick(world: World, server: Server, at: number): void {
  if (!(at < server.tickAt)) return;
  const when = Math.max(at, world.now);
  server.tickAt = when;
  server.tickGen++;
  world.queue.push({ kind: 'tick', at: when, seq: 0, server: server.id, gen: server.tickGen });
}

/** A tick that is still the server's latest. */
export function tickServer(world: World, server: Server, gen: number): void {
  if (!server.up || gen !== server.tickGen) return;
  server.tickAt = Infinity;
  stepServer(world, server, { kind: 'tick' });
}

export function stepServer(world: World, server: Server, input: Input<LoggedTxn>): void {
  if (input.kind === 'request' && world.traceProtocol)
    record(world, { t: world.now, kind: 'request', server: server.id, proposalId: input.id, txn: input.payload });
  const protocol = world.protocol;
  const output = protocol.step(server.state, input, world.env);
  server.state = output.state;
  if (protocol.serving(output.state)) {
    server.leaderLostAt = null;
    server.serving = true;
  } else if (server.serving && server.leaderLostAt === null) {
    // It no longer follows or leads an established leader (electing): the clock to stop serving starts.
    server.leaderLostAt = world.now;
  }
  absorb(world, server, output);
}

/** Act on a step's output: its effects in order, then its messages, then its next tick. */
function absorb(world: World, server: Server, output: StepOutput<LoggedTxn>): void {
  for (const effect of output.effects) onEffect(world, server, effect);
  for (const message of output.messages) sendMessage(world, message);
  scheduleTick(world, server, output.wakeAt);
}

function onEffect(world: World, server: Server, effect: LogEffect<LoggedTxn> | Note): void {
  if (effect.kind === 'apply') {
    const { slot, proposal } = effect as LogEffect<LoggedTxn>;
    applyEntry(world, server, slot, proposal.id, proposal.epoch, proposal.time, proposal.payload);
    return;
  }
  if (effect.kind !== 'decided' && world.protocol.startsLeading(effect)) startSessionTracking(world, server);
  if (!world.traceProtocol) return;
  const t = world.now;
  if (effect.kind === 'decided') {
    const { slot, proposal } = effect as LogEffect<LoggedTxn>;
    const text = describeTxn(proposal.payload);
    record(world, { t, kind: 'decided', server: server.id, slot, proposalId: proposal.id, text });
    return;
  }
  // The protocol's own note, with the time and the server in front.
  record(world, Object.assign({ t, kind: effect.kind, server: server.id }, effect) as TraceEvent);
}

/** What survives is what the protocol keeps durable; connections and timers are gone. */
export function crashServer(world: World, server: Server): void {
  server.up = false;
  server.durable = world.protocol.crash(server.state);
  Object.assign(server, freshConnections());
  server.tickGen++;
  server.tickAt = Infinity;
}

/** The replica is rebuilt from the log, which the protocol applies again from the start. */
export function restartServer(world: World, server: Server): void {
  server.up = true;
  Object.assign(server, freshZkState());
  record(world, { t: world.now, kind: 'restart', server: server.id });
  const output = world.protocol.restart(server.id, server.durable, world.env);
  server.state = output.state;
  // A restarted server refuses clients until it has synced with an established leader again.
  server.leaderLostAt = null;
  server.serving = world.protocol.serving(output.state);
  absorb(world, server, output);
}
