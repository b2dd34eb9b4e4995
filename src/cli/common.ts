// Shared by the CLI entry points: one-line errors and option parsing.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Print one line to stderr and exit non-zero: no stack traces for users. */
export function fail(message: string, code = 2): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(code);
}

export function parseOptions<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(`${message}\n${usage}`);
  }
}

export function parseInteger(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) fail(`--${name} must be a whole number, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) fail(`--${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}
