import { i18n } from '#i18n';
// The story so far: what a rep needs to know of a customer before replying, composed from the cached history and,
// where Kept has read it, the last contact's thread. Pure.
import type { Conversation, CustomerIdentity, ThreadMessage } from '../schemas';
import { browserLocale, clockTimeIn } from '../time';
import { isOpenStatus, statusLabel } from './summary';

export interface LastContact {
  conversation: Conversation;
  /** Who handled it, by name; undefined when the helpdesk did not say (never a bare id). */
  handler?: string;
  /** How it ended, as a rep says it: "solved", "still open". */
  outcome: string;
}

export interface StorySoFar {
  lastContact?: LastContact;
  /** The last public agent reply of the last contact, once its thread is read. */
  lastReply?: ThreadMessage;
  /** The customer's other open tickets, in any helpdesk, newest first. */
  openElsewhere: Conversation[];
  /** "14:05 in Europe/Berlin", where the helpdesk gives the customer's time zone. */
  localTime?: string;
  /** "German", where the helpdesk gives the customer's language. */
  language?: string;
}

/** The name of who handled a conversation; undefined when only an id is known. */
export const handlerOf = (c: Conversation): string | undefined => c.assignee?.name?.trim() || undefined;

/** How a conversation ended, or that it has not. */
export const outcomeOf = (c: Conversation): string =>
  isOpenStatus(c.status) ? i18n.t('history.stillOpen') : statusLabel(c.status);

/** What we last told the customer: the last reply an agent made public (internal notes are not that). */
export function lastPublicReply(messages: readonly ThreadMessage[]): ThreadMessage | undefined {
  let last: ThreadMessage | undefined;
  for (const m of messages) {
    if (m.author === 'agent' && !m.internal && (!last || m.createdAt >= last.createdAt)) last = m;
  }
  return last;
}

/** The customer's wall-clock time in their zone, or undefined for a zone the browser does not know. */
export function localTimeOf(timeZone: string | undefined, now: number): string | undefined {
  const time = timeZone ? clockTimeIn(timeZone, now) : undefined;
  return time && i18n.t('panel.story.timeIn', { time, zone: timeZone ?? '' });
}

/** A language tag ("de", "en-US") as the rep reads it, in the browser's language ("German", "Deutsch"). */
export function languageOf(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return new Intl.DisplayNames(browserLocale(), { type: 'language' }).of(locale) ?? locale;
  } catch {
    return undefined;
  }
}

/**
 * The story so far of the customer of the ticket in view. `earlier`: their other conversations, newest first;
 * `lastThread`: the messages of the first of them, when read.
 */
export function storyOf(
  earlier: readonly Conversation[],
  customer: Pick<CustomerIdentity, 'timeZone' | 'locale'>,
  now: number,
  lastThread?: readonly ThreadMessage[],
): StorySoFar {
  const last = earlier[0];
  return {
    lastContact: last && { conversation: last, handler: handlerOf(last), outcome: outcomeOf(last) },
    lastReply: lastThread && lastPublicReply(lastThread),
    openElsewhere: earlier.filter((c) => isOpenStatus(c.status)),
    localTime: localTimeOf(customer.timeZone, now),
    language: languageOf(customer.locale),
  };
}
