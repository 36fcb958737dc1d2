import * as z from 'zod/mini';
import { i18n } from '#i18n';
import type { Conversation, CustomerIdentity, HelpdeskToken, Result, ThreadMessage, TicketRef } from '../../schemas';
import { type ChannelWords, channelFrom } from '../channels';
import { bearer } from '../connect';
import { compact } from '../dom';
import { bounded, firstLine, malformed, placedWord, Rows, readMessages, readRows } from '../payload';
import type { HelpdeskAdapter, HistoryPage, TicketDetails, TokenApi } from '../types';
import { keyOf, NAME, salesforcePage } from './page';

// Salesforce's REST API with an admin's connected app (docs/helpdesks.md §9); why no session API: page.ts.

const API = '/services/data/v62.0';
/** Any record id, 15 or 18 characters: what the API may be asked about. */
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
/** The Case fields Kept reads: the case itself, its contact and account, and a web-to-case sender's own details. */
const FIELDS =
  'Id, CaseNumber, Subject, Status, IsClosed, Origin, Description, CreatedDate, LastModifiedDate, ContactId, ' +
  'ContactEmail, Contact.Name, Account.Name, SuppliedName, SuppliedEmail, SuppliedCompany';
/**
 * The most cases a history query asks for: Kept keeps at most 5,000 conversations per customer, and stops reading
 * pages at the rep's own cap. Salesforce chooses how many come per page (`nextRecordsUrl` names the next batch).
 */
const MOST_CASES = 5000;
/** Salesforce does not say how long a client-credentials token lasts; sessions time out after 2 hours by default. */
const SESSION_SECONDS = 7200;

/** SOQL string escapes: a quote or a backslash in a value never ends the literal. */
const SOQL_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
const soqlString = (value: string): string => `'${value.replace(/[\\'"\n\r\t\b\f]/g, (c) => SOQL_ESCAPES[c] ?? c)}'`;

const queryPath = (soql: string) => `${API}/query?q=${encodeURIComponent(soql)}`;

/** The WHERE clause that finds a customer's cases: by their contact, else by the email they wrote from. */
function customerFilter(customer: CustomerIdentity): string | null {
  const contactId = customer.externalId ?? '';
  if (RECORD_ID.test(contactId)) return `ContactId = ${soqlString(contactId)}`;
  const email = customer.email?.trim();
  if (!email) return null;
  // Web-to-case cases without a contact keep the address the customer typed as SuppliedEmail.
  return `ContactEmail = ${soqlString(email)} OR SuppliedEmail = ${soqlString(email)}`;
}

/** Salesforce datetimes end in `+0000`, a zone JavaScript's date format writes as `+00:00`. */
const timeOf = (value: string) => Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
const Time = z.string().check(z.refine((value) => Number.isFinite(timeOf(value)), 'not a date'));
const Text = z.nullish(z.string());
const Lookup = z.nullish(z.object({ Name: Text }));

const SalesforceCase = z.object({
  Id: z.string().check(z.regex(RECORD_ID)),
  CaseNumber: Text,
  Subject: Text,
  Status: Text,
  IsClosed: z.nullish(z.boolean()),
  Origin: Text,
  Description: Text,
  CreatedDate: Time,
  LastModifiedDate: z.nullish(Time),
  ContactId: Text,
  ContactEmail: Text,
  Contact: Lookup,
  Account: Lookup,
  SuppliedName: Text,
  SuppliedEmail: Text,
  SuppliedCompany: Text,
});
type SalesforceCase = z.infer<typeof SalesforceCase>;

/** A query's batch, its records read one by one (history) or all at once (the case in view). */
const QueryBatch = z.object({
  done: z.boolean(),
  records: Rows,
  nextRecordsUrl: z.nullish(z.string().check(z.regex(/^\/services\/data\/v\d+\.\d\/query\/[\w-]+$/))),
});
const QueryResult = z.object({ ...QueryBatch.shape, records: z.array(SalesforceCase) });

