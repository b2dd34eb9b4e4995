// The scenario-script parser (../../shared/reference/script-language.md): text -> Script.
// Never throws: every line that cannot be parsed becomes a ParseError naming it.
import type { MultiOp, SessionName } from '../zk/types';
import { type Line, type ParseError, type ParseResult, type ServerNumber } from './ast';
import { BUG_NAMES, DEFAULT_HEADER, type Header, type LatencyRange } from '../sim/config';
import { type BugName, type ProtocolName } from '../protocol';
import { type ClientCommand } from '../zk/commands';
import { lex, type Token } from './lex';
import { scriptText } from './text';

/** The largest ensemble a script may declare (the app further limits it to 25). */
export const MAX_SERVERS = 101;
export const PROTOCOLS: readonly ProtocolName[] = ['multi-paxos', 'basic-paxos'];

export const CLIENT_COMMANDS = ['create', 'get', 'set', 'delete', 'deleteall', 'ls', 'stat', 'sync', 'multi'] as const;
export const MULTI_OPS = ['check', 'create', 'set', 'delete'] as const;
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

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

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
// Small value parsers. Each returns the value or an error message.

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

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
    } else if (
      (code > 0x0000 && code <= 0x001f) ||
      (code >= 0x007f && code <= 0x009f) ||
      (code >= 0xd800 && code <= 0xf8ff) ||
      (code >= 0xfff0 && code <= 0xffff)
    ) {
      return scriptText.pathInvalidChar(i);
    }
    last = c;
  }
  return null;
}

function parsePath(token: Token, sequential: boolean): Parsed<string> {
  const problem = pathProblem(token.value, sequential);
  return problem === null ? ok(token.value) : fail(scriptText.invalidPath(token.value, problem));
}

function parseVersion(text: string): Parsed<number> {
  if (!/^-?\d+$/.test(text)) return fail(scriptText.versionNotNumber(text));
  const v = Number(text);
  if (v < INT32_MIN || v > INT32_MAX) return fail(scriptText.versionOutOfRange(text));
  return ok(v === 0 ? 0 : v); // no -0
}

function parseServer(token: Token, servers: number): Parsed<ServerNumber> {
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

function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text);
  if (m === null || m[1] === undefined || m[2] === undefined) return null;
  return durationMs(m[1], m[2]);
}

function parsePercent(setting: string, text: string): Parsed<number> {
  const m = /^(\d+(?:\.\d{1,6})?)%$/.exec(text);
  if (m === null || m[1] === undefined) return fail(scriptText.badPercent(setting, text));
  const pct = Number(m[1]);
  if (!(pct <= 100)) return fail(scriptText.badPercent(setting, text));
  return ok(pct / 100);
}

function parseLatency(text: string): Parsed<LatencyRange> {
  const range = /^(\d+(?:\.\d+)?)(ms|s)?\.\.(\d+(?:\.\d+)?)(ms|s)$/.exec(text);
  if (range !== null && range[1] !== undefined && range[3] !== undefined && range[4] !== undefined) {
    const min = durationMs(range[1], range[2] ?? range[4]);
    const max = durationMs(range[3], range[4]);
    if (min === null || max === null) return fail(scriptText.badLatency(text));
    if (min > max) return fail(scriptText.latencyMinAboveMax(min, max));
    return ok({ minMs: min, maxMs: max });
  }
  const single = parseDuration(text);
  if (single === null) return fail(scriptText.badLatency(text));
  return ok({ minMs: single, maxMs: single });
}

// ---------------------------------------------------------------------------------------------
// Client commands, zkCli style: flags may come anywhere (and be combined, "-sw"), an option's
// value may follow it or be attached ("-v 0", "-v0"), "--" ends the flags.

interface CommandSpec {
  readonly usage: string;
  /** Flags without a value. */
  readonly flags: string;
  /** Flags that take a value (only -v here). */
  readonly valueFlags: string;
}

interface GetoptResult {
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  readonly args: readonly Token[];
}

