// Whether the first-visit card was dismissed: once, for good, in this browser (localStorage; a browser that
// refuses storage shows the card each visit).
const KEY = 'paxoscope.welcome.dismissed';

export function welcomeDismissed(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function dismissWelcome(): void {
  try {
    localStorage.setItem(KEY, '1');
  } catch {
    // Storage refused (private mode): the card goes for this visit only.
  }
}