/** The EmailMessage fields a case's thread reads (Email-to-Case: the customer's emails and the team's replies). */
const EMAIL_FIELDS =
  'Id, ParentId, Incoming, FromName, FromAddress, ToAddress, Subject, TextBody, MessageDate, Status, CreatedDate';
/** An EmailMessage Status of '5' is a draft: never sent, so not part of what the customer was told. */
const DRAFT = '5';

/** One email of a case: `Incoming` is from the customer; the team's replies are not. */
const EmailMessage = z.object({
  Id: z.string().check(z.regex(RECORD_ID)),
  Incoming: z.nullish(z.boolean()),
  FromName: Text,
  TextBody: Text,
  MessageDate: z.nullish(Time),
  Status: Text,
  CreatedDate: Time,
});
type EmailMessage = z.infer<typeof EmailMessage>;

const toMessage = (email: EmailMessage): ThreadMessage =>
  compact({
    id: email.Id,
    author: email.Incoming ? 'customer' : 'agent',
    authorName: bounded(email.FromName, 200),
    internal: false,
    body: (email.TextBody ?? '').trim().slice(0, 20_000),
    createdAt: timeOf(email.MessageDate ?? email.CreatedDate),
  } satisfies ThreadMessage);

const isDraft = (row: unknown): boolean =>
  typeof row === 'object' && row !== null && (row as { Status?: unknown }).Status === DRAFT;

/** The client-credentials answer: no `expires_in` as a rule, though an answer that has one is believed. */
const Grant = z.object({
  access_token: z.string().check(z.minLength(1)),
  expires_in: z.optional(z.number()),
});

/** Case origins (the standard picklist: Email, Phone, Web, plus common additions) among Kept's channels. */
const ORIGINS: ChannelWords = {
  email: 'email',
  phone: 'voice',
  web: 'web',
  chat: 'chat',
  sms: 'messaging',
  whatsapp: 'messaging',
  messaging: 'messaging',
  social: 'social',
  'social media': 'social',
};

/**
 * Status is an org's own picklist (New, Working, Escalated and Closed out of the box): placed by its word, kept to
 * show; `IsClosed` says whether the org counts it as closed, which wins over the word.
 */
function statusOf(record: SalesforceCase): Pick<Conversation, 'status' | 'statusName'> {
  const word = record.Status?.trim();
  if (!word) return { status: record.IsClosed ? 'closed' : 'open' };
  return placedWord(word, record.IsClosed);
}

function toConversation(record: SalesforceCase, ref: TicketRef): TicketDetails['conversation'] {
  const createdAt = timeOf(record.CreatedDate);
  return compact({
    source: `salesforce:${ref.host}`,
    // The case in view keeps the id parseUrl gave it, so its page and its history row are one record.
    id: keyOf(record.Id) === keyOf(ref.ticketId) ? ref.ticketId : record.Id,
    subject: (record.Subject?.trim() || `Case ${record.CaseNumber ?? record.Id}`).slice(0, 500),
    ...statusOf(record),
    ...channelFrom(record.Origin, ORIGINS),
    createdAt,
    updatedAt: Math.max(createdAt, timeOf(record.LastModifiedDate ?? record.CreatedDate)),
    excerpt: firstLine(record.Description),
    url: `https://${ref.host}/lightning/r/Case/${record.Id}/view`,
    tags: [],
  });
}

