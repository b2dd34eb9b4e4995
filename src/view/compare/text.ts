// Strings of the compare view (English). A translation supplies the same shape (./text.zh.ts).
import { localized } from '../../script/language';
import type { ProtocolName } from '../../protocol';
import { compareTextZh } from './text.zh';

export const compareTextEn = {
  button: 'Compare',
  onTitle: 'Run this scenario under Multi-Paxos and ZAB side by side: the same seed, the same lines and faults',
  offTitle: 'Back to the single run',
  region: 'Compare',
  intro: 'One scenario, two protocols, one clock: every line and fault goes to both runs at the same simulated moment.',
  protocolName: { 'multi-paxos': 'Multi-Paxos', 'basic-paxos': 'Basic Paxos', zab: 'ZAB' } satisfies Record<
    ProtocolName,
    string
  >,
  controls: 'Compare controls',
  time: 'Time (both runs)',
  table: 'Protocol comparison',
  measure: 'Measure',
  rows: {
    messagesPerWrite: 'Messages per write',
    writeLatency: 'Write latency',
    recoveryMs: 'Leader crash → next committed write',
    recoveryMessages: 'Messages to recover',
  },
  perWrite: (n: number): string => n.toFixed(1),
  ms: (n: number): string => `${Math.round(n).toLocaleString('en-US')} ms`,
  count: (n: number): string => n.toLocaleString('en-US'),
  none: '—',
  recovering: 'recovering…',
  writes: (n: number): string => `over ${n.toLocaleString('en-US')} write${n === 1 ? '' : 's'}`,
  footnote:
    'Messages between servers, without heartbeats, pings and session touches. Per write and latency (client request to reply): the writes answered outside a recovery. A recovery runs from the kill of a leader to the first client write committed after it (the last one is shown): pause, press Kill leader and Write, then play.',
  faults: 'Faults for both runs',
  killLeader: 'Kill leader',
  killLeaderTitle: 'kill leader in both runs: each kills the server leading it now',
  restartAll: 'Restart crashed',
  restartAllTitle: 'Restart every crashed server, in each run its own',
  write: 'Write',
  writeTitle:
    'w1> create -s /w- x in both runs (a sequential znode: no name clash); w1 asks for n2, a follower once elected, and takes the next server while n2 still refuses clients',
  lastWriteFailed: (message: string): string => ` · the last write failed (${message}): press Write again`,
  line: 'Line for both runs',
  linePlaceholder: 'c1> create /a 1',
  run: 'Run in both',
  runError: (protocol: string, message: string): string => `${protocol}: ${message}`,
  linkErrorTitle: 'This compare link could not be opened',
  linkErrorRest: 'The normal page shows instead.',
  dismiss: 'Dismiss',
} as const;

export const compareText = localized(compareTextEn, compareTextZh);
