import { readFileSync } from 'node:fs';
import { expect, vi } from 'vitest';
import * as z from 'zod/mini';
import type { ApiRequest, HistoryPage, SeenTicket } from '@/utils/helpdesks/types';
import type { Result } from '@/utils/schemas';

/** A vendor fixture (tests/fixtures/vendors/README.md): the request, the answer's status and body, as published. */
const VendorFixture = z.object({
  source: z.string().check(z.minLength(20)),
  request: z.string().check(z.regex(/^(GET|POST) \//)),
  status: z.number(),
  body: z.unknown(),
  note: z.optional(z.string()),
  headers: z.optional(z.record(z.string(), z.string())),
});

/** A vendor fixture by helpdesk and file, with its request as Kept would send it (a POST's JSON body parsed). */
export function vendorFixture(helpdesk: string, file: string) {
  const fixture = VendorFixture.parse(
    JSON.parse(readFileSync(`tests/fixtures/vendors/${helpdesk}/${file}.json`, 'utf8')),
  );
  const [method = '', path = '', ...rest] = fixture.request.split(' ');
  // The request line may name headers after the path, "(Intercom-Version: 2.11)": only a POST has a body after it.
  const request: ApiRequest = method === 'POST' ? { path, json: JSON.parse(rest.join(' ')) } : path;
  return { ...fixture, request };
}

/** The ticket a fixture's answers belong to, seen on the helpdesk's page. */
export const seenOn = (helpdesk: SeenTicket['helpdesk'], host: string, ticketId: string, url?: string): SeenTicket => ({
  helpdesk,
  host,
  ticketId,
  ...(url && { url }),
});

/** A request as a comparable value: the path with its query sorted (encodings differ, the query does not). */
export function comparable(request: ApiRequest | null): unknown {
  if (request === null) return null;
  const path = typeof request === 'string' ? request : request.path;
  const url = new URL(path, 'https://api.invalid');
  const query = [...url.searchParams].sort(([a], [b]) => a.localeCompare(b));
  return typeof request === 'string'
    ? { path: url.pathname, query }
    : { path: url.pathname, query, json: request.json };
}

/** A history page whose one row Kept cannot read: the page reads, that row left out, counted and its reason logged. */
export function expectRowLeftOut(read: () => Result<HistoryPage>) {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const result = read();
  expect(warn).toHaveBeenCalledWith(expect.stringMatching(/history row 1 could not be read and was left out/));
  warn.mockRestore();
  expect(result).toMatchObject({ ok: true, value: { conversations: [], unreadable: 1 } });
}