/** The REST API with a connected app's client credentials (OAuth 2.0 client credentials flow). */
const salesforceToken: TokenApi = {
  auth: 'token',
  help: i18n.t('options.token.salesforce.help'),
  fields: {
    account: {
      label: i18n.t('options.token.salesforce.account.label'),
      hint: i18n.t('options.token.salesforce.account.hint'),
      pattern: {
        regex: /^(?=.{1,80}$)[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+\.sandbox|\.develop|\.scratch)?$/i,
        message: i18n.t('options.token.salesforce.account.pattern'),
      },
    },
    user: {
      label: i18n.t('options.token.salesforce.user.label'),
      hint: i18n.t('options.token.salesforce.user.hint'),
      pattern: { regex: /^[\w.]{20,256}$/, message: i18n.t('options.token.salesforce.user.pattern') },
    },
    secret: {
      label: i18n.t('options.token.salesforce.secret.label'),
      hint: i18n.t('options.token.salesforce.secret.hint'),
    },
  },
  origin: (token: HelpdeskToken) => `https://${(token.account ?? '').toLowerCase()}.my.salesforce.com`,
  exchange: {
    request: (token) => ({
      path: '/services/oauth2/token',
      form: { grant_type: 'client_credentials', client_id: token.user ?? '', client_secret: token.secret },
    }),
    parse(json) {
      const parsed = Grant.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'token answer', parsed.error);
      const { access_token, expires_in } = parsed.data;
      return { ok: true, value: { accessToken: access_token, expiresInSeconds: expires_in ?? SESSION_SECONDS } };
    },
  },
  headers: (_token, accessToken) => (accessToken ? bearer(accessToken) : {}),
  checkPath: '/services/data/v62.0/limits',

  ticket: {
    request: (ref) => queryPath(`SELECT ${FIELDS} FROM Case WHERE Id = ${soqlString(ref.ticketId)}`),
    parse(json, ref): Result<TicketDetails> {
      const parsed = QueryResult.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'case', parsed.error);
      const record = parsed.data.records.find((r) => keyOf(r.Id) === keyOf(ref.ticketId));
      if (!record) {
        const message = i18n.t('problem.salesforceNoCase', { helpdesk: NAME });
        return { ok: false, error: { kind: 'not-found', message } };
      }
      const conversation = toConversation(record, ref);
      const contactId = record.ContactId ?? '';
      return {
        ok: true,
        value: compact({
          customer: compact({
            // Web-to-case cases may have no contact, only what the customer typed in the form.
            name: bounded(record.Contact?.Name || record.SuppliedName, 200),
            email: bounded(record.ContactEmail || record.SuppliedEmail, 320),
            externalId: RECORD_ID.test(contactId) ? contactId : undefined,
            organisation: bounded(record.Account?.Name || record.SuppliedCompany, 200),
          }),
          // The Case Number agents see ("00001026"), not the record id in the URL.
          number: bounded(record.CaseNumber ?? undefined, 40),
          subject: conversation.subject,
          status: conversation.status,
          tags: [],
          channel: conversation.channel,
          channelName: conversation.channelName,
          conversation,
        }),
      };
    },
  },

  // A case's emails, oldest first; Salesforce chooses the batch size, `nextRecordsUrl` names the next.
  thread: {
    request: (conversation) =>
      queryPath(
        `SELECT ${EMAIL_FIELDS} FROM EmailMessage WHERE ParentId = ${soqlString(conversation.id)} ORDER BY MessageDate ASC`,
      ),
    parsePage(json) {
      const parsed = QueryBatch.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'case emails', parsed.error);
      const { done, records, nextRecordsUrl } = parsed.data;
      const sent = records.filter((row) => !isDraft(row));
      return {
        ok: true,
        value: {
          messages: readMessages(NAME, sent, EmailMessage, toMessage),
          next: !done && nextRecordsUrl && records.length > 0 ? nextRecordsUrl : null,
        },
      };
    },
  },

  history: {
    // Most recently changed first; the page size is Salesforce's to choose (see MOST_CASES).
    request(customer) {
      const where = customerFilter(customer);
      return where
        ? queryPath(`SELECT ${FIELDS} FROM Case WHERE ${where} ORDER BY LastModifiedDate DESC LIMIT ${MOST_CASES}`)
        : null;
    },
    parsePage(json, ref): Result<HistoryPage> {
      const parsed = QueryBatch.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'case history page', parsed.error);
      const { done, records, nextRecordsUrl } = parsed.data;
      return {
        ok: true,
        value: {
          ...readRows(NAME, records, SalesforceCase, (r) => toConversation(r, ref)),
          next: !done && nextRecordsUrl && records.length > 0 ? nextRecordsUrl : null,
        },
      };
    },
  },
};

/** The whole adapter: the page part and the token API the background reads. */
export const salesforce: HelpdeskAdapter = { ...salesforcePage, token: salesforceToken };
