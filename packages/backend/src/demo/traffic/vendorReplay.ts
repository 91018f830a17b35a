import http from 'node:http';
import { AddressInfo } from 'node:net';
import { genAiProviderName, TrafficTokenType } from './dayPlan';
import { TrafficLedger } from './TrafficLedger';
import { vendorAnswer } from './vendorMessages';

/** What the replay answers a call that succeeds: 201 to a POST, else 200. */
export function successStatus(method: string): string {
  return method === 'POST' ? '201' : '200';
}

const HOST_PROVIDERS: Record<string, string> = {
  'api.openai.com': 'OpenAI',
  'api.anthropic.com': 'Anthropic',
};

/**
 * What a chat call used: the planned usage a capability sends along, or for a call an
 * SDK makes on its own, its prompt's length over four and up to 600 output tokens.
 */
function callUsage(
  headers: http.IncomingHttpHeaders,
  body: string,
): { model: string; tokens: Record<TrafficTokenType, number> } {
  const planned = headers['x-replay-usage'];
  if (planned) {
    return {
      model: String(headers['x-replay-model'] ?? 'unknown'),
      tokens: JSON.parse(String(planned)),
    };
  }
  const params = JSON.parse(body || '{}');
  const prompt = JSON.stringify([params.system ?? '', params.messages ?? []]);
  return {
    model: String(params.model ?? 'unknown'),
    tokens: {
      input: Math.ceil(prompt.length / 4),
      output: Math.min(Number(params.max_tokens ?? 600), 600),
      cache_read: 0,
      cache_creation: 0,
    },
  };
}

/**
 * The vendors' APIs as the demo's capabilities reach them, on one local port (the
 * capabilities resolve the vendors' hosts to it): chat calls answered in each
 * vendor's documented shape with the usage the call's plan gives, counted in the
 * ledger as the vendor's own count; `x-replay-answer` makes a call fail as planned
 * (429 with Retry-After, 503, or no answer); other calls (SMS, payments, maps,
 * tickets) answered 201 when they POST, else 200.
 */
export async function startVendorReplay(options: {
  port: number;
  ledger: TrafficLedger;
}): Promise<http.Server> {
  let served = 0;
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', chunk => (body += chunk));
    request.on('end', () => {
      const answer = request.headers['x-replay-answer'];
      if (answer === 'timeout') return; // never answers; the caller times out
      if (answer === '429') {
        response
          .writeHead(429, {
            'retry-after': '1',
            'content-type': 'application/json',
          })
          .end(
            '{"error":{"type":"rate_limit_error","message":"Rate limit reached"}}',
          );
        return;
      }
      if (answer === '503') {
        response.writeHead(503).end('{"error":{"type":"overloaded_error"}}');
        return;
      }
      const host = (request.headers.host ?? '').replace(/:\d+$/, '');
      const provider = HOST_PROVIDERS[host];
      if (!provider) {
        response
          .writeHead(Number(successStatus(request.method ?? 'GET')), {
            'content-type': 'application/json',
          })
          .end('{}');
        return;
      }
      const { model, tokens } = callUsage(request.headers, body);
      options.ledger.addTokens(
        String(request.headers['x-replay-capability']),
        String(request.headers['x-replay-day']),
        { provider: genAiProviderName(provider), model },
        tokens,
      );
      served += 1;
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(
          JSON.stringify(vendorAnswer(provider, model, tokens, String(served))),
        );
    });
  });
  await new Promise<void>(resolve =>
    server.listen(options.port, '127.0.0.1', resolve),
  );
  return server;
}

/** The port a server listens on. */
export function portOf(server: http.Server): number {
  return (server.address() as AddressInfo).port;
}
