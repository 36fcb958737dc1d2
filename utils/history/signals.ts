import type { CaseSignalId } from '../playbook/schema';
import type { Conversation } from '../schemas';
import { type CurrentTicket, isOpenStatus, lastRated, otherConversations } from './summary';

export type { CurrentTicket } from './summary';

/** Something about this case a rep should know before replying; the playbook brings matching behaviours up. */
export type CaseSignal = {
  id: CaseSignalId;
  label: string;
  /** Why the signal holds, short enough to show beside the label. */
  reason: string;
};
export type { CaseSignalId };

export const REPEAT_WINDOW_MS = 7 * 24 * 60 * 60_000;
/** Other tickets within the window that make this a repeat contact. */
export const REPEAT_MIN_TICKETS = 2;

const tickets = (n: number) => `${n} other ticket${n === 1 ? '' : 's'}`;

function repeatContact(others: Conversation[], now: number): CaseSignal | undefined {
  const recent = others.filter((c) => now - c.createdAt <= REPEAT_WINDOW_MS).length;
  if (recent < REPEAT_MIN_TICKETS) return undefined;
  return { id: 'repeat-contact', label: 'Repeat contact', reason: `${tickets(recent)} in the last 7 days` };
}

function lastRatingBad(others: Conversation[]): CaseSignal | undefined {
  const rated = lastRated(others);
  if (rated?.satisfaction !== 'bad') return undefined;
  const comment = rated.satisfactionComment?.trim();
  const reason = `“${rated.subject}” was rated bad${comment ? `: “${comment}”` : ''}`;
  return { id: 'last-rating-bad', label: 'Last rating bad', reason };
}

/**
 * The customer's last rating came with words of their own, good or bad: worth reading before replying. The bad
 * rating's signal already quotes them, so this one then only names the conversation.
 */
function lastRatingComment(others: Conversation[]): CaseSignal | undefined {
  const rated = lastRated(others);
  const comment = rated?.satisfactionComment?.trim();
  if (!rated || !comment) return undefined;
  const reason =
    rated.satisfaction === 'bad' ? `on “${rated.subject}”` : `“${rated.subject}” was rated good: “${comment}”`;
  return { id: 'last-rating-comment', label: 'Last rating comment', reason };
}

function otherOpen(others: Conversation[]): CaseSignal | undefined {
  const open = others.filter((c) => isOpenStatus(c.status)).length;
  if (open === 0) return undefined;
  return { id: 'other-open', label: 'Other open tickets', reason: `${tickets(open)} still open` };
}

const firstContact: CaseSignal = {
  id: 'first-contact',
  label: 'First contact',
  reason: 'No earlier conversations with this customer',
};

/**
 * The signals of the case in view, from the customer's history (which may or may not include the current ticket).
 * Every signal looks at the other tickets only: the one in view is what the rep is answering. `historyFailing`: a
 * history fetch for this customer is failing, so an empty history may only be one Kept could not read.
 */
export function caseSignals(
  current: CurrentTicket,
  conversations: Conversation[],
  now: number,
  historyFailing = false,
): CaseSignal[] {
  const others = otherConversations(current, conversations);
  if (others.length === 0) return historyFailing ? [] : [firstContact];
  return [repeatContact(others, now), lastRatingBad(others), lastRatingComment(others), otherOpen(others)].filter(
    (signal): signal is CaseSignal => signal !== undefined,
  );
}
