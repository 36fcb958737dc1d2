// Salesforce's REST API (`{My Domain}.my.salesforce.com`) as the demo answers it for Kept's token connection: the
// OAuth 2.0 client credentials flow at /services/oauth2/token (the connected app's consumer key and secret), then
// Bearer requests to /services/data/v62.0 with the access token it issued. SOQL queries on Case are parsed for real,
// but only the shapes Kept sends; anything else gets Salesforce's 400 MALFORMED_QUERY. Results come in batches
// linked by `nextRecordsUrl`, as Salesforce pages query results.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type ApiCall, bearerOf, type TokenApiVendor } from './api-call';
import { json, type Reply } from './replies';
import type { Seed } from './seed';

const VERSION = 'v62.0';
const API = `/services/data/${VERSION}`;
const CONSUMER_KEY = '3MVG9fabrikamDemo.ConnectedApp_Kept4Support2026xQ7pL0v';
const CONSUMER_SECRET = 'C0nsumerSecretFabrikamDemo7F3A9B21';
/** Access tokens last as long as the org's session timeout: 2 hours by default. */
const SESSION_MS = 2 * 3600_000;
/** Salesforce picks the batch size (up to 2,000); the demo answers 3 at a time, so a handful of cases still pages. */
const DEMO_BATCH = 3;
const MINUTE = 60_000;
const DAY = 1440;

const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** A 15-character record id with its 3-character case checksum, as the API answers ids. */
function id18(id: string): string {
  const chunk = (from: number) =>
    CHECKSUM[[...id.slice(from, from + 5)].reduce((bits, c, i) => (/[A-Z]/.test(c) ? bits | (1 << i) : bits), 0)];
  return id + chunk(0) + chunk(5) + chunk(10);
}

/** [15-character id, name, email, account] */
const CONTACTS = [
  ['003Hs00000Zq8Lm', 'Zoë Ångström', 'zoe.angstrom@fabrikam.com', 'Fabrikam, Inc.'],
  ['003Hs00000Zq9Nx', 'Lukas Nowak', 'lukas.nowak@contoso.com', 'Nowak Logistics Sp. z o.o.'],
] as const;
const ACCOUNTS: Record<string, string> = {
  'Fabrikam, Inc.': '001Hs00000Kd3Fq',
  'Nowak Logistics Sp. z o.o.': '001Hs00000Kd4Gr',
};
/** Zoë Ångström's contact id, as her case page links to it. */
export const SALESFORCE_ZOE_CONTACT = id18(CONTACTS[0][0]);

interface CaseSpec {
  id: string;
  number: string;
  subject: string;
  description: string;
  status: string;
  origin: string;
  contact: string | null;
  /** What a web-to-case form's sender typed: name, email, company. */
  supplied?: readonly [string, string, string];
  created: number;
  modified: number;
}

