import { db as defaultDb, type KeptDB } from '../db';
import { storageProblemOf } from '../db/errors';
import { adapterById } from '../helpdesks';
import type { Auth, HelpdeskApi, SeenTicket } from '../helpdesks/types';
import type { Conversation, ConversationThread, HelpdeskId, Result, ThreadMessage } from '../schemas';
import { fetchThread } from './fetch-history';
import type { Transport } from './http';
import { type Freshen, STALE_AFTER_MS } from './sync';

/** How to read one helpdesk's thread: its API and the way to reach it (the tab's session or a saved token). */
export interface ThreadDeps {
  transport: Transport;
  api: HelpdeskApi;
  now: () => number;
  database?: KeptDB;
}

/** The helpdesk a conversation lives in, from its source (`zendesk:acme.zendesk.com`). */
export function helpdeskOfSource(source: string): { helpdesk: string; host: string } {
  const at = source.indexOf(':');
  return { helpdesk: source.slice(0, at), host: source.slice(at + 1) };
}

/** The conversation as the ticket an API request is about. */
export function ticketOf(conversation: Pick<Conversation, 'source' | 'id' | 'url'>): SeenTicket {
  const { helpdesk, host } = helpdeskOfSource(conversation.source);
  return { helpdesk: helpdesk as HelpdeskId, host, ticketId: conversation.id, url: conversation.url };
}

const fresh = (cached: ConversationThread | undefined, now: number) =>
  cached?.fetchedAt !== undefined && !cached.problem && now - cached.fetchedAt < STALE_AFTER_MS;

const inFlight = new Map<string, Promise<Result<number>>>();

/**
 * Reads a conversation's thread from the helpdesk and caches it, like the history: a fresh cache is not read again
 * unless the rep asks; a failure is recorded beside the cached messages, which stay. Concurrent calls share a fetch.
 */
export function refreshThread(
  conversation: Pick<Conversation, 'source' | 'id' | 'url'>,
  deps: ThreadDeps,
  freshen: Freshen = 'stale',
): Promise<Result<number>> {
  const key = `${conversation.source}|${conversation.id}`;
  const running = inFlight.get(key);
  if (running) return running;
  const run = readThread(conversation, deps, freshen).finally(() => inFlight.delete(key));
  inFlight.set(key, run);
  return run;
}

async function readThread(
  conversation: Pick<Conversation, 'source' | 'id' | 'url'>,
  deps: ThreadDeps,
  freshen: Freshen,
): Promise<Result<number>> {
  const database = deps.database ?? defaultDb;
  const { source, id } = conversation;
  const cached = await database.threads.get([source, id]);
  if (freshen === 'stale' && fresh(cached, deps.now())) return { ok: true, value: 0 };
  const ref = ticketOf(conversation);
  const name = adapterById(ref.helpdesk)?.name ?? ref.helpdesk;
  const result = await fetchThread(deps.api, name, deps.transport, conversation, ref, deps.now);
  const attemptedAt = deps.now();
  const row: ConversationThread = result.ok
    ? { source, id, messages: shownToRep(result.value, deps.api.auth), fetchedAt: attemptedAt, attemptedAt }
    : {
        source,
        id,
        messages: cached?.messages ?? [],
        fetchedAt: cached?.fetchedAt,
        attemptedAt,
        problem: result.error,
      };
  try {
    await database.threads.put(row);
  } catch (error) {
    const problem = storageProblemOf(error, database);
    if (!problem) throw error;
    return { ok: false, error: problem };
  }
  return result.ok ? { ok: true, value: row.messages.length } : result;
}

/**
 * An admin's token reads with the admin's rights, not the rep's: internal notes read with it are never kept or shown.
 * Through the rep's own session, the helpdesk itself decides what the rep may read.
 */
export const shownToRep = (messages: ThreadMessage[], auth: Auth): ThreadMessage[] =>
  auth === 'token' ? messages.filter((message) => !message.internal) : messages;
