import * as z from 'zod/mini';
import { i18n } from '#i18n';
import {
  Conversation,
  type ConversationStatus,
  type CustomerIdentity,
  EXTERNAL_ID_MAX,
  type Problem,
  type Result,
  ThreadMessage,
} from '../schemas';
import { compact } from './dom';
import type { ApiRequest, HistoryPage, SeenTicket, TicketDetails } from './types';

/** Small helpers for reading helpdesk API payloads, shared by adapters. Pure. */

/** The refusal a rep sees when a helpdesk answers in a shape Kept does not know; the details go to the console. */
export function malformed(
  helpdesk: string,
  what: string,
  error: z.core.$ZodError,
): { ok: false; error: Problem & { kind: 'malformed' } } {
  console.warn(`[Kept] ${helpdesk} ${what} did not match the expected shape:\n${z.prettifyError(error)}`);
  return { ok: false, error: { kind: 'malformed', message: i18n.t('problem.malformed', { helpdesk, what }) } };
}

/**
 * A name, address or number from a payload, trimmed; undefined when empty or longer than `max`, since a cut email
 * address or id would be a wrong one, not a short one.
 */
export function bounded(value: string | null | undefined, max: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= max ? trimmed : undefined;
}

/** A helpdesk's id for a person or a conversation as Kept keeps it; none when empty or longer than any vendor's. */
export const idOf = (value: string | number | null | undefined): string | undefined =>
  value == null ? undefined : bounded(String(value), EXTERNAL_ID_MAX);

/**
 * A vendor's status word in Kept's terms. Vendors' lists are open-ended: a word Kept cannot place is `other`, and the
 * conversation keeps the word to show.
 */
export function statusFrom(
  word: string,
  known: Readonly<Record<string, ConversationStatus>>,
): Pick<Conversation, 'status' | 'statusName'> {
  const key = word.trim().toLowerCase();
  const status = Object.hasOwn(known, key) ? known[key] : undefined;
  return status ? { status } : { status: 'other', statusName: word.trim().slice(0, 100) || undefined };
}

/**
 * How an account's own status words read, in order: the first that matches places the word. "Waiting on us" is the
 * team's turn, so it is open; "waiting on the customer" is pending.
 */
const WORD_PLACES: ReadonlyArray<[RegExp, ConversationStatus]> = [
  [/waiting (on|for) (us|support|agent)/i, 'open'],
  [
    /waiting (on|for) (the )?(customer|contact|requester|reply|response)|awaiting (the )?(customer|reply)|pending/i,
    'pending',
  ],
  [/on hold|waiting (on|for) (a |the )?(third party|vendor|supplier|courier|carrier|approval|partner)/i, 'hold'],
  [/resolved|solved/i, 'solved'],
  [/closed|done|cancel|duplicate|spam/i, 'closed'],
  [/^new$/i, 'new'],
  [/open|progress|working|escalated|assigned|triage|investigating/i, 'open'],
];

/**
 * An account's own status word (a Freshdesk custom status, a HubSpot stage, a Salesforce picklist value) placed by
 * what it says, keeping the word to show; one that says nothing Kept knows is `other`. `closed`: the helpdesk itself
 * says the status ends the ticket, which wins over the word.
 */
export function placedWord(word: string, closed?: boolean | null): Pick<Conversation, 'status' | 'statusName'> {
  const name = word.trim().slice(0, 100);
  const placed = WORD_PLACES.find(([pattern]) => pattern.test(name))?.[1];
  const status = closed ? (placed === 'solved' ? 'solved' : 'closed') : (placed ?? 'other');
  // Kept's own word says it already: no second name to show.
  const same = name.toLowerCase() === status || (status === 'hold' && /^on hold$/i.test(name));
  return compact({ status, statusName: name && !same ? name : undefined });
}

/**
 * A customer's 1–5 rating (Intercom's conversation rating, Gorgias's satisfaction survey) in Kept's words. Their CSAT
 * reports count 4 and 5 as satisfied and 1 and 2 as not; a 3 is neither, so only its comment is kept.
 */
