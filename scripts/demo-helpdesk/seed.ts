// Deterministic demo data for the local Zendesk-shaped helpdesk. The same `now` always gives the same
// customers, tickets and ids; dates are relative to `now` so "3 days ago" stays true whenever the demo runs.

export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent' | null;
export type TicketType = 'question' | 'incident' | 'problem' | 'task' | null;
export type Channel = 'email' | 'web' | 'chat' | 'api' | 'voice' | 'native_messaging';
export type SatisfactionScore = 'good' | 'bad' | 'offered' | 'unoffered';

export interface SeedUser {
  id: number;
  name: string;
  email: string | null;
  role: 'end-user' | 'agent';
  organization_id: number | null;
  time_zone: string; // Zendesk's Rails zone name, as the API sends it
  iana_time_zone: string;
  locale: string;
  photo: null;
  created_at: string;
}

export interface SeedOrganization {
  id: number;
  name: string;
}

export interface SeedGroup {
  id: number;
  name: string;
}

export interface SeedTicket {
  id: number;
  subject: string;
  raw_subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  type: TicketType;
  requester_id: number;
  submitter_id: number;
  assignee_id: number | null;
  organization_id: number | null;
  group_id: number | null;
  tags: string[];
  via: { channel: Channel };
  satisfaction_rating: { score: SatisfactionScore; comment?: string };
  created_at: string;
  updated_at: string;
}

/** The ticket each demo scenario opens: the most recent ticket of that customer. */
export interface DemoTicketIds {
  firstContactTicketId: number;
  repeatContactTicketId: number;
  badRatingTicketId: number;
  bulkCustomerTicketId: number;
  zoeTicketId: number;
  xssTicketId: number;
  /** A WhatsApp-style contact with no email and no organisation. */
  noEmailTicketId: number;
}

