import { i18n } from '#i18n';
// "Copy recap": the customer's story as plain text, to paste into an internal note or a hand-over. Pure.
import type { Conversation, ThreadMessage } from '../schemas';
import { calendarDate } from '../time';
import { handlerOf, lastPublicReply, outcomeOf } from './story';
import { isOpenStatus } from './summary';

/** Conversations a recap covers: the last few are what a colleague needs; the rest is one click away. */
export const RECAP_CONVERSATIONS = 3;
/** What we promised, cut to what fits a note. */
const REPLY_CHARS = 280;

/** A reply on one line, cut at a word near `max` characters. */
export function oneLine(text: string, max = REPLY_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max)}…`;
}

/** "rated bad: “Took a week”"; undefined when not rated good or bad. */
function ratingOf(c: Conversation): string | undefined {
  if (c.satisfaction !== 'good' && c.satisfaction !== 'bad') return undefined;
  const rating = i18n.t(c.satisfaction === 'good' ? 'panel.story.ratedGood' : 'panel.story.ratedBad');
  const comment = c.satisfactionComment && oneLine(c.satisfactionComment);
  return comment ? i18n.t('recap.ratedWithComment', { rating, comment }) : rating;
}

function conversationLines(c: Conversation, thread: readonly ThreadMessage[] | undefined): string[] {
  const rating = ratingOf(c);
  const handler = handlerOf(c);
  const head = [
    calendarDate(c.updatedAt),
    c.subject,
    outcomeOf(c),
    handler && i18n.t('panel.story.handledBy', { name: handler }),
    rating,
  ]
    .filter(Boolean)
    .join(' · ');
  const reply = thread && lastPublicReply(thread);
  return reply ? [`- ${head}`, `  ${i18n.t('recap.weSaid', { reply: oneLine(reply.body) })}`] : [`- ${head}`];
}

/**
 * The recap: who the customer is, how many conversations and how many open, then the last few, newest first, each
 * with its date, subject, outcome, who handled it, its rating and what we last told them (where the thread is read).
 */
export function recapText(
  customerName: string,
  earlier: readonly Conversation[],
  threads: ReadonlyMap<string, readonly ThreadMessage[]>,
): string {
  if (earlier.length === 0) return i18n.t('recap.first', { name: customerName });
  const open = earlier.filter((c) => isOpenStatus(c.status)).length;
  const head = i18n.t('recap.head', earlier.length, { name: customerName, open });
  const lines = earlier.slice(0, RECAP_CONVERSATIONS).flatMap((c) => conversationLines(c, threads.get(threadKeyOf(c))));
  return [head, ...lines].join('\n');
}

/** How threads are looked up by conversation. */
export const threadKeyOf = (c: Pick<Conversation, 'source' | 'id'>): string => `${c.source}/${c.id}`;
