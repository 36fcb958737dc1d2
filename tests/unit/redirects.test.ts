import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gorgias } from '@/utils/helpdesks/gorgias/api';
import { helpscout } from '@/utils/helpdesks/helpscout/api';
import type { TokenApi } from '@/utils/helpdesks/types';
import { tokenTransport } from '@/utils/history/token';
import { deliver } from '@/utils/kudos/delivery';
import type { Kudos } from '@/utils/schemas';
import { startRecordingServer } from './recording-server';

// Token and webhook requests carry credentials: a redirect to another origin must never take them along. Two real
// servers: the API (or webhook) that answers every request with a 307 to the other, which records what reaches it.

let elsewhere: Awaited<ReturnType<typeof startRecordingServer>>;
let redirecting: Awaited<ReturnType<typeof startRecordingServer>>;
beforeAll(async () => {
  elsewhere = await startRecordingServer(() => ({ status: 200, body: '{"access_token":"x","expires_in":3600}' }));
  redirecting = await startRecordingServer((request) => ({
    status: 307,
    headers: { location: `${elsewhere.base}${request.url}` },
  }));
});
afterAll(async () => {
  await elsewhere.close();
  await redirecting.close();
});
beforeEach(() => {
  elsewhere.seen.length = 0;
  redirecting.seen.length = 0;
});

/** A token API as the adapter defines it, served by the redirecting server. */
const servedHere = (api: TokenApi | undefined): TokenApi => {
  if (!api) throw new Error('a token API');
  return { ...api, origin: () => redirecting.base };
};

describe('a redirect to another origin', () => {
  it('does not take an OAuth client secret along', async () => {
    const token = { user: 'app-id-0001', secret: 'client-secret-never-reposted', savedAt: 0 };
    const transport = tokenTransport(servedHere(helpscout.token), 'Help Scout', token, fetch);
    const reply = await transport('/v2/conversations?query=x');
    expect(redirecting.seen).toHaveLength(1);
    expect(elsewhere.seen).toEqual([]);
    expect(reply.status).not.toBe(200);
  });

  it('does not take an API token along', async () => {
    const token = { account: 'acme', user: 'it@acme.example', secret: 'gorgias-api-key-1f4e', savedAt: 0 };
    const reply = await tokenTransport(servedHere(gorgias.token), 'Gorgias', token, fetch)('/api/tickets/1');
    expect(elsewhere.seen).toEqual([]);
    expect(reply.body).toContain('redirect');
  });

  it('does not take a kudos (or its signature) along', async () => {
    const kudos: Kudos = {
      id: 'kudos-0003',
      createdAt: Date.UTC(2026, 2, 12, 14, 5),
      from: { name: 'Ana Rep' },
      to: { kind: 'person', name: 'Priya Shah' },
      message: 'Priya fixed the refund in an hour.',
      state: 'queued',
    };
    const target = { kind: 'webhook' as const, url: `${redirecting.base}/kept`, secret: 'hmac-secret-0001' };
    const outcome = await deliver(target, kudos, { fromName: 'Ana Rep' });
    expect(elsewhere.seen).toEqual([]);
    expect(outcome).toMatchObject({ kind: 'permanent', reason: expect.stringContaining('redirect') });
  });
});
