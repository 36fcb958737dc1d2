import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  /** Path and query, as the server received them. */
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * A real HTTP server on 127.0.0.1 that keeps every request it receives (what a helpdesk would see) and answers with
 * `answer`. `base` is its address; `close()` when done.
 */
export async function startRecordingServer(answer: (request: SeenRequest) => Answer) {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    seen.push(request);
    const { status, body, headers } = answer(request);
    res.writeHead(status, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
