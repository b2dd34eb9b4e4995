// Client commands, zkCli style: one parser per command, looked up in a table. Flags may come anywhere (and be
// combined, "-sw"), an option's value may follow it or be attached ("-v 0", "-v0"), "--" ends the flags.
import type { ClientCommand } from '../zk/commands';
import type { MultiOp } from '../zk/types';
import type { Token } from './lex';
import { scriptText } from './text';
import { fail, ok, parsePath, parseVersion, type Parsed } from './values';

export const CLIENT_COMMANDS = ['create', 'get', 'set', 'delete', 'deleteall', 'ls', 'stat', 'sync', 'multi'] as const;
export const MULTI_OPS = ['check', 'create', 'set', 'delete'] as const;

type ClientCommandName = (typeof CLIENT_COMMANDS)[number];
type MultiOpName = (typeof MULTI_OPS)[number];

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

/** One word of flags ("-sw", "-v0", "-v" with its value in the next token). Returns how many tokens it used. */
function flagWord(
  cmd: string,
  spec: CommandSpec,
  tokens: readonly Token[],
  i: number,
  flags: Set<string>,
  values: Map<string, string>,
): Parsed<number> {
  const v = tokens[i]!.value;
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
        return ok(1);
      }
      const next = tokens[i + 1];
      if (next === undefined || next.separator) return fail(scriptText.flagNeedsValue(`-${ch}`, cmd, spec.usage));
      values.set(ch, next.value);
      return ok(2);
    }
    if (/^-\d/.test(v)) return fail(scriptText.unknownFlagNegativeData(v, cmd));
    return fail(scriptText.unknownFlag(`-${ch}`, cmd, spec.usage));
  }
  return ok(1);
}

function getopt(cmd: string, spec: CommandSpec, tokens: readonly Token[]): Parsed<GetoptResult> {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const args: Token[] = [];
  let flagsOver = false;
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    if (flagsOver || t.quoted || !t.value.startsWith('-') || t.value.length < 2) {
      args.push(t);
      i++;
    } else if (t.value === '--') {
      flagsOver = true;
      i++;
    } else {
      const used = flagWord(cmd, spec, tokens, i, flags, values);
      if (!used.ok) return used;
      i += used.value;
    }
  }
  return ok({ flags, values, args });
}

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

function parseCheckOp(args: readonly Token[]): Parsed<MultiOp> {
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

const map = <A, B>(parsed: Parsed<A>, f: (value: A) => B): Parsed<B> => (parsed.ok ? ok(f(parsed.value)) : parsed);

/** One parser per multi sub-operation. */
const MULTI_OP_PARSERS: Readonly<Record<MultiOpName, (args: readonly Token[]) => Parsed<MultiOp>>> = {
  check: parseCheckOp,
  create: (args) => map(parseCreateArgs('create', args), (c): MultiOp => ({ op: 'create', ...c })),
  set: (args) =>
    map(parseSetArgs('set', SPECS.multiSet, args), (s): MultiOp => ({
      op: 'setData',
      path: s.path,
      data: s.data,
      version: s.version,
    })),
  delete: (args) => map(parseDeleteArgs('delete', args), (d): MultiOp => ({ op: 'delete', ...d })),
};

function parseMultiOp(head: Token, args: readonly Token[]): Parsed<MultiOp> {
  const word = head.quoted ? '' : head.value;
  if ((MULTI_OPS as readonly string[]).includes(word)) return MULTI_OP_PARSERS[word as MultiOpName](args);
  return fail(scriptText.unknownMultiOp(head.quoted ? `"${head.value}"` : head.value, MULTI_OPS));
}

function parseMulti(args: readonly Token[]): Parsed<ClientCommand> {
  const segments: Token[][] = [[]];
  for (const t of args) {
    if (t.separator) segments.push([]);
    else segments[segments.length - 1]!.push(t);
  }
  const ops: MultiOp[] = [];
  for (const [head, ...rest] of segments) {
    if (head === undefined) continue; // "a; ; b" and a trailing ';' are harmless
    const op = parseMultiOp(head, rest);
    if (!op.ok) return op;
    ops.push(op.value);
  }
  // No sub-ops at all ("multi", "multi ;") is an empty multi: ZooKeeper commits it under a zxid of its own.
  return ok({ kind: 'multi', ops });
}

/** get, ls, stat, sync, deleteall: flags and one path. */
function pathCommand(
  name: 'get' | 'ls' | 'stat' | 'sync' | 'deleteall',
  build: (path: string, flags: ReadonlySet<string>) => ClientCommand,
): (args: readonly Token[]) => Parsed<ClientCommand> {
  return (args) => {
    const spec = SPECS[name];
    const o = getopt(name, spec, args);
    if (!o.ok) return o;
    const p = positional(name, spec, o.value, false, 0);
    if (!p.ok) return p;
    return ok(build(p.value.path, o.value.flags));
  };
}

/** One parser per client command. */
const CLIENT_PARSERS: Readonly<Record<ClientCommandName, (args: readonly Token[]) => Parsed<ClientCommand>>> = {
  create: (args) => map(parseCreateArgs('create', args), (c): ClientCommand => ({ kind: 'create', ...c })),
  set: (args) => map(parseSetArgs('set', SPECS.set, args), (s): ClientCommand => ({ kind: 'set', ...s })),
  delete: (args) => map(parseDeleteArgs('delete', args), (d): ClientCommand => ({ kind: 'delete', ...d })),
  get: pathCommand('get', (path, f) => ({ kind: 'get', path, stat: f.has('s'), watch: f.has('w') })),
  ls: pathCommand('ls', (path, f) => ({
    kind: 'ls',
    path,
    stat: f.has('s'),
    watch: f.has('w'),
    recursive: f.has('R'),
  })),
  stat: pathCommand('stat', (path, f) => ({ kind: 'stat', path, watch: f.has('w') })),
  sync: pathCommand('sync', (path) => ({ kind: 'sync', path })),
  deleteall: pathCommand('deleteall', (path) => ({ kind: 'deleteall', path })),
  multi: parseMulti,
};

export function isClientCommand(word: string): word is ClientCommandName {
  return (CLIENT_COMMANDS as readonly string[]).includes(word);
}

/** The command after "c1>": its name picks its parser. */
export function parseClientCommand(tokens: readonly Token[], session: string): Parsed<ClientCommand> {
  const [head, ...args] = tokens;
  if (head === undefined || head.separator) return fail(scriptText.missingClientCommand(session));
  const name = head.quoted ? '' : head.value;
  if (!isClientCommand(name))
    return fail(scriptText.unknownCommand(head.quoted ? `"${head.value}"` : head.value, CLIENT_COMMANDS));
  if (name !== 'multi' && args.some((t) => t.separator)) return fail(scriptText.unexpectedSemicolon(name));
  return CLIENT_PARSERS[name](args);
}
