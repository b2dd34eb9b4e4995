// Entering and leaving the compare view, its link, and opening it from the page's address.
import { closeCompare, openCompare, useCompare } from '../../store/compareStore';
import { requestScenario, useSim } from '../../store/simStore';
import { DEFAULT_HEADER } from '../../sim/config';
import {
  compareFromSearch,
  compareScenario,
  compareSearch,
  scenarioFromLocationHash,
  scenarioHash,
  type ComparePair,
} from '../../scenario/url';
import { copyText, pushHash, useShare } from '../share/shareStore';
import { closeLesson } from '../lessons/lessonStore';

/** `push`: a new history entry, so the browser's Back leaves the compare view as it came. */
function setSearch(protocols: ComparePair | null, push = false): void {
  const url = `${location.pathname}${compareSearch(location.search, protocols)}${location.hash}`;
  if (push) history.pushState(history.state, '', url);
  else history.replaceState(history.state, '', url);
}

/** The Compare button: the page's run so far (its header, actions and moment) under both protocols. */
export async function enterCompare(): Promise<void> {
  const scenario = await requestScenario();
  closeLesson();
  useSim.getState().send({ type: 'pause' });
  const protocols = useCompare.getState().protocols;
  openCompare({ header: scenario.header, actions: scenario.actions, t: scenario.cursor.t }, protocols);
  setSearch(protocols, true);
}

/** Back and Forward: an address without ?compare closes the compare view, one with it opens it (from its link). */
export function followCompareInHistory(): void {
  window.addEventListener('popstate', () => {
    const wanted = compareFromSearch(location.search).kind === 'compare';
    if (wanted === useCompare.getState().on) return;
    if (!wanted) {
      closeCompare();
      return;
    }
    closeLesson();
    useSim.getState().send({ type: 'pause' });
    openCompareFromLocation();
  });
}

export function leaveCompare(): void {
  closeCompare();
  setSearch(null);
}

/** `?compare=` in the address: true when the compare view opened (the page's own run then starts at its default). */
export function openCompareFromLocation(): boolean {
  const read = compareFromSearch(location.search);
  if (read.kind === 'none') return false;
  if (read.kind === 'error') {
    useCompare.setState({ linkError: read.error });
    return false;
  }
  const found = scenarioFromLocationHash(location.hash);
  if (found.kind === 'error') useShare.setState({ linkError: found.error });
  const scenario = found.kind === 'scenario' ? found.scenario : null;
  openCompare(
    {
      header: scenario?.header ?? DEFAULT_HEADER,
      actions: scenario?.actions ?? [],
      t: scenario?.cursor?.t ?? scenario?.actions.at(-1)?.t ?? 0,
    },
    read.protocols,
  );
  return true;
}

/** Copy link in the compare view: both protocols, the run's actions, the moment both stand at. */
export async function copyCompareLink(): Promise<void> {
  const first = useCompare.getState().sims[0];
  if (first === undefined) return;
  const scenario = await first.requestScenario();
  const { t, protocols } = useCompare.getState();
  setSearch(protocols);
  const hash = scenarioHash(compareScenario(scenario, t));
  pushHash(hash);
  const url = `${location.origin}${location.pathname}${location.search}${hash}`;
  const ok = await copyText(url);
  useShare.setState({ url, copied: ok ? 'yes' : 'no', fingerprint: null });
}
