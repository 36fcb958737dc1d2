import { describe, expect, it } from 'vitest';
import { caseSignals } from '@/utils/history/signals';
import { freshnessOf, summarise, summaryLine } from '@/utils/history/summary';
import { conversation, DAY, MINUTE, NOW, SOURCE } from './history-fixtures';

const current = { ticketId: '500', source: SOURCE };
const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('caseSignals', () => {
  it('calls a customer with no other conversations a first contact, even when the current ticket is saved', () => {
    expect(caseSignals(current, [], NOW)).toEqual([
      { id: 'first-contact', label: 'First contact', reason: 'No earlier conversations with this customer' },
    ]);
    expect(ids(caseSignals(current, [conversation('500', { status: 'open' })], NOW))).toEqual(['first-contact']);
  });

  it('claims no first contact while the history fails to load: Kept may just not have read it', () => {
    expect(caseSignals(current, [], NOW, true)).toEqual([]);
    // Other signals still hold on what is cached.
    const earlier = [conversation('1', { status: 'open' })];
    expect(ids(caseSignals(current, earlier, NOW, true))).toEqual(['other-open']);
  });

  it('treats the same ticket id on another helpdesk as another ticket', () => {
    const elsewhere = conversation('500', { source: 'zendesk:other.zendesk.com' });
    expect(ids(caseSignals(current, [elsewhere], NOW))).toEqual([]);
  });

  it('flags a repeat contact from 2 other tickets created in the last 7 days, not counting this one', () => {
    const recent = [
      conversation('500', { createdAt: NOW - DAY }),
      conversation('1', { createdAt: NOW - 2 * DAY }),
      conversation('2', { createdAt: NOW - 7 * DAY }),
      conversation('3', { createdAt: NOW - 7 * DAY - MINUTE }),
    ];
    expect(caseSignals(current, recent, NOW)).toContainEqual({
      id: 'repeat-contact',
      label: 'Repeat contact',
      reason: '2 other tickets in the last 7 days',
    });
    expect(ids(caseSignals(current, recent.slice(0, 3).concat(conversation('4', { createdAt: NOW })), NOW))).toEqual([
      'repeat-contact',
    ]);
    expect(caseSignals(current, [conversation('1', { createdAt: NOW - DAY })], NOW)).toEqual([]);
  });

  it('says "3 other tickets" when there are three', () => {
    const three = ['1', '2', '3'].map((id) => conversation(id, { createdAt: NOW - DAY }));
    expect(caseSignals(current, three, NOW)[0]?.reason).toBe('3 other tickets in the last 7 days');
  });

  it('flags a bad last rating with the subject and the comment of that conversation', () => {
    const history = [
      conversation('1', { satisfaction: 'good', updatedAt: NOW - 20 * DAY }),
      conversation('2', {
        subject: 'Refund never arrived',
        satisfaction: 'bad',
        satisfactionComment: 'Nobody answered for a week',
        updatedAt: NOW - 10 * DAY,
      }),
      // Offered but not answered is no rating.
      conversation('3', { satisfaction: 'offered', updatedAt: NOW - 2 * DAY }),
    ];
    const signal = caseSignals(current, history, NOW).find((s) => s.id === 'last-rating-bad');
    expect(signal?.label).toBe('Last rating bad');
    expect(signal?.reason).toContain('Refund never arrived');
    expect(signal?.reason).toContain('Nobody answered for a week');
    const noComment = caseSignals(current, [conversation('2', { subject: 'Late', satisfaction: 'bad' })], NOW);
    expect(noComment[0]?.reason).toBe('“Late” was rated bad');
  });

  it('flags the last rating’s comment, good or bad, and only the last rating’s', () => {
    const good = [
      conversation('1', { satisfaction: 'bad', satisfactionComment: 'Slow', updatedAt: NOW - 20 * DAY }),
      conversation('2', {
        subject: 'Export fixed',
        satisfaction: 'good',
        satisfactionComment: ' Sam was brilliant ',
        updatedAt: NOW - 10 * DAY,
      }),
    ];
    expect(caseSignals(current, good, NOW)).toEqual([
      {
        id: 'last-rating-comment',
        label: 'Last rating comment',
        reason: '“Export fixed” was rated good: “Sam was brilliant”',
      },
    ]);
    const bad = [conversation('2', { subject: 'Late', satisfaction: 'bad', satisfactionComment: 'Took ages' })];
    expect(caseSignals(current, bad, NOW).find((s) => s.id === 'last-rating-comment')?.reason).toBe('on “Late”');
    const silent = [
      conversation('1', { satisfaction: 'good', satisfactionComment: 'Great', updatedAt: NOW - 20 * DAY }),
      conversation('2', { satisfaction: 'good', satisfactionComment: '  ', updatedAt: NOW - 10 * DAY }),
    ];
    expect(ids(caseSignals(current, silent, NOW))).toEqual([]);
  });

  it('does not flag a bad rating that a later good rating replaced', () => {
    const history = [
      conversation('1', { satisfaction: 'bad', updatedAt: NOW - 20 * DAY }),
      conversation('2', { satisfaction: 'good', updatedAt: NOW - 10 * DAY }),
    ];
    expect(ids(caseSignals(current, history, NOW))).toEqual([]);
  });

  it('counts other tickets still new, open, pending or on hold', () => {
    const history = [
      conversation('500', { status: 'open' }),
      conversation('1', { status: 'new' }),
      conversation('2', { status: 'pending' }),
      conversation('3', { status: 'hold' }),
      conversation('4', { status: 'solved' }),
      conversation('5', { status: 'closed' }),
    ];
    expect(caseSignals(current, history, NOW)).toEqual([
      { id: 'other-open', label: 'Other open tickets', reason: '3 other tickets still open' },
    ]);
    expect(caseSignals(current, [conversation('1', { status: 'open' })], NOW)[0]?.reason).toBe(
      '1 other ticket still open',
    );
  });

  it('lists every signal that holds, in a stable order', () => {
    const history = [
      conversation('1', { status: 'open', createdAt: NOW - DAY, updatedAt: NOW - DAY }),
      conversation('2', {
        satisfaction: 'bad',
        satisfactionComment: 'No',
        createdAt: NOW - 3 * DAY,
        updatedAt: NOW - 2 * DAY,
      }),
    ];
    expect(ids(caseSignals(current, history, NOW))).toEqual([
      'repeat-contact',
      'last-rating-bad',
      'last-rating-comment',
      'other-open',
    ]);
  });
});