export function ratingOf(
  score: number | null | undefined,
  comment: string | null | undefined,
): Pick<Conversation, 'satisfaction' | 'satisfactionComment'> {
  const satisfaction = score == null ? undefined : score >= 4 ? 'good' : score <= 2 ? 'bad' : undefined;
  return compact({ satisfaction, satisfactionComment: comment?.trim().slice(0, 1000) || undefined });
}

/** The rows of a list answer, each read on its own: the envelope is checked, the rows are not yet. */
export const Rows = z.array(z.unknown());

/**
 * The rows of a list beside the main one (sideloaded users, organisations) that match `schema`: one that does not is
 * left out and logged, so a malformed person costs only their name, never the page.
 */
export function validRows<T>(helpdesk: string, what: string, rows: readonly unknown[], schema: z.ZodMiniType<T>): T[] {
  return rows.flatMap((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return [parsed.data];
    console.warn(
      `[Kept] ${helpdesk} ${what} ${index + 1} could not be read and was left out:\n${z.prettifyError(parsed.error)}`,
    );
    return [];
  });
}

/** A history row as Kept stores it, before it is tied to a customer. */
const HistoryRow = z.omit(Conversation, { customerKey: true });

/**
 * Reads rows one by one: a row that does not match `schema`, or whose reading Kept could not store as `stored`, is
 * left out and counted, its reason logged; every other row is kept.
 */
function readEach<T, R>(
  helpdesk: string,
  what: string,
  rows: readonly unknown[],
  schemas: { row: z.ZodMiniType<T>; stored: z.ZodMiniType<R> },
  read: (row: T) => unknown,
  belongs: (row: T) => boolean = () => true,
): { kept: R[]; unreadable: number } {
  const kept: R[] = [];
  let unreadable = 0;
  rows.forEach((row, index) => {
    const parsed = schemas.row.safeParse(row);
    if (parsed.success && !belongs(parsed.data)) return;
    const value = parsed.success ? read(parsed.data) : null;
    const stored = value == null ? undefined : schemas.stored.safeParse(value);
    if (stored?.success) {
      kept.push(stored.data);
      return;
    }
    unreadable += 1;
    const error = parsed.success ? stored?.error : parsed.error;
    console.warn(
      `[Kept] ${helpdesk} ${what} ${index + 1} could not be read and was left out:\n` +
        (error ? z.prettifyError(error) : 'it names no conversation'),
    );
  });
  return { kept, unreadable };
}

/** A history page's rows, each read on its own: one Kept cannot read is left out and counted. */
export function readRows<T>(
  helpdesk: string,
  rows: readonly unknown[],
  schema: z.ZodMiniType<T>,
  read: (row: T) => HistoryPage['conversations'][number] | null,
  /** Rows of the answer that are not the customer's conversations (read fine, left out, not counted). */
  belongs?: (row: T) => boolean,
): Pick<HistoryPage, 'conversations' | 'unreadable'> {
  const { kept, unreadable } = readEach(
    helpdesk,
    'history row',
    rows,
    { row: schema, stored: HistoryRow },
    read,
    belongs,
  );
  return { conversations: kept, unreadable };
}

/** A thread's messages, each read on its own (one Kept cannot read is left out and logged), oldest first. */
export function readMessages<T>(
  helpdesk: string,
  rows: readonly unknown[],
  schema: z.ZodMiniType<T>,
  read: (row: T) => ThreadMessage,
): ThreadMessage[] {
  const { kept } = readEach(helpdesk, 'message', rows, { row: schema, stored: ThreadMessage }, read);
  return kept.sort((a, b) => a.createdAt - b.createdAt);
}

/** A message's text as the thread shows it: HTML read as plain text, at most 20,000 characters. */
export const messageText = (html: string | null | undefined): string =>
  plainText((html ?? '').slice(0, 100_000))
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, 20_000);

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
  const { subject, status, tags, channel, channelName, satisfaction } = conversation;
  return compact({ customer, number, subject, status, tags, channel, channelName, satisfaction, conversation });
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
