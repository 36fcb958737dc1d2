import { i18n } from '#i18n';
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

/** Where each signal's words sit in the messages (their names allow no dashes). */
const MESSAGES = {
  'repeat-contact': 'repeatContact',
  'last-rating-bad': 'lastRatingBad',
  'last-rating-comment': 'lastRatingComment',
  'other-open': 'otherOpen',
  'first-contact': 'firstContact',
} as const satisfies Record<CaseSignalId, string>;

/** A signal's short name, as the panel and the playbook editor show it: "Repeat contact". */
export const signalLabel = (id: CaseSignalId): string => i18n.t(`signals.${MESSAGES[id]}.label`);

/** Why a behaviour with this signal as its trigger fits the case, in a list of reasons: "repeat contact". */
export const signalReason = (id: CaseSignalId): string => i18n.t(`signals.${MESSAGES[id]}.fits`);

const signal = (id: CaseSignalId, reason: string): CaseSignal => ({ id, label: signalLabel(id), reason });

function repeatContact(others: Conversation[], now: number): CaseSignal | undefined {
  const recent = others.filter((c) => now - c.createdAt <= REPEAT_WINDOW_MS).length;
  if (recent < REPEAT_MIN_TICKETS) return undefined;
  return signal('repeat-contact', i18n.t('signals.repeatContact.reason', recent));
}

function lastRatingBad(others: Conversation[]): CaseSignal | undefined {
  const rated = lastRated(others);
  if (rated?.satisfaction !== 'bad') return undefined;
  const comment = rated.satisfactionComment?.trim();
  const { subject } = rated;
  const reason = comment
    ? i18n.t('signals.lastRatingBad.reasonWithComment', { subject, comment })
    : i18n.t('signals.lastRatingBad.reason', { subject });
  return signal('last-rating-bad', reason);
}

/**
 * The customer's last rating came with words of their own, good or bad: worth reading before replying. The bad
 * rating's signal already quotes them, so this one then only names the conversation.
 */
function lastRatingComment(others: Conversation[]): CaseSignal | undefined {
  const rated = lastRated(others);
  const comment = rated?.satisfactionComment?.trim();
  if (!rated || !comment) return undefined;
  const { subject } = rated;
  const reason =
    rated.satisfaction === 'bad'
      ? i18n.t('signals.lastRatingComment.reasonOnBad', { subject })
      : i18n.t('signals.lastRatingComment.reason', { subject, comment });
  return signal('last-rating-comment', reason);
}

function otherOpen(others: Conversation[]): CaseSignal | undefined {
  const open = others.filter((c) => isOpenStatus(c.status)).length;
  if (open === 0) return undefined;
  return signal('other-open', i18n.t('signals.otherOpen.reason', open));
}

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
  if (others.length === 0)
    return historyFailing ? [] : [signal('first-contact', i18n.t('signals.firstContact.reason'))];
  return [repeatContact(others, now), lastRatingBad(others), lastRatingComment(others), otherOpen(others)].filter(
    (signal): signal is CaseSignal => signal !== undefined,
  );
}
