// npm run sim -- FILE [--servers N] [--seed S] [--json]
// Runs a scenario script headless: each line's result, then the summary (decided logs and checks).
import { readFileSync } from 'node:fs';
import { parseScript, formatParseError } from '../script/index';
import type { Line, Script } from '../script/ast';
import { runScript } from '../script/run';
import { serverSummaries, summaryText } from '../script/summary';
import { traceFingerprint } from '../sim/fingerprint';
import { checkSummary } from './checks';
import { fail, parseInteger, parseOptions } from './common';

const USAGE = 'usage: npm run sim -- FILE [--servers N] [--seed S] [--json]';

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

function main(): void {
  const { values, positionals } = parseOptions(
    {
      allowPositionals: true,
      options: {
        servers: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length !== 1)
    fail(
      positionals.length === 0
        ? `no scenario file given\n${USAGE}`
        : `one scenario file at a time, got ${positionals.length}\n${USAGE}`,
    );
  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? String(error)}`);
  }
  const servers = parseInteger('servers', values.servers, 1, 101);
  const seed = parseInteger('seed', values.seed, 0, 2 ** 31 - 1);
  const parsed = parseScript(text);
  const errors = parsed.errors.map(formatParseError);
  const header = {
    ...parsed.script.header,
    ...(servers === undefined ? {} : { servers }),
    ...(seed === undefined ? {} : { seed }),
  };
  const lines = parsed.script.lines.filter((line) => {
    const bad = serversNamed(line).find((id) => id > header.servers);
    if (bad !== undefined)
      errors.push(`line ${line.line}: no server n${bad}: this cluster has ${header.servers} servers`);
    return bad === undefined;
  });
  for (const error of errors) process.stderr.write(`${file}:${error}\n`);
  const script: Script = { header, lines };
  const { sim, records } = runScript(script);
  for (const record of records) {
    if (values.json) process.stdout.write(`${JSON.stringify(record.json)}\n`);
    else process.stdout.write(`${record.text.join('\n')}\n`);
  }
  const summaries = serverSummaries(sim);
  const { checks, failed } = checkSummary(sim);
  // The page's Fingerprint of the same run: equal fingerprints, equal traces, whichever driver ran it.
  const fingerprint = traceFingerprint(sim.trace);
  if (values.json)
    process.stdout.write(`${JSON.stringify({ summary: { servers: summaries, checks, fingerprint } })}\n`);
  else process.stdout.write(`${summaryText(summaries, checks, fingerprint).join('\n')}\n`);
  if (failed.length > 0) process.stderr.write(`violation: ${failed.join(', ')}\n`);
  process.exitCode = errors.length > 0 || failed.length > 0 ? 1 : 0;
}

try {
  main();
} catch (error) {
  fail(`internal error: ${error instanceof Error ? error.message : String(error)}`, 3);
}
