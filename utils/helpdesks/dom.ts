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
  const candidate = href?.startsWith('mailto:') ? decoded(href.slice(7).split('?')[0] ?? '') : node.textContent;
  const trimmed = candidate?.trim();
  return trimmed && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? trimmed : undefined;
}

/** A %-escaped text, or undefined where an escape is malformed (`mailto:50%off@x.com` is no address). */
function decoded(escaped: string): string | undefined {
  try {
    return decodeURIComponent(escaped);
  } catch {
    return undefined;
  }
}

/** Drops undefined fields so records stay small and comparable. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The first element matching `selector` in `root` or inside any OPEN shadow root below it (Salesforce Lightning's
 * native-shadow pages hide fields from plain `querySelector`). A selector matches within one tree only: to cross a
 * shadow boundary, query the host first, then query again from it. Closed shadow roots stay closed.
 */
export function deepQuerySelector(root: ParentNode | null | undefined, selector: string): Element | null {
  if (!root) return null;
  const direct = root.querySelector(selector);
  if (direct) return direct;
  // The root itself may be a host (querySelector never looks into its own shadow root), then every host below it.
  const self = 'shadowRoot' in root ? [root as Element] : [];
  for (const host of [...self, ...root.querySelectorAll('*')]) {
    const found = host.shadowRoot ? deepQuerySelector(host.shadowRoot, selector) : null;
    if (found) return found;
  }
  return null;
}
