// npm run check: runs src/cli/check.ts from a bundle that esbuild (tsx's compiler) builds once per content of its
// sources, so that each run starts one plain node process instead of node plus tsx's loader (about 0.45 s of CPU).
// The bundles live in node_modules/.cache/paxoscope-check/, named by a hash of every source file they were built
// from: a changed source builds a new one, and worktrees sharing node_modules cannot see each other's.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const entry = join(root, 'src/cli/check.ts');
const cache = join(root, 'node_modules/.cache/paxoscope-check');
const sha = (text) => createHash('sha1').update(text).digest('hex');
/** This worktree's list of the bundle's source files (from the last build). */
const manifest = join(cache, `${sha(root)}.json`);

/** The hash of the sources' contents, or null when one is gone (a rebuild finds the new list). */
function sourcesHash(inputs) {
  const hash = createHash('sha1');
  for (const file of inputs) {
    const path = join(root, file);
    if (!existsSync(path)) return null;
    hash.update(file).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

function writeAtomically(path, text) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

async function build() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  const inputs = Object.keys(result.metafile.inputs)
    .map((file) => relative(root, resolve(root, file)))
    .sort();
  const bundle = join(cache, `${sourcesHash(inputs)}.mjs`);
  mkdirSync(cache, { recursive: true });
  writeAtomically(bundle, result.outputFiles[0].text);
  writeAtomically(manifest, JSON.stringify({ inputs }));
  return bundle;
}

function cachedBundle() {
  if (!existsSync(manifest)) return null;
  const hash = sourcesHash(JSON.parse(readFileSync(manifest, 'utf8')).inputs);
  const bundle = hash === null ? null : join(cache, `${hash}.mjs`);
  return bundle !== null && existsSync(bundle) ? bundle : null;
}

await import(pathToFileURL(cachedBundle() ?? (await build())).href);
