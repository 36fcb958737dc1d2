import { describe, expect, it } from 'vitest';
import { channelFrom, channelLabel } from '@/utils/helpdesks/channels';
import { gorgias } from '@/utils/helpdesks/gorgias/api';
import type { TicketDetails } from '@/utils/helpdesks/types';
import { zendesk } from '@/utils/helpdesks/zendesk/api';
import { matchReasons } from '@/utils/playbook/choose';
import type { Result } from '@/utils/schemas';
import { seenOn, vendorFixture } from './vendor-fixtures';

/** The ticket API's answer as the vendor documents it, with the channel word changed. */
function withChannel<T>(body: T, set: (body: T, word: string) => T) {
  return (word: string) => set(structuredClone(body), word);
}

const channelOf = (result: Result<TicketDetails>) => {
  if (!result.ok) throw new Error(result.error.message);
  return [result.value.channel, result.value.channelName, result.value.conversation.channel];
};

describe('channelFrom', () => {
  const words = { email: 'email', whatsapp: 'messaging' } as const;

  it('maps a helpdesk’s word to Kept’s channel in any case, and keeps the word as the helpdesk wrote it', () => {
    expect(channelFrom(' WhatsApp ', words)).toEqual({ channel: 'messaging', channelName: 'WhatsApp' });
    expect(channelFrom('EMAIL', words)).toEqual({ channel: 'email', channelName: 'EMAIL' });
  });

  it('calls a word it does not know `other`, still shown in the helpdesk’s word, cut to 50 characters', () => {
    expect(channelFrom('Carrier pigeon', words)).toEqual({ channel: 'other', channelName: 'Carrier pigeon' });
    expect(channelFrom('x'.repeat(90), words).channelName).toHaveLength(50);
    // Words an object has of its own are no channels.
    expect(channelFrom('constructor', words)).toEqual({ channel: 'other', channelName: 'constructor' });
  });

  it('gives nothing for no word', () => {
    expect(channelFrom(undefined, words)).toEqual({});
    expect(channelFrom(null, words)).toEqual({});
    expect(channelFrom('  ', words)).toEqual({});
  });

  it('shows the helpdesk’s word, else Kept’s channel', () => {
    expect(channelLabel({ channel: 'messaging', channelName: 'WhatsApp' })).toBe('WhatsApp');
    expect(channelLabel({ channel: 'voice' })).toBe('voice');
    expect(channelLabel({})).toBeUndefined();
  });
});

describe('Zendesk’s via.channel', () => {
  const fixture = vendorFixture('zendesk', 'ticket');
  const ref = seenOn('zendesk', 'lumenbikes.zendesk.com', '48213');
  type Show = { ticket: { via: { channel: string } } };
  const answer = withChannel(fixture.body as Show, (body, word) => {
    body.ticket.via.channel = word;
    return body;
  });

  it.each([
    ['email', 'email'],
    ['web', 'web'],
    ['help_center', 'web'],
    ['web_widget', 'web'],
    ['chat', 'chat'],
    ['voice', 'voice'],
    ['native_messaging', 'messaging'],
    ['whatsapp', 'messaging'],
    ['sms', 'messaging'],
    ['twitter', 'social'],
    ['facebook', 'social'],
    ['api', 'api'],
    ['rule', 'other'],
    ['closed_ticket', 'other'],
  ])('reads %s as %s', (word, channel) => {
    expect(channelOf(zendesk.session?.ticket?.parse(answer(word), ref) ?? fail())).toEqual([channel, word, channel]);
  });

  it('lets a trigger name the channel among Kept’s or Zendesk’s own word', () => {
    const result = zendesk.session?.ticket?.parse(answer('native_messaging'), ref) ?? fail();
    if (!result.ok) throw new Error(result.error.message);
    const facts = { signals: [], tags: [], channel: result.value.channel, channelName: result.value.channelName };
    expect(matchReasons({ channels: ['messaging'] }, facts)).toEqual(['messaging']);
    expect(matchReasons({ channels: ['native_messaging'] }, facts)).toEqual(['native_messaging']);
    expect(matchReasons({ channels: ['chat'] }, facts)).toEqual([]);
  });
});

describe('Gorgias’s ticket channel', () => {
  const fixture = vendorFixture('gorgias', 'ticket');
  const ref = seenOn('gorgias', 'acme.gorgias.com', '72988101');
  const answer = withChannel(fixture.body as { channel: string }, (body, word) => ({ ...body, channel: word }));

  it.each([
    ['email', 'email'],
    ['chat', 'chat'],
    ['phone', 'voice'],
    ['sms', 'messaging'],
    ['whatsapp', 'messaging'],
    ['instagram-direct-message', 'messaging'],
    ['facebook-mention', 'social'],
    ['yotpo-review', 'social'],
    ['contact_form', 'web'],
    ['help-center', 'web'],
    ['api', 'api'],
    ['internal-note', 'other'],
  ])('reads %s as %s', (word, channel) => {
    expect(channelOf(gorgias.token?.ticket?.parse(answer(word), ref) ?? fail())).toEqual([channel, word, channel]);
  });
});

function fail(): never {
  throw new Error('the adapter reads tickets');
}
