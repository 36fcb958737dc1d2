// Ways into Options at one section: a link, or a prompt elsewhere in Kept that opens the browser's options tab.
import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { checkedItem } from '../storage-item';
import { OptionsSectionId } from './section-id';

/** Each section's name, in the navigation and in the prompts that link to it. */
export const sectionName: Record<OptionsSectionId, () => string> = {
  you: () => i18n.t('options.sections.you'),
  playbook: () => i18n.t('options.sections.playbook'),
  helpdesks: () => i18n.t('options.sections.helpdesks'),
  kudos: () => i18n.t('options.sections.kudos'),
  data: () => i18n.t('options.sections.data'),
};

/** Options opened on one section, for a link. */
export const optionsUrl = (section: OptionsSectionId) => browser.runtime.getURL(`/options.html#${section}`);

/**
 * The section a prompt asked for: `openOptionsPage` opens (or brings forward) the page without a fragment, so the
 * page reads this on load and while open. In session storage, so a request that was never shown does not outlive
 * the browser.
 */
export const requestedSection = checkedItem('session:optionsSection', {
  schema: z.nullable(OptionsSectionId),
  fallback: null,
});

/** Opens Options on a section, in the tab the browser keeps for Options. Call it inside the rep's click. */
export function openOptions(section: OptionsSectionId): void {
  requestedSection
    .setValue(section)
    .catch((error: unknown) => console.warn('[Kept] could not ask for a section:', error));
  browser.runtime.openOptionsPage().catch((error: unknown) => console.warn('[Kept] could not open Options:', error));
}
