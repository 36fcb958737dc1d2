import http from 'node:http';
import https from 'node:https';

/**
 * A `fetch` that sends each request (method, headers, body) over real HTTP to the local server at `localUrl`, with
 * the Host the URL names: what a browser with --host-resolver-rules does, for code that takes a `fetch`. Node's own
 * fetch ignores a Host header, so this uses node:http.
 */
export function hostFetch(localUrl: string): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = init.body == null ? undefined : String(init.body);
    if (init.body instanceof URLSearchParams) headers['content-type'] = 'application/x-www-form-urlencoded';
    const target = new URL(url.pathname + url.search, localUrl);
    const options = { method: init.method ?? 'GET', headers: { ...headers, host: url.host } };
    return new Promise<Response>((resolve, reject) => {
      const onResponse = (res: http.IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') responseHeaders.set(name, value);
          }
          const status = res.statusCode ?? 0;
          const empty = status === 204 || status === 304;
          resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
        });
        res.on('error', reject);
      };
      const req =
        target.protocol === 'https:'
          ? https.request(target, { ...options, rejectUnauthorized: false, servername: url.hostname }, onResponse)
          : http.request(target, options, onResponse);
      req.on('error', reject);
      req.end(body);
    });
  };
}
