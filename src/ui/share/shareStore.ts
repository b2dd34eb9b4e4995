// Links, import and export: what the share bar shows, and the actions it dispatches. Pure scenario
// modules and the store only; the worker does the simulating.
import { create } from 'zustand';
import { scenarioToExactScript, scriptToScenario, type Scenario } from '../../scenario/model';
import { scenarioFromLocationHash, scenarioHash } from '../../scenario/url';
import { lessonIdFromHash } from '../../scenario/lessons';
import { DEFAULT_HEADER } from '../../sim/config';
import { requestFingerprint, requestScenario, requestTrace, useSim } from '../../store/simStore';
import { download } from '../download';
import { startWorker } from '../../store/workerClient';
import type { Command } from '../../worker/ipc';
import { closeLesson, startLesson, useLesson } from '../lessons/lessonStore';
import { shareText as t } from '../../view/share/text';

/** Largest script file read on import. */
const MAX_IMPORT_BYTES = 512 * 1024;

export interface ShareState {
  /** Why the link the page was opened with (or navigated to) could not be used. */
  linkError: string | null;
  /** The last link made by "Copy link". */
  url: string | null;
  copied: 'yes' | 'no' | null;
  fingerprint: string | null;
  importError: { file: string; lines: readonly string[] } | null;
  notice: string | null;
  dismissLinkError: () => void;
  dismissImportError: () => void;
}

export const useShare = create<ShareState>()((set) => ({
  linkError: null,
  url: null,
  copied: null,
  fingerprint: null,
  importError: null,
  notice: null,
  dismissLinkError: () => set({ linkError: null }),
  dismissImportError: () => set({ importError: null }),
}));

/** `?embed=1`: only the cluster view and the controls. */
export function isEmbed(search: string = location.search): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

function loadCommand(scenario: Scenario): Command {
  return {
    type: 'load',
    header: scenario.header,
    lines: [],
    actions: scenario.actions,
    ...(scenario.cursor === undefined ? {} : { cursor: scenario.cursor }),
    ...(scenario.cursor === undefined || scenario.head === undefined ? {} : { head: scenario.head }),
    play: false,
  };
}

/** The hash last acted on: back/forward and hash edits load a scenario only when it changed. */
let handledHash = '';

/** Open what the hash asks for; `starting`: the worker is not running yet. */
function openHash(hash: string, starting: boolean): void {
  handledHash = hash;
  useShare.setState({ linkError: null, fingerprint: null });
  const lessonId = lessonIdFromHash(hash);
  if (lessonId !== null) {
    if (starting) startWorker();
    if (!startLesson(lessonId)) {
      useShare.setState({ linkError: t.unknownLesson(lessonId) });
      useSim.getState().send({ type: 'load', header: DEFAULT_HEADER, lines: [], play: true });
    }
    return;
  }
  closeLesson();
  const found = scenarioFromLocationHash(hash);
  const command: Command =
    found.kind === 'scenario'
      ? loadCommand(found.scenario)
      : starting
        ? { type: 'play' }
        : { type: 'load', header: DEFAULT_HEADER, lines: [], play: true };
  if (found.kind === 'error') useShare.setState({ linkError: found.error });
  if (starting) startWorker(command);
  else useSim.getState().send(command);
}

// A lesson that ends (closed, or replaced by another run) leaves the address bar: a reload must not reopen it.
useLesson.subscribe((state, previous) => {
  if (state.lesson === null && previous.lesson !== null && lessonIdFromHash(location.hash) !== null) pushHash('');
});

/** Start the page from its URL, and follow the hash as back/forward (or a typed link) changes it; `openRun` false:
 *  the hash is the compare view's, not the page's run. */
export function startFromLocation(openRun = true): void {
  // The compare view opened from the address instead: the page's own run waits, paused, at its default.
  if (openRun) openHash(location.hash, true);
  else {
    handledHash = location.hash;
    startWorker();
  }
  const follow = () => {
    if (location.hash !== handledHash) openHash(location.hash, false);
  };
  window.addEventListener('popstate', follow);
  window.addEventListener('hashchange', follow);
}

function urlWithHash(hash: string): string {
  return `${location.origin}${location.pathname}${location.search}${hash}`;
}

/** Put `hash` in the address bar as a new history entry (so back returns to the previous one). */
export function pushHash(hash: string): void {
  if (location.hash === hash) return;
  handledHash = hash;
  history.pushState(null, '', urlWithHash(hash));
}

async function writeClipboard(value: string): Promise<boolean> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined outside secure contexts
    if (navigator.clipboard === undefined) return false;
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    return false;
  }
}

export async function copyText(value: string): Promise<boolean> {
  return writeClipboard(value);
}

export async function showFingerprint(): Promise<void> {
  const fp = await requestFingerprint();
  useShare.setState({ fingerprint: t.fingerprintValue(fp.fingerprint, fp.events, fp.t) });
}

export async function copyLink(): Promise<void> {
  const scenario = await requestScenario();
  const hash = scenarioHash(scenario);
  const url = urlWithHash(hash);
  pushHash(hash);
  const ok = await writeClipboard(url);
  useShare.setState({ url, copied: ok ? 'yes' : 'no' });
  await showFingerprint();
}

export async function exportScenario(): Promise<void> {
  const scenario = await requestScenario();
  download(new Blob([`${scenarioToExactScript(scenario)}\n`], { type: 'text/plain' }), t.scenarioFile);
}

export async function exportTrace(): Promise<void> {
  const json = await requestTrace();
  download(new Blob([json], { type: 'application/json' }), t.traceFile);
}

export async function importScript(file: File): Promise<void> {
  useShare.setState({ importError: null, notice: null });
  if (file.size > MAX_IMPORT_BYTES) {
    useShare.setState({ importError: { file: file.name, lines: [t.importTooBig(MAX_IMPORT_BYTES / 1024)] } });
    return;
  }
  let body: string;
  try {
    body = await file.text();
  } catch {
    useShare.setState({ importError: { file: file.name, lines: [t.importReadFailed] } });
    return;
  }
  const { scenario, errors } = scriptToScenario(body);
  if (scenario === undefined) {
    useShare.setState({ importError: { file: file.name, lines: errors.slice(0, 10) } });
    return;
  }
  closeLesson();
  // An exact replay with `stop` opens paused at its moment, like a link; a plain script plays.
  const { header, actions, cursor } = scenario;
  useSim
    .getState()
    .send({ type: 'load', header, lines: [], actions, ...(cursor === undefined ? { play: true } : { cursor }) });
  useSim.getState().send({ type: 'select', server: 1 });
  useShare.setState({ notice: t.imported(file.name, scenario.actions.length), url: null, fingerprint: null });
}
