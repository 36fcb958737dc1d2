import { browser } from 'wxt/browser';

export type Access = { granted: true } | { granted: false; why: string };

/**
 * Asks the browser to let Kept reach `origin` (scheme and host, no path); `refused` is what the admin reads when
 * it does not. Call it inside the click, before anything is awaited: the permission prompt needs the user gesture,
 * which does not survive an await. A browser without a permissions API has no such prompt: access is granted.
 */
export function requestOrigin(origin: string, refused: string): Promise<Access> {
  const { permissions } = browser as { permissions?: Partial<typeof browser.permissions> };
  if (!permissions?.request) return Promise.resolve({ granted: true });
  const denied = (error?: unknown): Access => ({
    granted: false,
    why: error === undefined ? refused : `${refused} (${String(error)})`,
  });
  try {
    return permissions
      .request({ origins: [`${origin}/*`] })
      .then((granted): Access => (granted ? { granted: true } : denied()), denied);
  } catch (error) {
    return Promise.resolve(denied(error));
  }
}

/**
 * Gives back the browser's permission for match patterns Kept no longer needs (a deleted custom rule or API token),
 * except those `stillNeeded` by another. Hosts the manifest declares cannot be given back; the browser refuses, and
 * that is fine.
 */
export async function releaseOrigins(patterns: readonly string[], stillNeeded: readonly string[] = []): Promise<void> {
  const { permissions } = browser as { permissions?: Partial<typeof browser.permissions> };
  const unused = patterns.filter((pattern) => !stillNeeded.includes(pattern));
  if (!permissions?.remove || unused.length === 0) return;
  await permissions.remove({ origins: unused }).catch((error: unknown) => {
    console.warn('[Kept] could not give back a host permission', error);
  });
}
