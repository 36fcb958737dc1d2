import type { ConversationStatus } from '../../schemas';
import { compact, emailOf, textOf } from '../dom';
import type { HelpdeskPage } from '../types';
import { ticketInPath } from '../urls';

// Help Scout. Facts and sources: docs/helpdesks.md §3. No session API is known, so there is no session API: history comes from
// the Mailbox API 2.0 with an admin's own app (OAuth2 client credentials) saved in Options.

export const NAME = 'Help Scout';

/** `app.helpscout.com` is matched by a recent userscript; not verified as an agent host. */
const HOSTS = new Set(['secure.helpscout.net', 'app.helpscout.com']);

/**
 * `/conversation/{id}/{number}`: the id names the case, as the Mailbox API names the conversation (its threads are
 * read by it); the number is the "#1234" the rep sees.
 */
const CONVERSATION_PATH = /^\/conversations?\/(\d+)\/\d+(?:\/|$)/;

const STATUSES = new Map<string, ConversationStatus>([
  ['active', 'open'],
  ['pending', 'pending'],
  ['closed', 'closed'],
]);

/** Spam has no Kept status. */
export function statusOf(label: string | undefined): ConversationStatus | undefined {
  return label ? STATUSES.get(label.toLowerCase()) : undefined;
}

/** The smallest part of the page holding both the subject and the header actions: the conversation header. */
function headerOf(root: ParentNode): Element | null {
  const actions = root.querySelector('[data-cy="ConversationHeader.Actions"]');
  let node = root.querySelector('[aria-label="Conversation Subject"]');
  if (!actions) return null;
  while (node && !node.contains(actions)) node = node.parentElement;
  return node;
}

/** Conversation numbers by id, from the page's links to conversations (the open conversations' tabs link each one). */
function linkedNumbers(root: ParentNode): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const link of root.querySelectorAll('a[href*="/conversation/"]')) {
    const [, id, number] = /\/conversation\/(\d+)\/(\d+)/.exec(link.getAttribute('href') ?? '') ?? [];
    if (id && number) numbers.set(id, number);
  }
  return numbers;
}

/** Whether the header shows another conversation than `id`, as far as the page's links tell its number. */
function showsAnother(root: ParentNode, id: string): boolean {
  const shown = shownNumber(headerOf(root));
  if (!shown) return false;
  const numbers = linkedNumbers(root);
  const number = numbers.get(id);
  return number ? number !== shown : [...numbers].some(([other, n]) => n === shown && other !== id);
}

/** The "#1234" the conversation header shows, if it shows one. */
function shownNumber(header: Element | null): string | undefined {
  for (const node of header?.querySelectorAll('[data-cy="Text"]') ?? []) {
    const number = /^#(\d+)$/.exec(node.textContent?.trim() ?? '')?.[1];
    if (number) return number;
  }
  return undefined;
}

export const helpscoutPage: HelpdeskPage = {
  id: 'helpscout',
  name: NAME,
  matches: ['https://secure.helpscout.net/*', 'https://app.helpscout.com/*'],
  // The conversation view and the customer sidebar beside it.
  pane: '[data-cy="ConversationView"], [data-cy="customer-sidebar"], .c-conversation-sidebar',
  shows: ['subject', 'name', 'externalId'],

  parseUrl: ticketInPath('helpscout', (host) => HOSTS.has(host), [CONVERSATION_PATH]),

  readPage(root, ref) {
    // One conversation is on screen at a time. Right after in-app navigation the URL names the new one while the
    // old one is still drawn: read nothing until the header shows this conversation's number.
    if (showsAnother(root, ref.ticketId)) return { customer: {} };
    // The sidebar hooks are unconfirmed guesses (docs/helpdesks.md §3). The sure source, `window.appData`, is a page
    // global only a MAIN-world script can read; Kept reads the DOM only, so there is no organisation here.
    const sidebar = root.querySelector('[data-cy="customer-sidebar"], .c-conversation-sidebar');
    const profile = 'a[href*="/customer/"]';
    return {
      subject: textOf(root, '[aria-label="Conversation Subject"]'),
      // The status and the assignee share one container (status first); the assignee's name is no status.
      status: statusOf(textOf(root, '[class*="StatusAssigneecss__ContainerUI"] > :first-child')),
      customer: compact({
        name: textOf(sidebar, profile),
        email: emailOf(sidebar, 'a[href^="mailto:"]'),
        externalId: /\/customer\/(\d+)(?:\/|$)/.exec(sidebar?.querySelector(profile)?.getAttribute('href') ?? '')?.[1],
      }),
    };
  },
};
