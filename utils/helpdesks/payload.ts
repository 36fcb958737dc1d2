import * as z from 'zod/mini';
import type { CustomerIdentity, Problem, Result } from '../schemas';
import { compact } from './dom';
import type { ApiRequest, SeenTicket, TicketDetails } from './types';

/** Small helpers for reading helpdesk API payloads, shared by adapters. Pure. */

/** The refusal a rep sees when a helpdesk answers in a shape Kept does not know; the details go to the console. */
export function malformed(
  helpdesk: string,
  what: string,
  error: z.core.$ZodError,
): { ok: false; error: Problem & { kind: 'malformed' } } {
  console.warn(`[Kept] ${helpdesk} ${what} did not match the expected shape:\n${z.prettifyError(error)}`);
  return { ok: false, error: { kind: 'malformed', message: `${helpdesk} sent a ${what} Kept could not read.` } };
}

/**
 * A name, address or number from a payload, trimmed; undefined when empty or longer than `max`, since a cut email
 * address or id would be a wrong one, not a short one.
 */
export function bounded(value: string | null | undefined, max: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= max ? trimmed : undefined;
}

/** HTML (an email body, a ticket description) as plain text: line breaks kept, tags dropped, entities read. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' '))
    .join('\n');
}

/** A greeting says nothing about the ticket; the excerpt starts after it. */
const GREETING = /^(hi|hello|hey|dear|good (morning|afternoon|evening)|hallo|hej|bonjour|hola)\b[^.!?]{0,40}[,!]?$/i;

/** The first line of a description that says what the ticket is about, at most 300 characters. */
export function firstLine(text: string | null | undefined): string | undefined {
  const lines =
    text
      ?.split('\n')
      .map((l) => l.trim())
      .filter(Boolean) ?? [];
  const line = lines.find((l) => !GREETING.test(l)) ?? lines[0];
  return line ? line.slice(0, 300) : undefined;
}

/** The path of a request, for logs and for parsers that page by the path. */
export const pathOf = (request: ApiRequest): string => (typeof request === 'string' ? request : request.path);

/** A same-origin path with one query parameter set (the next page of a list the helpdesk just answered). */
export function withParam(path: string, name: string, value: string): string {
  const url = new URL(path, 'https://helpdesk.invalid');
  url.searchParams.set(name, value);
  return url.pathname + url.search;
}

/** A ticket's details where its subject, status, tags and channel are those of its conversation. */
export function detailsOf(
  customer: CustomerIdentity,
  conversation: TicketDetails['conversation'],
  number?: string,
): TicketDetails {
  const { subject, status, tags, channel } = conversation;
  return compact({ customer, number, subject, status, tags, channel, conversation });
}

/**
 * A session API's first history request, by the customer's id in the helpdesk; none for a customer the page showed
 * without one.
 */
export const byCustomerId =
  (path: (customerId: string, pageSize: number, ref: SeenTicket) => string) =>
  (customer: CustomerIdentity, ref: SeenTicket, pageSize: number): ApiRequest | null =>
    customer.externalId ? path(customer.externalId, pageSize, ref) : null;

/** A ticket API's parser: the payload checked against `schema`, then the ticket's details read from it. */
export const ticketParser =
  <T>(helpdesk: string, schema: z.ZodMiniType<T>, read: (ticket: T, ref: SeenTicket) => TicketDetails) =>
  (json: unknown, ref: SeenTicket): Result<TicketDetails> => {
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, value: read(parsed.data, ref) } : malformed(helpdesk, 'ticket', parsed.error);
  };
