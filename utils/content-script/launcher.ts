// The in-page "Kept" button. Plain DOM in a closed shadow root: the page's CSS cannot reach it and its CSS cannot
// leak into the page, and it costs no framework in the content script.

const STYLE = `
:host {
  all: initial; position: fixed; right: 6px; bottom: 62px; z-index: 2147483000;
  /* Contained, the button's arrival costs the helpdesk no restyle or relayout of its page. The padding keeps the
     shadow and the focus ring inside the paint box; the transparent rim lets clicks through to the page. */
  contain: layout style paint; padding: 10px; pointer-events: none;
}
button {
  pointer-events: auto;
  font: 600 13px/1 system-ui, sans-serif; color: #fff; background: #1f4f46; border: 0; border-radius: 999px;
  padding: 9px 14px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.25); cursor: pointer;
}
button:hover { background: #173c35; }
button:focus-visible { outline: 3px solid #f2b84b; outline-offset: 2px; }
`;

/** Where the background keeps the button's words in the browser's language (entrypoints/background/panel.ts). */
export const LAUNCHER_WORDS_KEY = 'launcherWords';

export interface LauncherWords {
  label: string;
  title: string;
}

/** The longest label or title the script takes from storage (the background's schema uses the same limit). */
export const MAX_LAUNCHER_WORDS = 200;

const isWord = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_LAUNCHER_WORDS;

/**
 * The button's words as the background stored them. Only when they are missing (the first moments after an install,
 * or after "Delete all Kept data") does the script ask `i18n.getMessage`: its first call is a synchronous round trip
 * to the browser for the whole messages file, which holds the page's thread for tens of milliseconds as it loads.
 */
function wordsOf(stored: unknown): LauncherWords {
  const words = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<string, unknown>>;
  return isWord(words.label) && isWord(words.title)
    ? { label: words.label, title: words.title }
    : // Keys as the build flattens them.
      { label: browser.i18n.getMessage('launcher_label'), title: browser.i18n.getMessage('launcher_title') };
}

/** Runs `work` when the page's main thread is idle (within a second), not while the page is still loading. */
const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 1000 }) : setTimeout(work, 0);

/** The in-page button; `storedWords` is the raw value under LAUNCHER_WORDS_KEY. */
export function createLauncher(onOpen: () => void, storedWords: unknown) {
  let host: HTMLElement | undefined;
  let wanted = false;

  const mount = () => {
    host = document.createElement('kept-launcher');
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Kept';
    // Not the i18n module: this script stays small.
    const words = wordsOf(storedWords);
    button.title = words.title;
    button.setAttribute('aria-label', words.label);
    button.addEventListener('click', onOpen);
    root.append(style, button);
    document.documentElement.append(host);
  };

  return {
    toggle(show: boolean) {
      if (show && !host && !wanted) {
        wanted = true;
        whenIdle(() => wanted && !host && mount());
      }
      if (!show) this.remove();
    },
    remove() {
      wanted = false;
      host?.remove();
      host = undefined;
    },
  };
}
