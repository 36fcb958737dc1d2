/** Small DOM readers shared by adapters: trimmed text or undefined, never throwing on a missing node. */

export function textOf(root: ParentNode | null | undefined, selector: string): string | undefined {
  const node = root?.querySelector(selector);
  if (!node) return undefined;
  // Tag names, not instanceof: fixtures parsed in another window have other constructors.
  const value =
    node.tagName === 'INPUT' || node.tagName === 'TEXTAREA' ? (node as HTMLInputElement).value : node.textContent;
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

/** An email from a mailto: link or the element's text, if it looks like one. */
export function emailOf(root: ParentNode | null | undefined, selector: string): string | undefined {
  const node = root?.querySelector(selector);
  if (!node) return undefined;
  const href = node.getAttribute('href');
  const candidate = href?.startsWith('mailto:')
    ? decodeURIComponent(href.slice(7).split('?')[0] ?? '')
    : node.textContent;
  const trimmed = candidate?.trim();
  return trimmed && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? trimmed : undefined;
}

/** Drops undefined fields so records stay small and comparable. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
