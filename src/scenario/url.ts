// The shareable link: a scenario packed into a URL hash, `#s=v1.<base64url>`, and read back.
//
// v1 payload: base64url (no padding) of [4-byte FNV-1a checksum of the JSON, big-endian] followed by
// the raw DEFLATE of compact JSON:
//   [headerLines, actions]
//   headerLines: formatHeader's lines (none for the default header)
//   actions: [eventsDelta, tDelta, text] per action, deltas from the previous action, where
//     eventsDelta is -1 for "events unknown" (and then does not move the running count), and
//     tDelta is [t] (the absolute time) when the delta would not add back to exactly t.
//
// decodeScenario never throws and never runs anything: every size is checked before the work it
// bounds, decompression streams in small chunks and stops past a cap, and the result is validated
// (valibot for the shape, the script parser for the header and each action).
import { deflateSync, Inflate } from 'fflate';
import * as v from 'valibot';
import { isProtocolName, PROTOCOL_NAMES, type ProtocolName } from '../protocol';
import { formatHeader } from '../script/format';
import { checkActions, headerFromLines, SCENARIO_LIMITS, type Scenario, type ScenarioAction } from './model';
import { scenarioText as m } from './text';

export const SCENARIO_VERSION = 1;
/** Longest payload (and hash) read, checked before any decoding. */
export const MAX_PAYLOAD_CHARS = 64 * 1024;
/** Most bytes the compressed data may unpack to. */
export const MAX_UNPACKED_BYTES = 256 * 1024;
/** Compressed bytes fed to the inflater at a time: one push can unpack at most ~1032x this. */
const INFLATE_CHUNK = 256;
const CHECKSUM_BYTES = 4;
const PREFIX = `v${SCENARIO_VERSION}.`;

export type DecodeResult =
  { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly error: string };
export type HashScenario =
  | { readonly kind: 'none' }
  | { readonly kind: 'scenario'; readonly scenario: Scenario }
  | { readonly kind: 'error'; readonly error: string };

// ---------------------------------------------------------------------------------------------
// base64url, no padding.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = ((): Int16Array => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

export function bytesToBase64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** The first character outside base64url, as [char, 1-based position], or null. */
function firstBadChar(s: string): [string, number] | null {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 128 || DECODE[code] === -1) {
      const cp = s.codePointAt(i) ?? code;
      return [String.fromCodePoint(cp), i + 1];
    }
  }
  return null;
}

/** Decodes base64url that holds only alphabet characters; null for an impossible length. */
export function base64urlToBytes(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const d = DECODE[s.charCodeAt(i)] ?? -1;
    if (d < 0) return null;
    acc = ((acc << 6) | d) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

// ---------------------------------------------------------------------------------------------
// Checksum and packing.

/** 32-bit FNV-1a. */
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A v1 payload for any JSON text (the codec's own packing; tests use it to build hostile links). */
export function packJsonText(json: string): string {
  const raw = new TextEncoder().encode(json);
  const deflated = deflateSync(raw, { level: 9 });
  const bytes = new Uint8Array(CHECKSUM_BYTES + deflated.length);
  const sum = fnv1a(raw);
  bytes[0] = sum >>> 24;
  bytes[1] = (sum >>> 16) & 0xff;
  bytes[2] = (sum >>> 8) & 0xff;
  bytes[3] = sum & 0xff;
  bytes.set(deflated, CHECKSUM_BYTES);
  return PREFIX + bytesToBase64url(bytes);
}

type Step<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Inflates at most `cap` bytes, in small chunks so that a zip bomb stops early. */
function inflateCapped(data: Uint8Array, cap: number): Step<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false as boolean; // set by the inflater callback
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) over = true;
    else chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += INFLATE_CHUNK) {
      const end = Math.min(i + INFLATE_CHUNK, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
      if (over) return { ok: false, error: m.tooBigUnpacked(cap) };
    }
  } catch (e) {
    if (over) return { ok: false, error: m.tooBigUnpacked(cap) };
    const reason =
      e instanceof Error && e.message.length > 0 && e.message.length < 80 ? e.message : m.shape.invalidData;
    return { ok: false, error: m.corrupt(reason) };
  }
  if (over) return { ok: false, error: m.tooBigUnpacked(cap) };
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { ok: true, value: out };
}

