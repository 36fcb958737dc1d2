// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import type { HelpdeskApi } from '@/utils/helpdesks/types';
import { zendesk } from '@/utils/helpdesks/zendesk/api';
import type { Transport } from '@/utils/history/http';
import { lastPublicReply } from '@/utils/history/story';
import { refreshHistory, resolveCase, STALE_AFTER_MS, type SyncDeps } from '@/utils/history/sync';
import { refreshThread, type ThreadDeps } from '@/utils/history/thread-sync';
import type { Conversation } from '@/utils/schemas';
import { type DemoHelpdesk, startDemoHelpdesk } from '../../scripts/demo-helpdesk/server';
import { hostTransport } from './demo-request';
import { apiOf } from './fixtures';

const HOST = '127.0.0.1';
let helpdesk: DemoHelpdesk;
let transport: Transport;

beforeAll(async () => {
  helpdesk = await startDemoHelpdesk({ tls: false });
  transport = await hostTransport(helpdesk, HOST);
});
afterAll(() => helpdesk.close());
beforeEach(async () => {
  helpdesk.setApiFailure('none');
  await Promise.all(db.tables.map((t) => t.clear()));
});

/** The repeat-contact customer's history as the panel has it, newest first, the ticket in view left out. */
async function repeatContactHistory(): Promise<Conversation[]> {
  const id = helpdesk.seed.demo.repeatContactTicketId;
  const page = {
    helpdesk: 'zendesk' as const,
    host: HOST,
    ticketId: String(id),
    url: `https://${HOST}/agent/tickets/${id}`,
    customer: {},
  };
  const deps: SyncDeps = { transport, now: Date.now, cap: 500 };
  const tabCase = await resolveCase(page, deps);
  await refreshHistory(tabCase, deps);
  return (await conversationsOf(tabCase.customerKey ?? '')).filter((c) => c.id !== String(id));
}

describe('an earlier conversation’s thread', () => {
  it('is read from the demo helpdesk, cached, and names who said what', async () => {
    const [last] = await repeatContactHistory();
    if (!last) throw new Error('no history');
    expect(last.assignee?.name).toBe('Jonas Weber');
    const deps: ThreadDeps = { transport, api: apiOf(zendesk), now: Date.now };
    expect(await refreshThread(last, deps)).toEqual({ ok: true, value: 4 });
    const cached = await db.threads.get([last.source, last.id]);
    expect(cached?.messages.map((m) => [m.author, m.internal])).toEqual([
      ['customer', false],
      ['agent', true],
      ['agent', false],
      ['customer', false],
    ]);
    expect(lastPublicReply(cached?.messages ?? [])?.body).toMatch(/refunded the duplicate charge/);
  });

  it('serves a fresh cache without asking, and keeps the cache with the reason when a read fails', async () => {
    const [last] = await repeatContactHistory();
    if (!last) throw new Error('no history');
    let now = 1_800_000_000_000;
    const deps: ThreadDeps = { transport, api: apiOf(zendesk), now: () => now };
    await refreshThread(last, deps);
    const asked = helpdesk.requestLog.length;
    now += STALE_AFTER_MS - 1000;
    expect(await refreshThread(last, deps)).toEqual({ ok: true, value: 0 });
    expect(helpdesk.requestLog).toHaveLength(asked);

    helpdesk.setApiFailure('500');
    const failed = await refreshThread(last, deps, 'rep');
    expect(failed).toMatchObject({ ok: false, error: { kind: 'server' } });
    const cached = await db.threads.get([last.source, last.id]);
    expect(cached?.messages).toHaveLength(4);
    expect(cached?.problem?.message).toBe('Zendesk had a problem (HTTP 500).');
  });

  it('keeps no internal note read with an admin’s token: the token has the admin’s rights, not the rep’s', async () => {
    const [last] = await repeatContactHistory();
    if (!last) throw new Error('no history');
    const session = apiOf(zendesk);
    // The same API reached with a saved token instead of the rep's session.
    const withToken: HelpdeskApi = {
      ...session,
      history: session.history ?? zendesk.session?.history ?? fail('no history API'),
      auth: 'token',
      help: 'An API token from Admin Center',
      fields: { secret: { label: 'API token', hint: '' } },
      origin: () => `https://${HOST}`,
      headers: () => ({}),
      checkPath: '/api/v2/users/me.json',
    };
    expect(await refreshThread(last, { transport, api: withToken, now: Date.now })).toEqual({ ok: true, value: 3 });
    const cached = await db.threads.get([last.source, last.id]);
    expect(cached?.messages.map((m) => m.internal)).toEqual([false, false, false]);
    expect(cached?.messages.map((m) => m.author)).toEqual(['customer', 'agent', 'customer']);
  });
});

function fail(message: string): never {
  throw new Error(message);
}
