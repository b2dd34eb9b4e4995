// The safety monitor as the page shows it at the cursor: each invariant holds until the event that broke it.
import type { CheckName } from '../check/index';
import { CHECK_NAMES } from '../check/index';
import type { LiveViolation } from '../check/live';
import { largestConnectedGroup } from '../check/liveness';
import { majority } from '../check/types';
import type { LinkView } from './projections';
import { text } from './text';

export interface SafetyItem {
  readonly check: CheckName;
  readonly name: string;
  readonly rule: string;
  readonly violated: boolean;
  /** Liveness while no majority can talk: nothing is judged until one can. */
  readonly waiting: boolean;
  /** Why it broke, when it did by the cursor. */
  readonly reason: string | null;
  /** The trace index of the event that revealed it, when it did by the cursor. */
  readonly breakingEvent: number | null;
}

/** Whether a majority of the servers is up with every link among them working both ways. */
export function majorityCanTalk(servers: readonly { id: number; up: boolean }[], links: readonly LinkView[]): boolean {
  const cuts = new Set(links.filter((link) => !link.up).map((link) => `${link.from}>${link.to}`));
  const up = servers.filter((server) => server.up).map((server) => server.id);
  return largestConnectedGroup(up, cuts) >= majority(servers.length);
}

/** Each invariant's state after `eventCount` trace events, given the run's first violations. */
export function safetyItems(violations: readonly LiveViolation[], eventCount: number, canTalk = true): SafetyItem[] {
  return CHECK_NAMES.map((check) => {
    const found = violations.find((v) => v.check === check && v.detectedAt < eventCount);
    return {
      check,
      name: text.safety.names[check],
      rule: text.safety.rules[check],
      violated: found !== undefined,
      waiting: check === 'liveness' && found === undefined && !canTalk,
      reason: found?.verdict.reason ?? null,
      breakingEvent: found?.detectedAt ?? null,
    };
  });
}

/** The violation to announce at the cursor: the earliest revealed by then, or null. */
export function firstViolation(items: readonly SafetyItem[]): SafetyItem | null {
  let first: SafetyItem | null = null;
  for (const item of items) {
    if (item.breakingEvent !== null && (first === null || item.breakingEvent < first.breakingEvent!)) first = item;
  }
  return first;
}