function getopt(cmd: string, spec: CommandSpec, tokens: readonly Token[]): Parsed<GetoptResult> {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const args: Token[] = [];
  let flagsOver = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined) break;
    const v = t.value;
    if (flagsOver || t.quoted || !v.startsWith('-') || v.length < 2) {
      args.push(t);
      continue;
    }
    if (v === '--') {
      flagsOver = true;
      continue;
    }
    if (v.startsWith('--')) return fail(scriptText.unknownFlag(v, cmd, spec.usage));
    for (let j = 1; j < v.length; j++) {
      const ch = v.charAt(j);
      if (spec.flags.includes(ch)) {
        flags.add(ch);
        continue;
      }
      if (spec.valueFlags.includes(ch)) {
        const attached = v.slice(j + 1);
        if (attached.length > 0) {
          values.set(ch, attached);
        } else {
          const next = tokens[i + 1];
          if (next === undefined || next.separator) return fail(scriptText.flagNeedsValue(`-${ch}`, cmd, spec.usage));
          values.set(ch, next.value);
          i++;
        }
        break;
      }
      if (/^-\d/.test(v)) return fail(scriptText.unknownFlagNegativeData(v, cmd));
      return fail(scriptText.unknownFlag(`-${ch}`, cmd, spec.usage));
    }
  }
  return ok({ flags, values, args });
}

const SPECS = {
  create: { usage: 'create [-e] [-s] path [data]', flags: 'es', valueFlags: '' },
  get: { usage: 'get [-s] [-w] path', flags: 'sw', valueFlags: '' },
  set: { usage: 'set [-s] [-v version] path data', flags: 's', valueFlags: 'v' },
  delete: { usage: 'delete [-v version] path', flags: '', valueFlags: 'v' },
  deleteall: { usage: 'deleteall path', flags: '', valueFlags: '' },
  ls: { usage: 'ls [-s] [-w] [-R] path', flags: 'swR', valueFlags: '' },
  stat: { usage: 'stat [-w] path', flags: 'w', valueFlags: '' },
  sync: { usage: 'sync path', flags: '', valueFlags: '' },
  multiSet: { usage: 'set [-v version] path data', flags: '', valueFlags: 'v' },
  check: { usage: 'check path version', flags: '', valueFlags: '' },
} as const satisfies Record<string, CommandSpec>;

interface Positional {
  readonly path: string;
  readonly rest: readonly Token[];
}

/** The path and what follows it; `maxRest` words may follow. */
function positional(
  cmd: string,
  spec: CommandSpec,
  o: GetoptResult,
  sequential: boolean,
  maxRest: number,
): Parsed<Positional> {
  const [first, ...rest] = o.args;
  if (first === undefined) return fail(scriptText.missingPath(cmd, spec.usage));
  const path = parsePath(first, sequential);
  if (!path.ok) return path;
  const extra = rest[maxRest];
  if (extra !== undefined) return fail(scriptText.tooManyWords(cmd, extra.value, spec.usage));
  return ok({ path: path.value, rest });
}

function versionOf(o: GetoptResult): Parsed<number> {
  const v = o.values.get('v');
  return v === undefined ? ok(-1) : parseVersion(v);
}

function parseCreateArgs(
  cmd: string,
  tokens: readonly Token[],
): Parsed<{ path: string; data: string; ephemeral: boolean; sequential: boolean }> {
  const spec = SPECS.create;
  const o = getopt(cmd, spec, tokens);
  if (!o.ok) return o;
  const sequential = o.value.flags.has('s');
  const p = positional(cmd, spec, o.value, sequential, 1);
  if (!p.ok) return p;
  return ok({ path: p.value.path, data: p.value.rest[0]?.value ?? '', ephemeral: o.value.flags.has('e'), sequential });
}

function parseSetArgs(
  cmd: string,
  spec: CommandSpec,
  tokens: readonly Token[],
): Parsed<{ path: string; data: string; version: number; stat: boolean }> {
  const o = getopt(cmd, spec, tokens);
  if (!o.ok) return o;
  const p = positional(cmd, spec, o.value, false, 1);
  if (!p.ok) return p;
  const data = p.value.rest[0];
  if (data === undefined) return fail(scriptText.missingData(cmd, spec.usage));
  const version = versionOf(o.value);
  if (!version.ok) return version;
  return ok({ path: p.value.path, data: data.value, version: version.value, stat: o.value.flags.has('s') });
}

function parseDeleteArgs(cmd: string, tokens: readonly Token[]): Parsed<{ path: string; version: number }> {
  const spec = SPECS.delete;
  const o = getopt(cmd, spec, tokens);
  if (!o.ok) return o;
  const p = positional(cmd, spec, o.value, false, 0);
  if (!p.ok) return p;
  const version = versionOf(o.value);
  if (!version.ok) return version;
  return ok({ path: p.value.path, version: version.value });
}