const CASES: readonly CaseSpec[] = [
  {
    id: '500Hs00001Ab2bB',
    number: '00001011',
    subject: 'Question about our annual renewal quote',
    description: 'Hi,\n\nThe renewal quote lists 40 seats but we only use 32. Can we renew for 32?',
    status: 'Closed',
    origin: 'Email',
    contact: '003Hs00000Zq8Lm',
    created: 420 * DAY,
    modified: 415 * DAY,
  },
  {
    id: '500Hs00001Ab4eE',
    number: '00001016',
    subject: 'Change the billing contact to our finance team',
    description: 'Please send invoices to finance@fabrikam.com from now on.',
    status: 'Escalated',
    origin: 'Phone',
    contact: '003Hs00000Zq8Lm',
    created: 60 * DAY,
    modified: 58 * DAY,
  },
  {
    id: '500Hs00001Ab5aA',
    number: '00001019',
    subject: 'Invoice export is missing March',
    description: 'Hello,\n\nThe CSV export of our invoices skips every invoice from March.',
    status: 'Closed',
    origin: 'Email',
    contact: '003Hs00000Zq8Lm',
    created: 21 * DAY,
    modified: 19 * DAY,
  },
  {
    id: '500Hs00001Ab6cC',
    number: '00001021',
    subject: 'Add two seats before the audit',
    description: 'We need two more seats for the auditors until the end of the month.',
    status: 'On Hold',
    origin: 'Phone',
    contact: '003Hs00000Zq8Lm',
    created: 6 * DAY,
    modified: 5 * DAY,
  },
  {
    id: '500Hs00001Ab3fF',
    number: '00001022',
    subject: 'Audit log export for our ISO review',
    description: 'Could you export the audit log of the last 12 months?',
    // A status of the org's own: Kept places it by its word (waiting on the customer).
    status: 'Awaiting Customer',
    origin: 'Email',
    contact: '003Hs00000Zq8Lm',
    created: 4 * DAY,
    modified: 3 * DAY,
  },
  {
    id: '500Hs00001Ab7kQ',
    number: '00001024',
    subject: 'Still no refund – second time asking',
    description: 'I asked for a refund of the duplicate charge two weeks ago.',
    status: 'Escalated',
    origin: 'Email',
    contact: '003Hs00000Zq9Nx',
    created: 14 * DAY,
    modified: 1 * DAY,
  },
  {
    id: '500Hs00001Ab8dD',
    number: '00001025',
    subject: 'Webhook retries flood our endpoint',
    description: 'Hi team,\n\nYour webhooks retry every second after a 500 from us. Is there a back-off?',
    status: 'New',
    origin: 'Chat',
    contact: '003Hs00000Zq8Lm',
    created: 2 * DAY,
    modified: 2 * DAY,
  },
  {
    id: '500Hs00001Ab9mT',
    number: '00001026',
    subject: 'Can’t log in – password reset email never arrives',
    description: 'Hello,\n\nI asked for a password reset three times and no email came.',
    status: 'Working',
    origin: 'Web',
    contact: '003Hs00000Zq8Lm',
    created: 120,
    modified: 60,
  },
  {
    id: '500Hs00001AbJ7f',
    number: '00001027',
    subject: 'Quote for ten more seats',
    description: 'Sent from the website: please quote ten more seats for our Oslo office.',
    status: 'New',
    origin: 'Web',
    // Web-to-case without a matching contact: only what the form's sender typed.
    contact: null,
    supplied: ['Zoë Ångström', 'zoe.angstrom@fabrikam.com', 'Fabrikam'],
    created: 30,
    modified: 30,
  },
];

interface Case {
  Id: string;
  CaseNumber: string;
  Subject: string;
  Description: string;
  Status: string;
  IsClosed: boolean;
  Origin: string;
  CreatedDate: string;
  LastModifiedDate: string;
  ContactId: string | null;
  ContactEmail: string | null;
  AccountId: string | null;
  Contact: { Name: string; Id: string } | null;
  Account: { Name: string; Id: string } | null;
  SuppliedName: string | null;
  SuppliedEmail: string | null;
  SuppliedCompany: string | null;
}

/** Salesforce's datetime format: milliseconds and a `+0000` zone. */
const sfTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

function casesOf(seed: Seed): Case[] {
  return CASES.map((spec) => {
    const contact = CONTACTS.find((c) => c[0] === spec.contact);
    const accountId = contact ? ACCOUNTS[contact[3]] : undefined;
    return {
      Id: id18(spec.id),
      CaseNumber: spec.number,
      Subject: spec.subject,
      Description: spec.description,
      Status: spec.status,
      IsClosed: spec.status === 'Closed',
      Origin: spec.origin,
      CreatedDate: sfTime(seed.now - spec.created * MINUTE),
      LastModifiedDate: sfTime(seed.now - spec.modified * MINUTE),
      ContactId: contact ? id18(contact[0]) : null,
      ContactEmail: contact ? contact[2] : null,
      AccountId: accountId ? id18(accountId) : null,
      Contact: contact ? { Name: contact[1], Id: id18(contact[0]) } : null,
      Account: contact && accountId ? { Name: contact[3], Id: id18(accountId) } : null,
      SuppliedName: spec.supplied?.[0] ?? null,
      SuppliedEmail: spec.supplied?.[1] ?? null,
      SuppliedCompany: spec.supplied?.[2] ?? null,
    };
  });
}

// ---------- errors, as Salesforce words them ----------

/** REST API errors: a list of `{ message, errorCode }`. */
const apiError = (status: number, errorCode: string, message: string, headers: Record<string, string> = {}) =>
  json(status, [{ message, errorCode }], headers);
/** OAuth errors: `{ error, error_description }`. */
const oauthError = (error: string, description: string) => json(400, { error, error_description: description });

// ---------- OAuth: client credentials ----------

/** Access tokens are signed, not stored: valid for the host that issued them, for SESSION_MS. */
const SIGNING_KEY = randomBytes(32);
const ORG_ID = '00DHs000000FbrkMAC';
const signature = (payload: string) => createHmac('sha256', SIGNING_KEY).update(payload).digest('base64url');

