// npm run sim -- FILE [--servers N] [--seed S] [--protocol multi-paxos|basic-paxos|zab] [--json]
// Runs a scenario script headless: each line's result, then the summary (decided logs and checks).
import { readFileSync } from 'node:fs';
import { isProtocolName, PROTOCOL_NAMES } from '../protocol';
import { fail, parseInteger, parseOptions } from './common';
import { simRun } from './simText';

const USAGE = 'usage: npm run sim -- FILE [--servers N] [--seed S] [--protocol multi-paxos|basic-paxos|zab] [--json]';

function main(): void {
  const { values, positionals } = parseOptions(
    {
      allowPositionals: true,
      options: {
        servers: { type: 'string' },
        seed: { type: 'string' },
        protocol: { type: 'string' },
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
  const protocol = values.protocol;
  if (protocol !== undefined && !isProtocolName(protocol))
    fail(`--protocol must be ${PROTOCOL_NAMES.join(', ')}, got "${protocol}"`);
  const { chunks, exitCode } = simRun(text, { file, servers, seed, protocol, json: values.json });
  for (const chunk of chunks) (chunk.stream === 'stdout' ? process.stdout : process.stderr).write(chunk.text);
  process.exitCode = exitCode;
}

try {
  main();
} catch (error) {
  fail(`internal error: ${error instanceof Error ? error.message : String(error)}`, 3);
}
