// Present mode (`?present=1` or the header's Present button): the ring large, the narration and the space-time
// diagram beside it, everything else folded away, for a projector.
import { create } from 'zustand';

/** `?present=1` in a query string. */
export function isPresentSearch(search: string): boolean {
  return new URLSearchParams(search).get('present') === '1';
}

/** The query string with present mode on or off (other parameters kept). */
export function withPresent(search: string, on: boolean): string {
  const params = new URLSearchParams(search);
  if (on) params.set('present', '1');
  else params.delete('present');
  const out = params.toString();
  return out === '' ? '' : `?${out}`;
}

interface PresentState {
  readonly on: boolean;
}

export const usePresent = create<PresentState>()(() => ({
  on: typeof location === 'undefined' ? false : isPresentSearch(location.search),
}));

/** Turn present mode on or off, and say so in the address (a reload or a shared link keeps it). */
export function setPresent(on: boolean): void {
  usePresent.setState({ on });
  const search = withPresent(location.search, on);
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}