function issueToken(host: string): string {
  const payload = Buffer.from(JSON.stringify({ host, at: Date.now() })).toString('base64url');
  return `${ORG_ID}!${payload}.${signature(payload)}`;
}

function tokenIsValid(token: string | undefined, host: string): boolean {
  const [, payload = '', signed = ''] = /^00D\w+!([\w-]+)\.([\w-]+)$/.exec(token ?? '') ?? [];
  const expected = Buffer.from(signature(payload));
  if (!payload || expected.length !== signed.length || !timingSafeEqual(expected, Buffer.from(signed))) return false;
  const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (typeof claims !== 'object' || claims === null || !('host' in claims) || !('at' in claims)) return false;
  return claims.host === host && typeof claims.at === 'number' && Date.now() - claims.at < SESSION_MS;
}

function grant(call: ApiCall, host: string): Reply {
  if (call.method !== 'POST') return oauthError('invalid_request', 'must use HTTP POST');
  if (!String(call.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    return oauthError('invalid_request', 'must use application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(call.body);
  if (form.get('grant_type') !== 'client_credentials') {
    return oauthError('unsupported_grant_type', 'grant type not supported');
  }
  if (form.get('client_id') !== CONSUMER_KEY) return oauthError('invalid_client_id', 'client identifier invalid');
  if (form.get('client_secret') !== CONSUMER_SECRET) return oauthError('invalid_client', 'invalid client credentials');
  const accessToken = issueToken(host);
  return json(200, {
    access_token: accessToken,
    signature: signature(accessToken),
    scope: 'api',
    instance_url: call.origin,
    id: `https://login.salesforce.com/id/${ORG_ID}/005Hs00000Kp1AbIAJ`,
    token_type: 'Bearer',
    issued_at: String(Date.now()),
  });
}

// ---------- SOQL, the shapes Kept sends ----------

/** The Case fields the demo knows, by their API names. */
const FIELDS = [
  'Id',
  'CaseNumber',
  'Subject',
  'Description',
  'Status',
  'IsClosed',
  'Origin',
  'CreatedDate',
  'LastModifiedDate',
  'ContactId',
  'ContactEmail',
  'AccountId',
  'Contact.Name',
  'Account.Name',
  'SuppliedName',
  'SuppliedEmail',
  'SuppliedCompany',
] as const;
type Field = (typeof FIELDS)[number];
const FILTERS = ['Id', 'ContactId', 'ContactEmail', 'SuppliedEmail'] as const;
type FilterField = (typeof FILTERS)[number];
const SORTS = ['LastModifiedDate', 'CreatedDate'] as const;

interface Query {
  fields: Field[];
  /** Comparisons joined by OR. */
  where: Array<{ field: FilterField; value: string }>;
  orderBy?: { field: (typeof SORTS)[number]; descending: boolean };
  limit?: number;
}

type Token = { kind: 'word' | 'string' | 'number' | 'symbol'; text: string };

/** SOQL's escapes inside a string literal; any other backslash is an error. */
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };

function literalText(body: string): string | null {
  let valid = true;
  const text = body.replace(/\\([\s\S])/g, (_, c: string) => {
    const value = ESCAPES[c];
    if (value === undefined) valid = false;
    return value ?? '';
  });
  return valid ? text : null;
}

function tokenize(soql: string): Token[] | string {
  const pattern = /\s*(?:'((?:[^'\\]|\\[\s\S])*)'|([A-Za-z_][\w.]*)|(\d+)|([=,]))/y;
  const tokens: Token[] = [];
  while (pattern.lastIndex < soql.length && soql.slice(pattern.lastIndex).trim() !== '') {
    const at = pattern.lastIndex;
    const match = pattern.exec(soql);
    if (!match) return `unexpected token: '${soql.slice(at).trim().split(/\s/)[0]}'`;
    const [, literal, word, number, symbol] = match;
    if (literal !== undefined) {
      const text = literalText(literal);
      if (text === null) return `Invalid string literal '${literal}'. Illegal character sequence`;
      tokens.push({ kind: 'string', text });
    } else if (word !== undefined) tokens.push({ kind: 'word', text: word });
    else if (number !== undefined) tokens.push({ kind: 'number', text: number });
    else tokens.push({ kind: 'symbol', text: symbol ?? '' });
  }
  return tokens;
}

const named = <T extends string>(names: readonly T[], text: string | undefined): T | undefined =>
  names.find((name) => name.toLowerCase() === text?.toLowerCase());

