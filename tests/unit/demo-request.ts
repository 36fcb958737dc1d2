import http from 'node:http';
import { pathOf } from '@/utils/helpdesks/payload';
import type { Transport } from '@/utils/history/http';
import { type DemoHelpdesk, sessionCookieFor } from '../../scripts/demo-helpdesk/server';

export interface HostReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A GET to the demo helpdesk as `host` (e.g. acme.freshdesk.com), the way a browser with --host-resolver-rules asks
 * it. Node's fetch ignores a Host header, so this uses node:http.
 */
export function hostGet(
  helpdesk: Pick<DemoHelpdesk, 'localUrl'>,
  host: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<HostReply> {
  return new Promise((resolve, reject) => {
    http
      .get(`${helpdesk.localUrl}${path}`, { headers: { host, ...headers } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

/** The content script's same-origin GET with the rep's session, against the demo helpdesk answering as `host`. */
export async function hostTransport(helpdesk: DemoHelpdesk, host: string): Promise<Transport> {
  const cookie = await sessionCookieFor(helpdesk, host);
  return async (request) => {
    const reply = await hostGet(helpdesk, host, pathOf(request), { cookie, accept: 'application/json' });
    const header = (name: string) => {
      const value = reply.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    return {
      status: reply.status,
      contentType: header('content-type') ?? '',
      retryAfter: header('retry-after'),
      body: reply.body,
    };
  };
}
