import { describe, expect, it } from 'vitest';
import { maskQuote } from '@/utils/kudos/mask';

describe('masking a customer quote', () => {
  it.each([
    ['Write to me at zoe.angstrom@fabrikam.com please', 'Write to me at [email] please'],
    ['Mail jörg@müller.de or j+kept@sub.example.co.uk', 'Mail [email] or [email]'],
    ['Call +44 20 7946 0958 tomorrow', 'Call [phone] tomorrow'],
    ['Call (555) 123-4567.', 'Call [phone].'],
    ['My card 4111 1111 1111 1111 was charged', 'My card [number] was charged'],
    ['Account 12345678 is locked', 'Account [number] is locked'],
    ['IBAN DE89370400440532013000 is mine', 'IBAN DE[number] is mine'],
  ])('masks %j', (quote, masked) => {
    expect(maskQuote(quote)).toBe(masked);
  });

  it.each([
    'Thank you so much, Sam sorted it in 3 days!',
    'Order #59084 finally arrived on 12.10.',
    'You were right about version 2.4.1',
    'Zoë Ångström is very happy',
  ])('keeps %j readable', (quote) => {
    expect(maskQuote(quote)).toBe(quote);
  });
});
