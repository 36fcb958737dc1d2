import { describe, expect, it } from 'vitest';
import { filterConversations, foldText, isFiltering, NO_FILTER } from '@/utils/history/filter';
import { conversation } from './history-fixtures';

const list = [
  conversation('1', { subject: 'Résumé upload fails', status: 'open', tags: ['uploads'] }),
  conversation('2', { subject: 'Refund for order 1182', excerpt: 'I was charged twice', status: 'solved' }),
  conversation('3', { subject: 'Password reset', status: 'hold', tags: ['login', 'VIP'] }),
  conversation('4', { subject: 'Invoice address', status: 'closed' }),
  conversation('5', { subject: 'New laptop', status: 'pending' }),
];
const ids = (text: string, status: 'all' | 'open' | 'solved' = 'all') =>
  filterConversations(list, { text, status }).map((c) => c.id);

describe('filterConversations', () => {
  it('returns the same list when nothing is filtered', () => {
    expect(filterConversations(list, NO_FILTER)).toBe(list);
    expect(filterConversations(list, { text: '   ', status: 'all' })).toBe(list);
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ text: 'x', status: 'all' })).toBe(true);
    expect(isFiltering({ text: '', status: 'open' })).toBe(true);
  });

  it('matches subject, excerpt, tags and status, ignoring case', () => {
    expect(ids('REFUND')).toEqual(['2']);
    expect(ids('charged twice')).toEqual(['2']);
    expect(ids('vip')).toEqual(['3']);
    expect(ids('pending')).toEqual(['5']);
    expect(ids('on hold')).toEqual(['3']);
  });

  it('ignores accents both ways', () => {
    expect(ids('resume')).toEqual(['1']);
    expect(ids('RÉSUMÉ')).toEqual(['1']);
    expect(foldText('Crème Brûlée')).toBe('creme brulee');
  });

  it('needs every word typed, in any order', () => {
    expect(ids('order refund')).toEqual(['2']);
    expect(ids('refund laptop')).toEqual([]);
  });

  it('filters by status: open is new, open, pending and hold; solved is solved and closed', () => {
    expect(ids('', 'open')).toEqual(['1', '3', '5']);
    expect(ids('', 'solved')).toEqual(['2', '4']);
    expect(ids('re', 'solved')).toEqual(['2', '4']);
    expect(ids('password', 'solved')).toEqual([]);
  });
});
