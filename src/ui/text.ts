/**
 * User-facing strings (English). Components read their text from here so
 * that wording lives in one place.
 */
export const text = {
  appName: 'Paxoscope',
  tagline:
    'See consensus work: a ZooKeeper-like ensemble on Paxos, simulated deterministically in your browser.',
  intro:
    'Servers, clients and the network run in a Web Worker from a seed, so every run can be replayed step by step and checked.',
  footer: 'Same seed, same run.',
  workerFailed: (reason: string): string => `The simulation stopped: ${reason}`,
} as const;

export type Text = typeof text;
