import type { Conversation, ConversationStatus } from '../schemas';
import { isOpenStatus, statusLabel } from './summary';

export const STATUS_FILTERS = ['all', 'open', 'solved'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface ConversationFilter {
  text: string;
  status: StatusFilter;
}

export const NO_FILTER: ConversationFilter = { text: '', status: 'all' };

export const isFiltering = (filter: ConversationFilter): boolean =>
  filter.text.trim() !== '' || filter.status !== 'all';

/** Lower case without accents, so "resume" finds "Résumé". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function matchesStatus(status: ConversationStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  return filter === 'open' ? isOpenStatus(status) : !isOpenStatus(status);
}

// Folding is the costly part of a match; rows are immutable, so each is folded once, not on every keystroke.
const folded = new WeakMap<Conversation, string>();

function searchTextOf(c: Conversation): string {
  let text = folded.get(c);
  if (text === undefined) {
    text = foldText([c.subject, c.excerpt ?? '', statusLabel(c.status, c.statusName), ...c.tags].join('\n'));
    folded.set(c, text);
  }
  return text;
}

/** The conversations whose subject, excerpt, tags or status contain every word typed, in the given status. */
export function filterConversations(conversations: Conversation[], filter: ConversationFilter): Conversation[] {
  const words = foldText(filter.text).split(/\s+/).filter(Boolean);
  if (words.length === 0 && filter.status === 'all') return conversations;
  return conversations.filter(
    (c) => matchesStatus(c.status, filter.status) && words.every((word) => searchTextOf(c).includes(word)),
  );
}
