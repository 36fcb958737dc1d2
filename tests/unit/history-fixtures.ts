import type { Conversation } from '@/utils/schemas';

export const SOURCE = 'zendesk:acme.zendesk.com';
export const CUSTOMER_KEY = 'ada@example.com';
export const NOW = Date.UTC(2025, 2, 12, 14, 0);
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** An earlier Zendesk ticket of Ada's; `id` is enough, the rest reads like a quiet solved ticket from a month ago. */
export function conversation(id: string, fields: Partial<Conversation> = {}): Conversation {
  return {
    source: SOURCE,
    id,
    customerKey: CUSTOMER_KEY,
    subject: `Ticket ${id}`,
    status: 'solved',
    channel: 'email',
    createdAt: NOW - 30 * DAY,
    updatedAt: NOW - 29 * DAY,
    url: `https://acme.zendesk.com/agent/tickets/${id}`,
    tags: [],
    ...fields,
  };
}
