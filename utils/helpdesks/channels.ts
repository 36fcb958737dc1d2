import type { Channel } from '../playbook/schema';
import type { Conversation } from '../schemas';

/** A helpdesk's own words for its channels, in lower case, as the channels every playbook trigger names. */
export type ChannelWords = Readonly<Record<string, Channel>>;

/**
 * The channel a helpdesk named, among Kept's, with the helpdesk's own word kept for display ("WhatsApp" stays
 * WhatsApp, and a `messaging` trigger fits it). A word the helpdesk has that `words` does not know is `other`.
 */
export function channelFrom(
  word: string | null | undefined,
  words: ChannelWords,
): Pick<Conversation, 'channel' | 'channelName'> {
  const name = word?.trim();
  if (!name) return {};
  const key = name.toLowerCase();
  return { channel: (Object.hasOwn(words, key) && words[key]) || 'other', channelName: name.slice(0, 50) };
}

/** The channel as a rep reads it: the helpdesk's own word where it gave one. */
export const channelLabel = (c: Pick<Conversation, 'channel' | 'channelName'>): string | undefined =>
  c.channelName || c.channel;
