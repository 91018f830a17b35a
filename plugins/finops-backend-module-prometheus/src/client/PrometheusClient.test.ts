import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { PrometheusClient } from './PrometheusClient';
import { PrometheusQueryError } from './PrometheusQueryError';

/**
 * Answers that a Prometheus server does not normally give (malformed bodies,
 * proxies' HTML pages): the source must refuse them clearly. Queries against a real
 * server are covered by the source's tests.
 */
describe('PrometheusClient', () => {
  let server: Server;
  let baseUrl: string;
  let answer: (req: IncomingMessage, res: ServerResponse, body: string) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => answer(req, res, body));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  const client = () =>
    new PrometheusClient({
      baseUrl: `${baseUrl}/`,
      headers: { Authorization: 'Bearer t' },
      timeoutMs: 5000,
    });
  const query = () =>
    client().query('up', 1740787200, new AbortController().signal);

  it('posts the query and time with the configured headers, and reads vectors', async () => {
    answer = (req, res, body) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          status: 'success',
          warnings: ['partial data'],
          data: {
            resultType: 'vector',
            result: [
              {
                metric: {
                  job: 'a',
                  seen: `${req.method} ${req.url} ${req.headers.authorization} ${body}`,
                },
                value: [1, '12.5'],
              },
              { metric: {}, value: [1, 'NaN'] },
              { metric: {}, value: [1, '+Inf'] },
            ],
          },
        }),
      );
    };
    const result = await query();
    expect(result.warnings).toEqual(['partial data']);
    expect(result.samples[0]).toEqual({
      labels: {
        job: 'a',
        seen: 'POST /api/v1/query Bearer t query=up&time=1740787200',
      },
      value: 12.5,
    });
    expect(result.samples[1].value).toBeNaN();
    expect(result.samples[2].value).toBe(Infinity);
  });

  it('reads scalars', async () => {
    answer = (_req, res) =>
      res.end(
        JSON.stringify({
          status: 'success',
          data: { resultType: 'scalar', result: [1, '3'] },
        }),
      );
    expect((await query()).samples).toEqual([{ labels: {}, value: 3 }]);
  });

  it.each([
    [
      'a non-JSON body',
      200,
      '<html>proxy login</html>',
      /answered a malformed body: <html>proxy login<\/html>/,
    ],
    [
      'a matrix',
      200,
      JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [] },
      }),
      /expected an instant vector or a scalar, got "matrix"/,
    ],
    [
      'a bad value',
      200,
      JSON.stringify({
        status: 'success',
        data: {
          resultType: 'vector',
          result: [{ metric: {}, value: [1, 'many'] }],
        },
      }),
      /value "many" is not a number/,
    ],
    [
      'an error body',
      422,
      JSON.stringify({
        status: 'error',
        errorType: 'execution',
        error: 'query processing would load too many samples',
      }),
      /failed with HTTP 422 Unprocessable Entity, execution: query processing would load too many samples/,
    ],
    [
      'an HTTP error',
      502,
      'Bad Gateway',
      /failed with HTTP 502 Bad Gateway: Bad Gateway/,
    ],
  ])('refuses %s', async (_what, status, body, message) => {
    answer = (_req, res) => {
      res.statusCode = status;
      res.end(body);
    };
    const error = await query().catch(e => e);
    expect(error).toBeInstanceOf(PrometheusQueryError);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(
      `Prometheus query at ${baseUrl}/api/v1/query (time 2025-03-01T00:00:00.000Z): up`,
    );
    expect(error.query).toBe('up');
  });

  it('tells parse errors apart', async () => {
    answer = (_req, res) => {
      res.statusCode = 400;
      res.end(
        JSON.stringify({
          status: 'error',
          errorType: 'bad_data',
          error: '1:2: parse error: unexpected string',
        }),
      );
    };
    const error = await query().catch(e => e);
    expect(error.errorType).toBe('bad_data');
    expect(error.isParseError).toBe(true);
  });
});
