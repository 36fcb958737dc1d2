import type { HttpReply } from '../messages';

/** What a helpdesk answered, as the background reads it (status, type, `Retry-After`, the body as text). */
export async function replyOf(response: Response): Promise<HttpReply> {
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after') ?? undefined,
    body: await response.text(),
  };
}

/** A request that never got an answer (offline, DNS, TLS, refused) as a reply of status 0 saying why. */
export function unreachable(error: unknown): HttpReply {
  return { status: 0, contentType: '', body: error instanceof Error ? error.message : String(error) };
}
