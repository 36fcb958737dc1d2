import { i18n } from '#i18n';
import type { Conversation, ConversationStatus, Problem, SyncState } from '../schemas';
import { relativeTime } from '../time';

/** The ticket in view, named the way history rows are keyed. */
export interface CurrentTicket {
  ticketId: string;
  source: string;
}

const OPEN_STATUSES: ReadonlySet<ConversationStatus> = new Set(['new', 'open', 'pending', 'hold']);

/** Still waiting on someone: new, open, pending or on hold. */
export const isOpenStatus = (status: ConversationStatus): boolean => OPEN_STATUSES.has(status);

/** The status as a rep says it: in the helpdesk's own word where it has one (its custom statuses, its stages). */
export function statusLabel(status: ConversationStatus, statusName?: string): string {
  return statusName || i18n.t(`status.${status}`);
}

export const isCurrentTicket = (conversation: Conversation, current: CurrentTicket): boolean =>
  conversation.id === current.ticketId && conversation.source === current.source;

/** Every conversation but the one in view. */
export function otherConversations(current: CurrentTicket, conversations: Conversation[]): Conversation[] {
  return conversations.filter((c) => !isCurrentTicket(c, current));
}

export type Rating = 'good' | 'bad';
export type RatedConversation = Conversation & { satisfaction: Rating };

const isRated = (c: Conversation): c is RatedConversation => c.satisfaction === 'good' || c.satisfaction === 'bad';

/** The most recently updated conversation the customer rated good or bad. */
export function lastRated(conversations: Conversation[]): RatedConversation | undefined {
  let latest: RatedConversation | undefined;
  for (const c of conversations) {
    if (isRated(c) && (!latest || c.updatedAt > latest.updatedAt)) latest = c;
  }
  return latest;
}

export interface HistorySummary {
  conversations: number;
  open: number;
  lastContactAt?: number;
  lastRating?: Rating;
}

/** What the header says about the earlier conversations (the one in view already excluded). */
export function summarise(earlier: Conversation[]): HistorySummary {
  // Last contact is the latest activity on any earlier ticket, so it agrees with the top row of the list.
  const lastContactAt = earlier.length ? Math.max(...earlier.map((c) => c.updatedAt)) : undefined;
  return {
    conversations: earlier.length,
    open: earlier.filter((c) => isOpenStatus(c.status)).length,
    lastContactAt,
    lastRating: lastRated(earlier)?.satisfaction,
  };
}

/** "1 conversation could not be read", for rows a helpdesk sent that Kept left out. */
export const unreadableLine = (count: number): string => i18n.t('history.unreadable', count);

/** "3 conversations · 1 open · last contact 3 days ago · last rating bad" */
export function summaryLine(summary: HistorySummary, now: number): string {
  if (summary.conversations === 0) return i18n.t('history.summary.none');
  const parts = [
    i18n.t('history.summary.conversations', summary.conversations),
    i18n.t('history.summary.open', summary.open),
  ];
  if (summary.lastContactAt !== undefined) {
    parts.push(i18n.t('history.summary.lastContact', { when: relativeTime(summary.lastContactAt, now) }));
  }
  if (summary.lastRating) {
    parts.push(
      i18n.t(summary.lastRating === 'good' ? 'history.summary.lastRatingGood' : 'history.summary.lastRatingBad'),
    );
  }
  return parts.join(' · ');
}

export interface Freshness {
  /** When any source last answered; undefined when history was never fetched. */
  fetchedAt?: number;
  /** The latest problem of a source that is still failing. */
  problem?: Problem;
  /** Rows the last fetches could not read and left out, over every source. */
  unreadable: number;
}

export function freshnessOf(states: SyncState[]): Freshness {
  let fetchedAt: number | undefined;
  let failing: SyncState | undefined;
  let unreadable = 0;
  for (const state of states) {
    unreadable += state.unreadable ?? 0;
    if (state.fetchedAt !== undefined && (fetchedAt === undefined || state.fetchedAt > fetchedAt)) {
      fetchedAt = state.fetchedAt;
    }
    if (state.problem && (!failing || state.attemptedAt > failing.attemptedAt)) failing = state;
  }
  return { fetchedAt, problem: failing?.problem, unreadable };
}