export interface Seed {
  now: number;
  /** Customers (end-users). */
  users: SeedUser[];
  agents: SeedUser[];
  organizations: SeedOrganization[];
  groups: SeedGroup[];
  /** Ascending id; ids follow creation time like a real account. */
  tickets: SeedTicket[];
  /** The Zendesk scenarios' tickets, and those of the other helpdesks. */
  demo: DemoTicketIds & { freshdesk: FreshdeskDemoIds; jsm: JsmDemoIds; zohodesk: ZohodeskDemoIds };
  /** acme.freshdesk.com: some of the same people (same emails), a few others. */
  freshdesk: FreshdeskSeed;
  /** acme.atlassian.net, Jira Service Management: the same idea. */
  jsm: JsmSeed;
  /** desk.zoho.com, Zoho Desk: Zoë again, a bulk buyer for paging, and a Zoho-only contact. */
  zohodesk: ZohodeskSeed;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Small seeded PRNG (mulberry32): the same seed always gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const between = (rand: Random, min: number, max: number): number => min + Math.floor(rand() * (max - min));

/** ISO 8601 without milliseconds, like Zendesk: 2025-03-04T10:11:12Z. */
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const ORGANIZATIONS = {
  northwind: 'Northwind Procurement',
  contoso: 'Contoso Ltd',
  fabrikam: 'Fabrikam, Inc.',
  tailspin: 'Tailspin Toys',
  wideworld: 'Wide World Importers',
  globex: 'Globex Logistics GmbH',
  blueyonder: 'Blue Yonder Airlines',
  lumen: 'Lumen Café Group',
} as const;
type OrgKey = keyof typeof ORGANIZATIONS;

/** [Zendesk zone name, IANA zone]. */
type Zone = readonly [string, string];
const Z = {
  stockholm: ['Stockholm', 'Europe/Stockholm'],
  beijing: ['Beijing', 'Asia/Shanghai'],
  moscow: ['Moscow', 'Europe/Moscow'],
  madrid: ['Madrid', 'Europe/Madrid'],
  dublin: ['Dublin', 'Europe/Dublin'],
  dubai: ['Abu Dhabi', 'Asia/Dubai'],
  kolkata: ['Kolkata', 'Asia/Kolkata'],
  chicago: ['Central Time (US & Canada)', 'America/Chicago'],
  newYork: ['Eastern Time (US & Canada)', 'America/New_York'],
  lagos: ['West Central Africa', 'Africa/Lagos'],
  berlin: ['Berlin', 'Europe/Berlin'],
  warsaw: ['Warsaw', 'Europe/Warsaw'],
  utc: ['UTC', 'Etc/UTC'],
  rome: ['Rome', 'Europe/Rome'],
  tokyo: ['Tokyo', 'Asia/Tokyo'],
  casablanca: ['Casablanca', 'Africa/Casablanca'],
  athens: ['Athens', 'Europe/Athens'],
  jerusalem: ['Jerusalem', 'Asia/Jerusalem'],
  cairo: ['Cairo', 'Africa/Cairo'],
  hanoi: ['Hanoi', 'Asia/Bangkok'],
  paris: ['Paris', 'Europe/Paris'],
  brasilia: ['Brasilia', 'America/Sao_Paulo'],
  seoul: ['Seoul', 'Asia/Seoul'],
} satisfies Record<string, Zone>;

/** How many tickets a customer has, or the named scenario that shapes their history. */
type Story = number | 'bulk' | 'first-contact' | 'repeat-contact' | 'bad-rating' | 'zoe' | 'xss' | 'no-email';
type CustomerSpec = readonly [
  name: string,
  email: string | null,
  org: OrgKey | null,
  zone: Zone,
  locale: string,
  story: Story,
];

const XSS_NAME = '<img src=x onerror="window.__keptXss=1">Mallory';

const CUSTOMERS: readonly CustomerSpec[] = [
  ['Zoë Ångström', 'zoe.angstrom@fabrikam.com', 'fabrikam', Z.stockholm, 'sv', 'zoe'],
  ['Grace Hopkins', 'grace.hopkins@northwindprocurement.com', 'northwind', Z.chicago, 'en-US', 'bulk'],
  ['Amara Okafor', 'amara.okafor@gmail.com', null, Z.lagos, 'en-US', 'first-contact'],
  ['Hannah Schmidt', 'hannah.schmidt@globex-logistics.de', 'globex', Z.berlin, 'de', 'repeat-contact'],
  ['Lukas Nowak', 'lukas.nowak@contoso.com', 'contoso', Z.warsaw, 'pl', 'bad-rating'],
  [XSS_NAME, 'mallory.m@outlook.com', null, Z.newYork, 'en-US', 'xss'],
  ['Kofi Boateng', null, null, Z.utc, 'en-US', 'no-email'],
  ['李小龙', 'xiaolong.li@qq.com', null, Z.beijing, 'zh-cn', 4],
  ['Ольга Петрова', 'olga.petrova@yandex.ru', 'wideworld', Z.moscow, 'ru', 6],
  ['José Álvarez', 'jose.alvarez@contoso.com', 'contoso', Z.madrid, 'es', 3],
  ['Aoife Ní Bhriain', 'aoife.nibhriain@lumencafe.ie', 'lumen', Z.dublin, 'en-gb', 2],
  ['Mohammed Al-Farsi', 'm.alfarsi@blueyonder.com', 'blueyonder', Z.dubai, 'ar', 7],
  ['Priya Raghunathan', 'priya.r@tailspintoys.com', 'tailspin', Z.kolkata, 'en-US', 8],
  ['Mateo Rossi', 'mateo.rossi@tailspintoys.com', 'tailspin', Z.rome, 'it', 42],
  ['Yuki Tanaka', 'yuki.tanaka@wideworldimporters.com', 'wideworld', Z.tokyo, 'ja', 67],
  ['Fatima Zahra Benali', 'fz.benali@gmail.com', null, Z.casablanca, 'fr', 33],
  ['佐藤 花子', 'hanako.sato@contoso.com', 'contoso', Z.tokyo, 'ja', 3],
  ['Αλέξανδρος Παπαδόπουλος', 'alex.papadopoulos@blueyonder.com', 'blueyonder', Z.athens, 'el', 2],
  ['שרה כהן', 'sarah.cohen@fabrikam.com', 'fabrikam', Z.jerusalem, 'he', 4],
  ['أحمد منصور', 'ahmed.mansour@outlook.com', null, Z.cairo, 'ar', 2],
  ['Nguyễn Thị Lan', 'lan.nguyen@gmail.com', null, Z.hanoi, 'vi', 5],
  ['Siobhán Kelly', 'siobhan.kelly@lumencafe.ie', 'lumen', Z.dublin, 'en-gb', 3],
  ['Sven Lindqvist', 'sven.lindqvist@fabrikam.com', 'fabrikam', Z.stockholm, 'sv', 6],
  ['Dmitri Volkov', 'd.volkov@wideworldimporters.com', 'wideworld', Z.moscow, 'ru', 2],
  ['Emily Carter', 'emily.carter@northwindprocurement.com', 'northwind', Z.chicago, 'en-US', 4],
  ['Ana Beatriz Souza', 'ana.souza@contoso.com', 'contoso', Z.brasilia, 'pt-br', 5],
  ['Björn Müller-Lüdenscheidt', 'bjorn.muller@globex-logistics.de', 'globex', Z.berlin, 'de', 3],
  ['Chloé Dubois', 'chloe.dubois@orange.fr', null, Z.paris, 'fr', 2],
  ['Rahul Mehta', 'rahul.mehta@tailspintoys.com', 'tailspin', Z.kolkata, 'en-US', 7],
  ["Liam O'Connor", 'liam.oconnor@gmail.com', null, Z.newYork, 'en-US', 3],
  ['박지우', 'jiwoo.park@naver.com', null, Z.seoul, 'ko', 2],
];

const AGENTS = ['Sam Rivera', 'Noor Haddad', 'Jonas Weber', 'Mei Lin Chen', 'Kwame Mensah', 'Alex Morgan'];
const GROUPS = ['Billing', 'Technical', 'Shipping'] as const;
type GroupName = (typeof GROUPS)[number];

interface Topic {
  subject: string;
  body: string; // {first} = customer's first name, {n} = an order/invoice number
  tags: string[];
  type: TicketType;
  group: GroupName;
  priority?: TicketPriority;
}

const topic = (
  subject: string,
  body: string,
  tags: string[],
  type: TicketType,
  group: GroupName,
  priority?: TicketPriority,
): Topic =>
  priority === undefined ? { subject, body, tags, type, group } : { subject, body, tags, type, group, priority };

const TOPICS: readonly Topic[] = [
  topic(
    'Charged twice for invoice INV-{n}',
    'Hi,\n\nI was charged twice for invoice INV-{n} this month — two identical charges on my card on the 3rd.\nCould you refund the duplicate, please?\n\nThanks,\n{first}',
    ['billing', 'double_charge'],
    'incident',
    'Billing',
    'high',
  ),
  topic(
    'Refund not received after 10 days',
    'Hello,\n\nYou confirmed my refund for order #{n} ten days ago but nothing has reached my account yet.\nCan you check what happened?\n\n{first}',
    ['refund', 'billing'],
    'question',
    'Billing',
  ),
  topic(
    "Can't log in – password reset email never arrives",
    "Hi team,\n\nI've requested a password reset three times today and no email arrives (checked spam too).\nI need to get into my account before Friday.\n\nBest,\n{first}",
    ['login', 'password_reset'],
    'incident',
    'Technical',
    'high',
  ),
  topic(
    'Locked out after changing phone (2FA)',
    'Hi,\n\nI got a new phone and my authenticator codes are gone, so I cannot sign in anymore.\nHow can I reset two-factor authentication?\n\n{first}',
    ['login', '2fa'],
    'question',
    'Technical',
  ),
  topic(
    "Order #{n} hasn't arrived",
    'Hello,\n\nOrder #{n} was marked as shipped a week ago but tracking has not moved since it left the warehouse.\nCould you look into it?\n\nKind regards,\n{first}',
    ['shipping', 'where_is_my_order'],
    'incident',
    'Shipping',
  ),
  topic(
    'Package arrived damaged',
    'Hi,\n\nThe box for order #{n} arrived crushed and two items are broken. Photos attached.\nI would like replacements rather than a refund.\n\n{first}',
    ['shipping', 'damaged'],
    'problem',
    'Shipping',
    'high',
  ),
  topic(
    'API returns 500 on POST /v1/orders',
    'Hello,\n\nSince this morning POST /v1/orders returns HTTP 500 for about one request in five.\nRequest id: req_{n}. Our checkout is affected.\n\n{first}',
    ['api', 'bug', 'service_down'],
    'incident',
    'Technical',
    'urgent',
  ),
  topic(
    'Getting 429 Too Many Requests from the API',
    "Hi,\n\nOur nightly sync now hits 429 after ~200 requests. We haven't changed anything on our side.\nWhat is our current rate limit?\n\n{first}",
    ['api', 'rate_limit'],
    'question',
    'Technical',
  ),
  topic(
    'Feature request: export invoices as CSV',
    'Hi there,\n\nOur finance team would love a CSV export of all invoices (date, amount, VAT).\nIs this on the roadmap?\n\nCheers,\n{first}',
    ['feature_request', 'invoices'],
    'task',
    'Billing',
    'low',
  ),
  topic(
    'How do I downgrade to the Starter plan?',
    "Hello,\n\nWe're a smaller team now and would like to move to Starter at the next renewal.\nWill we lose any data?\n\n{first}",
    ['plan_change', 'billing'],
    'question',
    'Billing',
    'low',
  ),
  topic(
    'SAML SSO login loop with Okta',
    'Hi,\n\nAfter enabling SAML with Okta our users get stuck in a redirect loop on /sso/callback.\nMetadata attached.\n\n{first}',
    ['sso', 'login'],
    'problem',
    'Technical',
    'high',
  ),
  topic(
    'Need our VAT number on invoices',
    'Hello,\n\nPlease add our VAT number to invoice INV-{n} and future invoices — our accountant cannot book them without it.\n\nThank you,\n{first}',
    ['invoices', 'vat'],
    'task',
    'Billing',
  ),
  topic(
    'Please cancel my subscription',
    "Hi,\n\nPlease cancel my subscription at the end of this billing period. It's been great, we just don't need it anymore.\n\n{first}",
    ['cancellation', 'billing'],
    'task',
    'Billing',
  ),
  topic(
    'Change shipping address for order #{n}',
    'Hi,\n\nI moved last week — can you change the delivery address for order #{n} before it ships?\nNew address to follow.\n\n{first}',
    ['shipping', 'address_change'],
    'question',
    'Shipping',
  ),
  topic(
    'Webhooks stopped firing since yesterday',
    'Hello,\n\nOur order.created webhook stopped arriving around 18:00 yesterday. The endpoint is up and returns 200.\n\n{first}',
    ['api', 'webhooks'],
    'incident',
    'Technical',
    'high',
  ),
  topic(
    'Delete my account data (GDPR request)',
    'Hello,\n\nUnder GDPR Article 17 I ask you to delete all personal data you hold about me and confirm when done.\n\n{first}',
    ['gdpr', 'privacy'],
    'task',
    'Technical',
  ),
];

const BULK_TOPICS: readonly Topic[] = [
  topic(
    'PO {n} – order confirmation',
    'Hello,\n\nPlease confirm purchase order PO {n} (see attached) and the expected dispatch date.\n\nGrace Hopkins\nNorthwind Procurement',
    ['bulk_order', 'purchase_order'],
    'task',
    'Shipping',
  ),
  topic(
    'Invoice copy for PO {n}',
    'Hi,\n\nOur AP team needs a copy of the invoice for PO {n}.\n\nThanks,\nGrace',
    ['bulk_order', 'invoices'],
    'question',
    'Billing',
    'low',
  ),
  topic(
    'Backorder status for PO {n}',
    'Hi,\n\nThree lines of PO {n} are still on backorder. Can you give us an ETA?\n\nGrace',
    ['bulk_order', 'backorder'],
    'question',
    'Shipping',
  ),
  topic(
    'Delivery window for PO {n}',
    'Hello,\n\nOur warehouse only receives Tue–Thu 8:00–14:00. Please book PO {n} in that window.\n\nGrace',
    ['bulk_order', 'delivery_window'],
    'task',
    'Shipping',
  ),
];

const CHANNELS: readonly Channel[] = [
  'email',
  'email',
  'email',
  'web',
  'web',
  'chat',
  'chat',
  'native_messaging',
  'api',
  'voice',
];
const GOOD_COMMENTS = ['Quick and friendly, thank you!', 'Sorted in minutes.', ''];

/** A ticket before it has an id: ids are handed out later in creation order. */
interface Draft {
  requester: SeedUser;
  topic: Topic;
  n: number;
  createdAt: number;
  updatedAt: number;
  status: TicketStatus;
  channel: Channel;
  rating: SeedTicket['satisfaction_rating'];
  scenario?: keyof DemoTicketIds;
  subject?: string;
  description?: string;
  /** The agent who handled it, by name, where the story needs one. */
  assignee?: string;
}

function statusForAge(rand: Random, ageDays: number): TicketStatus {
  if (ageDays > 30) return 'closed';
  if (ageDays > 7) return rand() < 0.8 ? 'solved' : 'closed';
  return pick(rand, ['new', 'open', 'open', 'pending', 'hold', 'solved'] as const);
}

function ratingFor(rand: Random, status: TicketStatus): SeedTicket['satisfaction_rating'] {
  if (status !== 'solved' && status !== 'closed') return { score: 'unoffered' };
  const r = rand();
  if (r < 0.45) {
    const comment = pick(rand, GOOD_COMMENTS);
    return comment ? { score: 'good', comment } : { score: 'good' };
  }
  if (r < 0.48) return { score: 'bad', comment: 'Had to explain the problem three times.' };
  return r < 0.8 ? { score: 'offered' } : { score: 'unoffered' };
}

/** A plausible ticket `ageDays` old; updated_at follows the status (closed = 4 days after solved). */
function draftAt(
  rand: Random,
  requester: SeedUser,
  topics: readonly Topic[],
  createdAt: number,
  now: number,
  status?: TicketStatus,
): Draft {
  const s = status ?? statusForAge(rand, (now - createdAt) / DAY);
  const worked = createdAt + between(rand, 2 * HOUR, 4 * DAY);
  const touched: Record<TicketStatus, number> = {
    new: createdAt,
    open: createdAt + rand() * (now - createdAt),
    pending: createdAt + rand() * (now - createdAt),
    hold: createdAt + rand() * (now - createdAt),
    solved: worked,
    closed: worked + 4 * DAY,
  };
  return {
    requester,
    topic: pick(rand, topics),
    n: between(rand, 10_000, 99_999),
    createdAt,
    updatedAt: Math.min(Math.round(touched[s]), now - MINUTE),
    status: s,
    channel: pick(rand, CHANNELS),
    rating: ratingFor(rand, s),
  };
}

/** The current (most recent) ticket of a scenario customer, opened `minutesAgo`. */
function current(
  rand: Random,
  requester: SeedUser,
  topics: readonly Topic[],
  now: number,
  minutesAgo: number,
  status: TicketStatus,
  scenario: keyof DemoTicketIds,
): Draft {
  const at = now - minutesAgo * MINUTE;
  return { ...draftAt(rand, requester, topics, at, now, status), updatedAt: at, scenario };
}

function daysAgo(rand: Random, now: number, maxDays: number, minDays = 1): number {
  return now - Math.round((minDays + rand() * (maxDays - minDays)) * DAY);
}

function storyDrafts(rand: Random, user: SeedUser, story: Story, now: number): Draft[] {
  const random = (count: number, maxDays: number, topics = TOPICS, minDays = 1): Draft[] =>
    Array.from({ length: count }, () => draftAt(rand, user, topics, daysAgo(rand, now, maxDays, minDays), now));
  switch (story) {
    case 'bulk':
      return [
        ...random(1999, 730, BULK_TOPICS),
        current(rand, user, BULK_TOPICS, now, 12, 'open', 'bulkCustomerTicketId'),
      ];
    case 'first-contact':
      return [{ ...current(rand, user, TOPICS, now, 35, 'new', 'firstContactTicketId'), channel: 'web' }];
    case 'repeat-contact': {
      const billing = TOPICS[0] as Topic;
      return [
        ...random(2, 400, TOPICS, 60),
        { ...draftAt(rand, user, [billing], now - 6 * DAY, now, 'solved'), updatedAt: now - 5 * DAY },
        {
          ...draftAt(rand, user, [billing], now - 3 * DAY, now, 'solved'),
          updatedAt: now - 2 * DAY,
          subject: 'Still charged twice – second invoice this month',
          assignee: 'Jonas Weber',
          rating: { score: 'good', comment: 'Jonas was brilliant, thank you for sorting it so quickly!' },
        },
        {
          ...current(rand, user, [billing], now, 120, 'open', 'repeatContactTicketId'),
          subject: 'Third time asking: duplicate charge not refunded',
        },
      ];
    }
    case 'bad-rating':
      return [
        ...random(2, 500, TOPICS, 60).map((d) => ({ ...d, rating: { score: 'good' as const } })),
        {
          ...draftAt(rand, user, [TOPICS[1] as Topic], now - 9 * DAY, now, 'solved'),
          updatedAt: now - 5 * DAY,
          rating: { score: 'bad', comment: 'Took a week to get a straight answer and the refund is still missing.' },
        },
        {
          ...current(rand, user, [TOPICS[1] as Topic], now, 50, 'open', 'badRatingTicketId'),
          subject: 'Still no refund – second time asking',
        },
      ];
    case 'zoe':
      return [...random(4, 500), current(rand, user, [TOPICS[2] as Topic], now, 25, 'open', 'zoeTicketId')];
    case 'xss':
      return [
        ...random(1, 300, TOPICS, 30),
        {
          ...current(rand, user, [TOPICS[1] as Topic], now, 40, 'open', 'xssTicketId'),
          subject: '<script>window.__keptXss=1</script> Refund not received',
          description:
            'Hi,\n\nMy refund still has not arrived.\n<img src=x onerror="window.__keptXss=1">\n<a href="javascript:window.__keptXss=1">click</a>\n\nMallory',
        },
      ];
    case 'no-email':
      return [
        { ...draftAt(rand, user, TOPICS, daysAgo(rand, now, 200, 40), now, 'closed'), channel: 'voice' },
        {
          ...current(rand, user, [TOPICS[4] as Topic], now, 15, 'new', 'noEmailTicketId'),
          channel: 'native_messaging',
        },
      ];
    default:
      return random(story, 600);
  }
}

const firstName = (name: string): string => name.split(/\s+/)[0] ?? name;

function toTicket(d: Draft, id: number, agents: SeedUser[], groups: SeedGroup[], rand: Random): SeedTicket {
  const fill = (text: string): string =>
    text.replaceAll('{n}', String(d.n)).replaceAll('{first}', firstName(d.requester.name));
  const subject = d.subject ?? fill(d.topic.subject);
  const picked = d.status === 'new' ? null : pick(rand, agents);
  const assignee = d.assignee ? (agents.find((a) => a.name === d.assignee) ?? picked) : picked;
  return {
    id,
    subject,
    raw_subject: subject,
    description: d.description ?? fill(d.topic.body),
    status: d.status,
    priority: d.topic.priority ?? pick(rand, ['low', 'normal', 'normal', 'normal', null] as const),
    type: d.topic.type,
    requester_id: d.requester.id,
    // Phone calls are logged by the agent who took them.
    submitter_id: d.channel === 'voice' && assignee ? assignee.id : d.requester.id,
    assignee_id: assignee?.id ?? null,
    organization_id: d.requester.organization_id,
    group_id: groups.find((g) => g.name === d.topic.group)?.id ?? null,
    tags: [...d.topic.tags, ...(d.requester.organization_id ? ['b2b'] : [])],
    via: { channel: d.channel },
    satisfaction_rating: d.rating,
    created_at: iso(d.createdAt),
    updated_at: iso(d.updatedAt),
  };
}

function user(
  id: number,
  name: string,
  email: string | null,
  role: SeedUser['role'],
  orgId: number | null,
  zone: Zone,
  locale: string,
  createdAt: number,
): SeedUser {
  return {
    id,
    name,
    email,
    role,
    organization_id: orgId,
    time_zone: zone[0],
    iana_time_zone: zone[1],
    locale,
    photo: null,
    created_at: iso(createdAt),
  };
}

const asciiEmail = (name: string): string =>
  `${name
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '.')}@acmehq.com`;

export function makeSeed(now: number = Date.now()): Seed {
  const rand = mulberry32(0x6b657074); // "kept"
  const orgKeys = Object.keys(ORGANIZATIONS) as OrgKey[];
  const organizations = orgKeys.map((key, i) => ({ id: 360_000_100_001 + i, name: ORGANIZATIONS[key] }));
  const orgId = (key: OrgKey | null): number | null => (key ? 360_000_100_001 + orgKeys.indexOf(key) : null);
  const groups = GROUPS.map((name, i) => ({ id: 360_000_200_001 + i, name }));
  const agents = AGENTS.map((name, i) =>
    user(372_000_000_001 + i, name, asciiEmail(name), 'agent', null, Z.dublin, 'en-US', now - 900 * DAY),
  );
  const users = CUSTOMERS.map(([name, email, org, zone, locale], i) =>
    user(373_000_000_001 + i, name, email, 'end-user', orgId(org), zone, locale, now - (800 - i) * DAY),
  );
  const drafts = CUSTOMERS.flatMap((spec, i) => storyDrafts(rand, users[i] as SeedUser, spec[5], now));
  // Ticket ids grow with creation time, as in a real account (stable sort keeps ties in story order).
  const ordered = drafts
    .map((d, order) => ({ d, order }))
    .sort((a, b) => a.d.createdAt - b.d.createdAt || a.order - b.order);
  const demo: Partial<DemoTicketIds> = {};
  const tickets = ordered.map(({ d }, i) => {
    const ticket = toTicket(d, 1001 + i, agents, groups, rand);
    if (d.scenario) demo[d.scenario] = ticket.id;
    return ticket;
  });
  const freshdesk = makeFreshdesk(now, users, organizations);
  const jsm = makeJsm(now, users);
  const zohodesk = makeZohodesk(now, users, organizations);
  return {
    now,
    users,
    agents,
    organizations,
    groups,
    tickets,
    demo: { ...(demo as DemoTicketIds), freshdesk: freshdesk.demo, jsm: jsm.demo, zohodesk: zohodesk.demo },
    freshdesk: freshdesk.seed,
    jsm: jsm.seed,
    zohodesk: zohodesk.seed,
  };
}

// Lookups, indexed once per seed.
interface SeedIndex {
  users: Map<number, SeedUser>;
  tickets: Map<number, SeedTicket>;
  requested: Map<number, SeedTicket[]>;
}
const indexes = new WeakMap<Seed, SeedIndex>();

/** Newest `updated_at` first, then highest id: the order Zendesk lists a customer's tickets with sort=-updated_at. */
export const byUpdatedDesc = (a: SeedTicket, b: SeedTicket): number =>
  b.updated_at.localeCompare(a.updated_at) || b.id - a.id;

function indexOf(seed: Seed): SeedIndex {
  let index = indexes.get(seed);
  if (!index) {
    const requested = new Map<number, SeedTicket[]>();
    for (const t of seed.tickets) {
      const list = requested.get(t.requester_id);
      if (list) list.push(t);
      else requested.set(t.requester_id, [t]);
    }
    for (const list of requested.values()) list.sort(byUpdatedDesc);
    index = {
      users: new Map([...seed.users, ...seed.agents].map((u) => [u.id, u])),
      tickets: new Map(seed.tickets.map((t) => [t.id, t])),
      requested,
    };
    indexes.set(seed, index);
  }
  return index;
}

export const findUser = (seed: Seed, id: number): SeedUser | undefined => indexOf(seed).users.get(id);
export const findTicket = (seed: Seed, id: number): SeedTicket | undefined => indexOf(seed).tickets.get(id);
export const findOrganization = (seed: Seed, id: number | null): SeedOrganization | undefined =>
  seed.organizations.find((o) => o.id === id);
/** A user's requested tickets, newest `updated_at` first. */
export const ticketsRequestedBy = (seed: Seed, userId: number): readonly SeedTicket[] =>
  indexOf(seed).requested.get(userId) ?? [];

// ---------- Freshdesk (acme.freshdesk.com) ----------
// Hand-written so each ticket tells its part of a story; people who are also in Zendesk keep their email, so Kept
// sees one customer across both helpdesks.

/** Freshdesk status codes: 2 Open, 3 Pending, 4 Resolved, 5 Closed; 6 and up are the account's own. */
export const FRESHDESK_STATUSES: Record<number, string> = {
  2: 'Open',
  3: 'Pending',
  4: 'Resolved',
  5: 'Closed',
  6: 'Waiting on Third Party',
};
/** Freshdesk source codes as the agent app names them. */
export const FRESHDESK_SOURCES: Record<number, string> = {
  1: 'Email',
  2: 'Portal',
  3: 'Phone',
  7: 'Chat',
  9: 'Feedback Widget',
  10: 'Outbound Email',
};

export interface FreshdeskContact {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  company_id: number | null;
  time_zone: string;
  language: string;
  created_at: string;
  updated_at: string;
}

export interface FreshdeskAgent {
  id: number;
  name: string;
  email: string;
}

export interface FreshdeskTicket {
  id: number;
  subject: string;
  description_text: string;
  status: number;
  priority: 1 | 2 | 3 | 4;
  source: number;
  type: string | null;
  requester_id: number;
  responder_id: number | null;
  company_id: number | null;
  group_id: number | null;
  tags: string[];
  created_at: string;
  updated_at: string;
}

export interface FreshdeskSeed {
  contacts: FreshdeskContact[];
  companies: SeedOrganization[];
  agents: FreshdeskAgent[];
  groups: SeedGroup[];
  /** Ascending id, in creation order. */
  tickets: FreshdeskTicket[];
}

export interface FreshdeskDemoIds {
  zoeTicketId: number;
  repeatContactTicketId: number;
  /** A caller known by phone only: no email, so Kept keys them by their Freshdesk contact id. */
  phoneOnlyTicketId: number;
  xssTicketId: number;
}

/** [contact email or name, subject, description, status, source, created (minutes ago), updated (minutes ago), tags] */
type FreshdeskSpec = readonly [
  who: string,
  subject: string,
  body: string,
  status: number,
  source: number,
  createdMinutesAgo: number,
  updatedMinutesAgo: number,
  tags: readonly string[],
  scenario?: keyof FreshdeskDemoIds,
];

/** People only Freshdesk knows: [name, email, organisation, phone]. */
const FRESHDESK_ONLY: ReadonlyArray<readonly [string, string | null, string | null, string | null]> = [
  ['Tomás Herrera', 'tomas.herrera@tailspintoys.com', 'Tailspin Toys', '+1 415 555 0142'],
  ['Kofi Boateng', null, null, '+233 30 255 0199'],
];

const D = 1440; // minutes in a day

const FRESHDESK_TICKETS: readonly FreshdeskSpec[] = [
  [
    'zoe.angstrom@fabrikam.com',
    'Question about our annual renewal quote',
    'Hi,\n\nThe renewal quote lists 40 seats but we only use 32. Can we renew for 32?\n\nZoë',
    5,
    3,
    420 * D,
    415 * D,
    ['renewal', 'quote'],
  ],
  [
    'zoe.angstrom@fabrikam.com',
    'Invoice export is missing March',
    'Hello,\n\nThe CSV export of our invoices skips every invoice from March.\nCould you check?\n\nZoë',
    4,
    2,
    21 * D,
    19 * D,
    ['invoices', 'export'],
  ],
  [
    'zoe.angstrom@fabrikam.com',
    "SSO users can't reach the billing page",
    'Hi team,\n\nSince we turned on SSO, our finance people get "access denied" on the billing page.\nThey could open it last week.\n\nZoë Ångström\nFabrikam, Inc.',
    2,
    1,
    90,
    90,
    ['sso', 'billing'],
    'zoeTicketId',
  ],
  [
    'hannah.schmidt@globex-logistics.de',
    'Customs paperwork for shipment to Hamburg',
    'Hello,\n\nWe need the commercial invoice for the Hamburg shipment in German.\n\nHannah',
    5,
    1,
    200 * D,
    196 * D,
    ['shipping', 'customs'],
  ],
  [
    'hannah.schmidt@globex-logistics.de',
    'Change of invoice address',
    'Hi,\n\nPlease send invoices to our new office on Speicherstadt 12 from now on.\n\nHannah',
    4,
    2,
    12 * D,
    11 * D,
    ['invoices', 'address_change'],
  ],
  [
    'hannah.schmidt@globex-logistics.de',
    'Pallet count on delivery note is wrong',
    'Hello,\n\nThe delivery note says 14 pallets, we received 12. Your carrier is checking.\n\nHannah',
    6,
    3,
    8 * D,
    2 * D,
    ['shipping', 'delivery_note'],
  ],
  [
    'hannah.schmidt@globex-logistics.de',
    'Refund for the duplicate charge – asking again on chat',
    'Hi,\n\nI have written twice by email about the duplicate charge. Is anyone looking at it?\n\nHannah Schmidt',
    2,
    7,
    180,
    170,
    ['billing', 'double_charge'],
    'repeatContactTicketId',
  ],
  [
    'jose.alvarez@contoso.com',
    'Cambio de plan a Business',
    'Hola,\n\nQueremos pasar al plan Business desde el próximo mes.\n\nJosé',
    5,
    1,
    90 * D,
    85 * D,
    ['plan_change'],
  ],
  [
    'jose.alvarez@contoso.com',
    'Factura duplicada en marzo',
    'Hola,\n\nRecibimos dos facturas iguales en marzo. ¿Cuál debemos pagar?\n\nJosé',
    2,
    1,
    2 * D,
    1 * D,
    ['invoices', 'billing'],
  ],
  [
    'olga.petrova@yandex.ru',
    'Не приходит письмо для сброса пароля',
    'Здравствуйте,\n\nПисьмо для сброса пароля не приходит уже второй день.\n\nОльга',
    3,
    2,
    1 * D,
    300,
    ['login', 'password_reset'],
  ],
  [
    'chloe.dubois@orange.fr',
    'Commande #48213 non reçue',
    'Bonjour,\n\nMa commande #48213 est indiquée livrée mais je ne l’ai pas reçue.\n\nChloé',
    4,
    1,
    15 * D,
    13 * D,
    ['shipping', 'where_is_my_order'],
  ],
  [
    'chloe.dubois@orange.fr',
    'Remboursement partiel',
    'Bonjour,\n\nUn article manquait dans le colis, pouvez-vous me rembourser cet article ?\n\nChloé',
    2,
    9,
    300,
    300,
    ['refund'],
  ],
  [
    'mallory.m@outlook.com',
    '<b onmouseover="window.__keptXss=1">Refund</b> please',
    'Hi,\n\n<img src=x onerror="window.__keptXss=1">\nStill waiting.\n\nMallory',
    2,
    10,
    360,
    360,
    ['refund'],
    'xssTicketId',
  ],
  [
    'tomas.herrera@tailspintoys.com',
    'Volume discount for 500 units',
    'Hi,\n\nWe plan to order 500 units next quarter. What discount can you offer?\n\nTomás',
    5,
    1,
    150 * D,
    148 * D,
    ['sales', 'bulk_order'],
  ],
  [
    'tomas.herrera@tailspintoys.com',
    'Webhook retries flood our endpoint',
    'Hello,\n\nYour webhooks retry every second after a 503 from us. Can the backoff be longer?\n\nTomás',
    4,
    2,
    40 * D,
    36 * D,
    ['api', 'webhooks'],
  ],
  [
    'tomas.herrera@tailspintoys.com',
    'Order #77120 stuck in processing',
    'Hi,\n\nOrder #77120 has been "processing" for three days.\n\nTomás',
    3,
    1,
    3 * D,
    1 * D,
    ['shipping'],
  ],
  [
    'Kofi Boateng',
    'Called about a parcel held at customs',
    'Customer called: parcel for order #59084 is held at customs in Accra; wants to know which documents to send.',
    2,
    3,
    45,
    45,
    ['shipping', 'customs'],
    'phoneOnlyTicketId',
  ],
];

function makeFreshdesk(
  now: number,
  users: readonly SeedUser[],
  organizations: readonly SeedOrganization[],
): { seed: FreshdeskSeed; demo: FreshdeskDemoIds } {
  const rand = mulberry32(0x66647368); // "fdsh": its own stream, so Zendesk's data never shifts
  const minutesAgo = (m: number): string => iso(now - m * MINUTE);
  const companies = organizations.map((o, i) => ({ id: 43_000_500_001 + i, name: o.name }));
  const companyOf = (name: string | null | undefined) => companies.find((c) => c.name === name)?.id ?? null;
  const agents = AGENTS.slice(0, 4).map((name, i) => ({ id: 43_000_000_001 + i, name, email: asciiEmail(name) }));
  const groups = GROUPS.map((name, i) => ({ id: 43_000_200_001 + i, name }));
  const people = new Map<string, Omit<FreshdeskContact, 'id' | 'created_at' | 'updated_at'>>();
  for (const [who] of FRESHDESK_TICKETS) {
    if (people.has(who)) continue;
    const known = users.find((u) => u.email === who);
    const only = FRESHDESK_ONLY.find(([name, email]) => email === who || name === who);
    const org = known ? organizations.find((o) => o.id === known.organization_id)?.name : only?.[2];
    people.set(who, {
      name: known?.name ?? only?.[0] ?? who,
      email: known?.email ?? only?.[1] ?? null,
      phone: only?.[3] ?? null,
      company_id: companyOf(org),
      time_zone: known?.time_zone ?? 'Eastern Time (US & Canada)',
      language: known?.locale.slice(0, 2) ?? 'en',
    });
  }
  const contacts = [...people.values()].map((p, i) => ({
    id: 43_000_100_001 + i,
    ...p,
    created_at: minutesAgo((700 - i) * D),
    updated_at: minutesAgo((30 - i) * D),
  }));
  const demo: Partial<FreshdeskDemoIds> = {};
  const ordered = FRESHDESK_TICKETS.map((spec, order) => ({ spec, order })).sort(
    (a, b) => b.spec[5] - a.spec[5] || a.order - b.order,
  );
  const tickets = ordered.map(({ spec }, i): FreshdeskTicket => {
    const [who, subject, body, status, source, created, updated, tags, scenario] = spec;
    const contact = contacts[[...people.keys()].indexOf(who)] as FreshdeskContact;
    const id = 301 + i;
    if (scenario) demo[scenario] = id;
    const topicGroup = tags.some((t) => ['billing', 'invoices', 'refund', 'plan_change', 'renewal'].includes(t))
      ? 'Billing'
      : tags.some((t) => ['shipping', 'customs'].includes(t))
        ? 'Shipping'
        : 'Technical';
    return {
      id,
      subject,
      description_text: body,
      status,
      priority: pick(rand, [1, 2, 2, 3, 4] as const),
      source,
      type: pick(rand, ['Question', 'Incident', 'Problem', null] as const),
      requester_id: contact.id,
      responder_id: status === 2 && created < 120 ? null : pick(rand, agents).id,
      company_id: contact.company_id,
      group_id: groups.find((g) => g.name === topicGroup)?.id ?? null,
      tags: [...tags],
      created_at: minutesAgo(created),
      updated_at: minutesAgo(updated),
    };
  });
  return { seed: { contacts, companies, agents, groups, tickets }, demo: demo as FreshdeskDemoIds };
}

/** A contact's tickets, newest update first (Freshdesk's order_by=updated_at&order_type=desc). */
export const freshdeskTicketsOf = (seed: Seed, contactId: number): FreshdeskTicket[] =>
  seed.freshdesk.tickets
    .filter((t) => t.requester_id === contactId)
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.id - a.id);

