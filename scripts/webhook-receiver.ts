// A webhook receiver that fails on purpose: answers like Slack, Teams Workflows or a generic webhook, and can be told
// to fail the next requests (or a share of them at random) in every way a real one does. Used by the unit tests,
// the end-to-end tests and the demo. Node built-ins plus `selfsigned` only.
//
// Another process steers it over HTTP:
//   POST /__receiver/fail      {"n": 3, "mode": "500", "retryAfterSeconds": 2, "slowMs": 500}
//   GET  /__receiver/received  → {"received": [...], "delivered": {"<Idempotency-Key>": timesAccepted}}

import http from 'node:http';
import https from 'node:https';
import { pathToFileURL } from 'node:url';
import { throwawayCertificate } from './certificate';

export const RECEIVER_FAILURES = [
  'none',
  '500',
  '429',
  'slow',
  'hang',
  'refuse',
  'close-mid-response',
  'no_service',
  'invalid_payload',
] as const;
export type ReceiverFailure = (typeof RECEIVER_FAILURES)[number];
export type ReceiverStyle = 'slack' | 'teams' | 'webhook';

export interface ReceivedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, or null when it is not JSON. */
  json: unknown;
  at: number;
  /** How the receiver answered it. */
  failure: ReceiverFailure;
}

export interface WebhookReceiver {
  port: number;
  /** Base URL, e.g. http://127.0.0.1:PORT; any path under it is a webhook. */
  url: string;
  /** PEM of the throwaway certificate when started with `tls` (to trust it in a Node client). */
  cert?: string;
  /** Every request that reached the handler, control requests excepted. */
  received: ReceivedRequest[];
  /** Idempotency-Key → times accepted with 2xx; more than 1 means the same kudos was delivered twice. */
  delivered: Map<string, number>;
  /** The next `n` requests fail that way, then requests succeed again. */
  failFirst(n: number, mode: ReceiverFailure, opts?: { retryAfterSeconds?: number; slowMs?: number }): void;
  /** Each request fails with probability `rate` (after any `failFirst` ones); a list of modes picks one at random. */
  failRandomly(rate: number, mode: ReceiverFailure | readonly ReceiverFailure[], random?: () => number): void;
  /** The success answer: Slack 200 "ok" (default), Teams 202 with an empty body, webhook 200 JSON. */
  respondLike(kind: ReceiverStyle): void;
  /**
   * Resolves once every request received so far is over: answered, or its connection gone. From then on `delivered`
   * holds for them, so a test can tell that a request in flight was never accepted without waiting out its answer.
   */
  answered(): Promise<void>;
  close(): Promise<void>;
}

interface State {
  style: ReceiverStyle;
  first: { remaining: number; mode: ReceiverFailure; retryAfterSeconds: number; slowMs: number };
  randomly: { rate: number; modes: readonly ReceiverFailure[]; random: () => number } | null;
  received: ReceivedRequest[];
  delivered: Map<string, number>;
  timers: Set<NodeJS.Timeout>;
  /** One promise per request not over yet. */
  open: Set<Promise<void>>;
}

const DEFAULT_RETRY_AFTER_SECONDS = 1;
const DEFAULT_SLOW_MS = 300;
const MAX_BODY_BYTES = 1_000_000;

function headersOf(req: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function isFailure(value: unknown): value is ReceiverFailure {
  return typeof value === 'string' && (RECEIVER_FAILURES as readonly string[]).includes(value);
}

/** Which failure this request gets: the queued `failFirst` ones, then the random ones. */
function pickFailure(state: State): { mode: ReceiverFailure; retryAfterSeconds: number; slowMs: number } {
  const { first, randomly } = state;
  if (first.remaining > 0) {
    first.remaining--;
    return first;
  }
  if (randomly && randomly.rate > 0 && randomly.random() < randomly.rate) {
    const index = Math.min(randomly.modes.length - 1, Math.floor(randomly.random() * randomly.modes.length));
    const mode = randomly.modes[index] ?? 'none';
    return { mode, retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS, slowMs: DEFAULT_SLOW_MS };
  }
  return { mode: 'none', retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS, slowMs: DEFAULT_SLOW_MS };
}

function succeed(state: State, res: http.ServerResponse, key: string): void {
  if (res.destroyed) return;
  state.delivered.set(key, (state.delivered.get(key) ?? 0) + 1);
  if (state.style === 'teams') res.writeHead(202, { 'content-length': '0' }).end();
  else if (state.style === 'webhook') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ ok: true, key }));
  } else res.writeHead(200, { 'content-type': 'text/html' }).end('ok');
}

