import { describe, expect, it } from 'vitest';
import { db } from '@/utils/db';
import { maskCustomerText } from '@/utils/kudos/mask';
import { sendKudos } from '@/utils/kudos/send';
import { IDENTIFYING, leaks, READABLE } from './mask-corpus';

describe('masking what a customer wrote', () => {
  it(`covers at least 60 strings in several languages (${IDENTIFYING.length + READABLE.length})`, () => {
    expect(IDENTIFYING.length + READABLE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(IDENTIFYING)('masks %j', (text, secrets) => {
    const masked = maskCustomerText(text);
    expect(leaks(masked, secrets)).toEqual([]);
    expect(masked).toMatch(/\[(email|phone|card|iban|number)\]/);
  });

  it.each(READABLE)('keeps %j readable', (text) => {
    expect(maskCustomerText(text)).toBe(text);
  });

  it.each([
    ['Write to me at zoe.angstrom@fabrikam.com please', 'Write to me at [email] please'],
    ['Call (415) 555-2671.', 'Call [phone].'],
    ['My card 4111 1111 1111 1111 was charged twice', 'My card [card] was charged twice'],
    ['IBAN DE89 3704 0044 0532 0130 00 ist meins', 'IBAN [iban] ist meins'],
    ['Account 12345678 is locked', 'Account [number] is locked'],
    ['電話番号は090-1234-5678です', '電話番号は[phone]です'],
    ['reach me: zoe at fabrikam dot com', 'reach me: [email]'],
  ])('says what it masked: %j', (text, masked) => {
    expect(maskCustomerText(text)).toBe(masked);
  });
});

describe('a kudos from a case', () => {
  it('leaves Kept with the ticket subject masked, since the customer wrote it', async () => {
    const kudos = await sendKudos(
      {
        to: { kind: 'person', name: 'Jonas Weber' },
        message: 'Sorted the double charge in one reply.',
        quote: 'Thanks! Reach me at zoe@fabrikam.com',
        maskQuote: true,
        case: {
          helpdesk: 'zendesk',
          ticketId: '5120',
          url: 'https://acme.zendesk.com/agent/tickets/5120',
          subject: 'Charged twice on 4111 1111 1111 1111, call +44 20 7946 0958',
        },
      },
      { name: 'Maya', email: '' },
      { kind: 'kept' },
    );
    const stored = await db.kudos.get(kudos.id);
    expect(stored?.case?.subject).toBe('Charged twice on [card], call [phone]');
    expect(stored?.quote).toBe('Thanks! Reach me at [email]');
  });
});
