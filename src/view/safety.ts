// The safety monitor as the page shows it at the cursor: each invariant holds until the event that broke it.
import type { CheckName } from '../check/index';
import { CHECK_NAMES } from '../check/index';
import type { LiveViolation } from '../check/live';
import { largestConnectedGroup } from '../check/liveness';
import { majority, type Involved } from '../check/types';
import type { LinkView } from './projections';
import { text } from './text';

export interface SafetyItem {
  readonly check: CheckName;
  readonly name: string;
  readonly rule: string;
  readonly violated: boolean;
  /** Liveness while no majority can talk: nothing is judged until one can. */
  readonly waiting: boolean;
  /** Why it broke, when it did by the cursor: the checker's exact reason... */
  readonly reason: string | null;
  /** ...and before it, what broke in plain words ("n2 and n4 decided different values for slot 7."). */
  readonly headline: string | null;
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
      headline: found === undefined ? null : violationHeadline(check, found.verdict.involved),
      breakingEvent: found?.detectedAt ?? null,
    };
  });
}

/** The earliest violation revealed within the first `eventCount` events, or null. */
export function shownViolation(violations: readonly LiveViolation[], eventCount: number): LiveViolation | null {
  let first: LiveViolation | null = null;
  for (const v of violations)
    if (v.detectedAt < eventCount && (first === null || v.detectedAt < first.detectedAt)) first = v;
  return first;
}

/** What the page marks while a violation shows at the cursor: its servers, log slots and trace events. */
export interface BreakingFocus {
  readonly check: CheckName;
  readonly name: string;
  readonly servers: ReadonlySet<number>;
  readonly slots: ReadonlySet<number>;
  /** Trace indices to mark, each with whether it is the breaking event itself. */
  readonly events: ReadonlyMap<number, 'breaking' | 'involved'>;
}

/** The first violation revealed by the cursor (after `eventCount` events) as marks, or null when none shows. */
export function breakingFocus(violations: readonly LiveViolation[], eventCount: number): BreakingFocus | null {
  const first = shownViolation(violations, eventCount);
  if (first === null) return null;
  const involved = first.verdict.involved;
  const events = new Map<number, 'breaking' | 'involved'>();
  for (const index of involved?.events ?? []) if (index < eventCount) events.set(index, 'involved');
  events.set(first.detectedAt, 'breaking');
  return {
    check: first.check,
    name: text.safety.names[first.check],
    servers: new Set(involved?.servers ?? []),
    slots: new Set(involved?.slots ?? []),
    events,
  };
}

/** A violation in plain words, from the servers and slots it involves. */
export function violationHeadline(check: CheckName, involved: Involved | undefined): string {
  const t = text.safety;
  const servers = t.list((involved?.servers ?? []).map((id) => `n${id}`));
  const slots = t.list((involved?.slots ?? []).map(String));
  return t.headline[check](servers, slots);
}

/** The violation to announce at the cursor: the earliest revealed by then, or null. */
export function firstViolation(items: readonly SafetyItem[]): SafetyItem | null {
  let first: SafetyItem | null = null;
  for (const item of items) {
    if (item.breakingEvent !== null && (first === null || item.breakingEvent < first.breakingEvent!)) first = item;
  }
  return first;
}