/** The query, or what Salesforce would say is wrong with it. */
function parseSoql(soql: string): Query | string {
  const tokens = tokenize(soql);
  if (typeof tokens === 'string') return tokens;
  let i = 0;
  const peek = () => tokens[i];
  const keyword = (word: string) => {
    const token = peek();
    if (token?.kind !== 'word' || token.text.toUpperCase() !== word) return false;
    i++;
    return true;
  };
  const symbol = (text: string) => {
    if (peek()?.kind !== 'symbol' || peek()?.text !== text) return false;
    i++;
    return true;
  };
  const unexpected = () => `unexpected token: '${peek()?.text ?? '<EOF>'}'`;
  if (!keyword('SELECT')) return unexpected();
  const fields: Field[] = [];
  for (let more = true; more; more = symbol(',')) {
    const field = named(FIELDS, peek()?.kind === 'word' ? peek()?.text : undefined);
    if (!field) return `No such column '${peek()?.text ?? ''}' on entity 'Case' in the demo`;
    fields.push(field);
    i++;
  }
  if (!keyword('FROM')) return unexpected();
  if (!keyword('CASE')) return `The demo answers queries on Case only, not '${peek()?.text ?? ''}'`;
  if (!keyword('WHERE')) return 'The demo answers queries with a WHERE clause only';
  const where: Query['where'] = [];
  do {
    const field = named(FILTERS, peek()?.kind === 'word' ? peek()?.text : undefined);
    if (!field) return unexpected();
    i++;
    if (!symbol('=')) return unexpected();
    const value = peek();
    if (value?.kind !== 'string') return unexpected();
    i++;
    where.push({ field, value: value.text });
  } while (keyword('OR'));
  const query: Query = { fields, where };
  if (keyword('ORDER')) {
    if (!keyword('BY')) return unexpected();
    const field = named(SORTS, peek()?.text);
    if (!field) return unexpected();
    i++;
    const descending = keyword('DESC');
    if (!descending) keyword('ASC');
    query.orderBy = { field, descending };
  }
  if (keyword('LIMIT')) {
    const limit = peek();
    if (limit?.kind !== 'number' || Number(limit.text) < 1 || Number(limit.text) > 50_000) return unexpected();
    query.limit = Number(limit.text);
    i++;
  }
  return i === tokens.length ? query : unexpected();
}

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const sameId = (a: string | null, b: string) => a !== null && a.slice(0, 15) === b.slice(0, 15);
const sameEmail = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

function matches(row: Case, field: FilterField, value: string): boolean {
  if (field === 'Id') return sameId(row.Id, value);
  if (field === 'ContactId') return sameId(row.ContactId, value);
  if (field === 'ContactEmail') return sameEmail(row.ContactEmail, value);
  return sameEmail(row.SuppliedEmail, value);
}

function record(row: Case, fields: readonly Field[]) {
  const lookup = (type: string, value: { Name: string; Id: string } | null) =>
    value && { attributes: { type, url: `${API}/sobjects/${type}/${value.Id}` }, Name: value.Name };
  const entries = fields.map((field) =>
    field === 'Contact.Name'
      ? ['Contact', lookup('Contact', row.Contact)]
      : field === 'Account.Name'
        ? ['Account', lookup('Account', row.Account)]
        : [field, row[field]],
  );
  return { attributes: { type: 'Case', url: `${API}/sobjects/Case/${row.Id}` }, ...Object.fromEntries(entries) };
}

/** Open query cursors: the rows a query found, read a batch at a time through `nextRecordsUrl`. */
const cursors = new Map<string, { rows: Case[]; fields: Field[] }>();
let cursorCount = 0;

function batch(locator: string, offset: number, rows: Case[], fields: Field[]): Reply {
  const page = rows.slice(offset, offset + DEMO_BATCH);
  const next = offset + page.length;
  const done = next >= rows.length;
  return json(200, {
    totalSize: rows.length,
    done,
    ...(done ? {} : { nextRecordsUrl: `${API}/query/${locator}-${next}` }),
    records: page.map((row) => record(row, fields)),
  });
}

/** The one EmailMessage query Kept sends, for a case's thread: its emails, oldest first. */
const EMAIL_QUERY =
  /^SELECT Id, ParentId, Incoming, FromName, FromAddress, ToAddress, Subject, TextBody, MessageDate, Status, CreatedDate FROM EmailMessage WHERE ParentId = '([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)' ORDER BY MessageDate ASC$/;
const SUPPORT = { name: 'Acme Support', address: 'support@acme.example' };