// ---------- Jira Service Management (acme.atlassian.net) ----------

export type JsmStatusCategory = 'new' | 'indeterminate' | 'done';
export interface JsmStatus {
  id: string;
  name: string;
  category: JsmStatusCategory;
}

/** The default service-request workflow's statuses. */
export const JSM_STATUSES = {
  waitingForSupport: { id: '10001', name: 'Waiting for support', category: 'new' },
  waitingForCustomer: { id: '10002', name: 'Waiting for customer', category: 'indeterminate' },
  inProgress: { id: '3', name: 'In Progress', category: 'indeterminate' },
  resolved: { id: '10003', name: 'Resolved', category: 'done' },
  closed: { id: '6', name: 'Closed', category: 'done' },
  canceled: { id: '10004', name: 'Canceled', category: 'done' },
} as const satisfies Record<string, JsmStatus>;
type JsmStatusName = keyof typeof JSM_STATUSES;

export interface JsmUser {
  accountId: string;
  displayName: string;
  /** What Jira shows others; null when the person's privacy settings hide it. */
  emailAddress: string | null;
  accountType: 'atlassian' | 'customer';
  timeZone: string;
}

export interface JsmIssue {
  id: string;
  key: string;
  summary: string;
  description: string;
  status: JsmStatus;
  requestType: string;
  reporter: string; // accountId
  assignee: string | null;
  labels: string[];
  created: string; // Jira's format: 2026-10-30T09:00:00.000+0000
  updated: string;
}