/** Payload -> JSON value: version, size, alphabet, checksum, unpacked size, text, JSON. */
function unpack(payload: string): Step<unknown> {
  if (payload.length === 0) return { ok: false, error: m.emptyPayload() };
  if (payload.length > MAX_PAYLOAD_CHARS) return { ok: false, error: m.hashTooLong(payload.length, MAX_PAYLOAD_CHARS) };
  const tag = /^v(\d{1,9})\./.exec(payload);
  if (tag === null || tag[1] === undefined) return { ok: false, error: m.missingVersion() };
  const version = Number(tag[1]);
  if (version > SCENARIO_VERSION) return { ok: false, error: m.newerVersion(version) };
  if (version !== SCENARIO_VERSION) return { ok: false, error: m.unknownVersion(version) };
  const body = payload.slice(tag[0].length);
  if (body.length === 0) return { ok: false, error: m.tooShort() };
  const bad = firstBadChar(body);
  if (bad !== null) return { ok: false, error: m.notBase64(bad[0], tag[0].length + bad[1]) };
  const bytes = base64urlToBytes(body);
  if (bytes === null) return { ok: false, error: m.impossibleLength() };
  if (bytes.length <= CHECKSUM_BYTES) return { ok: false, error: m.tooShort() };
  const expected = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const raw = inflateCapped(bytes.subarray(CHECKSUM_BYTES), MAX_UNPACKED_BYTES);
  if (!raw.ok) return raw;
  if (fnv1a(raw.value) !== expected) return { ok: false, error: m.checksum() };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw.value);
  } catch {
    return { ok: false, error: m.notText() };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: m.notJson() };
  }
}

// ---------------------------------------------------------------------------------------------
// The compact JSON form.

const Count = v.pipe(
  v.number(),
  v.safeInteger(),
  v.minValue(-1, () => m.shape.wholeAtLeast(-1)),
);
const Time = v.pipe(
  v.number(),
  v.finite(),
  v.minValue(0, () => m.shape.atLeast(0)),
);
const Text = v.pipe(
  v.string(),
  v.maxLength(SCENARIO_LIMITS.maxActionLength, () => m.shape.atMostCharacters(SCENARIO_LIMITS.maxActionLength)),
);
const HeaderLine = v.pipe(
  v.string(),
  v.maxLength(SCENARIO_LIMITS.maxHeaderLineLength, () => m.shape.atMostCharacters(SCENARIO_LIMITS.maxHeaderLineLength)),
);
const CompactAction = v.strictTuple([Count, v.union([Time, v.strictTuple([Time])]), Text]);
const CursorEvents = v.pipe(
  v.number(),
  v.safeInteger(),
  v.minValue(0, () => m.shape.wholeAtLeast(0)),
  v.maxValue(SCENARIO_LIMITS.maxEvents, () => m.shape.atMost(SCENARIO_LIMITS.maxEvents)),
);
const CursorTime = v.pipe(
  v.number(),
  v.finite(),
  v.minValue(0, () => m.shape.atLeast(0)),
  v.maxValue(SCENARIO_LIMITS.maxTimeMs, () => m.shape.atMost(SCENARIO_LIMITS.maxTimeMs)),
);
const Compact = v.strictTuple([
  v.pipe(
    v.array(HeaderLine),
    v.maxLength(SCENARIO_LIMITS.maxHeaderLines, () => m.shape.atMostHeaderLines(SCENARIO_LIMITS.maxHeaderLines)),
  ),
  v.pipe(
    v.array(CompactAction),
    v.maxLength(SCENARIO_LIMITS.maxActions, () => m.shape.atMostActions(SCENARIO_LIMITS.maxActions)),
  ),
  // Optional: the moment the link opens at [events, t], or [events, t, actions run] for a moment in the past.
  v.optional(
    v.union([v.strictTuple([CursorEvents, CursorTime]), v.strictTuple([CursorEvents, CursorTime, CursorEvents])]),
  ),
  // Optional, after a cursor: how far the run went [events, t] (a link made in the past keeps its future).
  v.optional(v.strictTuple([CursorEvents, CursorTime])),
]);
type CompactScenario = v.InferOutput<typeof Compact>;
type CompactActionT = v.InferOutput<typeof CompactAction>;

