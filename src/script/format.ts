// Canonical text for parsed scripts: parseLine(formatLine(l)) gives back l (with `text` equal to
// the formatted line), and parseScript(formatScript(s)) gives back s up to line numbers and text.
// Used for shareable URLs and for the `cmd` the CLI reports.
import type { MultiOp } from '../zk/types';
import { type Line, type Script } from './ast';
import { DEFAULT_HEADER, type Header, type LatencyRange } from '../sim/config';
import { type ClientCommand } from '../zk/commands';
import { LEADER } from './values';

/** A word as the lexer reads it back: quoted when it is empty or could be read as anything else. */
export function formatWord(s: string): string {
  // Quotes and braces inside a word are plain (as zkCli reads `{"a":1}`); a leading quote would start a string.
  const plain = s.length > 0 && !/[\s\\;]/.test(s) && !/^["'#-]/.test(s) && s !== '&';
  if (plain) return s;
  const escaped = s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

/** 0..1 -> "10%", with the fewest decimals that read back to the same number. */
export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  for (let k = 0; k <= 10; k++) {
    const s = pct.toFixed(k);
    if (Number(s) / 100 === fraction) return `${s}%`;
  }
  return `${pct.toFixed(6)}%`;
}

export function formatLatency(l: LatencyRange): string {
  return `${l.msMin}..${l.msMax}ms`;
}

const version = (v: number): string[] => (v === -1 ? [] : ['-v', String(v)]);

function formatMultiOp(op: MultiOp): string {
  switch (op.op) {
    case 'check':
      return ['check', formatWord(op.path), String(op.version)].join(' ');
    case 'create':
      return formatCommand({
        kind: 'create',
        path: op.path,
        data: op.data,
        ephemeral: op.ephemeral,
        sequential: op.sequential,
      });
    case 'setData':
      return ['set', ...version(op.version), formatWord(op.path), formatWord(op.data)].join(' ');
    case 'delete':
      return ['delete', ...version(op.version), formatWord(op.path)].join(' ');
  }
}

/** A client command as zkCli would take it, without the session: "set -v 0 /data 2". */
export function formatCommand(c: ClientCommand): string {
  const flag = (on: boolean, f: string): string[] => (on ? [f] : []);
  switch (c.kind) {
    case 'create':
      return [
        'create',
        ...flag(c.ephemeral, '-e'),
        ...flag(c.sequential, '-s'),
        formatWord(c.path),
        ...(c.data === '' ? [] : [formatWord(c.data)]),
      ].join(' ');
    case 'get':
      return ['get', ...flag(c.stat, '-s'), ...flag(c.watch, '-w'), formatWord(c.path)].join(' ');
    case 'set':
      return ['set', ...flag(c.stat, '-s'), ...version(c.version), formatWord(c.path), formatWord(c.data)].join(' ');
    case 'delete':
      return ['delete', ...version(c.version), formatWord(c.path)].join(' ');
    case 'deleteall':
      return `deleteall ${formatWord(c.path)}`;
    case 'ls':
      return ['ls', ...flag(c.stat, '-s'), ...flag(c.watch, '-w'), ...flag(c.recursive, '-R'), formatWord(c.path)].join(
        ' ',
      );
    case 'stat':
      return ['stat', ...flag(c.watch, '-w'), formatWord(c.path)].join(' ');
    case 'sync':
      return `sync ${formatWord(c.path)}`;
    case 'multi':
      return c.ops.length === 0 ? 'multi' : `multi ${c.ops.map(formatMultiOp).join('; ')}`;
  }
}

const server = (k: number): string => (k === LEADER ? 'leader' : `n${k}`);

/** One line in canonical form (no comment). */
export function formatLine(line: Line): string {
  switch (line.kind) {
    case 'client':
      return `${line.session}> ${formatCommand(line.command)}${line.background ? ' &' : ''}`;
    case 'connect':
      return `${line.session} connect ${server(line.server)}`;
    case 'close':
    case 'expire':
      return `${line.session} ${line.kind}`;
    case 'kill':
    case 'restart':
      return `${line.kind} ${server(line.server)}`;
    case 'partition':
      return `partition ${line.groups.map((g) => g.map(server).join(' ')).join(' | ')}`;
    case 'cut':
    case 'heal': {
      if (line.from === undefined || line.to === undefined) return line.kind;
      return `${line.kind} ${server(line.from)}${line.oneWay ? ' ->' : ''} ${server(line.to)}`;
    }
    case 'network': {
      const parts: string[] = [];
      if (line.loss !== undefined) parts.push(`loss ${formatPercent(line.loss)}`);
      if (line.dup !== undefined) parts.push(`dup ${formatPercent(line.dup)}`);
      if (line.latency !== undefined) parts.push(`latency ${formatLatency(line.latency)}`);
      return parts.join(' ');
    }
    case 'wait':
      return `wait ${line.ms}ms`;
    case 'settle':
      return 'settle';
    case 'at':
      return formatMoment(line.ms, line.events);
    case 'stop':
      return 'stop';
  }
}

/** An exact-replay moment line; `String(ms)` is JavaScript's shortest exact form, so parsing it gives `ms` back. */
export function formatMoment(ms: number, events?: number): string {
  return events === undefined ? `at ${String(ms)}ms` : `at ${String(ms)}ms after ${events} events`;
}

/** The header lines that differ from the defaults (none for a default header). */
export function formatHeader(header: Header): string[] {
  const d = DEFAULT_HEADER;
  const out: string[] = [];
  if (header.servers !== d.servers) out.push(`servers ${header.servers}`);
  if (header.seed !== d.seed) out.push(`seed ${header.seed}`);
  if (header.protocol !== d.protocol) out.push(`protocol ${header.protocol}`);
  if (header.latency.msMin !== d.latency.msMin || header.latency.msMax !== d.latency.msMax) {
    out.push(`latency ${formatLatency(header.latency)}`);
  }
  if (header.loss !== d.loss) out.push(`loss ${formatPercent(header.loss)}`);
  if (header.dup !== d.dup) out.push(`dup ${formatPercent(header.dup)}`);
  if (header.sessionTimeoutMs !== d.sessionTimeoutMs) out.push(`session-timeout ${header.sessionTimeoutMs}ms`);
  for (const b of header.bugs) out.push(`bug ${b}`);
  return out;
}

/**
 * The whole script, one line per header setting and per line, joined with "\n".
 * A script whose first line is a network change would have it read back as header settings,
 * so such a line is preceded by `wait 0ms` (which lets no time pass).
 */
export function formatScript(script: Script): string {
  const head = formatHeader(script.header);
  const body = script.lines.map(formatLine);
  const first = script.lines[0];
  if (first !== undefined && first.kind === 'network') body.unshift('wait 0ms');
  return [...head, ...body].join('\n');
}
