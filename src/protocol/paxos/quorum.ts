import type { ProtocolConfig } from './types';

/** Votes needed: a majority, floor(n/2)+1 — or floor(n/2) under the minority-quorum bug. */
export function quorumSize(config: ProtocolConfig): number {
  const majority = Math.floor(config.servers / 2) + 1;
  return config.bugs.has('minority-quorum') ? Math.max(1, Math.floor(config.servers / 2)) : majority;
}

export function hasQuorum(votes: number, config: ProtocolConfig): boolean {
  return votes >= quorumSize(config);
}
