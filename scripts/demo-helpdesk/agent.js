// Demo helpdesk only: makes the agent pages behave like Zendesk's single-page app. Clicking a ticket link
// changes the URL with history.pushState and swaps the main pane in place — no page load — so the extension
// has to notice ticket changes the way it must on the real product.
(() => {
  const main = () => document.querySelector('[data-demo-main]');
  const tabIdsInPage = () =>
    Array.from(document.querySelectorAll('[data-test-id="header-tab"]'), (tab) =>
      tab.getAttribute('data-entity-id'),
    ).filter(Boolean);

  // Ticket tabs open in this window, oldest first. Kept while the rep visits the dashboard, like Zendesk's tab bar.
  let openTabs = tabIdsInPage();
  let latest = 0;

  async function show(url) {
    const navigation = ++latest;
    try {
      const response = await fetch(url, {
        credentials: 'same-origin',
        headers: { 'X-Demo-Partial': '1', 'X-Demo-Open-Tabs': openTabs.join(',') },
      });
      const html = await response.text();
      if (navigation !== latest) return; // a newer click won
      const target = main();
      if (!target) throw new Error('no main pane');
      // biome-ignore lint/plugin: the demo helpdesk renders its own server's markup, as the real helpdesk does.
      target.innerHTML = html;
      const title = response.headers.get('X-Demo-Title');
      if (title) document.title = decodeURIComponent(title);
      const tabs = tabIdsInPage();
      if (tabs.length > 0) openTabs = tabs;
      target.focus({ preventScroll: true }); // keyboard and screen-reader users land in the new content
    } catch {
      window.location.assign(url); // fall back to a real page load
    }
  }

  document.addEventListener('click', (event) => {
    const plainClick = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (event.defaultPrevented || !plainClick || !(event.target instanceof Element)) return;
    const link = event.target.closest('a[data-demo-nav]');
    if (!link || link.origin !== window.location.origin) return;
    event.preventDefault();
    if (link.href === window.location.href) return;
    // Like Zendesk: the URL changes first, the workspace renders a moment later.
    history.pushState({ demo: true }, '', link.href);
    show(link.href);
  });

  window.addEventListener('popstate', () => show(window.location.href));
})();
