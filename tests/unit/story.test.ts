import { describe, expect, it } from 'vitest';
import { recapText, threadKeyOf } from '@/utils/history/recap';
import { handlerOf, languageOf, lastPublicReply, localTimeOf, storyOf } from '@/utils/history/story';
import type { Conversation, ThreadMessage } from '@/utils/schemas';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-05T12:00:00Z');

const conversation = (id: string, over: Partial<Conversation> = {}): Conversation => ({
  source: 'zendesk:acme.zendesk.com',
  id,
  customerKey: 'hannah@example.com',
  subject: `Ticket ${id}`,
  status: 'solved',
  createdAt: NOW - 10 * DAY,
  updatedAt: NOW - 5 * DAY,
  url: `https://acme.zendesk.com/agent/tickets/${id}`,
  tags: [],
  ...over,
});

const message = (id: string, over: Partial<ThreadMessage>): ThreadMessage => ({
  id,
  author: 'agent',
  internal: false,
  body: `message ${id}`,
  createdAt: NOW - 3 * DAY,
  ...over,
});

const last = conversation('1042', {
  subject: 'Still charged twice',
  updatedAt: NOW - 2 * DAY,
  assigneeId: '372000000003',
  assignee: { name: 'Jonas Weber' },
  satisfaction: 'good',
  satisfactionComment: 'Jonas was brilliant',
});
const open = conversation('1050', {
  status: 'pending',
  updatedAt: NOW - 6 * DAY,
  source: 'freshdesk:acme.freshdesk.com',
});
const byIdOnly = conversation('1001', { updatedAt: NOW - 60 * DAY, assigneeId: '12' });

const thread: ThreadMessage[] = [
  message('1', { author: 'customer', body: 'I was charged twice.' }),
  message('2', { body: 'Refund on its way within 5 days.', authorName: 'Jonas Weber', createdAt: NOW - 2.5 * DAY }),
  message('3', { body: 'Checked with finance.', internal: true, createdAt: NOW - 2.2 * DAY }),
];

describe('the story so far', () => {
  it('tells the last contact: when, subject, who handled it, how it ended, its rating comment', () => {
    const story = storyOf([last, open, byIdOnly], {}, NOW);
    expect(story.lastContact).toMatchObject({ conversation: last, handler: 'Jonas Weber', outcome: 'solved' });
    expect(story.lastContact?.conversation.satisfactionComment).toBe('Jonas was brilliant');
  });

  it('names who handled a conversation, never a bare id', () => {
    expect(handlerOf(last)).toBe('Jonas Weber');
    expect(handlerOf(byIdOnly)).toBeUndefined();
  });

  it('quotes what we last told the customer: the last public agent reply, not an internal note', () => {
    expect(lastPublicReply(thread)?.body).toBe('Refund on its way within 5 days.');
    expect(storyOf([last], {}, NOW, thread).lastReply?.id).toBe('2');
    expect(lastPublicReply([message('x', { internal: true })])).toBeUndefined();
  });

  it('lists the other open tickets in any helpdesk', () => {
    expect(storyOf([last, open, byIdOnly], {}, NOW).openElsewhere).toEqual([open]);
  });

  it('gives the customer’s local time and language where the helpdesk does', () => {
    expect(localTimeOf('Europe/Berlin', NOW)).toBe('1:00 PM in Europe/Berlin');
    expect(localTimeOf('Not/AZone', NOW)).toBeUndefined();
    expect(languageOf('de')).toBe('German');
    expect(storyOf([], { timeZone: 'Asia/Tokyo', locale: 'ja' }, NOW)).toMatchObject({
      localTime: '9:00 PM in Asia/Tokyo',
      language: 'Japanese',
    });
  });

  it('has no last contact on a first contact', () => {
    expect(storyOf([], {}, NOW)).toEqual({
      openElsewhere: [],
      lastContact: undefined,
      lastReply: undefined,
      localTime: undefined,
      language: undefined,
    });
  });
});

describe('the recap', () => {
  it('lists the last few conversations: date, subject, outcome, handler, rating, what we promised', () => {
    const text = recapText('Hannah Schmidt', [last, open, byIdOnly], new Map([[threadKeyOf(last), thread]]));
    expect(text).toBe(
      [
        'Hannah Schmidt: 3 earlier conversations, 1 open.',
        '- Dec 3, 2026 · Still charged twice · solved · handled by Jonas Weber · rated good: “Jonas was brilliant”',
        '  We said: “Refund on its way within 5 days.”',
        '- Nov 29, 2026 · Ticket 1050 · still open',
        '- Oct 6, 2026 · Ticket 1001 · solved',
      ].join('\n'),
    );
  });

  it('stops after three conversations and says a first contact is one', () => {
    const many = Array.from({ length: 6 }, (_, i) => conversation(String(i)));
    expect(recapText('Zoë', many, new Map()).split('\n')).toHaveLength(4);
    expect(recapText('Zoë', [], new Map())).toBe('Zoë: first contact, no earlier conversations.');
  });

  it('cuts a long reply to one line', () => {
    const long = [message('9', { body: `${'word '.repeat(200)}\nend` })];
    const line = recapText('Zoë', [last], new Map([[threadKeyOf(last), long]])).split('\n')[2] ?? '';
    expect(line.length).toBeLessThan(300);
    expect(line).toMatch(/…”$/);
  });
});
