import http from 'node:http';
import { AddressInfo } from 'node:net';

/** One request the replay server received. @public */
export interface ReceivedRequest {
  /** Such as `GET`. */
  method: string;
  /** The path without the query, such as `/spend/logs/v2`. */
  path: string;
  /** The query parameters. */
  query: URLSearchParams;
  /** The request's headers, names in lower case. */
  headers: http.IncomingHttpHeaders;
  /** When it arrived, in milliseconds since the epoch. */
  at: number;
}

/**
 * What the replay server answers: a status, headers and a JSON or text body, or
 * `hang` for no answer at all (to test timeouts).
 *
 * @public
 */
export type ReplayAnswer =
  | {
      status?: number;
      headers?: Record<string, string>;
      /** An object is sent as JSON; a string as it is. */
      body?: unknown;
    }
  | 'hang';

/** A running replay server. @public */
export interface ReplayServer {
  /** The base URL, such as http://127.0.0.1:43121. */
  url: string;
  /** Every request received so far, in order. */
  requests: ReceivedRequest[];
  /** Stops the server, dropping requests left unanswered. */
  close(): Promise<void>;
}

/**
 * A local HTTP server on a free port that answers each request as `answer` says,
 * standing in for a vendor API in tests, and records what it received.
 *
 * @public
 */
export async function startReplayServer(
  answer: (request: ReceivedRequest) => ReplayAnswer,
): Promise<ReplayServer> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://replay');
    const request: ReceivedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      at: Date.now(),
    };
    requests.push(request);
    const answered = answer(request);
    if (answered === 'hang') {
      return;
    }
    const { status = 200, headers = {}, body = '' } = answered;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type':
        typeof body === 'string' ? 'text/plain' : 'application/json',
      ...headers,
    });
    res.end(text);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}
