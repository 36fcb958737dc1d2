import { findCustomTicket } from '@/utils/custom-helpdesks/page';
import { customRules } from '@/utils/custom-helpdesks/storage';
import { findTicket } from '@/utils/helpdesks/pages';
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
 * sent it (which a page cannot forge), never from the message: the URL must be a ticket of the helpdesk the page
 * names, on a tenant the organisation allows. A page on any other account of the helpdesk writes nothing.
 */
export async function trustedCase(page: PageCase, senderUrl: string | undefined): Promise<PageCase | null> {
  if (!senderUrl || originOf(page.url) !== originOf(senderUrl)) return null;
  const ref = findTicket(senderUrl)?.ref ?? findCustomTicket(await customRules.getValue(), senderUrl)?.ref;
  if (!ref || ref.helpdesk !== page.helpdesk) return null;
  if (!tenantAllowed(await readAllowedTenants(), ref.helpdesk, ref.host)) return null;
  return { ...page, helpdesk: ref.helpdesk, host: ref.host };
}
