import http from 'node:http';
import { AddressInfo } from 'node:net';
import { answerAnthropic, isAnthropicPath } from './anthropicApi';
import { DemoVendorReports } from './demoVendorReports';
import { toJsonText } from './jsonWithDecimals';
import { SPEND_LOGS_PATH, answerLiteLlm } from './liteLlmApi';
import { answerOpenAi, isOpenAiPath } from './openAiApi';
import { VendorAnswer, VendorRequest } from './vendorRequest';

/** The keys the demo's sources send (app-config.yaml). */
export const DEMO_VENDOR_KEYS = {
  openAiAdminKey: 'sk-admin-tollgate-demo',
  anthropicAdminKey: 'sk-ant-admin01-tollgate-demo',
  liteLlmMasterKey: 'sk-litellm-tollgate-demo',
};

/** A running replay. */
export interface DemoVendorReplay {
  /** Such as http://127.0.0.1:9302. */
  url: string;
  close(): Promise<void>;
}

/** The answer to one request, from the vendor API its path belongs to. */
export function answerVendorRequest(
  reports: DemoVendorReports,
  request: VendorRequest,
  keys: typeof DEMO_VENDOR_KEYS,
): VendorAnswer {
  const known =
    isOpenAiPath(request.path) ||
    isAnthropicPath(request.path) ||
    request.path === SPEND_LOGS_PATH;
  if (!known) {
    return { status: 404, body: { error: { message: 'Not found' } } };
  }
  if (request.method !== 'GET') {
    return {
      status: 405,
      headers: { allow: 'GET' },
      body: { error: { message: 'Method not allowed' } },
    };
  }
  if (isOpenAiPath(request.path)) {
    return answerOpenAi(reports, request, keys.openAiAdminKey);
  }
  if (isAnthropicPath(request.path)) {
    return answerAnthropic(reports, request, keys.anthropicAdminKey);
  }
  return answerLiteLlm(reports, request, keys.liteLlmMasterKey);
}

/**
 * Serves the demo's vendor reports on one port as the vendors' APIs do: OpenAI's
 * organization Usage and Costs APIs, Anthropic's Admin API usage and cost reports,
 * and a LiteLLM proxy's spend logs, each checking the key its source sends.
 */
export async function startDemoVendorReplay(options: {
  reports: DemoVendorReports;
  port: number;
  host?: string;
  keys?: typeof DEMO_VENDOR_KEYS;
}): Promise<DemoVendorReplay> {
  const {
    reports,
    port,
    host = '127.0.0.1',
    keys = DEMO_VENDOR_KEYS,
  } = options;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://replay');
    const answer = answerVendorRequest(
      reports,
      {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
      },
      keys,
    );
    res.writeHead(answer.status, {
      'content-type': 'application/json',
      ...answer.headers,
    });
    res.end(toJsonText(answer.body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}
