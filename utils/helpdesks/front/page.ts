import { compact, textOf } from '../dom';
import type { HelpdeskPage } from '../types';

// Front. Facts and sources: docs/helpdesks.md §5. No session API is known, so there is no session API: history comes from the
// Core API with an API token an admin saves in Options.
// Front's classes are styled-components names: the component prefix is stable, the hash suffix changes per deploy,
// hence `[class*="…"]`. The page shows no conversation status through a known hook, so none is read.

/** `/open/cnv_…`, or any path ending in the conversation's API id. */
const API_ID_PATH = /\/(cnv_[0-9a-z]{1,12})(?:\/|$)/;
/**
 * `/inboxes/…/{folder}/{number}`: the number is the conversation id in base 10, the API id is `cnv_` + base 36
 * (public code converting between them; not verified). A trailing 0 means no conversation is selected.
 */
const FOLDER_PATH =
  /^\/inboxes\/.+\/(?:open|assigned|unassigned|archived|snoozed|all|trash|spam)\/([1-9]\d{0,14})(?:\/|$)/;

const apiIdOf = (urlId: string) => `cnv_${Number(urlId).toString(36)}`;
const urlIdOf = (apiId: string) => Number.parseInt(apiId.slice(4), 36);

/** `<zoe@example.com>` as the message header shows the sender's handle. */
function handleEmail(text: string | undefined): string | undefined {
  const candidate = /<([^<>]+)>/.exec(text ?? '')?.[1] ?? text;
  return candidate && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(candidate) ? candidate : undefined;
}

export const NAME = 'Front';

export const frontPage: HelpdeskPage = {
  id: 'front',
  name: NAME,
  matches: ['https://app.frontapp.com/*'],
  // The open conversation's viewer, `data-testid="viewer-{id}"`.
  pane: '[data-testid^="viewer-"]',
  shows: ['subject', 'name', 'email'],

  parseUrl(url) {
    if (url.protocol !== 'https:' || url.hostname !== 'app.frontapp.com') return null;
    const apiId = API_ID_PATH.exec(url.pathname)?.[1];
    const urlId = FOLDER_PATH.exec(url.pathname)?.[1];
    const ticketId = apiId ?? (urlId ? apiIdOf(urlId) : undefined);
    return ticketId ? { helpdesk: 'front', host: url.hostname, ticketId } : null;
  },

  readPage(root, ref) {
    // The open conversation's viewer carries its numeric id (`data-testid="viewer-{id}"`). Right after in-app
    // navigation the old viewer is still drawn under the new URL: without this conversation's viewer, read nothing.
    const viewer = root.querySelector(`[data-testid="viewer-${urlIdOf(ref.ticketId)}"]`);
    // The first message's sender started the conversation: the customer, in the usual inbound case.
    const message = viewer?.querySelector('[class*="messageViewerBase__StyledMessageDiv"]') ?? viewer;
    const sender = message?.querySelector('[class*="messageViewerRecipient__StyledDetailsWrapperDiv"]');
    return {
      subject: textOf(viewer, '[data-searchable-subject="true"] span'),
      customer: compact({
        name: textOf(sender, ':scope > div:first-child'),
        email: handleEmail(textOf(message, '[class*="messageViewerRecipient__StyledHandleSpan"]')),
        organisation:
          sender?.querySelector('[data-account-name]')?.getAttribute('data-account-name')?.trim() || undefined,
      }),
    };
  },
};
