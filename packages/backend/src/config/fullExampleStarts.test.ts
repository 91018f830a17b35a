import { ConfigSources } from '@backstage/config-loader';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleFinops from '@tollgate/plugin-catalog-backend-module-finops';
import finopsPlugin from '@tollgate/plugin-finops-backend';
import anthropicModule from '@tollgate/plugin-finops-backend-module-anthropic';
import focusModule from '@tollgate/plugin-finops-backend-module-focus';
import litellmModule from '@tollgate/plugin-finops-backend-module-litellm';
import openaiModule from '@tollgate/plugin-finops-backend-module-openai';
import opencostModule from '@tollgate/plugin-finops-backend-module-opencost';
import prometheusModule from '@tollgate/plugin-finops-backend-module-prometheus';
import { AddressInfo } from 'node:net';
import { FULL_EXAMPLE, FULL_EXAMPLE_ENV } from './__testUtils__/fullExample';

jest.setTimeout(60_000);

/** The full example as the backend reads it, its secrets taken from the environment. */
async function readFullExample() {
  const config = await ConfigSources.toConfig(
    ConfigSources.defaultForTargets({
      targets: [{ type: 'path', target: FULL_EXAMPLE }],
      substitutionFunc: async name =>
        FULL_EXAMPLE_ENV[name as keyof typeof FULL_EXAMPLE_ENV],
    }),
  );
  try {
    return config.get<Record<string, any>>();
  } finally {
    config.close();
  }
}

/**
 * Every reader the backend starts with (currency, ingestion, precedence, budgets,
 * scorecards, prices, governance, Naftiko and each source type) accepts every value
 * of the full example.
 */
const start = (data: Record<string, any>) =>
  startTestBackend({
    features: [
      mockServices.rootConfig.factory({ data }),
      catalogPlugin,
      catalogModuleFinops,
      finopsPlugin,
      focusModule,
      opencostModule,
      prometheusModule,
      openaiModule,
      anthropicModule,
      litellmModule,
    ],
  });

describe('the full example configuration', () => {
  it('starts the finops backend, its modules and the catalog module', async () => {
    const data = await readFullExample();
    expect(data.tollgate.budgets.webhookUrl).toBe(
      FULL_EXAMPLE_ENV.TOLLGATE_ALERT_WEBHOOK_URL,
    );
    const { server } = await start(data);
    const { port } = server.address() as AddressInfo;
    const response = await fetch(
      `http://localhost:${port}/api/finops/v1/sources`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { id: string }[] };
    expect(items.map(item => item.id)).toEqual(
      expect.arrayContaining([
        'focus:llm-invoices',
        'opencost:prod-eu',
        'prometheus:main',
        'openai:org',
        'anthropic:org',
        'litellm:gateway',
      ]),
    );
  });

  // The readers run as the backend starts: a bad value stops it, naming the key.
  it.each<[string, (tollgate: Record<string, any>) => void, RegExp]>([
    [
      'budgets',
      t => (t.budgets.anomalyDays = 99),
      /tollgate\.budgets\.anomalyDays has invalid value 99/,
    ],
    [
      'precedence',
      t => (t.metering.precedence = ['invoice', 'metered']),
      /tollgate\.metering\.precedence must list each of/,
    ],
    [
      'prices',
      t => (t.pricing.models[0].inputPerMillion = 'cheap'),
      /tollgate\.pricing\.models\[0\]\.inputPerMillion has invalid value/,
    ],
    [
      'scorecards',
      t => (t.scorecards[0].checks[0].pillar = 'speed'),
      /tollgate\.scorecards\[0\].*pillar has invalid value "speed"/,
    ],
    [
      'governance',
      t => (t.governance.rules[0].level = 'strict'),
      /tollgate\.governance\.rules\[0\].*"strict"/,
    ],
    [
      'an OpenCost source',
      t => (t.sources.opencost[0].timeout = 'soon'),
      /Invalid tollgate\.sources\.opencost\[0\]\.timeout: /,
    ],
    [
      'a Prometheus source',
      t => (t.sources.prometheus[0].naming = 'dotted'),
      /naming has invalid value "dotted"/,
    ],
    [
      'a FOCUS source',
      t => (t.sources.focus[0].urls = ['ftp://billing.example.com/focus.csv']),
      /FOCUS export URL ftp:\/\/billing\.example\.com\/focus\.csv must use http or https/,
    ],
  ])('does not start with a bad value in %s', async (_, spoil, message) => {
    const data = await readFullExample();
    spoil(data.tollgate);
    await expect(start(data)).rejects.toThrow(message);
  });
});
