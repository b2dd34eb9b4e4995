// The client history panel's state: open or not, the view the worker last sent (the run's or a file's), and a
// file's error. While it shows the run, it asks again as the run moves (at most every REFRESH_MS).
import { create } from 'zustand';
import type { ClientHistoryView } from '../view/clientHistory';
import { text } from '../view/text';
import { onHistoryUpdate, useSim } from './simStore';

export interface HistoryState {
  open: boolean;
  /** What is drawn: the run's history, or a file's. */
  view: ClientHistoryView | null;
  /** A file that could not be read or parsed (nothing else changed). */
  error: string | null;
}

export const useHistory = create<HistoryState>()(() => ({ open: false, view: null, error: null }));

/** Ask for the run's history at most this often while the run moves. */
const REFRESH_MS = 400;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let lastAsked = Number.NEGATIVE_INFINITY;

const showingFile = (): boolean => useHistory.getState().view?.file != null;

function askForRun(): void {
  lastAsked = Date.now();
  useSim.getState().send({ type: 'history' });
}

/** The run moved: ask again, now or once REFRESH_MS has passed since the last ask. */
function refresh(): void {
  const { open } = useHistory.getState();
  if (!open || showingFile() || refreshTimer !== null) return;
  const wait = lastAsked + REFRESH_MS - Date.now();
  if (wait <= 0) askForRun();
  else
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      if (useHistory.getState().open && !showingFile()) askForRun();
    }, wait);
}

export function setHistoryOpen(open: boolean): void {
  useHistory.setState({ open });
  if (open && !showingFile()) askForRun();
}

/** Back from a file to the run's own history. */
export function showRunHistory(): void {
  useHistory.setState({ view: null, error: null });
  askForRun();
}

export async function openHistoryFile(file: File): Promise<void> {
  let body: string;
  try {
    body = await file.text();
  } catch {
    useHistory.setState({ error: text.history.fileUnreadable(file.name) });
    return;
  }
  useHistory.setState({ open: true });
  useSim.getState().send({ type: 'history-file', file: file.name, body });
}

onHistoryUpdate((update) => {
  if (update.type === 'history-error') {
    useHistory.setState({ error: update.message });
    return;
  }
  // A run's history that arrives after a file was chosen does not replace the file's.
  if (update.view.file === null && showingFile()) return;
  useHistory.setState({ view: update.view, error: null });
});

useSim.subscribe((state, previous) => {
  if (state.eventCount !== previous.eventCount || state.runSeq !== previous.runSeq) refresh();
});
