// The team feed in a Slack app's channel: each kudos posted with `chat.postMessage` carrying message metadata
// (`kept_kudos`, the `kept.kudos/v1` body), read back with `conversations.history`. Requests and parsers are pure.
// Slack's Web API: https://api.slack.com/methods/chat.postMessage, …/conversations.history, …/metadata.
import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { type KudosContext, slackMessage, webhookBody } from '../kudos/delivery';
import type { Kudos } from '../schemas';
import { text } from '../schemas/common';
import { type FeedPage, readItems, type TeamFeed } from './schema';

export const SLACK_API = 'https://slack.com/api';
/** The metadata event type Kept posts and reads; every other app's messages are ignored. */
export const KUDOS_EVENT = 'kept_kudos';
/** Slack recommends at most 200 messages per page. */
export const HISTORY_PAGE_SIZE = 200;

/** What a Slack bot token and channel id look like, as examples in the empty fields: the same in every language. */
export const SLACK_TOKEN_EXAMPLE = 'xoxb-…';
export const SLACK_CHANNEL_EXAMPLE = 'C0123ABCD';

type SlackFeed = Extract<TeamFeed, { kind: 'slack' }>;

const authorised = (feed: SlackFeed) => ({ Authorization: `Bearer ${feed.token}` });

/** `chat.postMessage` for one kudos: the Block Kit message people read, and the metadata Kept reads back. */
export function postKudosRequest(feed: SlackFeed, kudos: Kudos, ctx: KudosContext): { url: string; init: RequestInit } {
  const body = {
    channel: feed.channel,
    ...slackMessage(kudos, ctx),
    unfurl_links: false,
    metadata: { event_type: KUDOS_EVENT, event_payload: webhookBody(kudos, ctx) },
  };
  return {
    url: `${SLACK_API}/chat.postMessage`,
    init: {
      method: 'POST',
      headers: { ...authorised(feed), 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
    },
  };
}

/** One page of `conversations.history`, newest first, with every message's metadata, newer than `oldest`. */
export function historyRequest(feed: SlackFeed, cursor?: string, oldest?: string): { url: string; init: RequestInit } {
  const query = new URLSearchParams({
    channel: feed.channel,
    limit: String(HISTORY_PAGE_SIZE),
    include_all_metadata: 'true',
  });
  if (cursor) query.set('cursor', cursor);
  if (oldest) query.set('oldest', oldest);
  return { url: `${SLACK_API}/conversations.history?${query}`, init: { method: 'GET', headers: authorised(feed) } };
}

/** Slack's answer to every method: `ok`, and `error` when not. */
export const SlackAnswer = z.object({ ok: z.boolean(), error: z.optional(text(100)) });

const SlackMessage = z.object({
  ts: text(40),
  metadata: z.optional(z.object({ event_type: text(100), event_payload: z.optional(z.unknown()) })),
});

const HistoryPage = z.object({
  ok: z.literal(true),
  messages: z.array(z.unknown()).check(z.maxLength(1000)),
  has_more: z.optional(z.boolean()),
  response_metadata: z.optional(z.object({ next_cursor: z.optional(text(500)) })),
});

/** A `conversations.history` page: Kept's kudos from their metadata, other messages ignored, bad ones counted. */
export function parseHistoryPage(json: unknown): (FeedPage & { newestTs?: string }) | null {
  const page = HistoryPage.safeParse(json);
  if (!page.success) return null;
  const payloads: unknown[] = [];
  let newestTs: string | undefined;
  let skipped = 0;
  for (const raw of page.data.messages) {
    const message = SlackMessage.safeParse(raw);
    if (!message.success) {
      skipped++;
      continue;
    }
    newestTs ??= message.data.ts;
    if (message.data.metadata?.event_type === KUDOS_EVENT) payloads.push(message.data.metadata.event_payload);
  }
  const read = readItems(payloads);
  const next = page.data.has_more ? page.data.response_metadata?.next_cursor || undefined : undefined;
  return {
    items: read.items,
    skipped: skipped + read.skipped,
    ...(next ? { next } : {}),
    ...(newestTs ? { newestTs } : {}),
  };
}

/** Slack's error codes for a token or channel no retry can fix, in the rep's words. */
const SLACK_APP_ERRORS = new Map<string, () => string>([
  ['not_authed', () => i18n.t('reasons.slackApp.notAuthed')],
  ['invalid_auth', () => i18n.t('reasons.slackApp.invalidAuth')],
  ['account_inactive', () => i18n.t('reasons.slackApp.accountInactive')],
  ['token_revoked', () => i18n.t('reasons.slackApp.tokenRevoked')],
  ['token_expired', () => i18n.t('reasons.slackApp.tokenExpired')],
  ['no_permission', () => i18n.t('reasons.slackApp.noPermission')],
  ['missing_scope', () => i18n.t('reasons.slackApp.missingScope')],
  ['not_in_channel', () => i18n.t('reasons.slackApp.notInChannel')],
  ['channel_not_found', () => i18n.t('reasons.slackApp.channelNotFound')],
  ['is_archived', () => i18n.t('reasons.slackApp.isArchived')],
  ['restricted_action', () => i18n.t('reasons.slackApp.restrictedAction')],
]);

/** What a Slack error code about the app's token or channel means, or undefined for any other code. */
export const slackAppError = (code: string): string | undefined => SLACK_APP_ERRORS.get(code)?.();
