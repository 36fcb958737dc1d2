// What a fake vendor API of the demo gets and is: the request, and the vendor's shape. Apart from token-apis.ts
// (which lists the vendors) so that a vendor file never imports the list that imports it.

import type { Reply } from './replies';
import type { Seed } from './seed';

/** A request as a token API sees it. */
export interface ApiCall {
  method: string;
  /** The path without the query. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names, as node gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** The raw body: JSON or a form, as the vendor takes it. */
  body: string;
  /** This request's origin as the client named it: for next-page links. */
  origin: string;
}

export interface TokenApiVendor {
  name: string;
  /** Whether the demo answers `host` (no port) as this vendor's API. */
  matches(host: string): boolean;
  /** The hosts it answers, as host-resolver patterns (`api.example.com`, `*.example.com`): the browser maps these. */
  hosts: readonly string[];
  /** Credentials the demo accepts, in the shape of Kept's HelpdeskToken (account, user, secret). */
  credentials: { account?: string; user?: string; secret: string };
  /** The answer, or null when the path is not this API's (the vendor's pages, when the demo serves them). */
  route(call: ApiCall, seed: Seed): Reply | null;
}

/** The bearer token of a request, if it has one. */
export function bearerOf(call: ApiCall): string | undefined {
  const header = call.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  return value?.startsWith('Bearer ') ? value.slice(7) : undefined;
}

/** The user and password of a Basic-auth request, if it has them. */
export function basicOf(call: ApiCall): { user: string; password: string } | undefined {
  const header = call.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  if (!value?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(value.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
