// Splits one source line into words as zkCli does: whitespace separates them, and a word that starts
// with a quote runs to its closing quote (double quotes take \" \\ \n \r \t escapes, single quotes none,
// as in zkCli); any other word runs to the next space and may hold quotes and braces (`{"a":1}`).
// An unquoted ';' is a word of its own (multi's separator), and an unquoted '#' at the start of a word
// begins a comment that runs to the end of the line.
import { scriptText } from './text';

export interface Token {
  readonly value: string;
  /** Written in quotes: never a flag, a keyword, '&' or a separator. */
  readonly quoted: boolean;
  /** An unquoted ';'. */
  readonly separator: boolean;
}

export interface LexResult {
  readonly tokens: readonly Token[];
  /** The line without its comment, trimmed. */
  readonly code: string;
  readonly error?: string;
}

const isSpace = (c: string): boolean => /\s/.test(c);

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' };

export function lex(src: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  let codeEnd = src.length;
  const n = src.length;
  while (i < n) {
    const c = src.charAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      codeEnd = i;
      break;
    }
    if (c === ';') {
      tokens.push({ value: ';', quoted: false, separator: true });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const d = src.charAt(j);
        if (d === c) {
          closed = true;
          break;
        }
        if (d === '\\' && c === '"') {
          const e = src.charAt(j + 1);
          const replacement = ESCAPES[e];
          if (replacement === undefined) {
            return { tokens, code: src.trim(), error: scriptText.unknownEscape(`\\${e}`) };
          }
          value += replacement;
          j += 2;
          continue;
        }
        value += d;
        j++;
      }
      if (!closed) return { tokens, code: src.trim(), error: scriptText.unterminatedQuote(c) };
      i = j + 1;
      if (i < n) {
        const after = src.charAt(i);
        if (!isSpace(after) && after !== ';') {
          return { tokens, code: src.trim(), error: scriptText.textAfterQuote() };
        }
      }
      tokens.push({ value, quoted: true, separator: false });
      continue;
    }
    let j = i;
    while (j < n) {
      const d = src.charAt(j);
      if (isSpace(d) || d === ';') break;
      j++;
    }
    tokens.push({ value: src.slice(i, j), quoted: false, separator: false });
    i = j;
  }
  return { tokens, code: src.slice(0, codeEnd).trim() };
}
