// The scenario language's small value parsers (paths, versions, servers, durations, percentages, latencies).
// Each returns the value or the one-line message that says what is wrong.
import type { LatencyRange } from '../sim/config';
import type { ServerId } from '../protocol/types';
import type { Token } from './lex';
import { scriptText } from './text';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** A character ZooKeeper's PathUtils refuses in a znode name. */
function isInvalidPathChar(code: number): boolean {
  return (
    (code > 0x0000 && code <= 0x001f) ||
    (code >= 0x007f && code <= 0x009f) ||
    (code >= 0xd800 && code <= 0xf8ff) ||
    (code >= 0xfff0 && code <= 0xffff)
  );
}

/** ZooKeeper's PathUtils.validatePath: null when valid, else the reason. */
export function pathProblem(path: string, sequential: boolean): string | null {
  if (path.length === 0) return scriptText.pathEmpty();
  if (path.charAt(0) !== '/') return scriptText.pathNoLeadingSlash();
  // A sequential create appends the counter, so "/jobs/" is fine there.
  const p = sequential ? path + '1' : path;
  if (p.length === 1) return null;
  if (p.charAt(p.length - 1) === '/') return scriptText.pathTrailingSlash();
  let last = '/';
  for (let i = 1; i < p.length; i++) {
    const c = p.charAt(i);
    const code = p.charCodeAt(i);
    if (code === 0) return scriptText.pathNullChar(i);
    if (c === '/' && last === '/') return scriptText.pathEmptyNode(i);
    if (c === '.' && last === '.') {
      if (p.charAt(i - 2) === '/' && (i + 1 === p.length || p.charAt(i + 1) === '/')) return scriptText.pathRelative(i);
    } else if (c === '.') {
      if (last === '/' && (i + 1 === p.length || p.charAt(i + 1) === '/')) return scriptText.pathRelative(i);
    } else if (isInvalidPathChar(code)) {
      return scriptText.pathInvalidChar(i);
    }
    last = c;
  }
  return null;
}

export function parsePath(token: Token, sequential: boolean): Parsed<string> {
  const problem = pathProblem(token.value, sequential);
  return problem === null ? ok(token.value) : fail(scriptText.invalidPath(token.value, problem));
}

export function parseVersion(text: string): Parsed<number> {
  if (!/^-?\d+$/.test(text)) return fail(scriptText.versionNotNumber(text));
  const v = Number(text);
  if (v < INT32_MIN || v > INT32_MAX) return fail(scriptText.versionOutOfRange(text));
  return ok(v === 0 ? 0 : v); // no -0
}

/** `leader` where a server goes: resolved to the server leading when the line runs (see leader.ts). */
export const LEADER: ServerId = 0;

export function parseServer(token: Token, servers: number): Parsed<ServerId> {
  if (!token.quoted && token.value === 'leader') return ok(LEADER);
  const m = token.quoted ? null : /^n(\d+)$/.exec(token.value);
  if (m === null || m[1] === undefined) return fail(scriptText.notAServer(token.value));
  const k = Number(m[1]);
  if (!Number.isSafeInteger(k) || k < 1 || k > servers) return fail(scriptText.noSuchServer(token.value, servers));
  return ok(k);
}

/** "500ms", "2s", "1.5s" -> whole milliseconds, computed on the digits (no float rounding). */
function durationMs(num: string, unit: string): number | null {
  const [intPart = '', frac = ''] = num.split('.');
  let digits: string;
  let rest: string;
  if (unit === 's') {
    digits = intPart + frac.padEnd(3, '0').slice(0, 3);
    rest = frac.slice(3);
  } else {
    digits = intPart;
    rest = frac;
  }
  if (!/^0*$/.test(rest)) return null;
  const ms = Number(digits);
  return Number.isSafeInteger(ms) ? ms : null;
}

export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text);
  if (m === null || m[1] === undefined || m[2] === undefined) return null;
  return durationMs(m[1], m[2]);
}

export function parsePercent(setting: string, text: string): Parsed<number> {
  const m = /^(\d+(?:\.\d{1,6})?)%$/.exec(text);
  if (m === null || m[1] === undefined) return fail(scriptText.badPercent(setting, text));
  const pct = Number(m[1]);
  if (!(pct <= 100)) return fail(scriptText.badPercent(setting, text));
  return ok(pct / 100);
}

export function parseLatency(text: string): Parsed<LatencyRange> {
  const range = /^(\d+(?:\.\d+)?)(ms|s)?\.\.(\d+(?:\.\d+)?)(ms|s)$/.exec(text);
  if (range !== null && range[1] !== undefined && range[3] !== undefined && range[4] !== undefined) {
    const min = durationMs(range[1], range[2] ?? range[4]);
    const max = durationMs(range[3], range[4]);
    if (min === null || max === null) return fail(scriptText.badLatency(text));
    if (min > max) return fail(scriptText.latencyMinAboveMax(min, max));
    return ok({ msMin: min, msMax: max });
  }
  const single = parseDuration(text);
  if (single === null) return fail(scriptText.badLatency(text));
  return ok({ msMin: single, msMax: single });
}
