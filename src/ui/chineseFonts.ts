// The bundled Chinese font comes in unicode-range subsets. Chromium draws empty boxes for text it laid out
// while a subset was still loading, and keeps them, so a Chinese page first loads the subsets its own words
// need (about 18 per weight, ~1 MB; an English page loads none) and only then renders.
import { lessonTextZh } from '../scenario/lessonText.zh';
import { textZh } from '../view/text.zh';
import { lessonsUiTextZh } from '../view/lessons/text.zh';
import { shareTextZh } from '../view/share/text.zh';
import { payloadTextZh } from '../view/payload/text.zh';
import { describeEventZh } from '../view/events/text.zh';
import { scenarioTextZh } from '../scenario/text.zh';
import { timelineTextZh } from '../scenario/timeline/text.zh';
import { scriptTextZh } from '../script/text.zh';
import { workerTextZh } from '../worker/text.zh';
import { checkTextZh } from '../check/text.zh';
import { zabTextZh } from '../view/zab/text.zh';
import { compareTextZh } from '../view/compare/text.zh';

/** Render anyway after this long: boxes for a moment beat a blank page on a slow network. */
const MAX_WAIT_MS = 3_000;
const WEIGHTS = ['400', '700'] as const;

/** Every character the Chinese catalogues can show (strings, and the text inside their functions). */
function catalogueCharacters(): string {
  const seen = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'function') {
      for (const char of String(value)) if (char.codePointAt(0)! >= 0x2e80) seen.add(char);
    } else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) walk(item);
  };
  walk([
    textZh,
    lessonTextZh,
    lessonsUiTextZh,
    shareTextZh,
    payloadTextZh,
    describeEventZh,
    scenarioTextZh,
    timelineTextZh,
    scriptTextZh,
    workerTextZh,
    checkTextZh,
    zabTextZh,
    compareTextZh,
  ]);
  return [...seen].join('');
}

let loaded: Promise<void> | null = null;

/** Resolves once the subsets for the catalogues' Chinese are in (or after MAX_WAIT_MS, or at once without the API). */
export function loadChineseFonts(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- absent in old browsers and in tests
  if (document.fonts === undefined) return Promise.resolve();
  loaded ??= (async () => {
    const chars = catalogueCharacters();
    const all = Promise.all(WEIGHTS.map((weight) => document.fonts.load(`${weight} 16px "Noto Sans SC"`, chars)));
    await Promise.race([all.then(() => undefined), new Promise<void>((done) => setTimeout(done, MAX_WAIT_MS))]);
  })().catch(() => undefined);
  return loaded;
}