function parseMultiOp(tokens: readonly Token[]): Parsed<MultiOp> {
  const [head, ...args] = tokens;
  if (head === undefined) return fail(scriptText.emptyMulti());
  const name = head.quoted ? `"${head.value}"` : head.value;
  switch (head.quoted ? '' : head.value) {
    case 'check': {
      const spec = SPECS.check;
      const [pathTok, versionTok, extra] = args;
      if (pathTok === undefined) return fail(scriptText.missingPath('check', spec.usage));
      const path = parsePath(pathTok, false);
      if (!path.ok) return path;
      if (versionTok === undefined) return fail(scriptText.missingVersion('check', spec.usage));
      const version = parseVersion(versionTok.value);
      if (!version.ok) return version;
      if (extra !== undefined) return fail(scriptText.tooManyWords('check', extra.value, spec.usage));
      return ok({ op: 'check', path: path.value, version: version.value });
    }
    case 'create': {
      const c = parseCreateArgs('create', args);
      if (!c.ok) return c;
      return ok({ op: 'create', ...c.value });
    }
    case 'set': {
      const s = parseSetArgs('set', SPECS.multiSet, args);
      if (!s.ok) return s;
      return ok({ op: 'setData', path: s.value.path, data: s.value.data, version: s.value.version });
    }
    case 'delete': {
      const d = parseDeleteArgs('delete', args);
      if (!d.ok) return d;
      return ok({ op: 'delete', ...d.value });
    }
    default:
      return fail(scriptText.unknownMultiOp(name, MULTI_OPS));
  }
}

