#!/usr/bin/env node
// Makes sure a Chromium is available for the Playwright e2e tests.
// Order: $CHROMIUM_PATH, then /usr/bin/chromium, then (as root with apt-get)
// install Debian's chromium, else point at Playwright's own browser.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const tag = '[ensure-chromium]';

function log(message) {
  console.log(`${tag} ${message}`);
}

function hasCommand(name) {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
  return result.status === 0;
}

function apt(args) {
  const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

const fromEnv = process.env.CHROMIUM_PATH;
if (fromEnv) {
  if (existsSync(fromEnv)) {
    log(`using CHROMIUM_PATH=${fromEnv}`);
  } else {
    log(`warning: CHROMIUM_PATH=${fromEnv} does not exist; Playwright will fail to launch it`);
  }
  process.exit(0);
}

if (existsSync(DEBIAN_CHROMIUM)) {
  log(`using ${DEBIAN_CHROMIUM}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && hasCommand('apt-get')) {
  log('installing Debian chromium with apt-get (about a minute)...');
  const started = Date.now();
  const ok = apt(['update', '-qq']) && apt(['install', '-y', '-qq', 'chromium']);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (ok && existsSync(DEBIAN_CHROMIUM)) {
    log(`installed ${DEBIAN_CHROMIUM} in ${seconds}s`);
    process.exit(0);
  }
  log(
    ok
      ? `apt-get installed chromium but ${DEBIAN_CHROMIUM} is missing (${seconds}s); falling back to Playwright's own browser`
      : `apt-get install chromium failed after ${seconds}s; falling back to Playwright's own browser`,
  );
}

log(
  "no system Chromium; using Playwright's own browser (if missing, run: npx playwright install chromium, or set CHROMIUM_PATH)",
);
process.exit(0);