export interface JsmSeed {
  project: { id: string; key: string; name: string; serviceDeskId: string };
  queues: ReadonlyArray<{ id: number; name: string }>;
  users: JsmUser[];
  /** Ascending key, in creation order. */
  issues: JsmIssue[];
}

export interface JsmDemoIds {
  projectKey: string;
  /** Zoë's request, newest of hers. */
  issueKey: string;
  /** A reporter whose email Jira hides: Kept keys them by Atlassian account id. */
  hiddenEmailIssueKey: string;
}

/** [reporter email or name, summary, description, status, request type, created/updated (minutes ago), labels] */
type JsmSpec = readonly [
  who: string,
  summary: string,
  body: string,
  status: JsmStatusName,
  requestType: string,
  createdMinutesAgo: number,
  updatedMinutesAgo: number,
  labels: readonly string[],
  scenario?: 'issueKey' | 'hiddenEmailIssueKey',
];

/** Reporters only Jira knows, and whose email Jira hides: [name, email or null]. */
const JSM_ONLY: ReadonlyArray<readonly [string, string | null]> = [
  ['Kenji Watanabe', 'kenji.watanabe@wideworldimporters.com'],
];
const HIDDEN_EMAIL = new Set(['m.alfarsi@blueyonder.com']);

const JSM_ISSUES: readonly JsmSpec[] = [
  [
    'zoe.angstrom@fabrikam.com',
    'Laptop replacement for a new starter',
    'A new colleague starts on the 1st and needs a laptop with the finance image.',
    'closed',
    'Request new hardware',
    400 * D,
    390 * D,
    ['hardware'],
  ],
  [
    'm.alfarsi@blueyonder.com',
    'Add a second billing contact',
    'Please add our finance mailbox as a second billing contact for the Blue Yonder account.',
    'resolved',
    'Billing question',
    30 * D,
    28 * D,
    ['billing'],
  ],
  [
    'zoe.angstrom@fabrikam.com',
    'VPN certificate expired',
    'Hello,\n\nThe VPN client says our certificate expired yesterday. Nobody in the Stockholm office can connect.',
    'resolved',
    'Get IT help',
    60 * D,
    58 * D,
    ['vpn', 'access'],
  ],
  [
    'kenji.watanabe@wideworldimporters.com',
    'Cancel duplicated request',
    'I raised the same request twice; please cancel this one.',
    'canceled',
    'Get IT help',
    10 * D,
    10 * D,
    [],
  ],
  [
    'sven.lindqvist@fabrikam.com',
    'Dashboard export times out',
    'Exporting the monthly dashboard to PDF times out after 60 seconds.',
    'inProgress',
    'Report a bug',
    1 * D,
    240,
    ['bug', 'export'],
  ],
  [
    'm.alfarsi@blueyonder.com',
    'Booking API returns 401 for our sandbox key',
    'Hi,\n\nSince this morning the sandbox booking API answers 401 for our key ending in 7f3a.',
    'waitingForCustomer',
    'Report a bug',
    2 * D,
    60,
    ['api', 'sandbox'],
    'hiddenEmailIssueKey',
  ],
  [
    'kenji.watanabe@wideworldimporters.com',
    'Webhook signature mismatch',
    'The X-Signature header on your webhooks does not match the payload since Tuesday.',
    'waitingForSupport',
    'Report a bug',
    240,
    240,
    ['api', 'webhooks'],
  ],
  [
    'zoe.angstrom@fabrikam.com',
    'Request access to the analytics workspace',
    'Hi,\n\nPlease give the Fabrikam finance team read access to the analytics workspace.\n\nZoë',
    'waitingForSupport',
    'Request access',
    180,
    180,
    ['access'],
    'issueKey',
  ],
];