function parseClientCommand(tokens: readonly Token[], session: string): Parsed<ClientCommand> {
  const [head, ...args] = tokens;
  if (head === undefined || head.separator) return fail(scriptText.missingClientCommand(session));
  const name = head.quoted ? '' : head.value;
  if (name !== 'multi' && (CLIENT_COMMANDS as readonly string[]).includes(name) && args.some((t) => t.separator)) {
    return fail(scriptText.unexpectedSemicolon(name));
  }
  switch (name) {
    case 'create': {
      const c = parseCreateArgs(name, args);
      if (!c.ok) return c;
      return ok({ kind: 'create', ...c.value });
    }
    case 'set': {
      const s = parseSetArgs(name, SPECS.set, args);
      if (!s.ok) return s;
      return ok({ kind: 'set', ...s.value });
    }
    case 'delete': {
      const d = parseDeleteArgs(name, args);
      if (!d.ok) return d;
      return ok({ kind: 'delete', ...d.value });
    }
    case 'get':
    case 'ls':
    case 'stat':
    case 'sync':
    case 'deleteall': {
      const spec = SPECS[name];
      const o = getopt(name, spec, args);
      if (!o.ok) return o;
      const p = positional(name, spec, o.value, false, 0);
      if (!p.ok) return p;
      const path = p.value.path;
      const f = o.value.flags;
      switch (name) {
        case 'get':
          return ok({ kind: 'get', path, stat: f.has('s'), watch: f.has('w') });
        case 'ls':
          return ok({ kind: 'ls', path, stat: f.has('s'), watch: f.has('w'), recursive: f.has('R') });
        case 'stat':
          return ok({ kind: 'stat', path, watch: f.has('w') });
        case 'sync':
          return ok({ kind: 'sync', path });
        case 'deleteall':
          return ok({ kind: 'deleteall', path });
      }
      break;
    }
    case 'multi': {
      const ops: MultiOp[] = [];
      let segment: Token[] = [];
      const segments: Token[][] = [];
      for (const t of args) {
        if (t.separator) {
          segments.push(segment);
          segment = [];
        } else {
          segment.push(t);
        }
      }
      segments.push(segment);
      for (const s of segments) {
        if (s.length === 0) continue; // "a; ; b" and a trailing ';' are harmless
        const op = parseMultiOp(s);
        if (!op.ok) return op;
        ops.push(op.value);
      }
      if (ops.length === 0) return fail(scriptText.emptyMulti());
      return ok({ kind: 'multi', ops });
    }
  }
  return fail(scriptText.unknownCommand(head.quoted ? `"${head.value}"` : head.value, CLIENT_COMMANDS));
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
// One line.

interface InternalResult extends ParseLineResult {
  /** The line is a header line (or a header line that failed), so it does not end the header. */
  readonly isHeader: boolean;
}

function checkSessionName(name: string): string | null {
  if (name.length === 0) return scriptText.missingSessionName();
  if (!SESSION_NAME.test(name)) return scriptText.invalidSessionName(name);
  if (RESERVED.has(name)) return scriptText.reservedSessionName(name);
  return null;
}

function parseOne(text: string, lineNo: number, options: ParseLineOptions): InternalResult {
  const context = options.context ?? 'header';
  const servers = options.servers ?? DEFAULT_HEADER.servers;
  const lexed = lex(text);
  const code = lexed.code;
  const error = (message: string, isHeader = false): InternalResult => ({
    error: { line: lineNo, text: code, message },
    isHeader,
  });
  if (lexed.error !== undefined) return error(lexed.error);
  let tokens = lexed.tokens;
  if (tokens.length === 0) return { isHeader: true };

  let background = false;
  const last = tokens[tokens.length - 1];
  if (last !== undefined && !last.quoted && last.value === '&') {
    background = true;
    tokens = tokens.slice(0, -1);
  }

  // Client command: "c1> cmd", "c1>cmd", "c1 > cmd".
  const first = tokens[0];
  const second = tokens[1];
  if (first !== undefined && !first.quoted && !first.separator) {
    let session: string | null = null;
    let rest: Token[] = [];
    const gt = first.value.indexOf('>');
    if (gt >= 0) {
      session = first.value.slice(0, gt);
      const after = first.value.slice(gt + 1);
      rest = after.length > 0 ? [{ value: after, quoted: false, separator: false }] : [];
      rest.push(...tokens.slice(1));
    } else if (second !== undefined && !second.quoted && second.value.startsWith('>')) {
      session = first.value;
      const after = second.value.slice(1);
      rest = after.length > 0 ? [{ value: after, quoted: false, separator: false }] : [];
      rest.push(...tokens.slice(2));
    }
    if (session !== null) {
      const bad = checkSessionName(session);
      if (bad !== null) return error(bad);
      const command = parseClientCommand(rest, session);
      if (!command.ok) return error(command.message);
      return {
        line: { kind: 'client', line: lineNo, text: code, session, command: command.value, background },
        isHeader: false,
      };
    }
  }
  if (first === undefined) return error(scriptText.backgroundOnlyForClients());
  if (first.quoted || first.separator)
    return error(scriptText.unknownCommand(first.quoted ? `"${first.value}"` : first.value, LINE_COMMANDS));

  const word = first.value;
  const args = tokens.slice(1);
  const isHeaderWord = (HEADER_WORDS as readonly string[]).includes(word);
  const isNetworkWord = (NETWORK_WORDS as readonly string[]).includes(word);
  if (background)
    return error(scriptText.backgroundOnlyForClients(), isHeaderWord || (isNetworkWord && context === 'header'));
  if (tokens.some((t) => t.separator)) return error(scriptText.unexpectedSemicolon(word), isHeaderWord);

  if (isHeaderWord) {
    if (context === 'console') return error(scriptText.headerInConsole(word), true);
    if (context === 'body') return error(scriptText.headerAfterCommands(code, options.firstCommandLine), true);
    const h = parseHeaderLine(word, args);
    if (!h.ok) return error(h.message, true);
    return { header: h.value, isHeader: true };
  }
  if (isNetworkWord) {
    const n = parseNetwork(tokens);
    if (!n.ok) return error(n.message, context === 'header');
    if (context === 'header') return { header: n.value, isHeader: true };
    return { line: { kind: 'network', line: lineNo, text: code, ...n.value }, isHeader: false };
  }

  const lineOf = (l: Line): InternalResult => ({ line: l, isHeader: false });
  switch (word) {
    case 'kill':
    case 'restart': {
      const [s, extra] = args;
      if (s === undefined || extra !== undefined) return error(scriptText.serverCommandNeedsOne(word));
      const server = parseServer(s, servers);
      if (!server.ok) return error(server.message);
      return lineOf({ kind: word, line: lineNo, text: code, server: server.value });
    }
    case 'partition': {
      const words = args.flatMap((t) =>
        t.quoted
          ? [t]
          : t.value
              .split(/(\|)/)
              .filter((w) => w.length > 0)
              .map((w) => ({ value: w, quoted: false, separator: false })),
      );
      const groups: ServerNumber[][] = [[]];
      const seen = new Set<number>();
      for (const w of words) {
        if (!w.quoted && w.value === '|') {
          groups.push([]);
          continue;
        }
        const s = parseServer(w, servers);
        if (!s.ok) return error(s.message);
        if (seen.has(s.value)) return error(scriptText.partitionDuplicate(`n${s.value}`));
        seen.add(s.value);
        groups[groups.length - 1]?.push(s.value);
      }
      if (groups.length < 2) return error(scriptText.partitionUsage());
      if (groups.some((g) => g.length === 0)) return error(scriptText.partitionEmptyGroup());
      const missing: string[] = [];
      for (let k = 1; k <= servers; k++) if (!seen.has(k)) missing.push(`n${k}`);
      if (missing.length > 0) return error(scriptText.partitionMissing(missing));
      return lineOf({ kind: 'partition', line: lineNo, text: code, groups });
    }
    case 'cut':
    case 'heal': {
      const words = args.flatMap((t) =>
        t.quoted
          ? [t]
          : t.value
              .split(/(->)/)
              .filter((w) => w.length > 0)
              .map((w) => ({ value: w, quoted: false, separator: false })),
      );
      if (word === 'heal' && words.length === 0)
        return lineOf({ kind: 'heal', line: lineNo, text: code, oneWay: false });
      let a: Token | undefined;
      let b: Token | undefined;
      let oneWay = false;
      const [w0, w1, w2] = words;
      if (words.length === 2) {
        a = w0;
        b = w1;
      } else if (words.length === 3 && w1 !== undefined && !w1.quoted && w1.value === '->') {
        a = w0;
        b = w2;
        oneWay = true;
      }
      if (a === undefined || b === undefined) return error(scriptText.linkUsage(word));
      const from = parseServer(a, servers);
      if (!from.ok) return error(from.message);
      const to = parseServer(b, servers);
      if (!to.ok) return error(to.message);
      if (from.value === to.value) return error(scriptText.linkSameServer(word, `n${from.value}`));
      return lineOf({ kind: word, line: lineNo, text: code, from: from.value, to: to.value, oneWay });
    }
    case 'wait': {
      const [d, extra] = args;
      if (d === undefined || extra !== undefined) return error(scriptText.waitUsage());
      const ms = parseDuration(d.value);
      if (ms === null) return error(scriptText.badDuration('wait', d.value));
      return lineOf({ kind: 'wait', line: lineNo, text: code, ms });
    }
    case 'settle': {
      const [extra] = args;
      if (extra !== undefined) return error(scriptText.settleTakesNothing(extra.value));
      return lineOf({ kind: 'settle', line: lineNo, text: code });
    }
  }

  // A client command written without its session.
  if ((CLIENT_COMMANDS as readonly string[]).includes(word)) return error(scriptText.clientCommandWithoutSession(code));

  // Session lines: "c1 connect n2", "c1 close", "c1 expire".
  if (second !== undefined && SESSION_NAME.test(word)) {
    const verb = second.quoted ? `"${second.value}"` : second.value;
    if (!second.quoted && (verb === 'connect' || verb === 'close' || verb === 'expire')) {
      const bad = checkSessionName(word);
      if (bad !== null) return error(bad);
      const session: SessionName = word;
      const rest = tokens.slice(2);
      if (verb === 'connect') {
        const [s, extra] = rest;
        if (s === undefined) return error(scriptText.sessionNeedsServer(word));
        if (extra !== undefined)
          return error(scriptText.tooManyWords(`${word} connect`, extra.value, `${word} connect nK`));
        const server = parseServer(s, servers);
        if (!server.ok) return error(server.message);
        return lineOf({ kind: 'connect', line: lineNo, text: code, session, server: server.value });
      }
      const [extra] = rest;
      if (extra !== undefined) return error(scriptText.tooManyWords(`${word} ${verb}`, extra.value, `${word} ${verb}`));
      return lineOf({ kind: verb, line: lineNo, text: code, session });
    }
    return error(scriptText.unknownSessionCommand(word, verb));
  }
  return error(scriptText.unknownCommand(word, LINE_COMMANDS));
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
  sources.forEach((src, index) => {
    const lineNo = index + 1;
    const inHeader = firstCommandLine === undefined;
    const r = parseOne(src, lineNo, {
      context: inHeader ? 'header' : 'body',
      servers: header.servers,
      ...(firstCommandLine === undefined ? {} : { firstCommandLine }),
    });
    if (inHeader && !r.isHeader) firstCommandLine = lineNo;
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
