// "Copy recap": the customer's story as plain text, to paste into an internal note or a hand-over. Pure.
import type { Conversation, ThreadMessage } from '../schemas';
import { calendarDate } from '../time';
import { handlerOf, lastPublicReply, outcomeOf } from './story';

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

function conversationLines(c: Conversation, thread: readonly ThreadMessage[] | undefined): string[] {
  const rating =
    c.satisfaction === 'good' || c.satisfaction === 'bad'
      ? `rated ${c.satisfaction}${c.satisfactionComment ? `: “${oneLine(c.satisfactionComment)}”` : ''}`
      : undefined;
  const handler = handlerOf(c);
  const head = [calendarDate(c.updatedAt), c.subject, outcomeOf(c), handler && `handled by ${handler}`, rating]
    .filter(Boolean)
    .join(' · ');
  const reply = thread && lastPublicReply(thread);
  return reply ? [`- ${head}`, `  We said: “${oneLine(reply.body)}”`] : [`- ${head}`];
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
  const open = earlier.filter((c) => outcomeOf(c) === 'still open').length;
  const head = `${customerName}: ${earlier.length} earlier conversation${earlier.length === 1 ? '' : 's'}, ${open} open.`;
  if (earlier.length === 0) return `${customerName}: first contact, no earlier conversations.`;
  const lines = earlier.slice(0, RECAP_CONVERSATIONS).flatMap((c) => conversationLines(c, threads.get(threadKeyOf(c))));
  return [head, ...lines].join('\n');
}

/** How threads are looked up by conversation. */
export const threadKeyOf = (c: Pick<Conversation, 'source' | 'id'>): string => `${c.source}/${c.id}`;