/** Jira's timestamp: milliseconds and an offset without a colon. */
export const jiraTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

/** A stable uuid-shaped id from the stream. */
const uuid = (rand: Random): string => {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

function makeJsm(now: number, users: readonly SeedUser[]): { seed: JsmSeed; demo: JsmDemoIds } {
  const rand = mulberry32(0x6a736d21); // "jsm!": its own stream
  const at = (m: number): string => jiraTime(now - m * MINUTE);
  const agents: JsmUser[] = AGENTS.slice(2, 5).map((name) => ({
    accountId: `712020:${uuid(rand)}`,
    displayName: name,
    emailAddress: asciiEmail(name),
    accountType: 'atlassian',
    timeZone: 'Europe/Dublin',
  }));
  const reporters = new Map<string, JsmUser>();
  for (const [who] of JSM_ISSUES) {
    if (reporters.has(who)) continue;
    const known = users.find((u) => u.email === who);
    const only = JSM_ONLY.find(([, email]) => email === who);
    reporters.set(who, {
      // Portal customers' ids as Jira Cloud gives them: `qm:` and two uuids, 76 characters.
      accountId: `qm:${uuid(rand)}:${uuid(rand)}`,
      displayName: known?.name ?? only?.[0] ?? who,
      emailAddress: HIDDEN_EMAIL.has(who) ? null : who,
      accountType: 'customer',
      timeZone: known?.iana_time_zone ?? 'Asia/Tokyo',
    });
  }
  const project = { id: '10001', key: 'SUP', name: 'Acme Customer Support', serviceDeskId: '1' };
  const demo: Partial<JsmDemoIds> = { projectKey: project.key };
  const ordered = JSM_ISSUES.map((spec, order) => ({ spec, order })).sort(
    (a, b) => b.spec[5] - a.spec[5] || a.order - b.order,
  );
  const issues = ordered.map(({ spec }, i): JsmIssue => {
    const [who, summary, body, status, requestType, created, updated, labels, scenario] = spec;
    const key = `${project.key}-${i + 1}`;
    if (scenario) demo[scenario] = key;
    return {
      id: String(10_100 + i),
      key,
      summary,
      description: body,
      status: JSM_STATUSES[status],
      requestType,
      reporter: reporters.get(who)?.accountId ?? '',
      assignee: status === 'waitingForSupport' ? null : pick(rand, agents).accountId,
      labels: [...labels],
      created: at(created),
      updated: at(updated),
    };
  });
  return {
    seed: {
      project,
      queues: [
        { id: 1, name: 'All open requests' },
        { id: 2, name: 'Assigned to me' },
        { id: 3, name: 'Waiting for customer' },
        { id: 4, name: 'Resolved' },
      ],
      users: [...agents, ...reporters.values()],
      issues,
    },
    demo: demo as JsmDemoIds,
  };
}

/** A reporter's requests, newest update first (JQL `ORDER BY updated DESC`). */
export const jsmIssuesReportedBy = (seed: Seed, accountId: string): JsmIssue[] =>
  seed.jsm.issues
    .filter((i) => i.reporter === accountId)
    .sort((a, b) => b.updated.localeCompare(a.updated) || Number(b.id) - Number(a.id));

// ---------- Zoho Desk (desk.zoho.com) ----------
// One portal and department. Zoho's ids are 17-digit numbers, which its API sends as strings (beyond a JSON number's
// precision). People who are in Zendesk too keep their email, so Kept sees one Zoë across the helpdesks.

/** Zoho's status types: every status, the system's or an account's own, belongs to one. */
export type ZohoStatusType = 'Open' | 'On Hold' | 'Closed';

export interface ZohoContact {
  id: string;
  firstName: string | null;
  /** Zoho requires a last name; a one-word name is all last name. */
  lastName: string;
  email: string | null;
  phone: string | null;
  accountId: string | null;
}

export interface ZohoAccount {
  id: string;
  accountName: string;
}

export interface ZohoAgent {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
}

export interface ZohoTicket {
  id: string;
  /** What agents call the ticket (#1042); the URL and the API use `id`. */
  ticketNumber: string;
  subject: string;
  /** Plain text; the API sends it as HTML. */
  description: string;
  status: string;
  statusType: ZohoStatusType;
  priority: 'Low' | 'Medium' | 'High' | null;
  channel: string;
  contactId: string;
  accountId: string | null;
  assigneeId: string | null;
  /** The address the ticket came from, as the channel recorded it. */
  email: string | null;
  createdTime: string;
  modifiedTime: string;
  closedTime: string | null;
}

export interface ZohodeskSeed {
  /** The organisation id the session API wants in its `orgId` header. */
  orgId: string;
  /** The portal name in agent URLs and API paths: /agent/{portal}/…, /supportapi/zd/{portal}/api/v1. */
  portal: string;
  department: { id: string; name: string; slug: string };
  contacts: ZohoContact[];
  accounts: ZohoAccount[];
  agents: ZohoAgent[];
  /** Ascending ticket number, in creation order. */
  tickets: ZohoTicket[];
}

export interface ZohodeskDemoIds {
  zoeTicketId: string;
  /** A buyer with more tickets than one page of Zoho's list holds (100). */
  bulkTicketId: string;
  /** Ingrid Solberg, whom only Zoho Desk knows. */
  zohoOnlyTicketId: string;
}

/** [contact email, subject, description, status, status type, channel, created/modified (minutes ago)] */
type ZohoSpec = readonly [
  who: string,
  subject: string,
  body: string,
  status: string,
  statusType: ZohoStatusType,
  channel: string,
  createdMinutesAgo: number,
  modifiedMinutesAgo: number,
  scenario?: keyof ZohodeskDemoIds,
];

/** People only Zoho Desk knows: [name, email, account, phone]. */
const ZOHO_ONLY: ReadonlyArray<readonly [string, string, string, string]> = [
  ['Ingrid Solberg', 'ingrid.solberg@nordlys.example', 'Nordlys Energi AS', '+47 912 34 567'],
];

const ZOHO_TICKETS: readonly ZohoSpec[] = [
  [
    'zoe.angstrom@fabrikam.com',
    'Purchase order for 12 extra seats',
    'Hi,\n\nPlease find our purchase order for 12 extra seats attached. Can they start on the 1st?\n\nZoë',
    'Closed',
    'Closed',
    'Email',
    300 * D,
    296 * D,
  ],
  [
    'zoe.angstrom@fabrikam.com',
    'Two-factor codes rejected after phone change',
    'Caller: Zoë Ångström, Fabrikam. New phone, her authenticator codes are rejected. Reset 2FA after verifying her.',
    'Closed',
    'Closed',
    'Phone',
    120 * D,
    119 * D,
  ],
  [
    'zoe.angstrom@fabrikam.com',
    'Quarterly usage report shows zero logins',
    'Hello,\n\nThe Q2 usage report says nobody at Fabrikam logged in, but we use the product every day.\n\nZoë',
    'Resolved',
    'Closed',
    'Web',
    45 * D,
    41 * D,
  ],
  [
    'zoe.angstrom@fabrikam.com',
    'Audit log export stops at 10,000 rows',
    'Hi,\n\nOur auditors need the whole year, but the audit log export ends after 10,000 rows.\n\nZoë',
    'On Hold',
    'On Hold',
    'Chat',
    9 * D,
    2 * D,
  ],
  [
    'zoe.angstrom@fabrikam.com',
    'Invoice sent to the wrong cost centre',
    'Hello,\n\nInvoice INV-20417 went to cost centre 4410; it belongs to 4420. Could you reissue it?\n\nZoë',
    'Escalated',
    'Open',
    'Email',
    3 * D,
    1 * D,
  ],
  [
    'ingrid.solberg@nordlys.example',
    'Smart meter readings missing since Monday',
    'Hei,\n\nOur dashboard shows no meter readings for the Bergen sites since Monday.\n\nIngrid',
    'Closed',
    'Closed',
    'Email',
    60 * D,
    57 * D,
  ],
  [
    'm.alfarsi@blueyonder.com',
    'Crew roster sync fails at midnight',
    'Hi,\n\nThe nightly crew roster sync has failed twice this week with a timeout.\n\nMohammed',
    'Waiting on customer',
    'On Hold',
    'Email',
    6 * D,
    1 * D,
  ],
  [
    'ingrid.solberg@nordlys.example',
    'Invoice INV-20931 charged twice',
    'Hei,\n\nOur card was charged twice for invoice INV-20931 this month. Please refund one of them.\n\nIngrid Solberg\nNordlys Energi AS',
    'Open',
    'Open',
    'Email',
    50,
    50,
    'zohoOnlyTicketId',
  ],
  [
    'zoe.angstrom@fabrikam.com',
    'Finance team locked out after the SSO certificate rollover',
    'Hi team,\n\nSince your SSO certificate was renewed this morning, nobody in our finance team can sign in.\nThey get "invalid signature".\n\nZoë Ångström\nFabrikam, Inc.',
    'Open',
    'Open',
    'Email',
    20,
    20,
    'zoeTicketId',
  ],
];

/** Grace Hopkins' purchase orders: 120 tickets over two years, so her history takes two pages of Zoho's list. */
const ZOHO_BULK_TICKETS = 120;
const ZOHO_CHANNELS = ['Email', 'Email', 'Web', 'Phone', 'Chat'] as const;

function makeZohodesk(
  now: number,
  users: readonly SeedUser[],
  organizations: readonly SeedOrganization[],
): { seed: ZohodeskSeed; demo: ZohodeskDemoIds } {
  const rand = mulberry32(0x7a6f686f); // "zoho": its own stream
  // Zoho's times carry milliseconds: 2026-08-01T09:00:00.000Z.
  const minutesAgo = (m: number): string => new Date(Math.floor((now - m * MINUTE) / 1000) * 1000).toISOString();
  const id = (series: string, n: number): string => `${series}${String(n).padStart(17 - series.length, '0')}`;
  const grace = users.find((u) => u.email === 'grace.hopkins@northwindprocurement.com');
  const emails = [...new Set([...ZOHO_TICKETS.map(([who]) => who), grace?.email ?? ''])].filter(Boolean);
  const accountNames = new Set<string>();
  const people = emails.map((email) => {
    const known = users.find((u) => u.email === email);
    const only = ZOHO_ONLY.find(([, address]) => address === email);
    const account = known ? organizations.find((o) => o.id === known.organization_id)?.name : only?.[2];
    if (account) accountNames.add(account);
    return { name: known?.name ?? only?.[0] ?? email, email, account, phone: only?.[3] ?? null };
  });
  const accounts = [...accountNames].map((accountName, i) => ({ id: id('7000000005', i + 1), accountName }));
  const contacts = people.map((p, i): ZohoContact => {
    const [first, ...rest] = p.name.split(' ');
    return {
      id: id('7000000009', i + 1),
      firstName: rest.length ? (first ?? null) : null,
      lastName: rest.length ? rest.join(' ') : p.name,
      email: p.email,
      phone: p.phone,
      accountId: accounts.find((a) => a.accountName === p.account)?.id ?? null,
    };
  });
  const agents = AGENTS.slice(1, 4).map((name, i): ZohoAgent => {
    const [firstName = name, ...rest] = name.split(' ');
    return { id: id('7000000003', i + 1), firstName, lastName: rest.join(' '), email: asciiEmail(name) };
  });
  const specs: ZohoSpec[] = [...ZOHO_TICKETS];
  if (grace?.email) {
    for (let i = 0; i < ZOHO_BULK_TICKETS - 1; i += 1) {
      const created = Math.round((730 - i * 6 - rand() * 4) * D);
      const topic = pick(rand, BULK_TOPICS);
      const po = String(between(rand, 40_000, 49_999));
      const [subject, body] = [topic.subject.replaceAll('{n}', po), topic.body.replaceAll('{n}', po)];
      const [status, type]: [string, ZohoStatusType] =
        created > 30 * D
          ? ['Closed', 'Closed']
          : pick(rand, [['Open', 'Open'] as const, ['On Hold', 'On Hold'] as const]);
      specs.push([grace.email, subject, body, status, type, pick(rand, ZOHO_CHANNELS), created, created - D]);
    }
    specs.push([
      grace.email,
      'PO 51877 – confirm the delivery date',
      'Hello,\n\nPlease confirm purchase order PO 51877 and its delivery date.\n\nGrace Hopkins\nNorthwind Procurement',
      'Open',
      'Open',
      'Web',
      30,
      30,
      'bulkTicketId',
    ]);
  }
  const demo: Partial<ZohodeskDemoIds> = {};
  const ordered = specs
    .map((spec, order) => ({ spec, order }))
    .sort((a, b) => b.spec[6] - a.spec[6] || a.order - b.order);
  const tickets = ordered.map(({ spec }, i): ZohoTicket => {
    const [who, subject, body, status, statusType, channel, created, modified, scenario] = spec;
    const contact = contacts.find((c) => c.email === who);
    const ticketId = id('700000002', 1_000_001 + i);
    if (scenario) demo[scenario] = ticketId;
    return {
      id: ticketId,
      ticketNumber: String(1001 + i),
      subject,
      description: body,
      status,
      statusType,
      priority: pick(rand, ['Low', 'Medium', 'Medium', 'High', null] as const),
      channel,
      contactId: contact?.id ?? '',
      accountId: contact?.accountId ?? null,
      assigneeId: statusType === 'Open' && created < 60 ? null : pick(rand, agents).id,
      email: channel === 'Email' ? who : null,
      createdTime: minutesAgo(created),
      modifiedTime: minutesAgo(modified),
      closedTime: statusType === 'Closed' ? minutesAgo(modified) : null,
    };
  });
  return {
    seed: {
      orgId: '20090418765',
      portal: 'acmesupport',
      department: { id: id('7000000001', 1), name: 'Customer Care', slug: 'customer-care' },
      contacts,
      accounts,
      agents,
      tickets,
    },
    demo: demo as ZohodeskDemoIds,
  };
}