function toCompact(s: Scenario): CompactScenario {
  const actions: CompactActionT[] = [];
  let lastEvents = 0;
  let lastT = 0;
  for (const a of s.actions) {
    let de: number;
    if (a.events === -1) de = -1;
    else {
      de = a.events - lastEvents;
      lastEvents = a.events;
    }
    const dt = a.t - lastT;
    // Fractional times need not add back exactly; then the absolute time goes instead.
    const time: number | [number] = dt >= 0 && lastT + dt === a.t ? dt : [a.t];
    lastT = a.t;
    actions.push([de, time, a.text]);
  }
  const cursor: [number, number] | [number, number, number] | undefined =
    s.cursor === undefined
      ? undefined
      : s.cursor.actions === undefined
        ? [s.cursor.events, s.cursor.t]
        : [s.cursor.events, s.cursor.t, s.cursor.actions];
  const head: [number, number] | undefined =
    s.cursor === undefined || s.head === undefined ? undefined : [s.head.events, s.head.t];
  return [formatHeader(s.header), actions, cursor, head];
}

function fromCompact(c: CompactScenario): Step<ScenarioAction[]> {
  const actions: ScenarioAction[] = [];
  let lastEvents = 0;
  let lastT = 0;
  for (const [index, [de, time, text]] of c[1].entries()) {
    let events = -1;
    if (de !== -1) {
      events = lastEvents + de;
      lastEvents = events;
    }
    const t = typeof time === 'number' ? lastT + time : time[0];
    if (!Number.isFinite(t) || !Number.isSafeInteger(events)) {
      return { ok: false, error: m.wrongShape(m.shape.action(index + 1), m.shape.outOfRange) };
    }
    lastT = t;
    actions.push({ events, t, text });
  }
  return { ok: true, value: actions };
}

/** What a valibot issue says: our own message, or for a wrong type, what was expected and what came. */
function issueProblem(issue: v.BaseIssue<unknown>): string {
  return issue.kind === 'schema' && issue.expected !== null
    ? m.shape.expected(issue.expected, issue.received)
    : issue.message;
}

/** Where a valibot issue is, for a message: "action 3", "the header", "the top level". */
function issuePlace(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  const keys = path.map((p) => p.key);
  const place = m.shape;
  if (keys.length === 0) return place.topLevel;
  if (keys[0] === 0)
    return keys.length > 1 && typeof keys[1] === 'number' ? place.headerLine(keys[1] + 1) : place.header;
  if (keys[0] === 1) {
    if (keys.length === 1 || typeof keys[1] !== 'number') return place.actionList;
    const field = keys[2] === 0 ? 'events' : keys[2] === 1 ? 'time' : keys[2] === 2 ? 'text' : null;
    return field === null ? place.action(keys[1] + 1) : place.actionField(keys[1] + 1, field);
  }
  if (keys[0] === 2) return place.cursor;
  if (keys[0] === 3) return place.end;
  return place.topLevel;
}

// ---------------------------------------------------------------------------------------------
// The API.

/** The hash payload for a scenario: "v1." + base64url of the checksummed, deflated compact JSON. */
export function encodeScenario(s: Scenario): string {
  const compact = toCompact(s);
  // Trailing parts left out when absent (JSON would turn a trailing undefined into null).
  const length = compact[3] !== undefined ? 4 : compact[2] !== undefined ? 3 : 2;
  return packJsonText(JSON.stringify(compact.slice(0, length)));
}

/** Reads a hash payload back. Never throws, never runs anything; every failure is one line. */
export function decodeScenario(payload: string): DecodeResult {
  try {
    const unpacked = unpack(payload);
    if (!unpacked.ok) return unpacked;
    const json = unpacked.value;
    // The count gets its own message before the shape check looks at every action.
    if (Array.isArray(json) && Array.isArray(json[1]) && json[1].length > SCENARIO_LIMITS.maxActions) {
      return { ok: false, error: m.tooManyActions(json[1].length, SCENARIO_LIMITS.maxActions) };
    }
    const shaped = v.safeParse(Compact, json, { abortEarly: true });
    if (!shaped.success) {
      const issue = shaped.issues[0];
      return { ok: false, error: m.wrongShape(issuePlace(issue), issueProblem(issue)) };
    }
    const header = headerFromLines(shaped.output[0]);
    if ('error' in header) return { ok: false, error: header.error };
    const actions = fromCompact(shaped.output);
    if (!actions.ok) return actions;
    const problem = checkActions(header.header, actions.value);
    if (problem !== null) return { ok: false, error: problem };
    const cursor = shaped.output[2];
    const head = shaped.output[3];
    const last = actions.value[actions.value.length - 1];
    const before = (at: readonly number[], action: ScenarioAction): boolean =>
      at[1]! < action.t || (action.events >= 0 && at[0]! < action.events);
    if (cursor?.[2] !== undefined && cursor[2] > actions.value.length)
      return { ok: false, error: m.cursorActions(cursor[2], actions.value.length) };
    if (head !== undefined) {
      if (cursor === undefined || head[0] < cursor[0] || head[1] < cursor[1])
        return { ok: false, error: m.headBeforeCursor() };
      // Actions that never ran (an imported script's later lines) may lie beyond the end; the rest may not.
      const ran = actions.value.filter((action) => action.events >= 0).at(-1);
      if (ran !== undefined && before(head, ran)) return { ok: false, error: m.actionAfterHead() };
    } else if (cursor !== undefined && last !== undefined && before(cursor, last)) {
      return { ok: false, error: m.cursorBeforeLastAction() };
    }
    return {
      ok: true,
      scenario: {
        header: header.header,
        actions: actions.value,
        ...(cursor === undefined
          ? {}
          : {
              cursor: { events: cursor[0], t: cursor[1], ...(cursor[2] === undefined ? {} : { actions: cursor[2] }) },
            }),
        ...(head === undefined ? {} : { head: { events: head[0], t: head[1] } }),
      },
    };
  } catch {
    return { ok: false, error: m.unexpectedError() };
  }
}

