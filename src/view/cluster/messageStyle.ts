// How each kind of message looks on the canvas. Colours match the legend and cluster.css.
import type { WireKind } from '../../sim/trace';

export interface KindStyle {
  readonly color: string;
  /** Dot radius in viewBox units before scaling with the ring. */
  readonly size: number;
  /** Heartbeats and pings: small, muted and never labelled. */
  readonly muted: boolean;
  readonly legend: LegendKey;
}

export type LegendKey =
  | 'prepare'
  | 'promise'
  | 'nack'
  | 'accept'
  | 'accepted'
  | 'decide'
  | 'heartbeat'
  | 'client'
  | 'catchUp'
  | 'forward'
  | 'election'
  | 'discovery'
  | 'sync'
  | 'proposal'
  | 'ack'
  | 'commit';

export const LEGEND_COLORS: Readonly<Record<LegendKey, string>> = {
  prepare: '#7c3aed',
  promise: '#c026d3',
  nack: '#e11d48',
  accept: '#2563eb',
  accepted: '#0891b2',
  decide: '#16a34a',
  heartbeat: '#9ca3af',
  client: '#ea580c',
  catchUp: '#0d9488',
  forward: '#a16207',
  // ZAB's kinds: election and discovery in Paxos's phase-1 hues, broadcast in its phase-2 ones.
  election: '#6d28d9',
  discovery: '#c026d3',
  sync: '#0d9488',
  proposal: '#2563eb',
  ack: '#0891b2',
  commit: '#16a34a',
};

/** A reached quorum (cluster.css --cl-reached). */
export const QUORUM_COLOR = '#16a34a';

function style(legend: LegendKey, size = 1, muted = false): KindStyle {
  return { color: LEGEND_COLORS[legend], size, muted, legend };
}

export const KIND_STYLES: Readonly<Record<WireKind, KindStyle>> = {
  prepare: style('prepare'),
  promise: style('promise'),
  nack: style('nack'),
  accept: style('accept'),
  accepted: style('accepted'),
  decide: style('decide'),
  heartbeat: style('heartbeat', 0.6, true),
  heartbeatAck: style('heartbeat', 0.6, true),
  catchUpRequest: style('catchUp'),
  catchUpReply: style('catchUp'),
  forward: style('forward'),
  NOTIFICATION: style('election'),
  FOLLOWERINFO: style('discovery'),
  LEADERINFO: style('discovery'),
  ACKEPOCH: style('discovery'),
  DIFF: style('sync'),
  TRUNC: style('sync'),
  SNAP: style('sync'),
  NEWLEADER: style('sync'),
  UPTODATE: style('sync'),
  PROPOSAL: style('proposal'),
  ACK: style('ack'),
  COMMIT: style('commit'),
  PING: style('heartbeat', 0.6, true),
  PINGACK: style('heartbeat', 0.6, true),
  REQUEST: style('forward'),
  'session-touch': style('heartbeat', 0.6, true),
  'client-connect': style('client'),
  'client-request': style('client'),
  'client-reply': style('client'),
  'client-ping': style('heartbeat', 0.6, true),
  'client-pong': style('heartbeat', 0.6, true),
  'watch-event': style('client'),
};

export const DROP_COLOR = '#dc2626';
