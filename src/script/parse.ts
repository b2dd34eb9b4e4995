// The scenario-script parser (../../shared/reference/script-language.md): text -> Script.
// Never throws: every line that cannot be parsed becomes a ParseError naming it. A line's first word picks its
// parser from a table (LINE_PARSERS here, CLIENT_PARSERS in client.ts for the commands after "c1>").
import type { SessionName } from '../zk/types';
import { type Line, type ParseError, type ParseResult } from './ast';
import type { ServerId } from '../protocol/types';
import { BUG_NAMES, DEFAULT_HEADER, type Header, type LatencyRange } from '../sim/config';
import { type BugName, PROTOCOL_NAMES } from '../protocol';
import { CLIENT_COMMANDS, isClientCommand, parseClientCommand } from './client';
import { lex, type Token } from './lex';
import { scriptText } from './text';
import { fail, LEADER, ok, parseDuration, parseLatency, parsePercent, parseServer, type Parsed } from './values';

export { CLIENT_COMMANDS, MULTI_OPS } from './client';
export { pathProblem } from './values';

/** The largest ensemble a script may declare (the app further limits it to 25). */
export const MAX_SERVERS = 101;
/** The protocols a header may name (the registry's). */
export const PROTOCOLS = PROTOCOL_NAMES;

export const HEADER_WORDS = ['servers', 'seed', 'protocol', 'session-timeout', 'bug'] as const;
export const NETWORK_WORDS = ['loss', 'dup', 'latency'] as const;
export const FAULT_WORDS = ['kill', 'restart', 'partition', 'cut', 'heal', 'wait', 'settle'] as const;
export const SESSION_WORDS = ['connect', 'close', 'expire'] as const;
/** What may start a line that is not a client command (for "unknown command" messages). */
export const LINE_COMMANDS: readonly string[] = [
  'c1> COMMAND',
  'c1 connect nK',
  'c1 close',
  'c1 expire',
  ...FAULT_WORDS,
  ...NETWORK_WORDS,
  ...HEADER_WORDS,
];

const SESSION_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const RESERVED: ReadonlySet<string> = new Set<string>([
  ...CLIENT_COMMANDS,
  ...HEADER_WORDS,
  ...NETWORK_WORDS,
  ...FAULT_WORDS,
  ...SESSION_WORDS,
]);

/** Where a line sits: among the header lines, after them, or typed into the app's console. */
export type LineContext = 'header' | 'body' | 'console';

export interface ParseLineOptions {
  /** 'header' (default): header lines are accepted and `loss/dup/latency` set the header.
   *  'body': header lines are errors; `loss/dup/latency` are network changes.
   *  'console': like 'body', but header lines get the console's own message. */
  readonly context?: LineContext;
  /** The ensemble size server references are checked against (default 3). */
  readonly servers?: number;
  /** For the "header after the first command" message, in 'body' context. */
  readonly firstCommandLine?: number;
}

export interface ParseLineResult {
  readonly line?: Line;
  readonly error?: ParseError;
  readonly header?: Partial<Header>;
}

/** Joins a ParseError's line number and message: `line 3: unknown command "foo"; ...`. */
export function formatParseError(error: ParseError): string {
  return scriptText.errorAtLine(error.line, error.message);
}

// ---------------------------------------------------------------------------------------------
// Network settings: "loss 10% dup 5% latency 5..300ms" in any order, each at most once.

interface NetworkSettings {
  loss?: number;
  dup?: number;
  latency?: LatencyRange;
}

function parseNetwork(tokens: readonly Token[]): Parsed<NetworkSettings> {
  const out: NetworkSettings = {};
  for (let i = 0; i < tokens.length; i += 2) {
    const key = tokens[i];
    if (key === undefined) break;
    const word = key.quoted ? '' : key.value;
    if (word !== 'loss' && word !== 'dup' && word !== 'latency') return fail(scriptText.networkUsage(key.value));
    if (out[word] !== undefined) return fail(scriptText.networkDuplicate(word));
    const value = tokens[i + 1];
    if (value === undefined) return fail(scriptText.networkMissingValue(word));
    if (word === 'latency') {
      const l = parseLatency(value.value);
      if (!l.ok) return l;
      out.latency = l.value;
    } else {
      const p = parsePercent(word, value.value);
      if (!p.ok) return p;
      out[word] = p.value;
    }
  }
  return ok(out);
}

// ---------------------------------------------------------------------------------------------
// Header lines.

