import http from 'node:http';
import { LookupFunction } from 'node:net';

/** Resolves every host to 127.0.0.1, where the vendor replay listens. */
export const resolveToReplay: LookupFunction = (_host, options, callback) => {
  const answer = callback as (...args: unknown[]) => void;
  if (options.all) answer(null, [{ address: '127.0.0.1', family: 4 }]);
  else answer(null, '127.0.0.1', 4);
};

/**
 * A `fetch` over `node:http` (which the OpenTelemetry HTTP instrumentation sees) that
 * reaches the vendors' hosts at the local vendor replay, with extra headers: for the
 * vendors' SDKs, which call `fetch`.
 */
export function replayFetch(extraHeaders: () => Record<string, string>) {
  return (input: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers = {
        ...Object.fromEntries(new Headers(init?.headers).entries()),
        ...extraHeaders(),
      };
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: `${url.pathname}${url.search}`,
          method: init?.method ?? 'GET',
          headers,
          lookup: resolveToReplay,
        },
        response => {
          const chunks: Buffer[] = [];
          response.on('data', chunk => chunks.push(chunk));
          response.on('end', () =>
            resolve(
              new Response(Buffer.concat(chunks), {
                status: response.statusCode,
                headers: response.headers as Record<string, string>,
              }),
            ),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      init?.signal?.addEventListener('abort', () =>
        request.destroy(new Error('aborted')),
      );
      request.end(typeof init?.body === 'string' ? init.body : undefined);
    });
}
