// The colour tokens in components/kept.css, checked against WCAG 2.2 AA in both themes: text 4.5:1 on every ground it
// is drawn on, and 3:1 for what must be seen but is not text (the focus ring, control borders, signal accents).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(path.resolve('components/kept.css'), 'utf8');

/** The custom properties declared in a block of the stylesheet. */
function declarations(block: string): Map<string, string> {
  return new Map([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
}

const lightBlock = /^:root \{([\s\S]*?)^\}/m.exec(css)?.[1] ?? '';
const darkBlock = /@media \(prefers-color-scheme: dark\) \{\s*:root \{([\s\S]*?)\}/.exec(css)?.[1] ?? '';
const light = declarations(lightBlock);
// Dark redefines some tokens; the rest (aliases like --ok) resolve against the dark values.
const dark = new Map([...light, ...declarations(darkBlock)]);

/** A colour token's hex value, following `var(--other)` aliases. */
function colour(tokens: Map<string, string>, name: string): string {
  const value = tokens.get(name);
  if (!value) throw new Error(`no ${name} in kept.css`);
  const alias = /^var\((--[\w-]+)\)$/.exec(value);
  if (alias?.[1]) return colour(tokens, alias[1]);
  if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) throw new Error(`${name} is not a hex colour: ${value}`);
  return value;
}

/** WCAG relative luminance of a #rgb or #rrggbb colour. */
function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c) : [1, 3, 5].map((i) => hex.slice(i, i + 2));
  const [r, g, b] = digits.map((d) => {
    const c = Number.parseInt(d, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}

/** Text colours and every ground the stylesheet draws them on. */
const TEXT: Record<string, string[]> = {
  '--ink': ['--bg', '--surface', '--hover', '--tint', '--chip', '--chip-muted', '--warn-bg', '--warn-soft', '--bad-bg'],
  '--muted': ['--bg', '--surface', '--hover', '--tint', '--chip-muted', '--warn-bg', '--warn-soft', '--bad-bg'],
  '--brand': ['--bg', '--surface', '--hover', '--tint', '--chip'],
  '--ok': ['--bg', '--surface'],
  '--bad': ['--bg', '--surface', '--bad-bg'],
  '--on-brand': ['--brand', '--bad'],
};
/** Marks that are not text but must be seen: 3:1 against what is around them. */
const NON_TEXT: Record<string, string[]> = {
  '--focus': ['--bg', '--surface', '--tint', '--hover'],
  '--control-line': ['--bg', '--surface'],
  '--warn': ['--bg', '--surface'],
  '--bad': ['--bg', '--surface'],
  '--brand': ['--bg', '--surface'],
};

const pairs = (table: Record<string, string[]>) =>
  Object.entries(table).flatMap(([fg, grounds]) => grounds.map((bg) => [fg, bg] as const));

describe.each([
  ['light', light],
  ['dark', dark],
])('colour tokens, %s theme', (_theme, tokens) => {
  it.each(pairs(TEXT))('text %s on %s reaches 4.5:1', (fg, bg) => {
    expect(contrast(colour(tokens, fg), colour(tokens, bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(pairs(NON_TEXT))('%s against %s reaches 3:1', (fg, bg) => {
    expect(contrast(colour(tokens, fg), colour(tokens, bg))).toBeGreaterThanOrEqual(3);
  });
});

describe('contrast', () => {
  it('measures as WCAG does', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('reads both themes from the stylesheet', () => {
    expect(light.get('--bg')).toBe('#fbfcfb');
    expect(dark.get('--bg')).not.toBe(light.get('--bg'));
  });
});
