// The demo helpdesk's HTTP answers, shared by every helpdesk it imitates.

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(value),
});

export const html = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  body,
});

export const redirect = (location: string): Reply =>
  html(302, `<html><body>You are being <a href="${location}">redirected</a>.</body></html>`, { location });

export const notFoundPage = (): Reply =>
  html(404, '<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title><h1>Not found</h1></html>');

/** A positive integer query parameter, or `fallback` when absent; NaN when present but not one. */
export function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  return /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : Number.NaN;
}

/** An opaque page token like the helpdesks hand out; it names the offset of the next page. */
export const pageToken = (offset: number): string => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
export function offsetOf(token: string): number | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && 'o' in value && Number.isInteger(value.o)
      ? Number(value.o)
      : undefined;
  } catch {
    return undefined;
  }
}
