// What `npm run sim` writes for a scenario, as data: the CLI prints it, the golden tests (testdata/**/*.zk) compare it.
import type { ProtocolName } from '../protocol';
import { parseScript, formatParseError } from '../script/index';
import type { Line, Script } from '../script/ast';
import { runScript } from '../script/run';
import { serverSummaries, summaryText } from '../script/summary';
import { traceFingerprint } from '../sim/fingerprint';
import { checkSummary } from './checks';

export interface SimOptions {
  /** The name error lines start with, as the user typed it. */
  readonly file: string;
  readonly servers?: number;
  readonly seed?: number;
  /** Overrides the scenario header's protocol (`--protocol zab`). */
  readonly protocol?: ProtocolName;
  readonly json?: boolean;
}

export interface SimChunk {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface SimOutput {
  /** Everything the CLI writes, in the order it writes it. */
  readonly chunks: SimChunk[];
  readonly exitCode: number;
  /** Message deliveries the run simulated (for the bench). */
  readonly deliveries: number;
}

/** The line that ends a scenario in a golden file (testdata/): what follows it is the expected output, not script. */
export const EXPECTED_MARK = '----';

/** The scenario part of a file: all of it, or the text before its first line that is exactly `----`. */
export function scriptPart(source: string): string {
  const lines = source.split('\n');
  const mark = lines.findIndex((line) => line.replace(/\r$/, '') === EXPECTED_MARK);
  return mark === -1 ? source : lines.slice(0, mark).join('\n');
}

function serversNamed(line: Line): number[] {
  switch (line.kind) {
    case 'kill':
    case 'restart':
    case 'connect':
      return [line.server];
    case 'partition':
      return line.groups.flat();
    case 'cut':
      return [line.from, line.to];
    case 'heal':
      return line.from === undefined || line.to === undefined ? [] : [line.from, line.to];
    default:
      return [];
  }
}

/** Runs a scenario text headless: each line's result, then the summary (decided logs, checks, fingerprint). */
export function simRun(source: string, options: SimOptions): SimOutput {
  const chunks: SimChunk[] = [];
  const out = (text: string): void => void chunks.push({ stream: 'stdout', text });
  const err = (text: string): void => void chunks.push({ stream: 'stderr', text });
  const parsed = parseScript(scriptPart(source));
  const errors = parsed.errors.map(formatParseError);
  const header = {
    ...parsed.script.header,
    ...(options.servers === undefined ? {} : { servers: options.servers }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.protocol === undefined ? {} : { protocol: options.protocol }),
  };
  const lines = parsed.script.lines.filter((line) => {
    const bad = serversNamed(line).find((id) => id > header.servers);
    if (bad !== undefined)
      errors.push(`line ${line.line}: no server n${bad}: this cluster has ${header.servers} servers`);
    return bad === undefined;
  });
  for (const error of errors) err(`${options.file}:${error}\n`);
  const script: Script = { header, lines };
  const { sim, records } = runScript(script);
  for (const record of records) {
    if (options.json) out(`${JSON.stringify(record.json)}\n`);
    else out(`${record.text.join('\n')}\n`);
  }
  const summaries = serverSummaries(sim);
  const { checks, failed } = checkSummary(sim);
  // The page's Fingerprint of the same run: equal fingerprints, equal traces, whichever driver ran it.
  const fingerprint = traceFingerprint(sim.trace);
  if (options.json) out(`${JSON.stringify({ summary: { servers: summaries, checks, fingerprint } })}\n`);
  else out(`${summaryText(summaries, checks, fingerprint).join('\n')}\n`);
  if (failed.length > 0) err(`violation: ${failed.join(', ')}\n`);
  return { chunks, exitCode: errors.length > 0 || failed.length > 0 ? 1 : 0, deliveries: sim.deliveries };
}

/** The CLI's output as `npm run sim -- FILE 2>&1` shows it: stderr and stdout in the order they are written. */
export function simText(source: string, options: SimOptions): string {
  return simRun(source, options)
    .chunks.map((chunk) => chunk.text)
    .join('');
}
