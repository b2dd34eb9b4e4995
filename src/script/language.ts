// The language user-facing text is shown in, and catalogues that follow it. The lowest layer with text owns it,
// so every layer above (scenario, view, worker, the page) reads one setting; the CLI never changes it (English).

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

let current: Language = 'en';

/** Switch every catalogue made by `localized` to `language` (in this realm: the page and the worker each set it). */
export function setLanguage(language: Language): void {
  current = language;
}

export function language(): Language {
  return current;
}

/** One of our own messages said in every language: a line printed before a switch reads in the new one. */
export type Multilingual = Readonly<Record<Language, string>>;

/**
 * `say` rendered once per language (every catalogue follows the setting while it runs), the setting restored
 * after. Messages are built deep in the parser and composed from pieces; rendering each at its source in every
 * language lets the page pick one at display time without each piece becoming data of its own.
 */
export function inEveryLanguage(say: () => string): Multilingual {
  const was = current;
  try {
    const said = {} as Record<Language, string>;
    for (const each of LANGUAGES) {
      current = each;
      said[each] = say();
    }
    return said;
  } finally {
    current = was;
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The shape a translation of catalogue T must have: the same keys all the way down, any string where T has a
 * string literal, functions taking the same arguments. A key missing from a translation is a compile error.
 */
export type Catalogue<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Catalogue<R>
    : T extends readonly (infer U)[]
      ? readonly Catalogue<U>[]
      : T extends object
        ? { readonly [K in keyof T]: Catalogue<T[K]> }
        : T;

function isSection(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One catalogue in both languages: reading a key gives the current language's entry, so `text.controls.play`
 * reads the right word wherever it is written. Sections are views too, so a component that keeps
 * `const t = text.cluster` from module load still reads the current language when it draws.
 */
export function localized<T extends object>(en: T, zh: Catalogue<T>): T {
  const sections = new Map<string, object>();
  const at = (root: object, path: readonly PropertyKey[]): unknown =>
    path.reduce<unknown>((node, key) => (isSection(node) ? Reflect.get(node, key) : undefined), root);
  const view = (english: object, path: readonly PropertyKey[]): object =>
    new Proxy(english, {
      get: (target, key) => {
        const own = Reflect.get(target, key) as unknown;
        if (typeof key === 'string' && isSection(own)) {
          const id = [...path, key].join('\u0000');
          let section = sections.get(id);
          if (section === undefined) {
            section = view(own, [...path, key]);
            sections.set(id, section);
          }
          return section;
        }
        if (current !== 'zh') return own;
        const here = at(zh, path);
        // A key the translation lacks (only possible past the type checker) reads the English.
        return isSection(here) && Reflect.has(here, key) ? (Reflect.get(here, key) as unknown) : own;
      },
    });
  return view(en, []) as T;
}