/** A case's emails: the customer's description as the first, and the team's reply once the case is worked on. */
function emailsOf(row: Case) {
  const customer = {
    name: row.Contact?.Name ?? row.SuppliedName ?? '',
    address: row.ContactEmail ?? row.SuppliedEmail,
  };
  const email = (n: number, incoming: boolean, text: string, at: string) => {
    const id = id18(`02sHs${row.Id.slice(5, 14)}${n}`);
    const [from, to] = incoming ? [customer, SUPPORT] : [SUPPORT, customer];
    return {
      attributes: { type: 'EmailMessage', url: `${API}/sobjects/EmailMessage/${id}` },
      Id: id,
      ParentId: row.Id,
      Incoming: incoming,
      FromName: from.name,
      FromAddress: from.address,
      ToAddress: to.address,
      Subject: incoming ? row.Subject : `RE: ${row.Subject}`,
      TextBody: text,
      MessageDate: at,
      // Replied to, or sent.
      Status: incoming ? '2' : '3',
      CreatedDate: at,
    };
  };
  const first = email(1, true, row.Description, row.CreatedDate);
  if (row.Status === 'New') return [first];
  const hello = customer.name.split(' ')[0] || 'there';
  return [
    first,
    email(2, false, `Hi ${hello},\n\nthanks for writing; we are on it.\n\nAcme Support`, row.LastModifiedDate),
  ];
}

function query(call: ApiCall, seed: Seed): Reply {
  const soql = call.query.get('q');
  if (!soql) return apiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  const emails = EMAIL_QUERY.exec(soql);
  if (emails) {
    const found = casesOf(seed).find((row) => sameId(row.Id, emails[1] ?? ''));
    const records = found ? emailsOf(found) : [];
    return json(200, { totalSize: records.length, done: true, records });
  }
  const parsed = parseSoql(soql);
  if (typeof parsed === 'string') return apiError(400, 'MALFORMED_QUERY', parsed);
  const badId = parsed.where.find((w) => (w.field === 'Id' || w.field === 'ContactId') && !ID.test(w.value));
  if (badId) return apiError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${badId.value}`);
  const rows = casesOf(seed).filter((row) => parsed.where.some((w) => matches(row, w.field, w.value)));
  const { orderBy } = parsed;
  if (orderBy) rows.sort((a, b) => a[orderBy.field].localeCompare(b[orderBy.field]) * (orderBy.descending ? -1 : 1));
  const found = rows.slice(0, parsed.limit ?? rows.length);
  const locator = `01gHs${String(++cursorCount).padStart(10, '0')}`;
  cursors.set(locator, { rows: found, fields: parsed.fields });
  // Salesforce keeps a few query cursors per user and drops the oldest.
  for (const old of cursors.keys()) if (cursors.size > 50) cursors.delete(old);
  return batch(locator, 0, found, parsed.fields);
}

function moreRecords(path: string): Reply {
  const [, locator = '', offset = ''] = /^\/services\/data\/v62\.0\/query\/(01g\w+)-(\d+)$/.exec(path) ?? [];
  const cursor = cursors.get(locator);
  if (!cursor) return apiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
  return batch(locator, Number(offset), cursor.rows, cursor.fields);
}

const MY_DOMAIN_HOST = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+\.sandbox|\.develop|\.scratch)?\.my\.salesforce\.com$/;

export const salesforceApi: TokenApiVendor = {
  name: 'Salesforce',
  // Every My Domain: the demo is one org whatever name the admin gives it.
  matches: (host) => MY_DOMAIN_HOST.test(host),
  hosts: [
    '*.my.salesforce.com',
    '*.sandbox.my.salesforce.com',
    '*.develop.my.salesforce.com',
    '*.scratch.my.salesforce.com',
  ],
  credentials: { account: 'fabrikam', user: CONSUMER_KEY, secret: CONSUMER_SECRET },
  route(call, seed) {
    const host = new URL(call.origin).hostname;
    if (call.path === '/services/oauth2/token') return grant(call, host);
    if (!tokenIsValid(bearerOf(call), host)) {
      return apiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid', { 'www-authenticate': 'Token' });
    }
    if (call.method !== 'GET') return apiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${call.method}' not allowed.`);
    if (call.path === `${API}/limits`) {
      return json(200, {
        DailyApiRequests: { Max: 15000, Remaining: 14987 },
        DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
      });
    }
    if (call.path === `${API}/query` || call.path === `${API}/query/`) return query(call, seed);
    if (call.path.startsWith(`${API}/query/`)) return moreRecords(call.path);
    return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  },
};
