// A stand-in for Slack's Web API, for Kept's team feed: `auth.test`, `chat.postMessage` (with message metadata) and
// `conversations.history` (newest first, `cursor`/`limit`/`oldest`, metadata only with `include_all_metadata`), in
// the shapes Slack documents (https://api.slack.com/methods/…, https://api.slack.com/metadata/using). Errors come
// as Slack sends them: HTTP 200 with `ok: false` and an `error` code, except `ratelimited`, which is HTTP 429 with
// Retry-After. The channel starts with a few teammates' kudos, another app's message and a person's message.

import { intParam, json, type Reply } from './replies';

/** The bot token the stand-in accepts, and the channel its app is in (another channel exists without it). */
export const SLACK_DEMO = {
  token: 'xoxb-1000000001-2000000002-keptdemo0000000000000000',
  channel: 'C0KEPTWALL',
  otherChannel: 'C0NOTJOINED',
} as const;
export const SLACK_HOST = 'slack.com';

export const SLACK_FAILURES = ['none', 'ratelimited', 'invalid_auth', 'not_in_channel'] as const;
export type SlackFailure = (typeof SLACK_FAILURES)[number];

interface SlackMessageRow {
  type: 'message';
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  metadata?: { event_type: string; event_payload: unknown };
}

export interface SlackStandIn {
  /** Every channel's messages, oldest first. */
  channels: Map<string, SlackMessageRow[]>;
  /** A failure every call of `method` (or of every method) answers until it is switched off. */
  setFailure(mode: SlackFailure, opts?: { method?: string; retryAfterSeconds?: number }): void;
  route(call: {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: Record<string, unknown>;
    body: string;
  }): Reply | null;
}

const DAY = 86_400_000;
const tsOf = (at: number, seq: number) => `${Math.floor(at / 1000)}.${String(seq).padStart(6, '0')}`;

/** A kudos as Kept posts it: its `kept.kudos/v1` body in the metadata. */
function keptKudos(at: number, seq: number, body: Record<string, unknown>): SlackMessageRow {
  return {
    type: 'message',
    ts: tsOf(at, seq),
    text: `🎉 ${String((body.from as { name: string }).name)} → ${String((body.to as { name: string }).name)}`,
    bot_id: 'B0KEPTBOT',
    app_id: 'A0KEPTAPP',
    metadata: {
      event_type: 'kept_kudos',
      event_payload: { schema: 'kept.kudos/v1', createdAt: new Date(at).toISOString(), ...body },
    },
  };
}

function seedChannel(now: number): SlackMessageRow[] {
  const zendesk = (id: number, subject: string) => ({
    helpdesk: 'zendesk',
    ticketId: String(id),
    url: `https://acme.zendesk.com/agent/tickets/${id}`,
    subject,
  });
  const honest = { id: 'tell-the-truth', title: 'We tell you the truth, and when you will hear from us next' };
  const repeat = { id: 'no-repeat', title: 'You never have to repeat yourself' };
  return [
    keptKudos(now - 9 * DAY, 1, {
      id: 'demo-kudos-0001',
      from: { name: 'Noor Haddad', email: 'noor.haddad@acmehq.com' },
      to: { kind: 'person', name: 'Sam Rivera', email: 'sam.rivera@acmehq.com', team: 'Technical' },
      promise: repeat,
      message: 'Sam read the whole history before answering, so the customer did not have to explain again.',
      quote: 'Finally someone who knew what I said last week. Thank you!',
      case: zendesk(1004, 'Password reset loops back to sign-in'),
    }),
    { type: 'message', ts: tsOf(now - 8 * DAY, 2), text: 'Team lunch on Friday?', user: 'U0NOOR' },
    {
      type: 'message',
      ts: tsOf(now - 6 * DAY, 3),
      text: 'Deploy finished',
      bot_id: 'B0DEPLOY',
      app_id: 'A0DEPLOY',
      metadata: { event_type: 'deploy_finished', event_payload: { service: 'billing', version: '4.2.0' } },
    },
    keptKudos(now - 4 * DAY, 4, {
      id: 'demo-kudos-0002',
      from: { name: 'Jonas Weber' },
      to: { kind: 'team', name: 'Billing' },
      promise: honest,
      message: 'Billing told the customer exactly when the refund would land, and it landed that day.',
      case: zendesk(1010, 'Refund for a double charge'),
    }),
    keptKudos(now - 2 * DAY, 5, {
      id: 'demo-kudos-0003',
      from: { name: 'Mei Lin Chen', email: 'mei.lin.chen@acmehq.com' },
      to: { kind: 'person', name: 'Kwame Mensah', email: 'kwame.mensah@acmehq.com', team: 'Shipping' },
      promise: { id: 'own-it', title: 'We own your problem until it is solved' },
      message: 'Kwame chased the carrier three times and called the customer back himself.',
      quote: 'I did not expect a call back. Impressive.',
    }),
  ];
}

function bearer(
  call: { headers: Record<string, unknown>; query: URLSearchParams },
  form: URLSearchParams,
): string | undefined {
  const header = call.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7);
  return form.get('token') ?? call.query.get('token') ?? undefined;
}

