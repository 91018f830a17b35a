import http from 'node:http';
import { LookupFunction } from 'node:net';

/** Resolves every host to 127.0.0.1, where the vendor replay listens. */
export const resolveToReplay: LookupFunction = (_host, options, callback) => {
  const answer = callback as (...args: unknown[]) => void;
  if (options.all) answer(null, [{ address: '127.0.0.1', family: 4 }]);
  else answer(null, '127.0.0.1', 4);
};

/** An HTTP call's answer: its status, headers and body. */
export interface ReplayAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * An HTTP call over `node:http` (which the OpenTelemetry HTTP instrumentation sees) to
 * a vendor's host, resolved to the local vendor replay. With `timeoutMs`, a call not
 * answered by then fails with an error named TimeoutError.
 */
export function replayRequest(call: {
  host: string;
  port?: string | number;
  path: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  signal?: AbortSignal | null;
}): Promise<ReplayAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: call.host,
        port: call.port,
        path: call.path,
        method: call.method,
        headers: call.headers,
        lookup: resolveToReplay,
        timeout: call.timeoutMs,
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => {
      const error = new Error(`${call.host} did not answer in time`);
      error.name = 'TimeoutError';
      request.destroy(error);
    });
    request.on('error', reject);
    call.signal?.addEventListener('abort', () =>
      request.destroy(new Error('aborted')),
    );
    request.end(call.body);
  });
}

/**
 * A `fetch` that reaches the vendors' hosts at the local vendor replay
 * (`replayRequest`), with extra headers: for the vendors' SDKs, which call `fetch`.
 */
export function replayFetch(extraHeaders: () => Record<string, string>) {
  return async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const answer = await replayRequest({
      host: url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      method: init?.method ?? 'GET',
      headers: {
        ...Object.fromEntries(new Headers(init?.headers).entries()),
        ...extraHeaders(),
      },
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal,
    });
    return new Response(answer.body, {
      status: answer.status,
      headers: answer.headers as Record<string, string>,
    });
  };
}