function answer(
  state: State,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  failure: ReturnType<typeof pickFailure>,
  key: string,
): void {
  const plain = (status: number, body: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(body);
  };
  switch (failure.mode) {
    case 'none':
      succeed(state, res, key);
      return;
    case '500':
      plain(500, state.style === 'slack' ? 'rollup_error' : 'Internal Server Error');
      return;
    case '429':
      plain(429, state.style === 'slack' ? 'rate_limited' : 'Too Many Requests', {
        'retry-after': String(failure.retryAfterSeconds),
      });
      return;
    case 'no_service':
      plain(404, 'no_service');
      return;
    case 'invalid_payload':
      plain(400, 'invalid_payload');
      return;
    case 'refuse':
      req.socket.destroy();
      return;
    case 'hang':
      return; // never answered; the client's timeout (or close()) ends it
    case 'slow': {
      const timer = setTimeout(() => {
        state.timers.delete(timer);
        succeed(state, res, key);
      }, failure.slowMs);
      state.timers.add(timer);
      return;
    }
    case 'close-mid-response':
      // Headers and part of the body, then the connection drops: the client cannot know whether it landed.
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': '64' });
      res.write('o', () => setImmediate(() => req.socket.destroy()));
      return;
  }
}

function control(state: State, path: string, method: string, body: string, res: http.ServerResponse): void {
  const json = (status: number, value: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
  };
  if (path === '/__receiver/received' && method === 'GET') {
    json(200, { received: state.received, delivered: Object.fromEntries(state.delivered) });
    return;
  }
  if (path === '/__receiver/fail' && method === 'POST') {
    const request = parseJson(body) as { n?: unknown; mode?: unknown; retryAfterSeconds?: unknown; slowMs?: unknown };
    if (!request || !isFailure(request.mode) || typeof request.n !== 'number' || request.n < 0) {
      json(400, { error: `Expected {"n": number, "mode": one of ${RECEIVER_FAILURES.join(', ')}}` });
      return;
    }
    state.first = {
      remaining: Math.floor(request.n),
      mode: request.mode,
      retryAfterSeconds:
        typeof request.retryAfterSeconds === 'number' ? request.retryAfterSeconds : DEFAULT_RETRY_AFTER_SECONDS,
      slowMs: typeof request.slowMs === 'number' ? request.slowMs : DEFAULT_SLOW_MS,
    };
    json(200, { ok: true });
    return;
  }
  json(404, { error: 'Unknown receiver control endpoint' });
}

export async function startWebhookReceiver(opts: { tls?: boolean; port?: number } = {}): Promise<WebhookReceiver> {
  const state: State = {
    style: 'slack',
    first: { remaining: 0, mode: 'none', retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS, slowMs: DEFAULT_SLOW_MS },
    randomly: null,
    received: [],
    delivered: new Map(),
    timers: new Set(),
    open: new Set(),
  };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const path = req.url ?? '/';
    const pathname = path.split('?')[0] ?? '/';
    if (pathname.startsWith('/__receiver/')) {
      readBody(req)
        .then((body) => control(state, pathname, req.method ?? 'GET', body, res))
        .catch(() => req.socket.destroy());
      return;
    }
    const over = new Promise<void>((resolve) => res.once('close', resolve));
    state.open.add(over);
    void over.then(() => state.open.delete(over));
    const failure = pickFailure(state);
    const headers = headersOf(req);
    const record = (body: string) =>
      state.received.push({ path, headers, body, json: parseJson(body), at: Date.now(), failure: failure.mode });
    if (failure.mode === 'refuse') {
      record('');
      req.socket.destroy();
      return;
    }
    readBody(req)
      .then((body) => {
        record(body);
        const key = headers['idempotency-key'] ?? '';
        answer(state, req, res, failure, key);
      })
      .catch(() => req.socket.destroy());
  };

  const certificate = opts.tls
    ? await throwawayCertificate('Kept webhook receiver', [
        'hooks.slack.com',
        '*.logic.azure.com',
        '*.webhook.office.com',
        '*.example.com',
        'localhost',
      ])
    : undefined;
  const server = certificate ? https.createServer(certificate, handler) : http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `${certificate ? 'https' : 'http'}://127.0.0.1:${port}`,
    ...(certificate ? { cert: certificate.cert } : {}),
    received: state.received,
    delivered: state.delivered,
    failFirst(n, mode, failOpts = {}) {
      state.first = {
        remaining: Math.max(0, Math.floor(n)),
        mode,
        retryAfterSeconds: failOpts.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
        slowMs: failOpts.slowMs ?? DEFAULT_SLOW_MS,
      };
    },
    failRandomly(rate, mode, random = Math.random) {
      const modes = typeof mode === 'string' ? [mode] : [...mode];
      state.randomly = rate > 0 && modes.length ? { rate, modes, random } : null;
    },
    respondLike(kind) {
      state.style = kind;
    },
    answered: async () => {
      await Promise.all(state.open);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of state.timers) clearTimeout(timer);
        state.timers.clear();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// `node --import tsx scripts/webhook-receiver.ts [--tls] [--port 8443] [--like slack|teams|webhook]`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (flag: string) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const like = option('--like');
  const receiver = await startWebhookReceiver({ tls: args.includes('--tls'), port: Number(option('--port') ?? 0) });
  if (like === 'slack' || like === 'teams' || like === 'webhook') receiver.respondLike(like);
  console.log(`Webhook receiver on ${receiver.url} (steer it with POST ${receiver.url}/__receiver/fail)`);
  const stop = () => void receiver.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
