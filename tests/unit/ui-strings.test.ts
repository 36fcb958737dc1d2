import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every word a rep reads comes from locales/*.yml through i18n.t, so each language shows its own. This finds words
// written straight into the interface: JSX text, and string literals given as text, a label, a title, a placeholder
// or alternative text.

/** Props whose string a person reads or hears. */
const READ_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Product names, written the same in every language. */
const PRODUCT_NAMES = new Set(['Kept', 'Slack', 'Teams', 'Microsoft Teams']);

/** A word of two letters or more in any script ("To"); "·" and "→" are not words to translate. */
const hasWords = (text: string) => /\p{L}{2,}/u.test(text);
/** A code token: `done`, `aria-busy`, `#helpdesks`, `thread-${id}`, `roles[${i}].name`, `translateY(${y}px)`, a URL. */
const CODE_TOKEN = /^([a-z][\w.:;/#?=&@+()[\]-]*|https?:\S*|mailto:\S*|[./#[]\S*)$/;
/**
 * Words for people: more than one word, or one capitalised. Code is one lower-case token, or class names (every token
 * with a dash), whatever `${…}` it holds.
 */
function isProse(text: string): boolean {
  const tokens = text
    .replace(/\$\{[^}]*\}/g, 'x')
    .trim()
    .split(/\s+/);
  const code = tokens.every((t) => CODE_TOKEN.test(t)) && (tokens.length === 1 || tokens.every((t) => /[-_]/.test(t)));
  return hasWords(text.replace(/\$\{[^}]*\}/g, '')) && !code && !PRODUCT_NAMES.has(text.trim());
}

/** Text inside `<code>` or `<kbd>` is an example to type as shown, not words to translate. */
function insideCode(node: ts.JsxText, file: ts.SourceFile): boolean {
  const element = node.parent;
  return ts.isJsxElement(element) && /^(code|kbd)$/.test(element.openingElement.tagName.getText(file));
}

/** The JSX attribute a value belongs to, through `{…}`, `a ? b : c`, `a || b` and parentheses; none outside one. */
function attributeOf(node: ts.Node): ts.JsxAttribute | undefined {
  let at = node.parent;
  while (
    ts.isJsxExpression(at) ||
    ts.isConditionalExpression(at) ||
    ts.isParenthesizedExpression(at) ||
    (ts.isBinaryExpression(at) && at.left !== node && at.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken)
  ) {
    at = at.parent;
  }
  return ts.isJsxAttribute(at) ? at : undefined;
}

/** Attributes, imports and types hold code, not words, whatever their strings say. */
function isCodePosition(node: ts.Node, file: ts.SourceFile): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent)) return true;
  const attribute = attributeOf(node);
  if (attribute) return !READ_PROPS.has(attribute.name.getText(file));
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) || ts.isCaseClause(parent)) return true;
  // Written to the developer console, not to the rep.
  if (ts.isCallExpression(parent) && parent.expression.getText(file).startsWith('console.')) return true;
  // A CSS selector: `querySelector('input, textarea')`.
  if (ts.isCallExpression(parent) && /\.(querySelector(All)?|closest|matches)$/.test(parent.expression.getText(file))) {
    return true;
  }
  // Compared with (`kind === 'slack'`), not shown.
  return ts.isBinaryExpression(parent) && /^[!=]==?$/.test(parent.operatorToken.getText(file));
}

function sourcesUnder(folder: string): string[] {
  return readdirSync(path.resolve(folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx'))
    .map((file) => path.join(folder, file));
}

/** Where each hard-coded string is, as `line: text`. */
function hardCodedStrings(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    found.push(`${line}: ${text.trim().replace(/\s+/g, ' ')}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text) && !insideCode(node, file)) report(node, node.text);
    const literal =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
    if (literal && !isCodePosition(node, file)) {
      const text = node.getText(file).slice(1, -1);
      if (isProse(text)) report(node, text);
    }
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The hooks and stores under utils/ that decide what the rep reads: the ones that use React, Zustand or live queries. */
function stateModulesUnder(folder: string): string[] {
  return readdirSync(path.resolve(folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(folder, file))
    .filter((file) => /from '(react|zustand|dexie-react-hooks)'/.test(readFileSync(path.resolve(file), 'utf8')));
}

const files = [...sourcesUnder('components'), ...sourcesUnder('entrypoints'), ...stateModulesUnder('utils')];

describe('words in the interface', () => {
  it.each(files)('%s has none written in', (file) => {
    expect(hardCodedStrings(file, readFileSync(path.resolve(file), 'utf8'))).toEqual([]);
  });

  it('finds JSX text, read props and text expressions, and lets code and symbols pass', () => {
    const source = [
      'export const A = () => (',
      '  <p title="Shown on hover" className="muted" aria-label={i18n.t("x")}>',
      '    Earlier conversations',
      `    {'Nothing here'} {\`Showing \${n}\`} {' · '} {n}`,
      '    <input placeholder={`Filter by subject`} type="search" data-testid="filter-field" />',
      `    <span className={open ? 'last-reply last-reply--short' : 'rated'} id={\`row-\${id}\`}>{kind === 'Done' && 'x'}</span>`,
      '  </p>',
      ');',
      "console.error('[Kept] a screen failed to render');",
      `row.querySelector('input, textarea'); const at = \`roles[\${i}].name\`;`,
      `const style = { transform: \`translateY(\${y}px)\` };`,
    ].join('\n');
    expect(hardCodedStrings('a.tsx', source)).toEqual([
      '2: Shown on hover',
      '3: Earlier conversations',
      '4: Nothing here',
      `4: Showing \${n}`,
      '5: Filter by subject',
    ]);
  });
});
