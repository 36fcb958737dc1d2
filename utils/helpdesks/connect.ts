// Shared pieces of the adapters' token connections (`TokenApi`). Pure.

/** One DNS label: an account's subdomain or instance name (`acme`, `acme-eu`). */
export const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** A plain email address, as a login. */
export const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** HTTP Basic credentials; UTF-8 first, since `btoa` takes only Latin-1. */
export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** A bearer token header. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
