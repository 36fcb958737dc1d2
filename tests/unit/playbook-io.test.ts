// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPlaybookUrl,
  downloadPlaybookText,
  fetchPlaybook,
  importedMessage,
  playbookToJson,
  reviewAge,
  reviewSummary,
  triggerLabels,
} from '@/utils/playbook/io';
import type { Playbook } from '@/utils/playbook/schema';
import { MAX_PLAYBOOK_BYTES, parsePlaybookText } from '@/utils/playbook/validate';

const DAY = 24 * 60 * 60_000;
const NOW = Date.parse('2026-12-01T12:00:00Z');

const playbook: Playbook = {
  version: 2,
  name: 'Northwind support playbook',
  updatedAt: '2026-11-20T09:00:00Z',
  reviewedBy: 'Dana Okoro',
  reviewedAt: '2026-11-20T09:00:00Z',
  promises: [{ id: 'no-repeat', title: 'You never repeat yourself', summary: 'We read before we reply.' }],
  roles: [{ id: 'frontline', name: 'Frontline support', description: 'First replies.' }],
  behaviours: [
    {
      id: 'read-history',
      promiseId: 'no-repeat',
      roles: ['frontline'],
      text: 'Read the history first.',
      when: { signals: ['repeat-contact'], tags: ['vip'] },
    },
  ],
};

/** A real HTTP server on 127.0.0.1: each path answers one way. */
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/playbook.json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(playbookToJson(playbook));
        return;
      case '/broken.json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ...playbook, behaviours: [{ ...playbook.behaviours[0], promiseId: 'own-it' }] }));
        return;
      case '/page.html':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><title>Sign in</title>');
        return;
      case '/huge.json':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(MAX_PLAYBOOK_BYTES + 1) });
        res.end('x'.repeat(MAX_PLAYBOOK_BYTES + 1));
        return;
      case '/slow.json':
        setTimeout(() => res.end('{}'), 2_000);
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('downloadPlaybookText against a real server', () => {
  it('returns the text of a playbook', async () => {
    const result = await downloadPlaybookText(`${base}/playbook.json`, fetch);
    expect(result).toEqual({ ok: true, text: playbookToJson(playbook) });
  });

  it('says what failed and how to retry on a 404', async () => {
    const result = await downloadPlaybookText(`${base}/missing.json`, fetch);
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'http',
        message: 'Could not download the playbook: HTTP 404 Not Found. Check the URL and try again.',
      },
    });
  });

  it('downloads a non-JSON page as text; parsing it then names the problem', async () => {
    const result = await downloadPlaybookText(`${base}/page.html`, fetch);
    expect(result.ok).toBe(true);
    const fetched = await fetchPlaybook(`${base}/page.html`, fetch);
    expect(fetched.ok).toBe(false);
    if (fetched.ok || fetched.kind !== 'invalid') throw new Error('expected an invalid playbook');
    expect(fetched.errors).toHaveLength(1);
    expect(fetched.errors[0]?.message).toMatch(/^not valid JSON/);
  });

  it('refuses a response larger than the playbook limit', async () => {
    const result = await downloadPlaybookText(`${base}/huge.json`, fetch);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('too-large');
  });

  it('gives up on a server that does not answer in time', async () => {
    const result = await downloadPlaybookText(`${base}/slow.json`, fetch, { timeoutMs: 200 });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'network',
        message: 'Could not download the playbook: no answer within 1 second. Try again later.',
      },
    });
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await downloadPlaybookText(`http://127.0.0.1:${port}/playbook.json`, fetch);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('network');
      expect(result.error.message).toMatch(/^Could not download the playbook: the request failed.*try again\.$/);
    }
  });

  it('fetchPlaybook validates: a valid playbook comes back parsed, a broken one with every error', async () => {
    expect(await fetchPlaybook(`${base}/playbook.json`, fetch)).toEqual({ ok: true, playbook });
    const broken = await fetchPlaybook(`${base}/broken.json`, fetch);
    expect(broken).toEqual({
      ok: false,
      kind: 'invalid',
      errors: [{ path: 'behaviours[0].promiseId', message: 'no promise "own-it"' }],
    });
    const missing = await fetchPlaybook(`${base}/missing.json`, fetch);
    expect(missing).toMatchObject({ ok: false, kind: 'failed', message: expect.stringContaining('HTTP 404') });
  });
});

describe('playbook text helpers', () => {
  it('exports pretty JSON that imports back to the same playbook', () => {
    const json = playbookToJson(playbook);
    expect(json).toContain('\n  "name": "Northwind support playbook",');
    expect(parsePlaybookText(json)).toEqual({ ok: true, playbook });
  });

  it('counts whole days since the review; older than 90 days or missing is stale', () => {
    expect(reviewAge(new Date(NOW - 10 * DAY).toISOString(), NOW)).toEqual({ days: 10, stale: false });
    expect(reviewAge(new Date(NOW - 90 * DAY).toISOString(), NOW)).toEqual({ days: 90, stale: false });
    expect(reviewAge(new Date(NOW - 120 * DAY - 5).toISOString(), NOW)).toEqual({ days: 120, stale: true });
    expect(reviewAge(undefined, NOW)).toEqual({ days: null, stale: true });
    expect(reviewAge('not a date', NOW)).toEqual({ days: null, stale: true });
    // A review "in the future" (a clock ahead of ours) is simply fresh.
    expect(reviewAge(new Date(NOW + DAY).toISOString(), NOW)).toEqual({ days: 0, stale: false });
  });

  it('sums up the review in words', () => {
    expect(reviewSummary(playbook, NOW).line).toMatch(/^Last reviewed .*2026 by Dana Okoro$/);
    expect(reviewSummary(playbook, NOW).warning).toBeUndefined();
    const old = { ...playbook, reviewedAt: new Date(NOW - 120 * DAY).toISOString() };
    expect(reviewSummary(old, NOW).warning).toBe('Not reviewed for 120 days — ask your team lead to review it');
    const never = { ...playbook, reviewedAt: undefined, reviewedBy: undefined };
    expect(reviewSummary(never, NOW)).toEqual({
      line: 'Not reviewed yet',
      warning: 'No review date — ask your team lead to review it',
    });
  });

  it('accepts only https addresses', () => {
    expect(checkPlaybookUrl(' https://example.com/p.json ')).toMatchObject({ ok: true });
    expect(checkPlaybookUrl('http://example.com/p.json')).toEqual({
      ok: false,
      message: 'Only https addresses can be imported; “http://example.com/p.json” uses http.',
    });
    expect(checkPlaybookUrl('example.com/p.json')).toMatchObject({ ok: false });
    expect(checkPlaybookUrl('')).toMatchObject({ ok: false });
  });

  it('labels triggers and counts behaviours', () => {
    expect(triggerLabels(playbook.behaviours[0]?.when)).toEqual(['Repeat contact', 'Tag: vip']);
    expect(triggerLabels({ channels: ['chat'], statuses: ['pending'] })).toEqual(['Channel: chat', 'Status: pending']);
    expect(importedMessage(playbook)).toBe('Imported “Northwind support playbook” (1 behaviour).');
  });
});
