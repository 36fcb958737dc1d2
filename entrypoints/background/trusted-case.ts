import { customRuleForUrl } from '@/utils/custom-helpdesks/page';
import { customRules } from '@/utils/custom-helpdesks/storage';
import { adapterForUrl } from '@/utils/helpdesks/pages';
import type { PageCase } from '@/utils/schemas';
import { readAllowedTenants, tenantAllowed } from '@/utils/tenants';

const originOf = (href: string): string | undefined => {
  try {
    return new URL(href).origin;
  } catch {
    return undefined;
  }
};

/**
 * The reported case as the browser vouches for it, or null. The helpdesk and host come from the URL of the tab that
 * sent it (which a page cannot forge), never from the message: the URL must be one of the pages of the helpdesk the
 * report names, on a tenant the organisation allows. A page on any other account of the helpdesk writes nothing.
 */
export async function trustedCase(page: PageCase, senderUrl: string | undefined): Promise<PageCase | null> {
  if (!senderUrl || originOf(page.url) !== originOf(senderUrl)) return null;
  // The helpdesk whose pages these are (by its match patterns, as the browser injected the script), not the ticket
  // the URL names: right after in-app navigation the browser may still report the page's previous address.
  const helpdesk =
    adapterForUrl(senderUrl)?.id ?? (customRuleForUrl(await customRules.getValue(), senderUrl) ? 'custom' : undefined);
  const host = new URL(senderUrl).hostname;
  if (helpdesk !== page.helpdesk) return null;
  if (!tenantAllowed(await readAllowedTenants(), helpdesk, host)) return null;
  return { ...page, helpdesk, host };
}
