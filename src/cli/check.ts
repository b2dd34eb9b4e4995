// npm run check -- [--json] [--model register|kv] FILE...
// Checks Jepsen-style histories (a register's Jepsen log, a key-value store's EDN maps): one verdict per file.
// Exit 0 when every file is linearizable, 1 when one is not (or its search ran out), 2 when a file cannot be
// read or parsed (the others are still checked).
import { readFileSync } from 'node:fs';
import {
  checkHistoryText,
  HISTORY_MODELS,
  HistoryError,
  type HistoryModel,
  type HistoryVerdict,
} from '../check/histories';
import { fail, parseOptions } from './common';

const USAGE = 'usage: npm run check -- [--json] [--model register|kv] FILE...';

/** How many ops of the prefix the text line shows (the JSON has them all). */
const PREFIX_SHOWN = 3;

function verdictText(verdict: HistoryVerdict): string {
  if (verdict.linearizable === true) return 'linearizable';
  if (verdict.linearizable === null) return 'unknown (search budget exhausted)';
  const { prefix, op, answer } = verdict;
  const shown = prefix.slice(-PREFIX_SHOWN).join(', ');
  const head =
    prefix.length === 0
      ? 'an empty prefix'
      : `a linearizable prefix of ${prefix.length} ops (${prefix.length > PREFIX_SHOWN ? '..., ' : ''}${shown})`;
  const why = answer === null ? 'it cannot come next' : `the model ${answer}`;
  return `not linearizable: ${op} cannot follow ${head}; ${why}`;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new HistoryError(0, code === 'ENOENT' ? 'no such file' : `cannot read it: ${code ?? String(error)}`);
  }
}

/** Checks one file and prints its line; its exit code. */
function checkFile(file: string, model: HistoryModel | null, json: boolean): number {
  const started = process.hrtime.bigint();
  let result: ReturnType<typeof checkHistoryText>;
  try {
    result = checkHistoryText(readText(file), model);
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    process.stderr.write(`error: ${file}${error.line > 0 ? `:${error.line}` : ''}: ${error.message}\n`);
    return 2;
  }
  const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
  const { verdict } = result;
  if (json) {
    const base = { file, model: result.model, ops: result.ops, linearizable: verdict.linearizable, ms };
    const extra =
      verdict.linearizable === false ? { prefix: verdict.prefix, op: verdict.op, answer: verdict.answer } : {};
    process.stdout.write(`${JSON.stringify({ ...base, ...extra })}\n`);
  } else {
    process.stdout.write(`${file}: ${verdictText(verdict)}\n`);
  }
  return verdict.linearizable === true ? 0 : 1;
}

function main(): void {
  const { values, positionals } = parseOptions(
    {
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        model: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const model = values.model ?? null;
  if (model !== null && !(HISTORY_MODELS as readonly string[]).includes(model))
    fail(`--model must be register or kv, got "${model}"`);
  if (positionals.length === 0) fail(`no history file given\n${USAGE}`);
  let code = 0;
  for (const file of positionals) code = Math.max(code, checkFile(file, model as HistoryModel | null, values.json));
  process.exitCode = code;
}

try {
  main();
} catch (error) {
  fail(`internal error: ${error instanceof Error ? error.message : String(error)}`, 3);
}