/** The call's arguments: a JSON or form body, else the query string. */
function argumentsOf(call: { headers: Record<string, unknown>; query: URLSearchParams; body: string }) {
  const type = String(call.headers['content-type'] ?? '');
  if (type.startsWith('application/json')) {
    try {
      const value: unknown = JSON.parse(call.body);
      return {
        form: new URLSearchParams(),
        json: typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {},
      };
    } catch {
      return { form: new URLSearchParams(), json: null };
    }
  }
  const form = new URLSearchParams(call.body);
  const merged = Object.fromEntries([...call.query, ...form]);
  return { form, json: merged as Record<string, unknown> };
}

const fail = (error: string, extra: Record<string, unknown> = {}) => json(200, { ok: false, error, ...extra });
// Slack's cursors are opaque base64 strings; this one names the index of the next message.
const cursorAt = (index: number) => Buffer.from(`next_ts:${index}`).toString('base64');
const indexOf = (cursor: string) => Number(/^next_ts:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'))?.[1]);

function history(messages: SlackMessageRow[], args: Record<string, unknown>): Reply {
  const limit = Math.min(intParam(new URLSearchParams({ limit: String(args.limit ?? 100) }), 'limit', 100), 999);
  if (Number.isNaN(limit)) return fail('invalid_arguments');
  const oldest = Number(args.oldest ?? 0);
  const withMetadata = String(args.include_all_metadata) === 'true' || args.include_all_metadata === true;
  const newestFirst = messages.filter((m) => Number(m.ts) > oldest).reverse();
  const start = args.cursor ? indexOf(String(args.cursor)) : 0;
  if (!Number.isInteger(start)) return fail('invalid_cursor');
  const page = newestFirst.slice(start, start + limit);
  const hasMore = start + limit < newestFirst.length;
  return json(200, {
    ok: true,
    messages: page.map(({ metadata, ...rest }) => (withMetadata && metadata ? { ...rest, metadata } : rest)),
    has_more: hasMore,
    pin_count: 0,
    channel_actions_ts: null,
    channel_actions_count: 0,
    response_metadata: { next_cursor: hasMore ? cursorAt(start + limit) : '' },
  });
}

function postMessage(channels: Map<string, SlackMessageRow[]>, args: Record<string, unknown>, now: number): Reply {
  const messages = channels.get(String(args.channel ?? ''));
  if (!messages) return fail(args.channel ? 'channel_not_found' : 'invalid_arguments');
  if (!args.text && !args.blocks) return fail('no_text');
  const metadata = args.metadata as SlackMessageRow['metadata'] | undefined;
  const last = messages.at(-1);
  const ts = tsOf(now, (last ? Number(last.ts.split('.')[1]) : 0) + 1);
  const message: SlackMessageRow = {
    type: 'message',
    ts,
    text: String(args.text ?? ''),
    bot_id: 'B0KEPTBOT',
    app_id: 'A0KEPTAPP',
    ...(metadata ? { metadata } : {}),
  };
  messages.push(message);
  return json(200, { ok: true, channel: args.channel, ts, message });
}

export function slackStandIn(now: number): SlackStandIn {
  const channels = new Map<string, SlackMessageRow[]>([
    [SLACK_DEMO.channel, seedChannel(now)],
    [SLACK_DEMO.otherChannel, []],
  ]);
  let failure: { mode: SlackFailure; method?: string; retryAfterSeconds: number } = {
    mode: 'none',
    retryAfterSeconds: 5,
  };
  return {
    channels,
    setFailure(mode, opts = {}) {
      failure = { mode, method: opts.method, retryAfterSeconds: opts.retryAfterSeconds ?? 5 };
    },
    route(call) {
      const method = /^\/api\/([a-zA-Z.]+)$/.exec(call.path)?.[1];
      if (!method) return null;
      const { form, json: args } = argumentsOf(call);
      if (!args) return fail('invalid_json');
      const token = bearer(call, form);
      if (!token) return fail('not_authed');
      if (failure.mode !== 'none' && (!failure.method || failure.method === method)) {
        if (failure.mode === 'ratelimited') {
          return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfterSeconds) });
        }
        return fail(failure.mode);
      }
      if (token !== SLACK_DEMO.token) return fail('invalid_auth');
      const channel = String(args.channel ?? '');
      if (method !== 'auth.test' && channel === SLACK_DEMO.otherChannel) return fail('not_in_channel');
      if (method === 'auth.test') {
        return json(200, {
          ok: true,
          url: 'https://kept-demo.slack.com/',
          team: 'Kept Demo',
          user: 'kept',
          team_id: 'T0KEPTDEMO',
          user_id: 'U0KEPTBOT',
          bot_id: 'B0KEPTBOT',
          is_enterprise_install: false,
        });
      }
      if (method === 'chat.postMessage') return postMessage(channels, args, Date.now());
      if (method === 'conversations.history') {
        const messages = channels.get(channel);
        return messages ? history(messages, args) : fail('channel_not_found');
      }
      return fail('unknown_method');
    },
  };
}