describe('summary', () => {
  it('counts earlier conversations, open ones, the last contact and the last rating', () => {
    const earlier = [
      conversation('1', { status: 'open', updatedAt: NOW - 3 * DAY }),
      conversation('2', { status: 'hold', updatedAt: NOW - 5 * DAY, satisfaction: 'good' }),
      conversation('3', { status: 'solved', updatedAt: NOW - 9 * DAY, satisfaction: 'bad' }),
    ];
    const summary = summarise(earlier);
    expect(summary).toEqual({ conversations: 3, open: 2, lastContactAt: NOW - 3 * DAY, lastRating: 'good' });
    expect(summaryLine(summary, NOW)).toBe('3 conversations · 2 open · last contact 3 days ago · last rating good');
    expect(summaryLine(summarise([conversation('1')]), NOW)).toBe('1 conversation · 0 open · last contact 4 weeks ago');
    expect(summaryLine(summarise([]), NOW)).toBe('No conversations before this one');
  });

  it('takes freshness from the newest fetch and the latest problem still standing', () => {
    const base = { customerKey: 'k', attemptedAt: NOW };
    expect(freshnessOf([])).toEqual({ fetchedAt: undefined, problem: undefined, unreadable: 0 });
    const problem = { kind: 'server', message: 'Zendesk is down' } as const;
    expect(
      freshnessOf([
        { ...base, source: 'a', fetchedAt: NOW - 10 * MINUTE },
        { ...base, source: 'b', fetchedAt: NOW - 3 * MINUTE, problem, attemptedAt: NOW - MINUTE },
      ]),
    ).toEqual({ fetchedAt: NOW - 3 * MINUTE, problem, unreadable: 0 });
  });
});
