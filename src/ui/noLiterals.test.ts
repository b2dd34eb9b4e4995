// No component renders text of its own: words come from the catalogues (src/view/text.ts and the others), so
// both languages have them. This finds text in JSX, in the attributes people read (aria-label, title, ...)
// and string literals placed straight into JSX.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const UI = join(__dirname);
/** Attributes whose value a person reads or hears. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
/** Letters in any script: a string with none (symbols, "·", "→", "▾") is not wording. */
const WORDING = /\p{L}{2,}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The literal text of a string or template expression, null for anything else. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isConditionalExpression(node)) return [literalText(node.whenTrue), literalText(node.whenFalse)].join(' ');
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) return [literalText(node.left), literalText(node.right)].join(' ');
    // `a && 'text'`, `a ?? 'text'`: the right side renders; a comparison (`role === 'crashed'`) does not.
    const renders = [
      ts.SyntaxKind.AmpersandAmpersandToken,
      ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.QuestionQuestionToken,
    ];
    return renders.includes(op) ? literalText(node.right) : null;
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  return null;
}

/** Each literal a component renders in `source`, as "line: text". */
export function renderedLiterals(source: string, file = 'x.tsx'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    if (WORDING.test(value))
      found.push(`${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${value.trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer !== undefined) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression !== undefined)
        report(init, literalText(init.expression) ?? '');
    } else if (ts.isJsxExpression(node) && node.expression !== undefined && ts.isJsxElement(node.parent)) {
      report(node, literalText(node.expression) ?? '');
    } else if (ts.isTemplateExpression(node) && ts.isArrayLiteralExpression(node.parent)) {
      // Lines of text built in a list (to render one by one) with a word beside a value.
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      if (parts.some((part) => /\p{L}{2,} $|^ \p{L}{2,}/u.test(part))) report(node, parts.join(' '));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('components', () => {
  it('render no literal text: every word comes from a catalogue', () => {
    const literals = tsxFiles(UI).flatMap((file) =>
      renderedLiterals(readFileSync(file, 'utf8'), file).map((hit) => `${relative(UI, file)}:${hit}`),
    );
    expect(literals).toEqual([]);
  });

  it('finds text in JSX, in a read attribute and in a string placed in JSX', () => {
    const source = `export const A = () => (
      <div className="a b" aria-label="Close" data-x="y">
        Hello
        <span title={\`Kill n\${1}\`}>{'literal words'}</span>
        <b>{t.ok} · {x ? 'yes' : t.no}</b>
        <i className={\`chip kind-\${k}\`}>{[\`ballot \${b}\`, t.x]}</i>
        <img alt="" />
      </div>
    );`;
    expect(renderedLiterals(source)).toEqual([
      '2: Close',
      '3: Hello',
      '4: Kill n',
      '4: literal words',
      '5: yes',
      '6: ballot',
    ]);
  });
});
