import { useCallback, useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { OPTIONS_SECTIONS, type OptionsSectionId, sectionOfHash } from '@/utils/options/section-id';
import { requestedSection, sectionName } from '@/utils/options/sections';

/** Puts a section at the top of the view and the focus on its first heading, so reading starts there. */
function showSection(id: OptionsSectionId): boolean {
  const section = document.getElementById(id);
  const heading = section?.querySelector<HTMLElement>('h2');
  if (!section || !heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
  // scroll-margin keeps the heading clear of the compact bar on narrow screens.
  section.scrollIntoView?.({ block: 'start' });
  return true;
}

/**
 * The section the rep is in: the one a `#fragment` or a prompt elsewhere in Kept asked for (its heading focused once
 * `ready`, when the content above it has drawn), then whichever the rep scrolls to.
 */
export function useCurrentSection(ready: boolean) {
  const [current, setCurrent] = useState<OptionsSectionId>(() => sectionOfHash(window.location.hash) ?? 'you');
  const [pending, setPending] = useState(() => sectionOfHash(window.location.hash));

  const go = useCallback((id: OptionsSectionId) => {
    setCurrent(id);
    setPending(id);
  }, []);

  useEffect(() => {
    if (!ready || !pending) return;
    if (showSection(pending)) setPending(undefined);
  }, [ready, pending]);

  useEffect(() => {
    const onHash = () => {
      const id = sectionOfHash(window.location.hash);
      if (id) go(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [go]);

  // A prompt in the panel or popup asked for a section: show it and write it in the address, then forget the ask.
  useEffect(() => {
    const take = (id: OptionsSectionId | null) => {
      if (!id) return;
      window.history.replaceState(window.history.state, '', `#${id}`);
      go(id);
      void requestedSection.setValue(null);
    };
    void requestedSection.getValue().then(take);
    return requestedSection.watch(take);
  }, [go]);

  // Scrolling: the current section is the last one whose top has passed the upper third of the view. At the page's
  // end a short last section never gets there, so the one the rep went to stays current while it is in view.
  useEffect(() => {
    let frame = 0;
    const topOf = (id: OptionsSectionId) => document.getElementById(id)?.getBoundingClientRect().top;
    const spy = () => {
      frame = 0;
      const passed = OPTIONS_SECTIONS.filter((id) => (topOf(id) ?? Number.POSITIVE_INFINITY) <= window.innerHeight / 3);
      const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      setCurrent((shown) => {
        const shownTop = topOf(shown);
        if (atEnd && shownTop !== undefined && shownTop < window.innerHeight) return shown;
        return passed.at(-1) ?? shown;
      });
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(spy);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);

  return { current, go };
}

interface Props {
  current: OptionsSectionId;
  onGo: (id: OptionsSectionId) => void;
}

/** The page's sections as links: a column that stays in view on wide screens, a bar along the top on narrow ones. */
export function OptionsNav({ current, onGo }: Props) {
  return (
    <nav aria-label={i18n.t('options.sections.label')} className="options-nav">
      <ul>
        {OPTIONS_SECTIONS.map((id) => (
          <li key={id}>
            <a
              href={`#${id}`}
              aria-current={current === id ? 'location' : undefined}
              onClick={(event) => {
                // The same fragment again fires no hashchange, and following it would take the focus away.
                if (window.location.hash !== `#${id}`) return;
                event.preventDefault();
                onGo(id);
              }}
            >
              {sectionName[id]()}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