function parseHeaderLine(word: string, args: readonly Token[]): Parsed<Partial<Header>> {
  if (word === 'bug') {
    if (args.length === 0) return fail(scriptText.bugNeedsName(BUG_NAMES));
    const bugs: BugName[] = [];
    for (const a of args) {
      const found = BUG_NAMES.find((b) => b === a.value);
      if (found === undefined) return fail(scriptText.unknownBug(a.value, BUG_NAMES));
      if (!bugs.includes(found)) bugs.push(found);
    }
    return ok({ bugs });
  }
  const examples: Readonly<Record<string, string>> = {
    servers: 'servers 5',
    seed: 'seed 42',
    protocol: 'protocol multi-paxos',
    'session-timeout': 'session-timeout 4000ms',
  };
  const [value, extra] = args;
  if (value === undefined || extra !== undefined)
    return fail(scriptText.headerNeedsOneValue(word, examples[word] ?? word));
  const v = value.value;
  switch (word) {
    case 'servers': {
      const n = /^\d+$/.test(v) ? Number(v) : NaN;
      if (!(n >= 1 && n <= MAX_SERVERS)) return fail(scriptText.badServers(v, MAX_SERVERS));
      return ok({ servers: n });
    }
    case 'seed': {
      const n = /^\d+$/.test(v) ? Number(v) : NaN;
      if (!Number.isSafeInteger(n)) return fail(scriptText.badSeed(v));
      return ok({ seed: n });
    }
    case 'protocol': {
      const p = PROTOCOLS.find((x) => x === v);
      if (p === undefined) return fail(scriptText.badProtocol(v, PROTOCOLS));
      return ok({ protocol: p });
    }
    default: {
      const ms = parseDuration(v);
      if (ms === null || ms <= 0) return fail(scriptText.badSessionTimeout(v));
      return ok({ sessionTimeoutMs: ms });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// One line: the first word picks the parser.

interface InternalResult extends ParseLineResult {
  /** The line is a header line (or a header line that failed), so it does not end the header. */
  readonly isHeader: boolean;
}

/** What a line parser gets besides its words: where the line is, and how to build its result. */
interface LineSite {
  readonly lineNo: number;
  readonly code: string;
  readonly servers: number;
}

/** A line's parse: the Line, or the message that says what is wrong. */
type LineParser = (args: readonly Token[], site: LineSite) => Parsed<Line>;

/** "n1|n2" and "n1->n3" are several words: split unquoted words at `mark`, keeping the mark. */
function splitAt(args: readonly Token[], mark: RegExp): Token[] {
  return args.flatMap((t) =>
    t.quoted
      ? [t]
      : t.value
          .split(mark)
          .filter((w) => w.length > 0)
          .map((w) => ({ value: w, quoted: false, separator: false })),
  );
}

function serverLine(kind: 'kill' | 'restart'): LineParser {
  return (args, site) => {
    const [s, extra] = args;
    if (s === undefined || extra !== undefined) return fail(scriptText.serverCommandNeedsOne(kind));
    const server = parseServer(s, site.servers);
    if (!server.ok) return server;
    return ok({ kind, line: site.lineNo, text: site.code, server: server.value });
  };
}

function parsePartition(args: readonly Token[], site: LineSite): Parsed<Line> {
  const groups: ServerId[][] = [[]];
  const seen = new Set<number>();
  for (const w of splitAt(args, /(\|)/)) {
    if (!w.quoted && w.value === '|') {
      groups.push([]);
      continue;
    }
    const s = parseServer(w, site.servers);
    if (!s.ok) return s;
    if (seen.has(s.value)) return fail(scriptText.partitionDuplicate(s.value === LEADER ? 'leader' : `n${s.value}`));
    seen.add(s.value);
    groups[groups.length - 1]?.push(s.value);
  }
  if (groups.length < 2) return fail(scriptText.partitionUsage());
  if (groups.some((g) => g.length === 0)) return fail(scriptText.partitionEmptyGroup());
  const missing: string[] = [];
  for (let k = 1; k <= site.servers; k++) if (!seen.has(k)) missing.push(`n${k}`);
  // `leader` stands for one server not named otherwise (checked again when the line runs).
  if (missing.length > (seen.has(LEADER) ? 1 : 0)) return fail(scriptText.partitionMissing(missing));
  return ok({ kind: 'partition', line: site.lineNo, text: site.code, groups });
}

function linkLine(kind: 'cut' | 'heal'): LineParser {
  return (args, site) => {
    const words = splitAt(args, /(->)/);
    if (kind === 'heal' && words.length === 0) return ok({ kind, line: site.lineNo, text: site.code, oneWay: false });
    const [w0, w1, w2] = words;
    const oneWay = words.length === 3 && w1 !== undefined && !w1.quoted && w1.value === '->';
    const [a, b] = words.length === 2 ? [w0, w1] : oneWay ? [w0, w2] : [undefined, undefined];
    if (a === undefined || b === undefined) return fail(scriptText.linkUsage(kind));
    const from = parseServer(a, site.servers);
    if (!from.ok) return from;
    const to = parseServer(b, site.servers);
    if (!to.ok) return to;
    if (from.value === to.value)
      return fail(scriptText.linkSameServer(kind, from.value === LEADER ? 'leader' : `n${from.value}`));
    return ok({ kind, line: site.lineNo, text: site.code, from: from.value, to: to.value, oneWay });
  };
}

function parseWait(args: readonly Token[], site: LineSite): Parsed<Line> {
  const [d, extra] = args;
  if (d === undefined || extra !== undefined) return fail(scriptText.waitUsage());
  const ms = parseDuration(d.value);
  if (ms === null) return fail(scriptText.badDuration('wait', d.value));
  return ok({ kind: 'wait', line: site.lineNo, text: site.code, ms });
}

function parseSettle(args: readonly Token[], site: LineSite): Parsed<Line> {
  const [extra] = args;
  if (extra !== undefined) return fail(scriptText.settleTakesNothing(extra.value));
  return ok({ kind: 'settle', line: site.lineNo, text: site.code });
}

/** The most simulator events an `at` line may run to (what a shared link may hold). */
const MAX_MOMENT_EVENTS = 1_000_000_000;
const MOMENT_MS = /^(\d+(?:\.\d+)?(?:e-\d+)?)ms$/;

/** `at 560.25ms` or `at 560.25ms after 1234 events`: times as JavaScript prints them, so an export is exact. */
function parseAt(args: readonly Token[], site: LineSite): Parsed<Line> {
  const [time, after, count, unit, extra] = args;
  const m = time === undefined ? null : MOMENT_MS.exec(time.value);
  if (m === null || m[1] === undefined) return fail(scriptText.atUsage());
  const ms = Number(m[1]);
  if (after === undefined) return ok({ kind: 'at', line: site.lineNo, text: site.code, ms });
  const events = count === undefined || !/^\d{1,15}$/.test(count.value) ? NaN : Number(count.value);
  if (after.value !== 'after' || !Number.isSafeInteger(events) || unit?.value !== 'events' || extra !== undefined)
    return fail(scriptText.atUsage());
  if (events > MAX_MOMENT_EVENTS) return fail(scriptText.atTooManyEvents(events, MAX_MOMENT_EVENTS));
  return ok({ kind: 'at', line: site.lineNo, text: site.code, ms, events });
}

function parseStop(args: readonly Token[], site: LineSite): Parsed<Line> {
  const [extra] = args;
  if (extra !== undefined) return fail(scriptText.stopTakesNothing(extra.value));
  return ok({ kind: 'stop', line: site.lineNo, text: site.code });
}

/** The moment lines of an exact replay (not console commands: the console runs lines now). */
const MOMENT_PARSERS: Readonly<Record<string, LineParser>> = { at: parseAt, stop: parseStop };

/** One parser per cluster, fault and time command. */
const LINE_PARSERS: Readonly<Record<(typeof FAULT_WORDS)[number], LineParser>> = {
  kill: serverLine('kill'),
  restart: serverLine('restart'),
  partition: parsePartition,
  cut: linkLine('cut'),
  heal: linkLine('heal'),
  wait: parseWait,
  settle: parseSettle,
};

function checkSessionName(name: string): string | null {
  if (name.length === 0) return scriptText.missingSessionName();
  if (!SESSION_NAME.test(name)) return scriptText.invalidSessionName(name);
  if (RESERVED.has(name)) return scriptText.reservedSessionName(name);
  return null;
}

/** Session lines: "c1 connect n2", "c1 close", "c1 expire"; null when the line is not one. */
function parseSessionLine(tokens: readonly Token[], site: LineSite): Parsed<Line> | null {
  const [first, second, ...rest] = tokens;
  if (first === undefined || second === undefined || !SESSION_NAME.test(first.value)) return null;
  const word = first.value;
  const verb = second.quoted ? `"${second.value}"` : second.value;
  if (second.quoted || (verb !== 'connect' && verb !== 'close' && verb !== 'expire'))
    return fail(scriptText.unknownSessionCommand(word, verb));
  const bad = checkSessionName(word);
  if (bad !== null) return fail(bad);
  const session: SessionName = word;
  if (verb !== 'connect') {
    const [extra] = rest;
    if (extra !== undefined) return fail(scriptText.tooManyWords(`${word} ${verb}`, extra.value, `${word} ${verb}`));
    return ok({ kind: verb, line: site.lineNo, text: site.code, session });
  }
  const [s, extra] = rest;
  if (s === undefined) return fail(scriptText.sessionNeedsServer(word));
  if (extra !== undefined) return fail(scriptText.tooManyWords(`${word} connect`, extra.value, `${word} connect nK`));
  const server = parseServer(s, site.servers);
  if (!server.ok) return server;
  return ok({ kind: 'connect', line: site.lineNo, text: site.code, session, server: server.value });
}

/** "c1> cmd", "c1>cmd", "c1 > cmd": the session and the command's words, or null when it is no client line. */
function splitClientLine(tokens: readonly Token[]): { session: string; rest: Token[] } | null {
  const [first, second] = tokens;
  if (first === undefined || first.quoted || first.separator) return null;
  const gt = first.value.indexOf('>');
  const word = (value: string): Token[] => (value.length > 0 ? [{ value, quoted: false, separator: false }] : []);
  if (gt >= 0)
    return { session: first.value.slice(0, gt), rest: [...word(first.value.slice(gt + 1)), ...tokens.slice(1)] };
  if (second !== undefined && !second.quoted && second.value.startsWith('>'))
    return { session: first.value, rest: [...word(second.value.slice(1)), ...tokens.slice(2)] };
  return null;
}

function parseClientLine(split: { session: string; rest: Token[] }, site: LineSite, background: boolean): Parsed<Line> {
  const bad = checkSessionName(split.session);
  if (bad !== null) return fail(bad);
  const command = parseClientCommand(split.rest, split.session);
  if (!command.ok) return command;
  const { lineNo: line, code: text } = site;
  return ok({ kind: 'client', line, text, session: split.session, command: command.value, background });
}

/** Header and network lines: settings in the header, network changes after it. */
function parseSettingLine(tokens: readonly Token[], site: LineSite, options: ParseLineOptions): InternalResult {
  const [first, ...args] = tokens;
  const word = first!.value;
  const context = options.context ?? 'header';
  const error = (message: string, isHeader: boolean): InternalResult => ({
    error: { line: site.lineNo, text: site.code, message },
    isHeader,
  });
  if ((HEADER_WORDS as readonly string[]).includes(word)) {
    if (context === 'console') return error(scriptText.headerInConsole(word), true);
    if (context === 'body') return error(scriptText.headerAfterCommands(site.code, options.firstCommandLine), true);
    const h = parseHeaderLine(word, args);
    return h.ok ? { header: h.value, isHeader: true } : error(h.message, true);
  }
  const n = parseNetwork(tokens);
  if (!n.ok) return error(n.message, context === 'header');
  if (context === 'header') return { header: n.value, isHeader: true };
  return { line: { kind: 'network', line: site.lineNo, text: site.code, ...n.value }, isHeader: false };
}

/** A trailing unquoted "&" runs a client command in the background. */
function splitBackground(tokens: readonly Token[]): { tokens: readonly Token[]; background: boolean } {
  const last = tokens[tokens.length - 1];
  const background = last !== undefined && !last.quoted && last.value === '&';
  return { tokens: background ? tokens.slice(0, -1) : tokens, background };
}

function parseOne(text: string, lineNo: number, options: ParseLineOptions): InternalResult {
  const lexed = lex(text);
  const site: LineSite = { lineNo, code: lexed.code, servers: options.servers ?? DEFAULT_HEADER.servers };
  const error = (message: string, isHeader = false): InternalResult => ({
    error: { line: lineNo, text: lexed.code, message },
    isHeader,
  });
  const result = (parsed: Parsed<Line>): InternalResult =>
    parsed.ok ? { line: parsed.value, isHeader: false } : error(parsed.message);
  if (lexed.error !== undefined) return error(lexed.error);
  if (lexed.tokens.length === 0) return { isHeader: true };
  const { tokens, background } = splitBackground(lexed.tokens);
  const client = splitClientLine(tokens);
  if (client !== null) return result(parseClientLine(client, site, background));
  const first = tokens[0];
  if (first === undefined) return error(scriptText.backgroundOnlyForClients());
  if (first.quoted || first.separator)
    return error(scriptText.unknownCommand(first.quoted ? `"${first.value}"` : first.value, LINE_COMMANDS));
  const word = first.value;
  const isHeaderWord = (HEADER_WORDS as readonly string[]).includes(word);
  const isNetworkWord = (NETWORK_WORDS as readonly string[]).includes(word);
  if (background)
    return error(
      scriptText.backgroundOnlyForClients(),
      isHeaderWord || (isNetworkWord && (options.context ?? 'header') === 'header'),
    );
  if (tokens.some((t) => t.separator)) return error(scriptText.unexpectedSemicolon(word), isHeaderWord);
  if (isHeaderWord || isNetworkWord) return parseSettingLine(tokens, site, options);
  const moment = Object.hasOwn(MOMENT_PARSERS, word) ? MOMENT_PARSERS[word] : undefined;
  if (moment !== undefined && (tokens[1]?.quoted === true || !SESSION_WORDS.some((w) => w === tokens[1]?.value))) {
    if ((options.context ?? 'header') === 'console') return error(scriptText.momentInConsole(word));
    return result(moment(tokens.slice(1), site));
  }
  if ((FAULT_WORDS as readonly string[]).includes(word))
    return result(LINE_PARSERS[word as (typeof FAULT_WORDS)[number]](tokens.slice(1), site));
  // A client command written without its session.
  if (isClientCommand(word)) return error(scriptText.clientCommandWithoutSession(site.code));
  return result(parseSessionLine(tokens, site) ?? fail(scriptText.unknownCommand(word, LINE_COMMANDS)));
}

/**
 * Parses one line. By default (context 'header') header lines are accepted and returned as
 * `header`; pass `{ context: 'console' }` for the app's console, which rejects them, and the
 * ensemble size as `servers`. A blank or comment-only line returns `{}`.
 */
export function parseLine(text: string, lineNo: number, options: ParseLineOptions = {}): ParseLineResult {
  const r = parseOne(text, lineNo, options);
  const out: { line?: Line; error?: ParseError; header?: Partial<Header> } = {};
  if (r.line !== undefined) out.line = r.line;
  if (r.error !== undefined) out.error = r.error;
  if (r.header !== undefined) out.header = r.header;
  return out;
}

/** The console's parser: one line at a time, no header lines. */
export function parseConsoleLine(text: string, lineNo: number, servers: number): ParseLineResult {
  return parseLine(text, lineNo, { context: 'console', servers });
}

const HEADER_KEY_WORD: Readonly<Record<Exclude<keyof Header, 'bugs'>, string>> = {
  servers: 'servers',
  seed: 'seed',
  protocol: 'protocol',
  latency: 'latency',
  loss: 'loss',
  dup: 'dup',
  sessionTimeoutMs: 'session-timeout',
};

/** Parses a whole script: every valid line, and every error (the rest is still parsed). */
export function parseScript(text: string): ParseResult {
  const sources = text.split(/\r\n|\n|\r/);
  let header: Header = DEFAULT_HEADER;
  const setAt = new Map<string, number>();
  const lines: Line[] = [];
  const errors: ParseError[] = [];
  let firstCommandLine: number | undefined;
  let stopLine: number | undefined;
  sources.forEach((src, index) => {
    const lineNo = index + 1;
    const inHeader = firstCommandLine === undefined;
    const r = parseOne(src, lineNo, {
      context: inHeader ? 'header' : 'body',
      servers: header.servers,
      ...(firstCommandLine === undefined ? {} : { firstCommandLine }),
    });
    if (inHeader && !r.isHeader) firstCommandLine = lineNo;
    if (stopLine !== undefined && r.line !== undefined) {
      errors.push({ line: lineNo, text: r.line.text, message: scriptText.lineAfterStop(stopLine) });
      return;
    }
    if (r.line?.kind === 'stop') stopLine = lineNo;
    if (r.error !== undefined) errors.push(r.error);
    if (r.line !== undefined) lines.push(r.line);
    const h = r.header;
    if (h !== undefined) {
      for (const key of Object.keys(HEADER_KEY_WORD) as (keyof typeof HEADER_KEY_WORD)[]) {
        const first = h[key] === undefined ? undefined : setAt.get(key);
        if (first !== undefined) {
          errors.push({
            line: lineNo,
            text: lex(src).code,
            message: scriptText.headerDuplicate(HEADER_KEY_WORD[key], first),
          });
          return;
        }
      }
      for (const key of Object.keys(HEADER_KEY_WORD)) if (key in h) setAt.set(key, lineNo);
      const bugs = [...header.bugs];
      for (const b of h.bugs ?? []) if (!bugs.includes(b)) bugs.push(b);
      header = { ...header, ...h, bugs };
    }
  });
  return { script: { header, lines }, errors };
}
