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

/** Runs `work` when the page's main thread is idle (within a second), not while the page is still loading. */
const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 1000 }) : setTimeout(work, 0);

export function createLauncher(onOpen: () => void) {
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
    // The browser's own lookup, not the i18n module: this script stays small. Keys as the build flattens them.
    button.title = browser.i18n.getMessage('launcher_title');
    button.setAttribute('aria-label', browser.i18n.getMessage('launcher_label'));
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
