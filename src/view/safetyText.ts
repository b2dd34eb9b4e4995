// The safety monitor's words (English; the Chinese is in safetyText.zh.ts), part of the catalogue in text.ts.
export const safetyTextEn = {
  region: 'Safety monitor',
  names: {
    agreement: 'Agreement',
    validity: 'Validity',
    prefix: 'Prefix order',
    promises: 'Promise monotonicity',
    chosen: 'Chosen stability',
    linearizable: 'Linearizable writes',
    liveness: 'Liveness after healing',
  },
  rules: {
    agreement: 'No two servers decide different values for one slot.',
    validity: 'Every decided value was asked for by a client (or is a no-op).',
    prefix: 'Each server applies slots 0, 1, 2, … in order, with no gap.',
    promises: 'A server never promises a lower ballot, nor accepts below its promise.',
    chosen: 'Once a majority accepted a value, higher ballots carry the same value.',
    linearizable: 'The clients’ writes and their results fit one order that respects real time.',
    liveness: 'Once the faults stop and a majority can talk, every pending write gets an answer.',
  },
  holds: 'holds',
  violated: 'violated',
  waiting: 'waiting',
  waitingWhy: 'No majority of servers can talk: liveness is judged once one can again.',
  caught: (name: string): string => `${name} violated`,
  atEvent: (index: number): string => `at event #${index}`,
  showBreaking: 'Show the breaking event',
  /** On an event log line the violation involves (the breaking event, or the earlier one it contradicts). */
  breaks: (name: string): string => `breaks ${name}`,
  involved: (name: string): string => `involved in breaking ${name}`,
  /** What broke, in a sentence a student reads at a glance (the checker's exact reason follows it). */
  headline: {
    agreement: (servers: string, slots: string): string => `${servers} decided different values for slot ${slots}.`,
    validity: (servers: string, slots: string): string =>
      `${servers} decided a value for slot ${slots} that no client asked for.`,
    prefix: (servers: string, slots: string): string => `${servers} applied slot ${slots} out of order.`,
    promises: (servers: string, slots: string): string =>
      slots === '' ? `${servers} went back on a promise.` : `${servers} accepted slot ${slots} below its promise.`,
    chosen: (servers: string, slots: string): string =>
      `A value chosen for slot ${slots} was replaced by another: look at ${servers}.`,
    linearizable: (): string => 'A write’s result fits no order of the clients’ writes.',
    liveness: (): string => 'A write never got an answer, though a majority could talk.',
  },
  list: (items: readonly string[]): string =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`,
};
