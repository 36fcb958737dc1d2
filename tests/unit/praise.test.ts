import { describe, expect, it } from 'vitest';
import { namedIn, noticePraise, praises } from '@/utils/kudos/praise';
import type { Conversation, ThreadMessage } from '@/utils/schemas';

describe('praise in the customer’s words', () => {
  it.each([
    'Jonas was brilliant',
    'Thank you so much, sorted in minutes!',
    'Quick and friendly, thank you!',
    'Thanks Noor, really appreciate the help.',
    'Great service, went above and beyond.',
    'cheers, that fixed it',
    'Hello,\nJonas was brilliant',
    'Hi,\n\nThe refund arrived, thank you so much for sorting it!\n\nBest,\nHannah',
  ])('notices “%s”', (text) => {
    expect(praises(text)).toBe(true);
  });

  it.each([
    'thanks for nothing',
    'Thanks for nothing, I will cancel.',
    'thanks, but still broken',
    'Thanks but it is still not working',
    'Thank you for wasting my afternoon',
    'Still charged twice, thanks a lot.',
    'Had to explain the problem three times. Thanks.',
    'No thanks.',
    'Great, nobody answered for a week.',
    'Not helpful at all',
    'Terrible service, thanks',
    'Yeah right, thanks.',
    '',
    'I need an invoice copy.',
    'Hi,\n\nI was charged twice this month.\nCould you refund the duplicate, please?\n\nThanks,\nHannah',
    'Please send me the invoice again. Thanks in advance!',
    'Can you check my order? Thank you',
  ])('does not take “%s” for praise', (text) => {
    expect(praises(text)).toBe(false);
  });
});

describe('who the praise is for', () => {
  const people = ['Jonas Weber', 'Noor Haddad', 'Sam Rivera', 'Sam Okoro'];

  it('finds a teammate named by full or first name, accents and case aside', () => {
    expect(namedIn('jonas was brilliant', people)).toBe('Jonas Weber');
    expect(namedIn('Thanks Nóor!', people)).toBe('Noor Haddad');
    expect(namedIn('Sam Okoro sorted it', people)).toBe('Sam Okoro');
  });

  it('names nobody for a first name two teammates share, or a name inside another word', () => {
    expect(namedIn('Sam was great', people)).toBeUndefined();
    expect(namedIn('Samples arrived, thanks', people)).toBeUndefined();
  });
});

describe('noticing praise in a case', () => {
  const base: Conversation = {
    source: 'zendesk:acme.zendesk.com',
    id: '1042',
    customerKey: 'c',
    subject: 'Still charged twice',
    status: 'solved',
    createdAt: 1,
    updatedAt: 2,
    url: 'https://acme.zendesk.com/agent/tickets/1042',
    tags: [],
    assignee: { name: 'Noor Haddad' },
  };
  const message = (body: string, over: Partial<ThreadMessage> = {}): ThreadMessage => ({
    id: '7',
    author: 'customer',
    internal: false,
    body,
    createdAt: 3,
    ...over,
  });

  it('offers a good rating’s praising comment, for the teammate named or else who handled it', () => {
    const named = { ...base, satisfaction: 'good' as const, satisfactionComment: 'Jonas was brilliant' };
    const unnamed = { ...base, id: '1043', satisfaction: 'good' as const, satisfactionComment: 'Lovely, thanks!' };
    expect(noticePraise([named, unnamed], [], ['Jonas Weber', 'Noor Haddad'])).toEqual([
      {
        quote: 'Jonas was brilliant',
        recipient: 'Jonas Weber',
        from: 'Rating of “Still charged twice”',
        key: 'zendesk:acme.zendesk.com/1042',
      },
      {
        quote: 'Lovely, thanks!',
        recipient: 'Noor Haddad',
        from: 'Rating of “Still charged twice”',
        key: 'zendesk:acme.zendesk.com/1043',
      },
    ]);
  });

  it('ignores bad ratings, complaints, agent replies and internal notes', () => {
    const bad = { ...base, satisfaction: 'bad' as const, satisfactionComment: 'Thanks, I guess' };
    const sarcastic = { ...base, satisfaction: 'good' as const, satisfactionComment: 'thanks for nothing' };
    const messages = [
      message('Thank you, Jonas, brilliant!', { author: 'agent' }),
      message('Thanks, great work', { internal: true }),
      message('thanks, but still broken'),
    ];
    expect(noticePraise([bad, sarcastic], messages, ['Jonas Weber'])).toEqual([]);
  });

  it('offers a customer’s thanks in this case, for the teammate named or the case’s handler', () => {
    expect(noticePraise([], [message('Thank you, that was quick!')], [], 'Sam Rivera')).toEqual([
      { quote: 'Thank you, that was quick!', recipient: 'Sam Rivera', from: 'This case', key: 'case/7' },
    ]);
  });
});