/** The URL hash for a scenario: `#s=v1....`. */
export function scenarioHash(s: Scenario): string {
  return `#s=${encodeScenario(s)}`;
}

/** Reads `location.hash`: no scenario for an empty hash, an error for one that is not `#s=...` (lessons are read
 *  before this) or does not decode. Never throws. */
export function scenarioFromLocationHash(hash: string): HashScenario {
  if (hash.length > MAX_PAYLOAD_CHARS + 4)
    return { kind: 'error', error: m.hashTooLong(hash.length, MAX_PAYLOAD_CHARS) };
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h === '') return { kind: 'none' };
  // Anything else after the # was meant for us but is not ours to run: say so (lessons are read before this).
  if (!h.startsWith('s=')) return { kind: 'error', error: m.unknownHash(h) };
  const r = decodeScenario(h.slice(2));
  return r.ok ? { kind: 'scenario', scenario: r.scenario } : { kind: 'error', error: r.error };
}

// ---------------------------------------------------------------------------------------------
// The compare view's link: `?compare=A,B` beside the run's `#s=...` (the run shared with its actions timed only by
// simulated time, so each protocol replays them at the same moments; the cursor's time is where both stand).

export type ComparePair = readonly [ProtocolName, ProtocolName];
export const DEFAULT_COMPARE: ComparePair = ['multi-paxos', 'zab'];
export const COMPARE_PARAM = 'compare';

export type CompareSearch =
  | { readonly kind: 'none' }
  | { readonly kind: 'compare'; readonly protocols: ComparePair }
  | { readonly kind: 'error'; readonly error: string };

/** Reads `location.search`: `?compare=A,B` (two different protocols), or `?compare` alone for the default pair. */
export function compareFromSearch(search: string): CompareSearch {
  const value = new URLSearchParams(search).get(COMPARE_PARAM);
  if (value === null) return { kind: 'none' };
  if (value === '') return { kind: 'compare', protocols: DEFAULT_COMPARE };
  const parts = value.split(',').map((part) => part.trim());
  const [a, b] = parts;
  if (parts.length !== 2 || a === undefined || b === undefined || !isProtocolName(a) || !isProtocolName(b) || a === b)
    return { kind: 'error', error: m.badCompare(value, PROTOCOL_NAMES) };
  return { kind: 'compare', protocols: [a, b] };
}

/** `search` with the compare pair set (null: taken out); other parameters kept. */
export function compareSearch(search: string, protocols: ComparePair | null): string {
  const params = new URLSearchParams(search);
  if (protocols === null) params.delete(COMPARE_PARAM);
  else params.set(COMPARE_PARAM, protocols.join(','));
  // The comma is legal in a query: keep it readable.
  const out = params.toString().replace(/%2C/gi, ',');
  return out === '' ? '' : `?${out}`;
}

/** The compare view's run at time `t`, as its link holds it: the actions up to `t`, timed by simulated time only. */
export function compareScenario(s: Scenario, t: number): Scenario {
  return {
    header: s.header,
    actions: s.actions.filter((action) => action.t <= t).map((action) => ({ ...action, events: -1 })),
    cursor: { events: 0, t },
  };
}
