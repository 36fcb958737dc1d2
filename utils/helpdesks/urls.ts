import type { HelpdeskId, TicketRef } from '../schemas';

/**
 * The `parseUrl` of a helpdesk whose agent app is served over https on the hosts `isAgentHost` accepts, and whose
 * ticket id is the first capture group of one of `paths` (as the page URL spells it, or as `idOf` makes it whole).
 */
export function ticketInPath(
  helpdesk: HelpdeskId,
  isAgentHost: (host: string) => boolean,
  paths: readonly RegExp[],
  idOf: (id: string) => string = (id) => id,
): (url: URL) => TicketRef | null {
  return (url) => {
    if (url.protocol !== 'https:' || !isAgentHost(url.hostname)) return null;
    const id = paths.map((path) => path.exec(url.pathname)?.[1]).find(Boolean);
    return id ? { helpdesk, host: url.hostname, ticketId: idOf(id) } : null;
  };
}

/** Every subdomain of `domain` (`acme.zendesk.com` of `zendesk.com`), as accounts' agent hosts are. */
export const subdomainOf =
  (domain: string) =>
  (host: string): boolean =>
    host.endsWith(`.${domain}`);
