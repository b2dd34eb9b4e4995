// zkCli's text: the Stat block, zxids in hex, `ls` lists, and dates from simulated time.
// No Date: the calendar is computed by hand, in UTC, with the run starting at 2026-01-01T00:00:00Z.
import type { Stat } from './types';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day count since 1970-01-01 (month 1..12). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Unix ms of the simulated run's start, 2026-01-01T00:00:00Z. */
export const RUN_START_EPOCH_MS = daysFromCivil(2026, 1, 1) * DAY_MS;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A simulated time (ms since the run started) as Java's Date.toString in UTC:
 * 0 -> "Thu Jan 01 00:00:00 UTC 2026".
 */
export function formatDate(simMs: number): string {
  const epochMs = RUN_START_EPOCH_MS + Math.floor(simMs);
  const days = Math.floor(epochMs / DAY_MS);
  const msOfDay = epochMs - days * DAY_MS;
  const { year, month, day } = civilFromDays(days);
  const weekday = WEEKDAYS[(((days + 4) % 7) + 7) % 7]; // 1970-01-01 was a Thursday
  const secs = Math.floor(msOfDay / 1000);
  const hh = Math.floor(secs / 3600);
  const mm = Math.floor((secs % 3600) / 60);
  const ss = secs % 60;
  return `${weekday} ${MONTHS[month - 1]} ${pad2(day)} ${pad2(hh)}:${pad2(mm)}:${pad2(ss)} UTC ${year}`;
}

/** A zxid or session id as zkCli prints it: 0x + lower-case hex. */
export function formatZxid(n: number): string {
  // A ZAB sync rides between two zxids, taking none of its own (protocol/zab/zxid.ts): shown after the one before.
  if (!Number.isInteger(n)) return `${formatZxid(Math.floor(n))}+sync`;
  return n < 0 ? `-0x${(-n).toString(16)}` : `0x${n.toString(16)}`;
}

/** The Stat block zkCli prints for `stat` / `get -s` / `ls -s`, one line per entry. */
export function formatStat(stat: Stat): string[] {
  return [
    `cZxid = ${formatZxid(stat.czxid)}`,
    `ctime = ${formatDate(stat.ctime)}`,
    `mZxid = ${formatZxid(stat.mzxid)}`,
    `mtime = ${formatDate(stat.mtime)}`,
    `pZxid = ${formatZxid(stat.pzxid)}`,
    `cversion = ${stat.cversion}`,
    `dataVersion = ${stat.version}`,
    `aclVersion = ${stat.aversion}`,
    `ephemeralOwner = ${formatZxid(stat.ephemeralOwnerId)}`,
    `dataLength = ${stat.dataLength}`,
    `numChildren = ${stat.numChildren}`,
  ];
}

/** `ls` output: "[a, b]" (children as given; the replica returns them sorted). */
export function formatLs(children: readonly string[]): string {
  return `[${children.join(', ')}]`;
}
